import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import initSqlJs from 'sql.js';
import { DNA_CODER_PASSWORD } from '../../server/src/core/dna';
import { jasyptPasswordDigest } from '../../server/src/node/dnaFiles';
import { buildDnaDatabase } from '../helpers/dnaFixture';
import { dnaSampleSql } from '../helpers/dnaSample';
import { createTempWorkspace, runCliProcess as run } from '../helpers/tempWorkspace';

/*
 * DNA's own published figures. rDNA's test of `dna_network()`
 * (leifeld/dna, rDNA/rDNA/tests/testthat/test-network.R) opens DNA's sample
 * database and asserts, for rDNA's defaults (statement type "DNA Statement",
 * variable1 organization, variable2 concept, qualifier agreement with
 * aggregation "ignore", normalization "no", isolates FALSE, duplicates
 * "include"):
 *   two-mode: 7 × 6, sum 40, 40 statements from 2005-01-26 to 2005-02-16,
 *     first row label "Alliance to Save Energy", first column label
 *     "CO2 legislation will not hurt the economy", a column "CO2 * Cap…",
 *     the row "Ener*" starting 2 0; as a graph (dna_tidygraph) 13 nodes and
 *     22 edges;
 *   one-mode: 7 × 7, sum 276, first label "Alliance to Save Energy", columns
 *     "Alli* Ener", the row "Envi*" starting 10 2; as a graph 21 edges.
 * The database is rebuilt from the sample's statements (see
 * test/helpers/dnaSample.ts), imported with `import dna`, and the networks
 * computed with the same options; then exported to .dna, imported again and
 * computed again.
 */

interface JsonNetwork {
  statements: number;
  rows: { id: string; name: string }[];
  columns: { id: string; name: string }[];
  matrix: number[][];
}

const DEFAULTS = ['--rows', 'organization', '--qualifier-aggregation', 'ignore', '--normalization', 'no', '--duplicates', 'include'];

function network(folder: string, type: 'twomode' | 'onemode'): JsonNetwork {
  const result = run(['network', '--type', type, ...DEFAULTS, '--format', 'json'], folder);
  assert.equal(result.code, 0, result.stderr);
  const networks = (JSON.parse(result.stdout) as { networks: JsonNetwork[] }).networks;
  assert.equal(networks.length, 1);
  return networks[0];
}

const sum = (matrix: number[][]) => matrix.flat().reduce((a, b) => a + b, 0);
const cell = (n: JsonNetwork, row: string, column: string) => n.matrix[n.rows.findIndex((r) => r.name === row)][n.columns.findIndex((c) => c.name === column)];

function assertPublishedTwoMode(n: JsonNetwork) {
  assert.deepEqual([n.matrix.length, n.matrix[0].length], [7, 6], 'dim(nw) == 7:6');
  assert.equal(sum(n.matrix), 40, 'sum(nw) == 40');
  assert.equal(n.statements, 40, 'Statements: 40');
  assert.equal(n.rows[0].name, 'Alliance to Save Energy', 'Row labels:\\n1 Alliance to Save Energy');
  assert.equal(n.columns[0].name, 'CO2 legislation will not hurt the economy.', 'Column labels:\\n1 CO2 legislation will not hurt the economy');
  assert.match(n.columns[1].name, /^Cap/, 'the printed header "CO2 * Cap"');
  const energy = n.rows.findIndex((r) => r.name.startsWith('Ener'));
  assert.deepEqual(n.matrix[energy].slice(0, 2), [2, 0], 'the printed row "Ener*     2     0"');
  assert.equal(n.rows.length + n.columns.length, 13, 'dna_tidygraph: 13 nodes');
  assert.equal(n.matrix.flat().filter((v) => v !== 0).length, 22, 'dna_tidygraph: 22 edges');
}

