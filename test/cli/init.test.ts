import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { createTempWorkspace, runCliProcess } from '../helpers/tempWorkspace';

const run = runCliProcess;

/** Every file under a folder, relative, with `/`. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/** `check` in the folder finds nothing at any severity. */
function assertChecksClean(folder: string) {
  const json = run(['check', '--format', 'json', '--no-cache'], folder);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), []);
}

const REPORT = 'Budget Review 2026\r\n\r\nThe Ministry of Finance says the deficit will fall — “below three percent” — next year. Café 😀\r\n';

describe('policy-annotator init', () => {
  const sandbox = createTempWorkspace();
  after(() => sandbox.dispose());
  let n = 0;
  const fresh = () => {
    const dir = path.join(sandbox.dir, `case-${++n}`);
    mkdirSync(dir);
    return dir;
  };

  it('creates policy-annotator.yaml, annotations/actors.yaml and annotations/concepts.yaml in a new folder, and the workspace checks clean', () => {
    const cwd = fresh();
    const result = run(['init', 'my-study'], cwd);
    assert.equal(result.code, 0, result.stderr);
    const folder = path.join(cwd, 'my-study');
    assert.deepEqual(filesUnder(folder), ['annotations/actors.yaml', 'annotations/concepts.yaml', 'policy-annotator.yaml']);
    assert.match(result.stdout, /Created a Policy Annotator workspace in my-study/);
    assert.deepEqual(parse(readFileSync(path.join(folder, 'policy-annotator.yaml'), 'utf8')), { roots: ['annotations'] });
    for (const [file, key] of [['actors.yaml', 'actors'], ['concepts.yaml', 'concepts']]) {
      const content = readFileSync(path.join(folder, 'annotations', file), 'utf8');
      assert.deepEqual(parse(content), { [key]: null }, `${file} holds only its key; the examples are comments`);
      assert.match(content, /^# {3}- id: [a-z-]+/m, `${file} has a commented example`);
    }
    assertChecksClean(folder);
    const summary = run(['check', '--summary', '--no-cache'], folder);
    assert.match(summary.stdout, /No problems in 2 annotation files/);
    assert.match(summary.stdout, /0 actors, 0 concepts/);
  });

  it('with --text, copies the text byte for byte under annotations/texts/ and creates its annotation file with text: set', () => {
    const cwd = fresh();
    writeFileSync(path.join(cwd, 'Budget Review (2026).TXT'), REPORT);
    const result = run(['init', '--text', 'Budget Review (2026).TXT'], cwd);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(filesUnder(cwd), [
      'Budget Review (2026).TXT',
      'annotations/actors.yaml',
      'annotations/budget-review-2026.yaml',
      'annotations/concepts.yaml',
      'annotations/texts/budget-review-2026.txt',
      'policy-annotator.yaml',
    ]);
    assert.deepEqual(readFileSync(path.join(cwd, 'annotations/texts/budget-review-2026.txt')), Buffer.from(REPORT, 'utf8'));
    const annotation = parse(readFileSync(path.join(cwd, 'annotations/budget-review-2026.yaml'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(annotation, { text: 'texts/budget-review-2026.txt', mentions: null, claims: null });
    assertChecksClean(cwd);
    const summary = run(['check', '--summary', '--no-cache'], cwd);
    assert.match(summary.stdout, /No problems in 3 annotation files/);
    assert.match(summary.stdout, /annotations\/texts\/budget-review-2026\.txt/);
  });

  it('keeps a Markdown extension and does not let a text named like a registry take its file', () => {
    const cwd = fresh();
    writeFileSync(path.join(cwd, 'Actors.md'), '# Who is who\n\nA text about actors.\n');
    const result = run(['init', 'ws', '--text', 'Actors.md'], cwd);
    assert.equal(result.code, 0, result.stderr);
    const folder = path.join(cwd, 'ws');
    assert.ok(existsSync(path.join(folder, 'annotations/texts/actors-text.md')));
    assert.equal((parse(readFileSync(path.join(folder, 'annotations/actors-text.yaml'), 'utf8')) as { text: string }).text, 'texts/actors-text.md');
    assert.match(readFileSync(path.join(folder, 'annotations/actors.yaml'), 'utf8'), /^actors:$/m);
    assertChecksClean(folder);
  });

  it('refuses to overwrite anything: one existing file means nothing is written and the file is unchanged', () => {
    const cwd = fresh();
    mkdirSync(path.join(cwd, 'annotations'));
    const mine = 'actors:\n  - id: mine\n    name: Mine\n    kind: person\n';
    writeFileSync(path.join(cwd, 'annotations', 'actors.yaml'), mine);
    const result = run(['init'], cwd);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /annotations\/actors\.yaml already exists/);
    assert.match(result.stderr, /Nothing was written/);
    assert.deepEqual(filesUnder(cwd), ['annotations/actors.yaml']);
    assert.equal(readFileSync(path.join(cwd, 'annotations', 'actors.yaml'), 'utf8'), mine);
  });

  it('refuses a second init in the same folder, listing every file that exists', () => {
    const cwd = fresh();
    assert.equal(run(['init'], cwd).code, 0);
    const before = filesUnder(cwd).map((f) => [f, readFileSync(path.join(cwd, f), 'utf8')]);
    const again = run(['init'], cwd);
    assert.equal(again.code, 2);
    for (const file of ['policy-annotator.yaml', 'annotations/actors.yaml', 'annotations/concepts.yaml']) assert.ok(again.stderr.includes(`${file} already exists`), again.stderr);
    assert.deepEqual(filesUnder(cwd).map((f) => [f, readFileSync(path.join(cwd, f), 'utf8')]), before);
  });

  it('never follows a symbolic link: not an annotations/ folder that links elsewhere, not a dangling link where a file goes', () => {
    const cwd = fresh();
    const outside = path.join(sandbox.dir, `outside-${n}`);
    mkdirSync(outside);
    const linked = path.join(cwd, 'linked');
    mkdirSync(linked);
    symlinkSync(outside, path.join(linked, 'annotations'));
    const throughFolder = run(['init', 'linked'], cwd);
    assert.equal(throughFolder.code, 2);
    assert.match(throughFolder.stderr, /annotations exists and is a symbolic link/);
    assert.deepEqual(readdirSync(outside), []);
    assert.deepEqual(readdirSync(linked), ['annotations']);

    const dangling = path.join(cwd, 'dangling');
    mkdirSync(dangling);
    symlinkSync(path.join(outside, 'config.yaml'), path.join(dangling, 'policy-annotator.yaml'));
    const throughFile = run(['init', 'dangling'], cwd);
    assert.equal(throughFile.code, 2);
    assert.match(throughFile.stderr, /policy-annotator\.yaml already exists \(as a symbolic link\)/);
    assert.deepEqual(readdirSync(outside), []);
    assert.ok(lstatSync(path.join(dangling, 'policy-annotator.yaml')).isSymbolicLink());
    assert.deepEqual(readdirSync(dangling), ['policy-annotator.yaml']);
  });

  it('refuses a --text that is missing, binary or not UTF-8, saying why, and writes nothing', () => {
    const cwd = fresh();
    writeFileSync(path.join(cwd, 'scan.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
    writeFileSync(path.join(cwd, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    for (const [file, reason] of [
      ['nope.txt', /cannot read the text .*nope\.txt: there is no such file/],
      ['scan.pdf', /cannot use .*scan\.pdf as a text: it holds NUL bytes/],
      ['latin1.txt', /cannot use .*latin1\.txt as a text: it is not valid UTF-8/],
      ['.', /cannot read the text .*: it is not a regular file/],
    ] as const) {
      const result = run(['init', 'ws', '--text', file], cwd);
      assert.equal(result.code, 2, file);
      assert.match(result.stderr, reason);
      assert.match(result.stderr, /Nothing was written/);
      assert.ok(!existsSync(path.join(cwd, 'ws')), `${file}: nothing is created`);
    }
  });

  it('explains itself with --help, is listed in the CLI help, and rejects two folders as a usage error', () => {
    const cwd = fresh();
    const help = run(['init', '--help'], cwd);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: policy-annotator init \[dir\] \[--text FILE\]/);
    assert.match(help.stdout, /never overwrites a file and never follows a symbolic link/);
    assert.match(run(['--help'], cwd).stdout, /^ {2}init \[dir\] /m);
    const two = run(['init', 'a', 'b'], cwd);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /init takes one folder, not 2/);
    assert.deepEqual(readdirSync(cwd), []);
  });
});
