import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeNetwork, DEFAULT_NETWORK_OPTIONS, formatNumber, writeNetwork, type NetworkOptions } from '../../server/src/core/network';
import { loadMemoryWorkspace } from '../helpers/memoryWorkspace';
import { NETWORK_FIXTURE } from '../helpers/networkFixture';

async function written(options: Partial<NetworkOptions>, format: 'csv' | 'dl' | 'graphml' | 'json') {
  const { index } = await loadMemoryWorkspace(NETWORK_FIXTURE);
  return writeNetwork(computeNetwork(index, { ...DEFAULT_NETWORK_OPTIONS, ...options }), format);
}

describe('network writers', () => {
  it('csv: an empty cell, the column labels, then a label and the values per row; names quoted as CSV needs', async () => {
    const [csv] = await written({ type: 'twomode', excludeActors: ['b', 'c'] }, 'csv');
    assert.equal(csv.suffix, '');
    assert.equal(csv.content, ',"First, ""quoted""",Second,Third\nActor A,2,1,0\nActor D,1,0,1\n');
    const [ids] = await written({ type: 'twomode', excludeActors: ['b', 'c'], labels: 'id' }, 'csv');
    assert.equal(ids.content, ',k1,k2,k3\na,2,1,0\nd,1,0,1\n');
  });

  it('dl: UCINET fullmatrix with embedded labels, one-mode and two-mode', async () => {
    const [oneMode] = await written({ excludeActors: ['b', 'c'] }, 'dl');
    assert.equal(oneMode.content, 'dl n = 2, format = fullmatrix\nlabels:\n"Actor A"\n"Actor D"\ndata:\n0 2\n2 0\n');
    const [twoMode] = await written({ type: 'twomode', excludeActors: ['b', 'c'], excludeConcepts: ['k2', 'k3'], normalization: 'activity' }, 'dl');
    assert.equal(twoMode.content, 'dl nr = 2, nc = 1, format = fullmatrix\nrow labels:\n"Actor A"\n"Actor D"\ncol labels:\n"First,  quoted"\ndata:\n1\n1\n');
  });

  it('graphml: the rows as nodes and one undirected edge per non-zero pair', async () => {
    const [graphml] = await written({ excludeActors: ['b'] }, 'graphml');
    assert.match(graphml.content, /<node id="a"><data key="label">Actor A<\/data><data key="ref">a<\/data><data key="mode">row<\/data><\/node>/);
    // a-c 3, a-d 2, c-d 1: each pair once
    assert.deepEqual([...graphml.content.matchAll(/<edge source="(\w)" target="(\w)"><data key="weight">([\d.]+)</g)].map((m) => m.slice(1).join(' ')), ['a c 3', 'a d 2', 'c d 1']);
  });

  it('json: the options, the qualifier levels and the matrix with its labels; a time series is one file', async () => {
    const [json] = await written({ type: 'twomode', timeWindow: 'days', windowSize: 3 }, 'json');
    const parsed = JSON.parse(json.content) as { options: NetworkOptions; qualifierLevels: number[]; networks: { time: string; rows: { id: string }[]; matrix: number[][] }[] };
    assert.equal(parsed.options.windowSize, 3);
    assert.deepEqual(parsed.qualifierLevels, [-1, 1]);
    assert.deepEqual(parsed.networks.map((n) => n.time), ['2021-03-02', '2021-03-03', '2021-03-04', '2021-04-09']);
    assert.deepEqual(parsed.networks[3].rows.map((r) => r.id), ['b', 'd']);
    assert.deepEqual(parsed.networks[3].matrix, [[1], [1]]);
  });

  it('a time series in csv is one file per window, numbered and dated', async () => {
    const files = await written({ type: 'twomode', timeWindow: 'days', windowSize: 3 }, 'csv');
    assert.deepEqual(files.map((f) => f.suffix), ['-1-2021-03-02', '-2-2021-03-03', '-3-2021-03-04', '-4-2021-04-09']);
  });

  it('numbers: integers plain, fractions to 12 significant digits', () => {
    assert.equal(formatNumber(3), '3');
    assert.equal(formatNumber(-0.5), '-0.5');
    assert.equal(formatNumber(0.1 + 0.2), '0.3');
    assert.equal(formatNumber(1 / 3), '0.333333333333');
  });
});
