import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeNetwork, DEFAULT_NETWORK_OPTIONS, writeNetwork } from '../../server/src/core/network';
import { loadMemoryWorkspace, yaml } from '../helpers/memoryWorkspace';

/*
 * In a two-mode network rows and columns are two kinds of node, even when
 * one actor is both: with `--columns about`, an actor that makes claims and
 * is the subject of claims is a row and a column. Merged into one node, a
 * claim about oneself would be a self-loop and the graph would no longer be
 * bipartite. Every graph output keeps the modes apart.
 */

const files = {
  'annotations/actors.yaml': yaml('actors:', '  - id: a', '    name: Actor A', '    kind: organization', '  - id: b', '    name: Actor B', '    kind: organization'),
  'annotations/one.txt': 'a says a lot about a and b',
  'annotations/one.yaml': `text: one.txt
claims:
  - { claimant: a, quote: says a lot, stance: supports, about: [a, b] }
  - { claimant: b, quote: about a, stance: rejects, about: [a] }
`,
};

describe('two-mode graph outputs keep rows and columns apart', () => {
  it('graphml: an actor that is a row and an about column is two nodes, and a claim about oneself no self-loop', async () => {
    const { index } = await loadMemoryWorkspace(files);
    const result = computeNetwork(index, { ...DEFAULT_NETWORK_OPTIONS, type: 'twomode', columns: 'about' });
    assert.deepEqual(result.matrices[0].rows.map((r) => r.id), ['a', 'b']);
    assert.deepEqual(result.matrices[0].columns.map((c) => c.id), ['a', 'b']);
    const graphml = writeNetwork(result, 'graphml')[0].content;
    const nodes = [...graphml.matchAll(/<node id="([^"]+)">.*?<data key="mode">(\w+)<\/data><\/node>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(nodes, [['row:a', 'row'], ['row:b', 'row'], ['column:a', 'column'], ['column:b', 'column']]);
    const edges = [...graphml.matchAll(/<edge source="([^"]+)" target="([^"]+)">/g)].map((m) => `${m[1]} -- ${m[2]}`);
    assert.deepEqual(edges, ['row:a -- column:a', 'row:a -- column:b', 'row:b -- column:a']);
    assert.ok(edges.every((edge) => edge.split(' -- ')[0] !== edge.split(' -- ')[1]), 'no self-loop');
  });

  it('json: rows and columns are separate lists, the actor in both', async () => {
    const { index } = await loadMemoryWorkspace(files);
    const json = JSON.parse(writeNetwork(computeNetwork(index, { ...DEFAULT_NETWORK_OPTIONS, type: 'twomode', columns: 'about' }), 'json')[0].content) as { networks: { rows: { id: string }[]; columns: { id: string }[]; matrix: number[][] }[] };
    const [network] = json.networks;
    assert.deepEqual([network.rows.map((r) => r.id), network.columns.map((c) => c.id)], [['a', 'b'], ['a', 'b']]);
    assert.deepEqual(network.matrix, [[1, 1], [1, 0]]);
  });
});
