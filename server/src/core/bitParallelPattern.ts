/**
 * Approximate matching with bit vectors (Myers, "A fast bit-vector algorithm
 * for approximate string matching based on dynamic programming", JACM 1999).
 * The edit-distance table between a pattern and the text is computed one text
 * character (one column) at a time, as vertical and horizontal differences
 * between neighbouring cells packed 32 pattern characters to a word, so a
 * column costs one step per block of 32 pattern characters instead of one
 * per character. The work of a search is the text's length times the number
 * of blocks: callers budget it with `searchCost`.
 */
export class BitParallelPattern {
  readonly length: number;
  /** Blocks of 32 pattern characters. */
  readonly blocks: number;
  /** Per character row, per block: the bits of the pattern positions that hold that character. Row 0 is all zeros. */
  private readonly equal: Int32Array;
  /** The row of `equal` of each character of the pattern; any other character has row 0. */
  private readonly rows = new Map<number, number>();
  /** The row of each ASCII character, for the common case without a map look-up. */
  private readonly asciiRows = new Int32Array(128);
  /** The bit of the pattern's last character in the last block. */
  private readonly lastBit: number;
  private readonly positive: Int32Array;
  private readonly negative: Int32Array;
  /** The distance in the last row after the characters a search has read so far. */
  private score = 0;

  constructor(pattern: string) {
    this.length = pattern.length;
    this.blocks = Math.max(1, Math.ceil(pattern.length / 32));
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      if (!this.rows.has(code)) this.rows.set(code, this.rows.size + 1);
    }
    this.equal = new Int32Array((this.rows.size + 1) * this.blocks);
    for (let i = 0; i < pattern.length; i++) {
      const row = this.rows.get(pattern.charCodeAt(i))!;
      this.equal[row * this.blocks + (i >> 5)] |= 1 << (i & 31);
    }
    for (const [code, row] of this.rows) if (code < 128) this.asciiRows[code] = row;
    this.lastBit = 1 << ((Math.max(1, pattern.length) - 1) & 31);
    this.positive = new Int32Array(this.blocks);
    this.negative = new Int32Array(this.blocks);
  }

  /** The work (block steps) of looking at `columns` characters of text. */
  searchCost(columns: number): number {
    return columns * this.blocks;
  }

  /**
   * Searches text[from, to) for the pattern with at most `maxDistance` edits
   * and calls `onEnd(end, distance)` for every end offset where an
   * occurrence that close ends; `onEnd` returns the largest distance still
   * wanted (the same, or lower to narrow the search).
   */
  searchEnds(text: string, from: number, to: number, maxDistance: number, onEnd: (end: number, distance: number) => number): void {
    this.startSearch();
    this.continueSearch(text, from, to, maxDistance, onEnd);
  }

  /**
   * Starts a search that `continueSearch` carries on over consecutive
   * stretches of the text, so that a caller can stop after any number of
   * characters and go on later (the language server searches a megabyte in
   * slices): `startSearch` then `continueSearch` over [0, a), [a, b), …
   * reports what `searchEnds` over [0, …) reports.
   */
  startSearch(): void {
    this.reset();
    this.score = this.length;
  }

  /** Carries the search started by `startSearch` on over text[from, to); returns the largest distance still wanted. */
  continueSearch(text: string, from: number, to: number, maxDistance: number, onEnd: (end: number, distance: number) => number): number {
    let score = this.score;
    let threshold = maxDistance;
    for (let j = from; j < to; j++) {
      score += this.advance(text.charCodeAt(j), 0);
      if (score <= threshold) threshold = onEnd(j + 1, score);
    }
    this.score = score;
    return threshold;
  }

  /**
   * The edit distance between the whole pattern and the text read from
   * `start` in steps of `step` (1 forwards, -1 backwards), after each of the
   * first `count` characters: distances[L - 1] is the distance to the L
   * characters read so far.
   */
  prefixDistances(text: string, start: number, step: 1 | -1, count: number): Int32Array {
    this.reset();
    const distances = new Int32Array(count);
    let score = this.length;
    for (let read = 0, j = start; read < count; read++, j += step) {
      score += this.advance(text.charCodeAt(j), 1);
      distances[read] = score;
    }
    return distances;
  }

  private reset(): void {
    this.positive.fill(-1);
    this.negative.fill(0);
  }

  /**
   * One column: updates every block's vertical differences for the text
   * character `code` and returns the change of the distance in the last row.
   * `carryIn` is the horizontal difference in row 0: 0 when an occurrence may
   * start anywhere (search), 1 when it must start at the first character read.
   */
  private advance(code: number, carryIn: number): number {
    const row = code < 128 ? this.asciiRows[code] : (this.rows.get(code) ?? 0);
    const equal = this.equal;
    const positive = this.positive;
    const negative = this.negative;
    const base = row * this.blocks;
    const last = this.blocks - 1;
    let carry = carryIn;
    for (let b = 0; b <= last; b++) {
      const pv = positive[b];
      const mv = negative[b];
      let eq = equal[base + b];
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const high = b === last ? this.lastBit : -0x80000000;
      const out = (ph & high) !== 0 ? 1 : (mh & high) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      positive[b] = mh | ~(xv | ph);
      negative[b] = ph & xv;
      carry = out;
    }
    return carry;
  }
}
