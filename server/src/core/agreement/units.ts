/**
 * Units: claims (or mentions) of several coders in one text, matched by
 * their spans.
 *
 * The rule, for any number of coders:
 * 1. Candidate pairs are two items of different coders whose spans overlap.
 *    Each item is paired only with the NEIGHBOURS items of each other coder
 *    nearest to it in (start, end) order on each side (among items with the
 *    same span, the k-th of one coder is centred on the k-th of the other),
 *    and with the item of that coder that starts before it and reaches
 *    furthest (which catches one long enclosing span): so the work is
 *    O(items × coders × NEIGHBOURS) after sorting, whatever the spans. Only
 *    where one coder's spans nest or repeat more deeply than that around an
 *    item can a counterpart go unseen.
 * 2. Candidates are taken greedily, the largest overlap first; equal overlaps
 *    go to the pair with the smaller union (identical spans first), then the
 *    earlier span (by start, then by end), then the lower coder and item.
 * 3. A candidate joins the two items' units when the joined unit would hold
 *    at most one item per coder and all its spans would still share a common
 *    stretch of text (for intervals: every two of them overlap).
 * 4. Every item not joined to another is a unit coded by its coder alone.
 * For two coders this is the greedy maximum-overlap matching.
 *
 * A shortcut gives the same units where two coders marked the same spans
 * (the usual case for alias mentions, and for claims nobody moved): each
 * coder's items sorted by (start, end, item), the k-th of one with the k-th
 * of the other. By the rule, an item of length L overlaps any item by at
 * most L, and by exactly L with a union of L only where the spans are the
 * same; so no candidate taken before an identical pair can hold either of
 * its items, and among copies of one span the k-th meets the k-th first.
 */
import type { Span } from '../model';

/** How many items of each other coder, on each side in start order, an item is compared with. */
export const NEIGHBOURS = 8;

export interface UnitItem {
  span: Span;
}

/** A unit: for each coder, the index of its item in that coder's list, or undefined. */
export interface Unit {
  members: (number | undefined)[];
  /** The stretch from the first member's start to the last member's end. */
  start: number;
  end: number;
}

/** Coders are kept as bits of a number in unit building. */
export const MAX_CODERS = 30;

interface Node {
  id: number;
  coder: number;
  item: number;
  span: Span;
}

interface Candidate {
  a: number;
  b: number;
  overlap: number;
  union: number;
  start: number;
  end: number;
}

function byStart(a: Node, b: Node): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.item - b.item;
}

