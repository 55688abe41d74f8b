// The bad-input suite through the CLI, as a process: every bad input gets a
// diagnostic that names the file, the line and the fix; the exit code is 1
// (or 0 when nothing is wrong), never 2; the rest of the workspace is still
// checked; nothing refused is ever echoed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, createTempWorkspace } from '../helpers/tempWorkspace';
import { createBadInputWorkspace, CANARY, FIXTURES, type BadInputWorkspace } from '../robustness/badInputWorkspace';
import { CLEAN_FILES, EXPECTED } from '../robustness/badInputExpectations';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Generous: the whole bad-input check takes about a second. */
const RUN_TIMEOUT_MS = 60_000;

function run(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  // spawnSync kills the child when the timeout expires, so a stall fails the test instead of hanging it.
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: RUN_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

interface JsonRow {
  file: string;
  line: number;
  severity: string;
  code: string;
  message: string;
}

/** Exit 0 or 1 as the findings say, never 2 (usage or internal failure), never a signal; nothing on stderr that smells of a crash. */
function assertNoCrash(result: Run, expectedCode: 0 | 1): void {
  assert.equal(result.signal, null, `killed by ${result.signal}: a crash, or a stall past the ${RUN_TIMEOUT_MS} ms hang guard`);
  assert.equal(result.code, expectedCode, `exit code; stderr:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /internal error|Error:|at .*\.js:\d+/, 'no stack trace on stderr');
  assert.ok(!result.stdout.includes(CANARY) && !result.stderr.includes(CANARY), 'never echoes a refused file’s content');
}

describe('policy-annotator check on bad input', () => {
  let workspace: BadInputWorkspace;
  let cacheDir: string;
  let json: Run;
  let rows: JsonRow[];

  before(() => {
    workspace = createBadInputWorkspace();
    cacheDir = mkdtempSync(path.join(tmpdir(), 'policy-annotator-cache-'));
    json = run(['check', '--format', 'json', '--cache-dir', cacheDir], workspace.dir);
    rows = JSON.parse(json.stdout) as JsonRow[];
  });

  after(() => {
    workspace?.dispose();
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  });

  // Files over the size limits are refused without being read: this run finishes within the hang guard; bench/inputLimits.mjs times it.
  it('exits 1, without a crash, even with a 50 MB text and a 20 MB annotation file in the workspace', () => {
    assertNoCrash(json, 1);
  });

  for (const expected of EXPECTED) {
    it(`${expected.file}:${expected.line} — ${expected.code}`, () => {
      const onLine = rows.filter((row) => row.file === expected.file && row.line === expected.line);
      const found = onLine.find((row) => row.code === expected.code && expected.fix.test(row.message));
      assert.ok(found, `no ${expected.code} matching ${expected.fix} on ${expected.file}:${expected.line}; found there:\n${onLine.map((row) => `  ${row.code}: ${row.message}`).join('\n') || '  nothing'}\nin the file:\n${rows.filter((row) => row.file === expected.file).map((row) => `  ${row.line} ${row.code}: ${row.message}`).join('\n')}`);
      assert.equal(found.severity, expected.code === 'alias-unused' ? 'hint' : 'error');
    });
  }

  it('accepts the inputs that only look odd: empty files, a byte-order mark, comments only, unknown directives', () => {
    for (const file of CLEAN_FILES) {
      const serious = rows.filter((row) => row.file === file && (row.severity === 'error' || row.severity === 'warning'));
      assert.deepEqual(serious, [], file);
    }
  });

  it('names the file, the line and the column in the default format, and shows the line', () => {
    const stylish = run(['check', '--no-cache'], workspace.dir);
    assertNoCrash(stylish, 1);
    for (const expected of EXPECTED) assert.match(stylish.stdout, new RegExp(`^${expected.file.replace(/\./g, '\\.')}:${expected.line}:\\d+ +(error|hint) +${expected.code} `, 'm'), `${expected.file}:${expected.line}`);
    assert.match(stylish.stdout, /^ {2}2 \| text: \.\.\/\.\.\/\.\.\/outside\/canary\.txt$/m, 'the offending line of the annotation file is shown, not the text it points at');
  });

  it('reports in every format without a crash, and the same again from the cache', () => {
    for (const format of ['github', 'sarif', 'json']) {
      const first = run(['check', '--format', format, '--cache-dir', cacheDir], workspace.dir);
      assertNoCrash(first, 1);
      const again = run(['check', '--format', format, '--cache-dir', cacheDir], workspace.dir);
      assertNoCrash(again, 1);
      assert.equal(again.stdout, first.stdout, `${format}: a warm run reports the same`);
      if (format === 'sarif') assert.ok((JSON.parse(first.stdout) as { runs: { results: unknown[] }[] }).runs[0].results.length >= EXPECTED.length);
      if (format === 'github') assert.match(first.stdout, /^::error file=annotations\/limits\/big-text\.yaml,line=2,/m);
    }
  });

  it('reports only on the files asked for, while still reading the whole workspace', () => {
    const only = run(['check', '--format', 'json', '--no-cache', 'annotations/paths'], workspace.dir);
    assertNoCrash(only, 1);
    const files = new Set((JSON.parse(only.stdout) as JsonRow[]).map((row) => row.file));
    assert.ok([...files].every((file) => file.startsWith('annotations/paths/')), [...files].join(', '));
    assert.equal(files.size, EXPECTED.filter((e) => e.file.startsWith('annotations/paths/')).length);
  });
});

describe('policy-annotator check exits 0 on inputs that only look odd', () => {
  it('CRLF, a byte-order mark, empty files and astral characters are not errors', () => {
    const files = ['annotations/actors.yaml', 'annotations/concepts.yaml', 'annotations/good.yaml', 'annotations/texts/good.txt', 'annotations/encoding/empty.yaml', 'annotations/encoding/whitespace-only.yaml', 'annotations/encoding/bom.yaml', 'annotations/texts/bom.txt', 'annotations/texts/crlf.txt', 'annotations/malformed/only-comments.yaml'];
    const copy = createTempWorkspace(Object.fromEntries(files.map((file) => [file, ''])));
    try {
      for (const file of files) copy.write(file, readFixture(file));
      copy.write('annotations/crlf-only.yaml', 'text: texts/crlf.txt\r\nclaims:\r\n  - id: crlf-only\r\n    claimant: isi\r\n    quote: "Pakistan\\r\\ndenies"\r\n');
      const result = run(['check', '--format', 'json', '--no-cache'], copy.dir);
      assertNoCrash(result, 0);
    } finally {
      copy.dispose();
    }
  });

  it('a size limit lowered in policy-annotator.yaml refuses what it must, naming the configured limit', () => {
    const copy = createTempWorkspace({
      'policy-annotator.yaml': 'limits:\n  annotation-file-size: 300 B\n  text-size: 50 B\n',
      'annotations/actors.yaml': readFixture('annotations/actors.yaml'),
      'annotations/good.yaml': 'text: texts/good.txt\n',
      'annotations/texts/good.txt': readFixture('annotations/texts/good.txt'),
    });
    try {
      const result = run(['check', '--format', 'json', '--no-cache'], copy.dir);
      assertNoCrash(result, 1);
      const found = (JSON.parse(result.stdout) as JsonRow[]).map((row) => `${row.file}:${row.line} ${row.code}: ${row.message}`);
      assert.ok(found.some((row) => /^annotations\/actors\.yaml:1 file-unreadable: This annotation file is \d+ bytes, above the limit of 300 bytes/.test(row)), found.join('\n'));
      assert.ok(found.some((row) => /^annotations\/good\.yaml:1 text-not-found: The text `texts\/good\.txt` is \d+ bytes, above the limit of 50 bytes/.test(row)), found.join('\n'));
    } finally {
      copy.dispose();
    }
  });
});

function readFixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}
