import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RelationDef } from '../../server/src/core';
import { buildRelationGraph, exportStatements, relationInForce, STATEMENT_COLUMNS } from '../../server/src/core/export';
import { parseDatePeriod } from '../../server/src/core/network';
import { loadMemoryWorkspace, WORKSPACE } from '../helpers/memoryWorkspace';
import { NETWORK_FIXTURE } from '../helpers/networkFixture';

describe('export statements', () => {
  it('writes one CSV row per claim with its text’s metadata and the resolved rows', async () => {
    const { index } = await loadMemoryWorkspace(NETWORK_FIXTURE);
    const result = exportStatements(index, { workspaceFolder: WORKSPACE });
    assert.deepEqual(result.files.map((f) => f.path), ['statements.csv']);
    const lines = result.files[0].content.split('\n');
    assert.equal(lines[0], STATEMENT_COLUMNS.join(','));
    assert.equal(result.counts.claims, 11);
    assert.equal(result.counts.texts, 3);
    // files sorted by path: one.yaml, three.yaml, two.yaml
    assert.equal(lines[1], 'one-a1,annotations/one.yaml,annotations/one.txt,,d,2021-03-01,https://www.dawn.com/news/1,www.dawn.com,a,Actor A,organization,,,a,,k1,"First, ""quoted""",supports,1,,,,words,');
    // a person claimant fills `person`; the claim type is kept
    assert.equal(lines[5], 'three-d3,annotations/three.yaml,annotations/three.txt,,,2021-04-10,,,d,Actor D,person,,,d,d,k3,Third,supports,1,demand,,,words,');
    // a claimant that is no actor is still listed, with empty name and kind
    assert.match(result.files[0].content, /^two-x1,annotations\/two\.yaml,annotations\/two\.txt,,,2021-03-03,https:\/\/tribune\.com\.pk\/story\/2,tribune\.com\.pk,x,,,,,x,,k1,/m);
  });
});

describe('relations in force (--at)', () => {
  const at = { start: 0, end: 0 };
  const relation = (from?: string, until?: string): RelationDef => ({ range: at, ...(from ? { from: { value: from, range: at } } : {}), ...(until ? { until: { value: until, range: at } } : {}) });
  const day = (text: string) => parseDatePeriod(text)!;

  it('keeps a relation from its `from` to its `until`, both inclusive, partial dates as periods', () => {
    assert.ok(relationInForce(relation(), day('2021-06-01')));
    assert.ok(relationInForce(relation('2021', '2021-06'), day('2021-06-30')));
    assert.ok(!relationInForce(relation('2021', '2021-06'), day('2021-07-01')));
    assert.ok(!relationInForce(relation('2021-06-02'), day('2021-06-01')));
    assert.ok(relationInForce(relation('2021-06-02'), day('2021-06')), 'a month overlapping the relation');
    assert.ok(!relationInForce(relation(undefined, '2020'), day('2021')));
  });

  it('the relation graph refuses a date that is not one', async () => {
    const { index } = await loadMemoryWorkspace(NETWORK_FIXTURE);
    assert.throws(() => buildRelationGraph(index, '2021-02-30'), /`2021-02-30` is not a date/);
    assert.equal(buildRelationGraph(index, '2021').nodes.length, 4);
  });
});