/** First index in a list sorted by start, then end, whose span is not before `span` in that order. */
function lowerBound(sorted: readonly Node[], span: Span): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const s = sorted[mid].span;
    if (s.start < span.start || (s.start === span.start && s.end < span.end)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Each coder's items as nodes, sorted by start, then end, then item. */
function sortedNodes(items: readonly (readonly UnitItem[])[]): Node[][] {
  if (items.length > MAX_CODERS) throw new Error(`Units are built for at most ${MAX_CODERS} coders, not ${items.length}.`);
  return items.map((list, coder) => {
    const own = list.map((item, index) => ({ id: 0, coder, item: index, span: item.span }));
    return own.sort(byStart);
  });
}

/** The units of two coders who marked the same spans, all of some length (see the shortcut above); undefined otherwise. */
function sameSpanUnits(byCoder: readonly (readonly Node[])[]): Unit[] | undefined {
  if (byCoder.length !== 2) return undefined;
  const [first, second] = byCoder;
  if (first.length !== second.length) return undefined;
  for (let k = 0; k < first.length; k++) {
    const x = first[k].span;
    const y = second[k].span;
    if (x.start !== y.start || x.end !== y.end || x.end <= x.start) return undefined;
  }
  return first.map((node, k) => ({ members: [node.item, second[k].item], start: node.span.start, end: node.span.end }));
}

/** Builds the units of one text from each coder's items (see the rule above). */
export function buildUnits(items: readonly (readonly UnitItem[])[]): Unit[] {
  const byCoder = sortedNodes(items);
  return sameSpanUnits(byCoder) ?? matchUnits(items.length, byCoder);
}

/** The rule itself, without the shortcut: for tests that hold the two to the same result. */
export function buildUnitsByRule(items: readonly (readonly UnitItem[])[]): Unit[] {
  return matchUnits(items.length, sortedNodes(items));
}

/** Candidates, greedy joins and the units they make (the rule's steps 1 to 4). */
function matchUnits(coderCount: number, byCoder: Node[][]): Unit[] {
  const nodes: Node[] = [];
  for (const own of byCoder) for (const node of own) node.id = nodes.push(node) - 1;
  // For each coder, the index (in start order) of the item reaching furthest among those up to each position.
  const furthest = byCoder.map((own) => {
    const best: number[] = [];
    own.forEach((node, i) => best.push(i > 0 && own[best[i - 1]].span.end >= node.span.end ? best[i - 1] : i));
    return best;
  });

  const candidates: Candidate[] = [];
  const seen = new Set<number>();
  const consider = (x: Node, y: Node) => {
    const overlap = Math.min(x.span.end, y.span.end) - Math.max(x.span.start, y.span.start);
    if (overlap <= 0) return;
    const a = Math.min(x.id, y.id);
    const b = Math.max(x.id, y.id);
    const key = a * nodes.length + b;
    if (seen.has(key)) return;
    seen.add(key);
    const start = Math.min(x.span.start, y.span.start);
    const end = Math.max(x.span.end, y.span.end);
    candidates.push({ a, b, overlap, union: end - start, start, end });
  };
  for (let coder = 0; coder < byCoder.length; coder++) {
    const own = byCoder[coder];
    own.forEach((node, k) => {
      // Among items with the same span, the k-th of this coder looks first at the k-th of the others.
      const rank = k - lowerBound(own, node.span);
      for (let other = 0; other < byCoder.length; other++) {
        const theirs = byCoder[other];
        if (other === coder || theirs.length === 0) continue;
        const at = lowerBound(theirs, node.span);
        const centre = Math.min(theirs.length, at + rank);
        for (let i = Math.max(0, centre - NEIGHBOURS); i < centre; i++) consider(node, theirs[i]);
        // Those from here on start no earlier, and overlap it only while they start before its end.
        for (let i = centre; i < Math.min(theirs.length, centre + NEIGHBOURS) && theirs[i].span.start < node.span.end; i++) consider(node, theirs[i]);
        if (at > 0) consider(node, theirs[furthest[other][at - 1]]);
      }
    });
  }
  candidates.sort((p, q) => q.overlap - p.overlap || p.union - q.union || p.start - q.start || p.end - q.end || p.a - q.a || p.b - q.b);

  // Union-find over nodes; each root keeps its coders and the common stretch of its spans.
  const parent = nodes.map((_, i) => i);
  const coders = nodes.map((node) => 1 << node.coder);
  const commonStart = nodes.map((node) => node.span.start);
  const commonEnd = nodes.map((node) => node.span.end);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (const candidate of candidates) {
    const ra = find(candidate.a);
    const rb = find(candidate.b);
    if (ra === rb) continue;
    if (coders[ra] & coders[rb]) continue;
    const start = Math.max(commonStart[ra], commonStart[rb]);
    const end = Math.min(commonEnd[ra], commonEnd[rb]);
    if (start >= end) continue;
    parent[rb] = ra;
    coders[ra] |= coders[rb];
    commonStart[ra] = start;
    commonEnd[ra] = end;
  }

  const unitsByRoot = new Map<number, Unit>();
  nodes.forEach((node, i) => {
    const root = find(i);
    let unit = unitsByRoot.get(root);
    if (!unit) {
      unit = { members: new Array<number | undefined>(coderCount).fill(undefined), start: node.span.start, end: node.span.end };
      unitsByRoot.set(root, unit);
    }
    unit.members[node.coder] = node.item;
    unit.start = Math.min(unit.start, node.span.start);
    unit.end = Math.max(unit.end, node.span.end);
  });
  return [...unitsByRoot.values()].sort((p, q) => p.start - q.start || p.end - q.end);
}
