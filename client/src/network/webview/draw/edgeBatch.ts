/*
 * Edges are drawn one path per colour and width: a stroke per bucket, not
 * per edge. The buckets are made once per graph; a frame only walks them.
 */

export interface EdgeBucket {
  colour: number;
  /** The line width in CSS pixels: the edge size rounded to half a pixel. */
  width: number;
  /** The edges of the bucket, by index. */
  edges: Uint32Array;
}

export const MAX_EDGE_WIDTH = 4;

/** The width bucket of an edge size: half pixels from 0.5 to MAX_EDGE_WIDTH. */
export function widthOf(size: number): number {
  return Math.min(Math.max(Math.round(size * 2) / 2, 0.5), MAX_EDGE_WIDTH);
}

/** The edges grouped by colour index and width, in a stable order (thin before thick, so thick ones are drawn on top). */
export function batchEdges(colours: ArrayLike<number>, sizes: ArrayLike<number>): EdgeBucket[] {
  const groups = new Map<number, number[]>();
  for (let edge = 0; edge < colours.length; edge++) {
    const key = widthOf(sizes[edge]!) * 2 * 65536 + colours[edge]!;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(edge);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([key, edges]) => ({ colour: key % 65536, width: Math.floor(key / 65536) / 2, edges: Uint32Array.from(edges) }));
}

/** The nodes grouped by colour index, each group in index order: one fill per colour. */
export function batchNodes(colours: ArrayLike<number>): Map<number, Uint32Array> {
  const groups = new Map<number, number[]>();
  for (let node = 0; node < colours.length; node++) {
    let group = groups.get(colours[node]!);
    if (!group) groups.set(colours[node]!, (group = []));
    group.push(node);
  }
  return new Map([...groups].map(([colour, nodes]) => [colour, Uint32Array.from(nodes)]));
}
