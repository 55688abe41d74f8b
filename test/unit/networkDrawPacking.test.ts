// The Actor network answer as the panel posts it to its webview
// (client/src/network/packedGraph.ts): by columns, unpacked by the view into
// the very objects the server answered. The compiled client module is loaded.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/tempWorkspace';

type Result = { graph?: { nodes: object[]; edges: object[] } & Record<string, unknown> } & Record<string, unknown>;
interface Packing {
  packResult(result: Result): Result;
  unpackResult(packed: Result): Result;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const packing = require(path.join(REPO_ROOT, 'out', 'client', 'src', 'network', 'packedGraph.js')) as Packing;

const base = { ready: true, notes: ['a note'], texts: [{ uri: 'file:///t.txt', label: 'T' }], concepts: [], stances: ['supports'], published: ['2020'], relationDates: [], choices: {} };

describe('the network answer packed by columns', () => {
  it('unpacks into exactly what the server answered: nodes, edges (an end that is no node included), the graph’s other fields', () => {
    const result: Result = {
      ...base,
      graph: {
        id: 'relations',
        label: 'Actor relation graph',
        totalNodes: 5,
        totalEdges: 4,
        nodes: [
          { id: 'actor:a', label: 'A', kind: 'actor', ref: 'a', actorKind: 'state', degree: 2, weightedDegree: 2.5 },
          { id: 'concept:c', label: 'C “quoted”', kind: 'concept', ref: 'c', actorKind: '', degree: 1, weightedDegree: 1 },
          { id: 'actor:b', label: 'B', kind: 'actor', ref: 'b', actorKind: 'state', degree: 1, weightedDegree: 0.25 },
        ],
        edges: [
          { id: 'e1', source: 'actor:a', target: 'actor:b', type: 'allied-with', weight: 1, directed: true },
          { id: 'e2', source: 'actor:a', target: 'concept:c', type: 'supports', weight: -2, directed: false },
          { id: 'e3', source: 'actor:gone', target: 'actor:a', type: 'allied-with', weight: 0.5, directed: true },
        ],
      },
    };
    const packed = packing.packResult(structuredClone(result));
    assert.deepEqual(packing.unpackResult(structuredClone(packed)), result);
  });

  it('posts columns, not an object per node or edge', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => ({ id: `actor:${i}`, label: `Actor ${i}`, kind: 'actor', ref: `${i}`, actorKind: i % 2 ? 'state' : 'media', degree: 1, weightedDegree: 1 }));
    const edges = Array.from({ length: 99 }, (_, i) => ({ id: `e${i}`, source: `actor:${i}`, target: `actor:${i + 1}`, type: 'opposes', weight: 1, directed: true }));
    const packed = packing.packResult({ ...base, graph: { id: 'relations', label: 'R', totalNodes: 100, totalEdges: 99, nodes, edges } });
    const objects = (value: unknown): number => (Array.isArray(value) ? 1 + value.reduce((sum: number, item) => sum + objects(item), 0) : value && typeof value === 'object' ? 1 + Object.values(value).reduce((sum: number, item) => sum + objects(item), 0) : 0);
    assert.ok(objects(packed.graph) < 20, `a few arrays: ${objects(packed.graph)} objects`);
    assert.deepEqual((packed.graph as unknown as { words: string[] }).words, ['actor', 'media', 'state', 'opposes'], 'repeated strings once');
  });

  it('leaves an answer without a graph as it is', () => {
    assert.deepEqual(packing.unpackResult(packing.packResult({ ...base, ready: false })), { ...base, ready: false });
  });
});
