import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { githubSlug, headingsOf, linksOf } from '../helpers/markdownDocs';
import { REPO_ROOT } from '../helpers/tempWorkspace';

/** The documents a reader moves between: the README, the contributor's guide and the references. */
const DOCUMENTS = ['README.md', 'CONTRIBUTING.md', ...readdirSync(path.join(REPO_ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

const README_LIMIT_BYTES = 20 * 1024;

/**
 * The relative links of a document that do not resolve: a path that names
 * no file or folder of the repository, or an `#anchor` that no heading of
 * the target Markdown document has. Absolute URLs are not followed.
 */
function brokenLinks(file: string, markdown: string, read: (relative: string) => string | undefined): string[] {
  const broken: string[] = [];
  for (const { target, line } of linksOf(markdown)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
    const targetFile = pathPart === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(pathPart)));
    const where = `${file}:${line}: ${target}`;
    if (targetFile.startsWith('../') || path.posix.isAbsolute(targetFile)) {
      broken.push(`${where} (leads out of the repository)`);
      continue;
    }
    const content = read(targetFile);
    if (content === undefined) {
      broken.push(`${where} (no such file)`);
      continue;
    }
    if (anchor === undefined) continue;
    if (!targetFile.endsWith('.md')) {
      broken.push(`${where} (an anchor into a file that is not Markdown)`);
      continue;
    }
    if (!headingsOf(content).some((heading) => heading.anchor === anchor)) broken.push(`${where} (no heading with this anchor in ${targetFile})`);
  }
  return broken;
}

/** A file's text (a folder reads as ""), or undefined when the repository has no such path. */
function readRepositoryFile(relative: string): string | undefined {
  const absolute = path.join(REPO_ROOT, relative);
  if (!existsSync(absolute)) return undefined;
  return statSync(absolute).isDirectory() ? '' : readFileSync(absolute, 'utf8');
}

describe('the documents', () => {
  it('include the README, CONTRIBUTING.md, docs/ARCHITECTURE.md and the references moved out of the README', () => {
    for (const name of ['README.md', 'CONTRIBUTING.md', 'docs/ARCHITECTURE.md', 'docs/format.md', 'docs/checks.md', 'docs/cli.md', 'docs/editors.md', 'docs/performance.md', 'docs/limits.md']) {
      assert.ok(DOCUMENTS.includes(name), `${name} exists`);
    }
  });

  it(`keep the README under ${README_LIMIT_BYTES / 1024} KB: it is for users, the references live in docs/`, () => {
    const size = Buffer.byteLength(readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'));
    assert.ok(size < README_LIMIT_BYTES, `README.md is ${size} bytes`);
  });

  for (const file of DOCUMENTS) {
    it(`${file}: every relative link and #anchor resolves`, () => {
      const markdown = readRepositoryFile(file)!;
      assert.ok(linksOf(markdown).length > 0, `${file} has links`);
      assert.deepEqual(brokenLinks(file, markdown, readRepositoryFile), []);
    });
  }

  it('the README links to every reference in docs/', () => {
    const targets = new Set(linksOf(readRepositoryFile('README.md')!).map((link) => link.target.split('#')[0]));
    for (const file of DOCUMENTS.filter((name) => name.startsWith('docs/'))) assert.ok(targets.has(file), `README.md links to ${file}`);
  });
});

describe('the link checker', () => {
  it('gives headings the anchors GitHub gives them', () => {
    const headings = headingsOf(['# Policy Annotator', '## Configuration: `policy-annotator.yaml`', '### `quote-stale`', '## Neovim 0.8–0.10', '## Use it from any editor', '## Checks', '## Checks', '```sh', '# not a heading', '```'].join('\n'));
    assert.deepEqual(
      headings.map((h) => h.anchor),
      ['policy-annotator', 'configuration-policy-annotatoryaml', 'quote-stale', 'neovim-08010', 'use-it-from-any-editor', 'checks', 'checks-1'],
    );
    assert.equal(githubSlug('Writes and exports never follow a link'), 'writes-and-exports-never-follow-a-link');
    assert.equal(githubSlug('Qu’est-ce que c’est ? Ça'), 'quest-ce-que-cest--ça');
  });

  it('finds links outside code only', () => {
    const markdown = ['See [the format](docs/format.md#actors) and ![a picture](docs/images/x.png).', 'Not `[this](nowhere.md)`.', '```', '[nor this](nowhere.md)', '```'].join('\n');
    assert.deepEqual(linksOf(markdown), [
      { target: 'docs/format.md#actors', line: 1 },
      { target: 'docs/images/x.png', line: 1 },
    ]);
  });

  it('reports a missing file, a missing anchor and a link out of the repository', () => {
    const files: Record<string, string> = { 'docs/a.md': '# A\n\n## Here\n', 'README.md': '' };
    const markdown = '[ok](docs/a.md#here) [self](#top) [gone](docs/b.md) [no anchor](docs/a.md#there) [out](../../etc/passwd) [web](https://example.com/#x)\n\n# Top\n';
    const broken = brokenLinks('README.md', markdown, (relative) => (relative === 'README.md' ? markdown : files[relative]));
    assert.deepEqual(broken, [
      'README.md:1: docs/b.md (no such file)',
      'README.md:1: docs/a.md#there (no heading with this anchor in docs/a.md)',
      'README.md:1: ../../etc/passwd (leads out of the repository)',
    ]);
  });
});
