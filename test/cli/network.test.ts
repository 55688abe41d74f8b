import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { NETWORK_FIXTURE } from '../helpers/networkFixture';
import { createTempWorkspace, runCliProcess } from '../helpers/tempWorkspace';

describe('policy-annotator network', () => {
  const workspace = createTempWorkspace(NETWORK_FIXTURE);
  after(() => workspace.dispose());
  const run = (...args: string[]) => runCliProcess(['network', ...args], workspace.dir);

  it('writes the one-mode csv matrix to stdout by default (the fixture’s hand-computed ignore network)', () => {
    const result = run();
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, ',Actor A,Actor B,Actor C,Actor D\nActor A,0,3,3,2\nActor B,3,0,2,2\nActor C,3,2,0,1\nActor D,2,2,1,0\n');
  });

  it('writes each format to --out, reporting the shape on stdout', () => {
    for (const format of ['csv', 'dl', 'graphml', 'json']) {
      const out = path.join(workspace.dir, `net.${format}`);
      const result = run('--type', 'twomode', '--qualifier-aggregation', 'subtract', '--labels', 'id', '--format', format, '--out', out);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `Wrote a two-mode network (4 × 3, from 10 statements) as ${format} to ${out}.\n`);
      const content = readFileSync(out, 'utf8');
      if (format === 'csv') assert.equal(content, ',k1,k2,k3\na,2,-1,0\nb,1,-1,1\nc,-1,1,0\nd,-1,0,1\n');
      if (format === 'dl') assert.match(content, /^dl nr = 4, nc = 3, format = fullmatrix\nrow labels:\n"a"\n"b"\n"c"\n"d"\ncol labels:\n"k1"\n"k2"\n"k3"\ndata:\n2 -1 0\n/);
      if (format === 'graphml') assert.match(content, /<edge source="row:a" target="column:k2"><data key="weight">-1<\/data><\/edge>/);
      if (format === 'json') assert.deepEqual((JSON.parse(content) as { networks: { matrix: number[][] }[] }).networks[0].matrix[0], [2, -1, 0]);
    }
  });

  it('writes a time-window series as one file per window beside --out', () => {
    const out = path.join(workspace.dir, 'series.csv');
    const result = run('--time-window', 'days', '--window-size', '3', '--out', out);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /4 time windows/);
    for (const name of ['series-1-2021-03-02.csv', 'series-2-2021-03-03.csv', 'series-3-2021-03-04.csv', 'series-4-2021-04-09.csv']) assert.ok(existsSync(path.join(workspace.dir, name)), name);
    assert.equal(readFileSync(path.join(workspace.dir, 'series-4-2021-04-09.csv'), 'utf8'), ',Actor B,Actor D\nActor B,0,1\nActor D,1,0\n');
    const toStdout = run('--time-window', 'days', '--window-size', '3');
    assert.equal(toStdout.code, 2);
    assert.match(toStdout.stderr, /one file per window: pass --out <file>/);
  });

  it('rejects bad option values in one line with the closest value', () => {
    const cases: [string[], RegExp][] = [
      [['--type', 'onemod'], /Unknown --type `onemod`: use onemode, twomode\. Did you mean `onemode`\?/],
      [['--qualifier-aggregation', 'combine'], /Unknown --qualifier-aggregation `combine`: use ignore, congruence, conflict, subtract\./],
      [['--type', 'twomode', '--normalization', 'activty'], /Did you mean `activity`\?/],
      [['--duplicates', 'weeks'], /Did you mean `week`\?/],
      [['--start', '2021-13'], /--start `2021-13` is not a date/],
      [['--time-window', 'months'], /--window-size N/],
      [['--window-size', 'x', '--time-window', 'days'], /--window-size must be a whole number/],
      [['--exclude-actr', 'a'], /Unknown option `--exclude-actr` for network\. Did you mean `--exclude-actor`/],
    ];
    for (const [args, expected] of cases) {
      const result = run(...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, expected);
      assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
    }
  });

  it('never writes through a link', () => {
    const target = path.join(workspace.dir, 'victim.txt');
    writeFileSync(target, 'keep me');
    const link = path.join(workspace.dir, 'link.csv');
    symlinkSync(target, link);
    const result = run('--out', link);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Refusing to write through the symbolic link/);
    assert.equal(readFileSync(target, 'utf8'), 'keep me');
  });

  it('export --format statements writes statements.csv; export --format network takes --at', () => {
    const out = path.join(workspace.dir, 'statements-out');
    const statements = runCliProcess(['export', '--format', 'statements', '--out', out], workspace.dir);
    assert.equal(statements.code, 0, statements.stderr);
    assert.match(statements.stdout, /^Exported 11 claims of 3 texts as a statements table \(CSV\): 1 files in /);
    assert.match(readFileSync(path.join(out, 'statements.csv'), 'utf8'), /^claim,file,text,title,author,published/);
    const networks = runCliProcess(['export', '--format', 'network', '--at', '2021-06', '--out', path.join(workspace.dir, 'networks-out')], workspace.dir);
    assert.equal(networks.code, 0, networks.stderr);
    const wrongFormat = runCliProcess(['export', '--format', 'w3c', '--at', '2021', '--out', path.join(workspace.dir, 'w3c-out')], workspace.dir);
    assert.equal(wrongFormat.code, 2);
    assert.match(wrongFormat.stderr, /--at applies to --format network only/);
    const badDate = runCliProcess(['export', '--format', 'network', '--at', 'June', '--out', path.join(workspace.dir, 'bad-out')], workspace.dir);
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /--at `June` is not a date/);
  });
});
