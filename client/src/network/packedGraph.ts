/*
 * The graph of an answer as the panel posts it to the webview: by columns,
 * not as an object per node and edge. A webview message is cloned on the
 * page's main thread (twice: VS Code's frame around the view passes it on),
 * and cloning costs by the object: 4,000 nodes and 8,000 edges as objects
 * made a main-thread task of over 200 ms on a loaded machine. Columns of
 * numbers and strings clone in a fraction of that; the view unpacks them
 * into the same objects (in its own code, which is cheap).
 */
import type { NetworkEdgeInfo, NetworkGraphInfo, NetworkNodeInfo, NetworkResult } from '../protocol';

/** Strings that repeat (kinds, relation types), each kept once: the columns hold their index. */
interface Words {
  words: string[];
  index: Map<string, number>;
}

export interface PackedGraph extends Omit<NetworkGraphInfo, 'nodes' | 'edges'> {
  words: string[];
  nodes: { id: string[]; label: string[]; ref: string[]; kind: number[]; actorKind: number[]; degree: number[]; weightedDegree: number[] };
  /** source and target: a node's index, or -1 - k for the k-th string of `ends` (an end that is no node of the answer). */
  edges: { id: string[]; source: number[]; target: number[]; ends: string[]; type: number[]; weight: number[]; directed: number[] };
}

export type PackedResult = Omit<NetworkResult, 'graph'> & { graph?: PackedGraph };

function word(words: Words, text: string): number {
  let at = words.index.get(text);
  if (at === undefined) words.index.set(text, (at = words.words.push(text) - 1));
  return at;
}

export function packGraph(graph: NetworkGraphInfo): PackedGraph {
  const { nodes, edges, ...rest } = graph;
  const words: Words = { words: [], index: new Map() };
  const nodeIndex = new Map(nodes.map((node, i) => [node.id, i]));
  const ends: string[] = [];
  const end = (id: string) => nodeIndex.get(id) ?? -1 - (ends.push(id) - 1);
  return {
    ...rest,
    words: words.words,
    nodes: {
      id: nodes.map((node) => node.id),
      label: nodes.map((node) => node.label),
      ref: nodes.map((node) => node.ref),
      kind: nodes.map((node) => word(words, node.kind)),
      actorKind: nodes.map((node) => word(words, node.actorKind)),
      degree: nodes.map((node) => node.degree),
      weightedDegree: nodes.map((node) => node.weightedDegree),
    },
    edges: {
      id: edges.map((edge) => edge.id),
      source: edges.map((edge) => end(edge.source)),
      target: edges.map((edge) => end(edge.target)),
      ends,
      type: edges.map((edge) => word(words, edge.type)),
      weight: edges.map((edge) => edge.weight),
      directed: edges.map((edge) => (edge.directed ? 1 : 0)),
    },
  };
}

export function unpackGraph(packed: PackedGraph): NetworkGraphInfo {
  const { words, nodes, edges, ...rest } = packed;
  const id = (at: number) => (at >= 0 ? nodes.id[at]! : edges.ends[-1 - at]!);
  return {
    ...rest,
    nodes: nodes.id.map(
      (nodeId, i): NetworkNodeInfo => ({
        id: nodeId,
        label: nodes.label[i]!,
        ref: nodes.ref[i]!,
        kind: words[nodes.kind[i]!] as NetworkNodeInfo['kind'],
        actorKind: words[nodes.actorKind[i]!]!,
        degree: nodes.degree[i]!,
        weightedDegree: nodes.weightedDegree[i]!,
      }),
    ),
    edges: edges.id.map(
      (edgeId, e): NetworkEdgeInfo => ({
        id: edgeId,
        source: id(edges.source[e]!),
        target: id(edges.target[e]!),
        type: words[edges.type[e]!]!,
        weight: edges.weight[e]!,
        directed: edges.directed[e] === 1,
      }),
    ),
  };
}

export function packResult(result: NetworkResult): PackedResult {
  const { graph, ...rest } = result;
  return graph ? { ...rest, graph: packGraph(graph) } : rest;
}

export function unpackResult(packed: PackedResult): NetworkResult {
  const { graph, ...rest } = packed;
  return graph ? { ...rest, graph: unpackGraph(graph) } : rest;
}
