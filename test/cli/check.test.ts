import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { fixture, fixtureOnDisk, namedFixture } from '../helpers/fixture';
import { createTempWorkspace, REPO_ROOT, runCliProcess } from '../helpers/tempWorkspace';

const run = runCliProcess;

// The three actors (test/fixtures/three-actors.txtar), their actors file opening with a comment, and an annotation file with
// a misspelt claimant, a quote not in the text and an unknown field.
const THREE_ACTORS = fixture(namedFixture('three-actors'));
const ARTICLE = THREE_ACTORS['annotations/texts/a.txt'];
const ACTORS = `# Actors of the fixture\n${THREE_ACTORS['annotations/actors.yaml']}`;
const BASE = { ...THREE_ACTORS, 'annotations/actors.yaml': ACTORS };
const BROKEN = fixture(
  BASE,
  `
-- annotations/a.yaml --
text: texts/a.txt
claims:
  - id: c1
    claimant: imran-kahn
    quote: normal civilians
    stance: supports
  - id: c2
    claimant: isi
    quote: the ISI funds everyone
    colour: red
`,
);

interface JsonRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

describe('policy-annotator check', () => {
  const broken = fixtureOnDisk(BROKEN);
  const clean = fixtureOnDisk(BASE, '-- annotations/a.yaml --\ntext: texts/a.txt\n');
  after(() => {
    broken.dispose();
    clean.dispose();
  });

  it('checks the sample corpus clean: zero errors and zero warnings', () => {
    const result = run(['check', '--format', 'json'], REPO_ROOT);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as JsonRow[];
    const serious = rows.filter((r) => r.severity === 'error' || r.severity === 'warning');
    assert.deepEqual(serious, []);
  });

  it('prints a summary of the sample corpus with --summary', () => {
    const result = run(['check', '--summary'], REPO_ROOT);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /No problems/);
    const match = /Workspace: (\d+) actors, (\d+) concepts/.exec(result.stdout);
    assert.ok(match, result.stdout);
    assert.ok(Number(match[1]) > 30, `expected over 30 actors, got ${match[1]}`);
    assert.match(result.stdout, /annotations\/texts\/pakistan-taliban-qa\.txt/);
    const claims = /claims: +(\d+) \((\d+) anchored\)/.exec(result.stdout);
    assert.ok(claims && Number(claims[1]) >= 30 && claims[1] === claims[2], result.stdout);
  });

  it('exits 0 on a clean workspace', () => {
    const result = run(['check'], clean.dir);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /✔ No problems in 2 annotation files\./);
  });

  it('reports problems as file:line:col, severity, code, message and the source line, and exits 1', () => {
    const result = run(['check'], broken.dir);
    assert.equal(result.code, 1);
    const lines = result.stdout.split('\n');
    const first = lines.findIndex((l) => l.startsWith('annotations/a.yaml:4:15  error  unknown-actor  No actor has the id `imran-kahn`'));
    assert.ok(first >= 0, result.stdout);
    assert.equal(lines[first + 1], '  4 |     claimant: imran-kahn');
    assert.equal(lines[first + 2], '    |               ^^^^^^^^^^');
    assert.match(result.stdout, /annotations\/a\.yaml:10:5 {2}error {2}unknown-field {2}Unknown field `colour`/);
    assert.match(result.stdout, /✖ 4 problems \(4 errors, 0 warnings, 0 info, 0 hints\) in 2 annotation files\./);
  });

  it('prints every diagnostic as JSON with 1-based positions', () => {
    const result = run(['check', '--format', 'json'], broken.dir);
    assert.equal(result.code, 1);
    const rows = JSON.parse(result.stdout) as JsonRow[];
    assert.deepEqual(rows.map((r) => r.code), ['unknown-actor', 'missing-field', 'quote-not-found', 'unknown-field']);
    assert.deepEqual(rows[0], {
      file: 'annotations/a.yaml', line: 4, column: 15, endLine: 4, endColumn: 25, severity: 'error', code: 'unknown-actor',
      message: rows[0].message,
    });
    assert.match(rows[0].message, /Did you mean `imran-khan`/);
  });

  it('includes diagnostics of every severity in JSON, honouring policy-annotator.yaml overrides', () => {
    const configured = fixtureOnDisk(
      BROKEN,
      `
-- policy-annotator.yaml --
severity:
  unknown-field: warning
  quote-not-found: hint
  missing-field: info
  unknown-actor: "off"
`,
    );
    try {
      const result = run(['check', '--format', 'json'], configured.dir);
      const rows = JSON.parse(result.stdout) as JsonRow[];
      assert.deepEqual(rows.map((r) => [r.code, r.severity]), [['missing-field', 'info'], ['quote-not-found', 'hint'], ['unknown-field', 'warning']]);
      assert.equal(result.code, 0, 'no errors left, so exit 0');
    } finally {
      configured.dispose();
    }
  });

  it('reports problems in policy-annotator.yaml with their own line', () => {
    const configured = createTempWorkspace({ 'annotations/actors.yaml': ACTORS, 'policy-annotator.yaml': '# config\nseverity:\n  unknown-feld: warning\n' });
    try {
      const result = run(['check'], configured.dir);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /policy-annotator\.yaml:3:3 {2}error {2}unknown-field/);
    } finally {
      configured.dispose();
    }
  });

  it('reports only on the given paths, reading the whole workspace', () => {
    const result = run(['check', '--format', 'json', 'annotations/actors.yaml'], broken.dir);
    assert.equal(result.code, 0);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });

  it('takes the workspace from --workspace', () => {
    const result = run(['check', '--workspace', broken.dir, '--format', 'json'], REPO_ROOT);
    assert.equal(result.code, 1);
    assert.equal((JSON.parse(result.stdout) as JsonRow[]).length, 4);
  });

  it('exits 2 on a bad command line, saying what is wrong in one line with a pointer to --help', () => {
    for (const args of [['frobnicate'], ['check', '--format', 'xml'], ['check', '--bogus'], ['check', 'no/such/path']]) {
      const result = run(args, clean.dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /^policy-annotator: .* See `policy-annotator --help`\.\n$/, args.join(' '));
      assert.equal(result.stdout, '');
    }
    const bare = run([], clean.dir);
    assert.equal(bare.code, 2);
    assert.match(bare.stdout, /Usage: policy-annotator/);
  });

  it('prints help and the version', () => {
    assert.equal(run(['--help'], clean.dir).code, 0);
    const version = run(['--version'], clean.dir);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('colours its output when asked to', () => {
    const result = run(['check', '--color'], broken.dir);
    const ESC = String.fromCharCode(27);
    assert.ok(result.stdout.includes(`${ESC}[31merror${ESC}[39m`), result.stdout);
    assert.ok(!run(['check'], broken.dir).stdout.includes(ESC));
  });
});

