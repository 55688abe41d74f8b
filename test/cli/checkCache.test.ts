// The cache of whole check reports (a warm `check`): a warm run prints exactly
// what a cold one prints, in every format; any change to any input misses;
// a damaged cache is ignored; --no-cache, --changed-since and --fix never
// use a stored report; and the cache lives outside the workspace.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { commitAll } from '../helpers/gitRepo';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';
import { createTempWorkspace, type TempWorkspace, runCliProcess, type CliRun } from '../helpers/tempWorkspace';


const ARTICLE = threeActorsArticle();
const ACTORS = threeActorsYaml(['Taliban', 'Talibs']);
const CLAIMS = 'text: texts/a.txt\nclaims:\n  - {id: c1, claimant: isi, quote: The ISI backs the Taliban.}\n  - {id: c2, claimant: imran-kahn, quote: normal civilians}\n';

const FILES = {
  'annotations/texts/a.txt': ARTICLE,
  'annotations/actors.yaml': ACTORS,
  'annotations/a.yaml': CLAIMS,
  'annotations/b.yaml': 'text: texts/b.txt\nclaims: []\n',
};

/** Every way of reporting, as option lists. */
const REPORTS: string[][] = [
  [],
  ['--summary'],
  ['--format', 'json'],
  ['--format', 'github'],
  ['--format', 'sarif'],
  ['--color'],
  ['--severity', 'warning'],
  ['--max-warnings', '0'],
  ['annotations/a.yaml'],
];

const run = runCliProcess;

function reportFiles(cacheDir: string): string[] {
  return existsSync(cacheDir) ? readdirSync(cacheDir).filter((name) => name.startsWith('report-')).map((name) => path.join(cacheDir, name)) : [];
}

/** Rewrites a stored report's output, keeping its checksum valid: a run that prints it used the report. */
function tamperReports(cacheDir: string, marker: string): void {
  for (const file of reportFiles(cacheDir)) {
    const text = readFileSync(file, 'utf8');
    const report = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { output: Array<[string, string]> };
    report.output = [['stdout', marker]];
    const body = JSON.stringify(report);
    writeFileSync(file, `${createHash('sha1').update(body).digest('base64')}\n${body}`);
  }
}

