/**
 * Agreement on where claims are: Krippendorff's unitizing α for telling
 * claims from the matter between them, and precision, recall and F1 of each
 * coder against each other.
 *
 * The unitizing α is |uα, the binary member of the uα family (Krippendorff,
 * Mathet, Bouvry & Widlöcher, "On the reliability of unitizing textual
 * continua: Further developments", Quality & Quantity 2016; Krippendorff,
 * Content Analysis, 4th ed. 2019, §12.6.4). It asks only whether each
 * stretch of the text is inside a claim or not: the coincidence of two
 * coders' sections is the length they share, so it is nominal α over
 * "in a claim" / "not in a claim" with every character a unit coded by
 * every coder of the text. A coder's overlapping claims count once (their
 * union). It is computed per stretch between span boundaries, not per
 * character: O(spans × log spans).
 */
import type { Span } from '../model';
import type { AlphaResult } from './alpha';

/** One text as the coders unitized it: its length and, for each coder who has the text, their spans. */
export interface UnitizedText {
  length: number;
  spans: readonly (readonly Span[])[];
}

interface Accumulator {
  observedSum: number;
  inside: number;
  values: number;
}

function addText(text: UnitizedText, into: Accumulator): void {
  const m = text.spans.length;
  if (m < 2 || text.length <= 0) return;
  // +1 where a coder's union of spans begins, −1 where it ends.
  const events: [number, number][] = [];
  for (const spans of text.spans) {
    const sorted = spans.map((s) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end) })).filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
    let current: Span | undefined;
    for (const span of sorted) {
      if (current && span.start <= current.end) current.end = Math.max(current.end, span.end);
      else {
        if (current) events.push([current.start, 1], [current.end, -1]);
        current = { ...span };
      }
    }
    if (current) events.push([current.start, 1], [current.end, -1]);
  }
  events.sort((a, b) => a[0] - b[0]);
  let position = 0;
  let k = 0;
  for (const [at, change] of events) {
    const length = at - position;
    if (length > 0) {
      into.observedSum += (length * 2 * k * (m - k)) / (m - 1);
      into.inside += length * k;
    }
    position = at;
    k += change;
  }
  into.values += m * text.length;
}

/** |uα, text by text (`unitizingAlpha`). */
export class UnitizingAlpha {
  private readonly total: Accumulator = { observedSum: 0, inside: 0, values: 0 };
  private pairable = 0;

  add(text: UnitizedText): void {
    if (text.spans.length >= 2 && text.length > 0) this.pairable++;
    addText(text, this.total);
  }

  /** null when undefined (fewer than two coders anywhere, or nothing, or everything, in claims). */
  result(): AlphaResult {
    const { total, pairable } = this;
    const n = total.values;
    const outside = n - total.inside;
    const expectedSum = 2 * total.inside * outside;
    if (n < 2 || expectedSum === 0) return { alpha: null, pairable, values: n };
    return { alpha: 1 - ((n - 1) * total.observedSum) / expectedSum, pairable, values: n };
  }
}

/** |uα over texts: null when undefined (fewer than two coders anywhere, or nothing, or everything, in claims). */
export function unitizingAlpha(texts: readonly UnitizedText[]): AlphaResult {
  const alpha = new UnitizingAlpha();
  for (const text of texts) alpha.add(text);
  return alpha.result();
}

export interface MatchScores {
  matches: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface PairScores {
  /** The first coder is scored against the second as the reference. */
  coders: [string, string];
  exact: MatchScores;
  overlap: MatchScores;
}

function scores(matches: number, own: number, reference: number): MatchScores {
  const precision = own ? matches / own : null;
  const recall = reference ? matches / reference : null;
  const f1 = own + reference ? (2 * matches) / (own + reference) : null;
  return { matches, precision, recall, f1 };
}

/**
 * Precision, recall and F1 of each coder against each other, over the
 * units as they come: an overlapping match is a unit holding an item of
 * both coders, an exact match one where their spans are the same. Units
 * pair items one to one, so a's precision against b is b's recall against a.
 */
export class PairMatches {
  /** Per ordered pair of coders (a × coders + b): overlapping and exact matches. */
  private readonly overlapping: number[];
  private readonly exact: number[];

  constructor(private readonly names: readonly string[]) {
    this.overlapping = new Array<number>(names.length * names.length).fill(0);
    this.exact = new Array<number>(names.length * names.length).fill(0);
  }

  /** One unit: each coder's span in it, or undefined. */
  add(spans: readonly (Span | undefined)[]): void {
    const coders = this.names.length;
    for (let a = 0; a < coders; a++) {
      const x = spans[a];
      if (!x) continue;
      for (let b = a + 1; b < coders; b++) {
        const y = spans[b];
        if (!y) continue;
        this.overlapping[a * coders + b]++;
        if (x.start === y.start && x.end === y.end) this.exact[a * coders + b]++;
      }
    }
  }

  /** Every pair of coders, in both directions (a before b, then by b), scored against `counts`: each coder's items. */
  scores(counts: readonly number[]): PairScores[] {
    const { names } = this;
    const coders = names.length;
    const pairs: PairScores[] = [];
    for (let a = 0; a < coders; a++) {
      for (let b = 0; b < coders; b++) {
        if (a === b) continue;
        const at = Math.min(a, b) * coders + Math.max(a, b);
        pairs.push({ coders: [names[a], names[b]], exact: scores(this.exact[at], counts[a], counts[b]), overlap: scores(this.overlapping[at], counts[a], counts[b]) });
      }
    }
    return pairs;
  }
}
