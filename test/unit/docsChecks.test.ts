import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DIAGNOSTIC_CODES, diagnosticDocsUrl, DOCS_BASE_URL, type DiagnosticCodeInfo } from '../../server/src/core';
import { headingsOf } from '../helpers/markdownDocs';
import { REPO_ROOT } from '../helpers/tempWorkspace';

const CHECKS_MD = readFileSync(path.join(REPO_ROOT, 'docs', 'checks.md'), 'utf8');
const CODES = Object.keys(DIAGNOSTIC_CODES) as (keyof typeof DIAGNOSTIC_CODES)[];

/** A code's section of docs/checks.md: a heading that is the code in backticks, and its text up to the next heading. */
interface CodeSection {
  code: string;
  anchor: string;
  body: string;
}

/** Every section of docs/checks.md whose heading is a code in backticks, in order. */
function codeSections(markdown: string): CodeSection[] {
  const lines = markdown.split('\n');
  const headings = headingsOf(markdown);
  return headings.flatMap((heading, i) => {
    const code = /^`([a-z0-9-]+)`$/.exec(heading.text)?.[1];
    if (!code) return [];
    const end = i + 1 < headings.length ? headings[i + 1].line - 1 : lines.length;
    return [{ code, anchor: heading.anchor, body: lines.slice(heading.line, end).join('\n') }];
  });
}

/** What a section says of the code's severity and quick fixes, from its first line: "Default severity: **error**. Quick fixes: …". */
function statedFacts(section: CodeSection): { severity: string; fixes: Record<string, string> } {
  const match = /^Default severity: \*\*(error|warning|info|hint)\*\*\. Quick fixes: (none|.+)\.$/m.exec(section.body);
  assert.ok(match, `the section of \`${section.code}\` starts with "Default severity: **…**. Quick fixes: …."`);
  const fixes: Record<string, string> = {};
  if (match[2] !== 'none') {
    for (const part of match[2].split(', ')) {
      const fix = /^`([a-z0-9-]+)` \(\*\*(fix|suggestion)\*\*\)$/.exec(part);
      assert.ok(fix, `\`${section.code}\`: "${part}" reads \`fix-id\` (**fix**) or (**suggestion**)`);
      fixes[fix[1]] = fix[2];
    }
  }
  return { severity: match[1], fixes };
}

describe('docs/checks.md and the catalogue of diagnostic codes', () => {
  const sections = codeSections(CHECKS_MD);

  it('has exactly one section per code of the catalogue, and none for a code it does not list', () => {
    const documented = sections.map((s) => s.code);
    for (const code of CODES) assert.equal(documented.filter((c) => c === code).length, 1, `one section for \`${code}\``);
    for (const code of documented) assert.ok(CODES.includes(code as (typeof CODES)[number]), `\`${code}\` is a code of the catalogue (server/src/core/diagnosticCodes.ts)`);
  });

  for (const code of CODES) {
    it(`\`${code}\`: its section states the catalogue's default severity, and each quick fix as a fix or a suggestion`, () => {
      const section = sections.find((s) => s.code === code);
      assert.ok(section, `docs/checks.md has a section \`${code}\``);
      const info: DiagnosticCodeInfo = DIAGNOSTIC_CODES[code];
      const stated = statedFacts(section);
      assert.equal(stated.severity, info.defaultSeverity);
      assert.deepEqual(stated.fixes, { ...(info.fixes ?? {}) });
      assert.ok(section.body.trim().split('\n').length > 1, `\`${code}\`: the section says what the code means and what to do`);
    });
  }

  it('every code links to an anchor that exists in docs/checks.md', () => {
    const anchors = new Set(headingsOf(CHECKS_MD).map((h) => h.anchor));
    for (const code of CODES) {
      const url = diagnosticDocsUrl(code) ?? '';
      assert.ok(url.startsWith(`${DOCS_BASE_URL}checks.md#`), `${code}: ${url}`);
      assert.ok(anchors.has(url.slice(url.indexOf('#') + 1)), `${url} names a heading of docs/checks.md`);
    }
  });

  it('gives no link for a code the catalogue does not list', () => {
    assert.equal(diagnosticDocsUrl('no-such-code'), undefined);
    assert.equal(diagnosticDocsUrl('constructor'), undefined);
  });

  it('links into the repository that package.json names, on its main branch', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    const repository = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    assert.equal(DOCS_BASE_URL, `${repository}/blob/main/docs/`);
  });
});