describe('policy-annotator check: the report cache', () => {
  let workspace: TempWorkspace;
  let cacheDir: string;

  beforeEach(() => {
    workspace = createTempWorkspace(FILES);
    cacheDir = mkdtempSync(path.join(tmpdir(), 'policy-annotator-report-cache-'));
  });
  afterEach(() => {
    workspace.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  /**
   * A check with the cache, and whether it reused a stored report: the stored
   * diagnostics (results.json) are removed first, and only a check that
   * loads the workspace and checks it writes them again.
   */
  const cached = (...args: string[]): CliRun & { hit: boolean } => {
    rmSync(path.join(cacheDir, 'results.json'), { force: true });
    const result = run(['check', '--cache-dir', cacheDir, ...args], workspace.dir);
    return { ...result, hit: !existsSync(path.join(cacheDir, 'results.json')) };
  };
  const cold = (...args: string[]): CliRun => run(['check', '--no-cache', ...args], workspace.dir);

  /** Asserts a warm run after a change misses and reports what a cold run reports. */
  const assertMisses = (what: string, ...args: string[]) => {
    const warm = cached(...args);
    assert.equal(warm.hit, false, `${what}: the stored report must not be used`);
    const expected = cold(...args);
    assert.deepEqual({ ...warm, hit: undefined }, { ...expected, hit: undefined }, what);
    assert.equal(cached(...args).hit, true, `${what}: the next run reuses the new report`);
  };

  it('prints exactly what a cold check prints, in every format, with the same exit code', () => {
    commitAll(workspace.dir, 'fixture', true);
    for (const args of REPORTS) {
      const expected = cold(...args);
      const first = cached(...args);
      const second = cached(...args);
      assert.equal(first.hit, false, `${args.join(' ')}: the first run checks`);
      assert.equal(second.hit, true, `${args.join(' ')}: the second run reuses the report`);
      for (const result of [first, second]) {
        assert.equal(result.stdout, expected.stdout, `${args.join(' ')}: stdout`);
        assert.equal(result.stderr, expected.stderr, `${args.join(' ')}: stderr`);
        assert.equal(result.code, expected.code, `${args.join(' ')}: exit code`);
      }
    }
    assert.equal(cold('--max-warnings', '0').code, 1, 'the fixture has warnings');
    assert.ok(cold().stdout.includes('unknown-actor'), 'the fixture has findings');
  });

  it('misses when an annotation file is edited, added or removed', () => {
    cached('--format', 'json');
    workspace.write('annotations/a.yaml', CLAIMS.replace('imran-kahn', 'imran-khan'));
    assertMisses('an edited annotation file', '--format', 'json');
    workspace.write('annotations/c.yaml', 'text: texts/a.txt\nclaims:\n  - {id: c9, claimant: nobody, quote: backs}\n');
    assertMisses('an added annotation file', '--format', 'json');
    rmSync(path.join(workspace.dir, 'annotations/c.yaml'));
    assertMisses('a removed annotation file', '--format', 'json');
  });

  it('misses when a text is edited, removed or added', () => {
    cached();
    workspace.write('annotations/texts/a.txt', ARTICLE.replace('backs', 'funds'));
    assertMisses('an edited text');
    rmSync(path.join(workspace.dir, 'annotations/texts/a.txt'));
    assertMisses('a removed text');
    workspace.write('annotations/texts/b.txt', 'A text that was missing.\n');
    assertMisses('an added text that an annotation file named');
  });

  it('misses when policy-annotator.yaml is added, edited or removed', () => {
    cached();
    workspace.write('policy-annotator.yaml', 'severity:\n  unknown-actor: "off"\n');
    assertMisses('an added configuration');
    workspace.write('policy-annotator.yaml', 'severity:\n  unknown-actor: warning\n');
    assertMisses('an edited configuration');
    rmSync(path.join(workspace.dir, 'policy-annotator.yaml'));
    assertMisses('a removed configuration');
  });

  it('misses when an option changes what is reported', () => {
    cached();
    for (const args of REPORTS.slice(1)) assertMisses(args.join(' '), ...args);
    assertMisses('--severity error', '--severity', 'error');
    assertMisses('--max-warnings 100', '--max-warnings', '100');
    assertMisses('two paths', 'annotations/a.yaml', 'annotations/b.yaml');
  });

  it('misses when the workspace moves within a git repository (github and sarif paths)', () => {
    const sub = path.join(workspace.dir, 'sub');
    mkdirSync(sub);
    for (const [name, content] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(sub, name)), { recursive: true });
      writeFileSync(path.join(sub, name), content);
    }
    const inSub = (...args: string[]) => run(['check', '--cache-dir', cacheDir, '--workspace', sub, ...args], workspace.dir);
    const before = inSub('--format', 'github');
    assert.match(before.stdout, /file=annotations\/a\.yaml/);
    commitAll(workspace.dir, 'now a repository', true);
    const after = inSub('--format', 'github');
    assert.match(after.stdout, /file=sub\/annotations\/a\.yaml/, 'paths are relative to the new repository root');
  });

  it('misses when a file changes within the same second, with the same size and modification time', () => {
    cached('--format', 'json');
    const file = path.join(workspace.dir, 'annotations/a.yaml');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, CLAIMS.replace('imran-kahn', 'imran-khan').replace('c2', 'c3'));
    assert.equal(statSync(file).size, Buffer.byteLength(CLAIMS) + 'imran-khan'.length - 'imran-kahn'.length);
    utimesSync(file, atime, mtime);
    assertMisses('a same-size edit with the old modification time', '--format', 'json');
  });

  it('ignores a truncated, damaged or foreign cache: the report is always the cold one', () => {
    const expected = cold('--format', 'sarif');
    cached('--format', 'sarif');
    const [file] = reportFiles(cacheDir);
    const whole = readFileSync(file);
    const damages: Array<[string, Buffer]> = [
      ['truncated', whole.subarray(0, Math.floor(whole.length / 2))],
      ['empty', Buffer.alloc(0)],
      ['not JSON', Buffer.from('\u0000\u0001garbage')],
      ['a changed byte', Buffer.from(whole.toString('utf8').replace('sarif', 'sariF'))],
      ['valid JSON without the checksum', Buffer.from(whole.toString('utf8').slice(whole.indexOf('\n') + 1))],
      ['checksummed JSON of another shape', Buffer.from(`${createHash('sha1').update('{"schema":1}').digest('base64')}\n{"schema":1}`)],
    ];
    for (const [what, bytes] of damages) {
      writeFileSync(file, bytes);
      for (const other of ['parse-cache.json', 'results.json']) if (existsSync(path.join(cacheDir, other))) writeFileSync(path.join(cacheDir, other), '{"schema":1,"entr');
      const result = run(['check', '--format', 'sarif', '--cache-dir', cacheDir], workspace.dir);
      assert.deepEqual(result, expected, what);
    }
  });

  it('uses a stored report only when asked to: never with --no-cache, --changed-since or --fix', () => {
    commitAll(workspace.dir, 'fixture', true);
    const expected = cold('--format', 'json');
    cached('--format', 'json');
    tamperReports(cacheDir, 'TAMPERED\n');
    assert.equal(run(['check', '--format', 'json', '--cache-dir', cacheDir], workspace.dir).stdout, 'TAMPERED\n', 'a warm run prints the stored report');
    assert.deepEqual(run(['check', '--format', 'json', '--cache-dir', cacheDir, '--no-cache'], workspace.dir), expected, '--no-cache');
    const sinceHead = run(['check', '--format', 'json', '--cache-dir', cacheDir, '--changed-since', 'HEAD'], workspace.dir);
    assert.deepEqual(JSON.parse(sinceHead.stdout), [], '--changed-since reports on what changed, from a fresh check');
    const fixed = run(['check', '--format', 'json', '--cache-dir', cacheDir, '--fix'], workspace.dir);
    assert.match(fixed.stderr, /fixed \d+ problems?/);
    assert.deepEqual(fixed.stdout, cold('--format', 'json').stdout, '--fix reports what is left after fixing');
    assert.notDeepEqual(fixed.stdout, expected.stdout, 'the fixes changed the report');
    assert.deepEqual(cached('--format', 'json').stdout, fixed.stdout, 'the run after --fix sees the fixed files');
  });

  it('keeps the cache outside the workspace and writes nothing into it', () => {
    const listing = () => {
      const found: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir).sort()) {
          const full = path.join(dir, name);
          if (statSync(full).isDirectory()) walk(full);
          else found.push(`${path.relative(workspace.dir, full)} ${statSync(full).mtimeMs}`);
        }
      };
      walk(workspace.dir);
      return found;
    };
    const before = listing();
    for (const args of REPORTS) {
      cached(...args);
      cached(...args);
    }
    assert.deepEqual(listing(), before);
    assert.ok(reportFiles(cacheDir).length > 0, 'the reports are in --cache-dir');
  });
});

describe('policy-annotator check: reports kept for many options', () => {
  const workspace = createTempWorkspace(FILES);
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'policy-annotator-report-cache-'));
  after(() => {
    workspace.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('keeps at most 16 reports', () => {
    for (let max = 0; max < 20; max++) run(['check', '--cache-dir', cacheDir, '--max-warnings', String(max)], workspace.dir);
    assert.equal(reportFiles(cacheDir).length, 16);
  });
});
