/*
 * Where the nodes of a new answer start: where they were drawn before (kept
 * by id), else next to their placed neighbours, else on a spiral around the
 * drawing (a golden-angle spiral filling a disc for a first drawing).
 */
import type { NetworkGraphInfo } from '../../../protocol';
import type { Point } from './camera';

/** A number in [0, 1) from a string: the same node gets the same starting point on every run. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

/** A position for every node of `info`; `positions` (by id) gains the new ones. `placed`: the nodes without a kept position. */
export function placeNodes(info: NetworkGraphInfo, positions: Map<string, Point>): { points: Map<string, Point>; kept: number; placed: Set<string> } {
  const points = new Map<string, Point>();
  let spread = 1;
  for (const node of info.nodes) {
    const known = positions.get(node.id);
    if (!known) continue;
    points.set(node.id, known);
    spread = Math.max(spread, Math.abs(known.x), Math.abs(known.y));
  }
  const kept = points.size;
  if (kept === 0) spread = Math.sqrt(info.nodes.length) * 10;
  const neighbours = new Map<string, string[]>();
  for (const edge of info.edges) {
    if (points.has(edge.source) === points.has(edge.target)) continue;
    const [fresh, placed] = points.has(edge.source) ? [edge.target, edge.source] : [edge.source, edge.target];
    const list = neighbours.get(fresh) ?? [];
    list.push(placed);
    neighbours.set(fresh, list);
  }
  let fresh = 0;
  const placed = new Set<string>();
  for (const node of info.nodes) {
    if (points.has(node.id)) continue;
    placed.add(node.id);
    const jitter = hash(node.id);
    const around = (neighbours.get(node.id) ?? []).map((id) => points.get(id)!);
    let point: Point;
    if (around.length > 0) {
      point = {
        x: around.reduce((sum, p) => sum + p.x, 0) / around.length + (jitter - 0.5) * 2,
        y: around.reduce((sum, p) => sum + p.y, 0) / around.length + (hash(`${node.id}#`) - 0.5) * 2,
      };
    } else {
      // A spiral (golden angle) fills a disc evenly; the hash only turns it.
      const angle = fresh * 2.399963 + jitter * 0.5;
      const radius = kept === 0 ? spread * Math.sqrt((fresh + 0.5) / info.nodes.length) : spread * (1.05 + 0.1 * jitter);
      point = { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
      fresh++;
    }
    points.set(node.id, point);
  }
  for (const [id, point] of points) positions.set(id, point);
  return { points, kept, placed };
}