describe('policy-annotator check with its cache', () => {
  const workspace = fixtureOnDisk(BASE, '-- annotations/a.yaml --\ntext: texts/a.txt\nclaims:\n  - {id: c1, claimant: isi, quote: The ISI backs the Taliban.}\n');
  const cacheDir = `${workspace.dir}-cache`;
  after(() => {
    workspace.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
  });
  const check = (...extra: string[]) => JSON.parse(run(['check', '--format', 'json', '--cache-dir', cacheDir, ...extra], workspace.dir).stdout) as JsonRow[];

  it('reuses results only while no input changed', () => {
    assert.deepEqual(check(), []);
    assert.ok(existsSync(path.join(cacheDir, 'results.json')));
    assert.deepEqual(check(), [], 'warm run');
    workspace.write('annotations/texts/a.txt', ARTICLE.replace('The ISI backs the Taliban.', 'The ISI funds the Taliban.'));
    assert.deepEqual(check().map((r) => r.code), ['quote-stale'], 'a changed text invalidates');
    workspace.write('annotations/actors.yaml', ACTORS.replace('id: isi', 'id: inter-services'));
    assert.deepEqual(check().map((r) => r.code).sort(), ['quote-stale', 'unknown-actor'], 'a changed actors file invalidates');
    workspace.write('policy-annotator.yaml', 'severity:\n  unknown-actor: "off"\n  quote-stale: "off"\n');
    assert.deepEqual(check(), [], 'a changed configuration invalidates');
    rmSync(path.join(workspace.dir, 'annotations/texts/a.txt'));
    // With the text gone, nothing mentions the actors any more either.
    assert.deepEqual(check().map((r) => r.code).sort(), ['actor-unused', 'actor-unused', 'actor-unused', 'text-not-found'], 'a deleted text invalidates');
  });

  it('--no-cache neither reads nor writes the cache', () => {
    const fresh = `${cacheDir}-unused`;
    run(['check', '--no-cache', '--cache-dir', fresh], workspace.dir);
    assert.equal(existsSync(fresh), false);
  });
});