function assertPublishedOneMode(n: JsonNetwork) {
  assert.deepEqual([n.matrix.length, n.matrix[0].length], [7, 7], 'dim(nw) == c(7, 7)');
  assert.equal(sum(n.matrix), 276, 'sum(nw) == 276');
  assert.equal(n.statements, 40, 'Statements: 40');
  assert.equal(n.rows[0].name, 'Alliance to Save Energy', 'Labels:\\n1 Alliance to Save Energy');
  assert.deepEqual(n.columns.slice(0, 2).map((c) => c.name.slice(0, 4)), ['Alli', 'Ener'], 'the printed header "Alli* Ener"');
  const environmental = n.rows.findIndex((r) => r.name.startsWith('Envi'));
  assert.deepEqual(n.matrix[environmental].slice(0, 2), [10, 2], 'the printed row "Envi*    10     2"');
  assert.equal(cell(n, 'Environmental Protection Agency', 'Alliance to Save Energy'), 10);
  const edges = n.matrix.flatMap((row, i) => row.filter((v, j) => j > i && v !== 0));
  assert.equal(edges.length, 21, 'dna_tidygraph: 21 edges');
}

describe("DNA's published networks of its sample database (rDNA test-network.R)", () => {
  const sandbox = createTempWorkspace();
  after(() => sandbox.dispose());
  const first: Partial<Record<'twomode' | 'onemode', JsonNetwork>> = {};

  before(async () => {
    writeFileSync(path.join(sandbox.dir, 'sample.dna'), await buildDnaDatabase(dnaSampleSql(), { initial: false }));
    const imported = run(['import', 'dna', 'sample.dna', '--out', 'sample'], sandbox.dir);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /7 texts, 40 claims/);
  });

  it('imports into a workspace that checks clean, dated 2005-01-26 to 2005-02-16', () => {
    const folder = path.join(sandbox.dir, 'sample');
    const check = run(['check', '--format', 'json', '--no-cache'], folder);
    assert.equal(check.code, 0, check.stderr);
    assert.deepEqual((JSON.parse(check.stdout) as { severity: string }[]).filter((d) => d.severity === 'error'), []);
    const exported = run(['export', '--format', 'statements', '--out', '../statements'], folder);
    assert.equal(exported.code, 0, exported.stderr);
    const [header, ...rows] = readFileSync(path.join(sandbox.dir, 'statements', 'statements.csv'), 'utf8').trim().split('\n');
    // RFC 4180 fields (titles hold commas); no field of this table spans lines.
    const fields = (row: string) => [...row.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]);
    const published = fields(header).indexOf('published');
    const dates = rows.map((row) => fields(row)[published]).sort();
    assert.deepEqual([rows.length, dates[0], dates[dates.length - 1]], [40, '2005-01-26', '2005-02-16'], 'Start: 2005-01-26, Stop: 2005-02-16, Statements: 40');
  });

  it('computes the two-mode network DNA prints: 7 × 6, sum 40, Ener* 2 0', () => {
    first.twomode = network(path.join(sandbox.dir, 'sample'), 'twomode');
    assertPublishedTwoMode(first.twomode);
  });

  it('computes the one-mode network DNA prints: 7 × 7, sum 276, Envi* 10 2', () => {
    first.onemode = network(path.join(sandbox.dir, 'sample'), 'onemode');
    assertPublishedOneMode(first.onemode);
  });

  it('exports a .dna whose coders have the documented password, as DNA checks it (jasypt: salt, then the digest)', async () => {
    const exported = run(['export', '--format', 'dna', '--out', '../again.dna'], path.join(sandbox.dir, 'sample'));
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, new RegExp(`password ${DNA_CODER_PASSWORD}\\)`));
    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(path.join(sandbox.dir, 'again.dna')));
    const stored = db.exec('SELECT Password FROM CODERS')[0].values.map(([value]) => String(value));
    db.close();
    assert.ok(stored.length > 0);
    for (const digest of stored) assert.equal(jasyptPasswordDigest(DNA_CODER_PASSWORD, Buffer.from(digest, 'base64').subarray(0, 16)), digest);
  });

  it('gives the same networks after importing that export again (the round trip)', () => {
    const imported = run(['import', 'dna', 'again.dna', '--out', 'again'], sandbox.dir);
    assert.equal(imported.code, 0, imported.stderr);
    for (const type of ['twomode', 'onemode'] as const) {
      const again = network(path.join(sandbox.dir, 'again'), type);
      if (type === 'twomode') assertPublishedTwoMode(again);
      else assertPublishedOneMode(again);
      assert.deepEqual(again, first[type] ?? network(path.join(sandbox.dir, 'sample'), type));
    }
  });
});
