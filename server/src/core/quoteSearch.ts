/**
 * Exact search for many quotes in one normalised text, within a budget. A
 * file with thousands of claims on a long text would scan the text once per
 * quote; past a few quotes the finder indexes the text's 4-character grams
 * once (linear in its length) and looks each quote up by its rarest gram.
 * Every search is charged to a budget per annotation file, so that hostile
 * input (a text of "a a a …", a thousand quotes that share every gram) costs
 * at most a bounded multiple of the input's size.
 */

import { drain } from './aliasAutomaton';

/** Every occurrence of each needle scanned for in one text, by needle. */
export type OccurrenceMemo = Map<string, number[]>;

const memos = new WeakMap<object, OccurrenceMemo>();

/**
 * The occurrences scanned for in a text so far, kept as long as `owner`
 * (the text's normalised form) lives: for several anchorings of the same
 * text (agreement anchors each coder's quotes against one normalised form,
 * and most coders quote alike), so that each needle is scanned for once.
 * The budgets are charged as if each scan were done again, so the results
 * are the same with or without it.
 */
export function sharedOccurrences(owner: object): OccurrenceMemo {
  let memo = memos.get(owner);
  if (!memo) memos.set(owner, (memo = new Map()));
  return memo;
}

/** Work allowed for one annotation file's searches; once spent, the remaining quotes are reported as not searched. */
export class SearchBudget {
  private remaining: number;
  /** Whether a search was refused for lack of budget. */
  exhausted = false;

  constructor(units: number) {
    this.remaining = units;
  }

  /** Takes `cost` units if that much is left; otherwise marks the budget exhausted and takes nothing. */
  take(cost: number): boolean {
    if (cost > this.remaining) {
      this.exhausted = true;
      return false;
    }
    this.remaining -= cost;
    return true;
  }

  /** Takes `cost` units, as much as is left; false once nothing is left. */
  spend(cost: number): boolean {
    this.remaining -= cost;
    if (this.remaining >= 0) return true;
    this.remaining = 0;
    this.exhausted = true;
    return false;
  }

  get left(): number {
    return this.remaining;
  }
}

/** Budget units (about one character comparison each) per character of text, for the exact searches of one file. */
export const EXACT_UNITS_PER_TEXT_CHAR = 64;
/** Budget units for the exact searches of one file, on top of the above. */
export const EXACT_BASE_UNITS = 20_000_000;

/** The number of characters of an indexed gram. */
const GRAM = 4;
/** Below this many quotes or text characters, scanning the text per quote is cheaper than indexing it. */
const INDEX_MIN_QUOTES = 8;
const INDEX_MIN_TEXT = 32 * 1024;

/**
 * Finds every occurrence of a needle in one text, in text order, charging
 * the work to a budget.
 */
export class OccurrenceFinder {
  private index?: { heads: Int32Array; next: Int32Array; counts: Int32Array; mask: number };

  /**
   * @param quotes how many needles will be looked up: the index pays off only for several.
   * @param memo where the occurrences found by scanning the text are kept by needle, for other finders of the same text (`sharedOccurrences`).
   */
  constructor(
    readonly text: string,
    readonly budget: SearchBudget,
    quotes: number,
    private readonly memo?: OccurrenceMemo,
  ) {
    if (wantsIndex(text, quotes)) this.index = drain(buildGramIndex(text));
  }

  /** The same finder, its index of the text built a step at a time (GRAMS_PER_STEP positions each), for a caller that must stay responsive. */
  static *inSteps(text: string, budget: SearchBudget, quotes: number, memo?: OccurrenceMemo): Generator<void, OccurrenceFinder> {
    const finder = new OccurrenceFinder(text, budget, 0, memo);
    if (wantsIndex(text, quotes)) finder.index = yield* buildGramIndex(text);
    return finder;
  }

  /**
   * Calls `visit(start)` for every occurrence of `needle`, in text order.
   * Returns false, having visited some or none, when the budget ran out.
   */
  forEach(needle: string, visit: (start: number) => void): boolean {
    return drain(this.forEachInSteps(needle, visit));
  }

  /** `forEach` a step at a time (OCCURRENCES_PER_STEP occurrences or gram positions each), for a caller that must stay responsive (a quote found a million times). */
  *forEachInSteps(needle: string, visit: (start: number) => void): Generator<void, boolean> {
    const text = this.text;
    const index = this.index;
    if (!index || needle.length < GRAM) {
      // A scan of the whole text, plus the needle's length for each occurrence.
      if (!this.budget.take(text.length + needle.length)) return false;
      const known = this.memo?.get(needle);
      if (known) {
        // Found by a scan before: the same occurrences, charged and visited as that scan would.
        for (let i = 0; i < known.length; i++) {
          if ((i + 1) % OCCURRENCES_PER_STEP === 0) yield;
          if (!this.budget.spend(needle.length)) return false;
          visit(known[i]);
        }
        return true;
      }
      const found: number[] | undefined = this.memo && [];
      for (let at = text.indexOf(needle), n = 1; at !== -1; at = text.indexOf(needle, at + 1), n++) {
        if (n % OCCURRENCES_PER_STEP === 0) yield;
        if (!this.budget.spend(needle.length)) return false;
        visit(at);
        found?.push(at);
      }
      // Kept only once every occurrence is known: a scan cut short by the budget is not.
      if (found) this.memo!.set(needle, found);
      return true;
    }
    // The rarest gram of the needle, and its offset in the needle.
    let rarest = 0;
    let rarestCount = Infinity;
    let rarestHash = 0;
    if (!this.budget.take(needle.length)) return false;
    for (let offset = 0; offset + GRAM <= needle.length; offset++) {
      const hash = gramHash(needle, offset) & index.mask;
      const count = index.counts[hash];
      if (count < rarestCount) {
        rarest = offset;
        rarestCount = count;
        rarestHash = hash;
        if (count === 0) return true;
      }
    }
    // Each position in the gram's chain (ascending) is checked; a check costs about the needle's length when it matches.
    if (!this.budget.take(rarestCount)) return false;
    for (let at = index.heads[rarestHash], n = 1; at !== -1; at = index.next[at], n++) {
      if (n % OCCURRENCES_PER_STEP === 0) yield;
      const start = at - rarest;
      if (start < 0 || !text.startsWith(needle, start)) continue;
      if (!this.budget.spend(needle.length)) return false;
      visit(start);
    }
    return true;
  }
}

function gramHash(text: string, at: number): number {
  let hash = 0;
  for (let i = 0; i < GRAM; i++) hash = Math.imul(hash, 0x01000193) ^ text.charCodeAt(at + i);
  return hash >>> 0;
}

/** Occurrences (or positions of a gram's chain) `forEachInSteps` visits per step. */
export const OCCURRENCES_PER_STEP = 1 << 15;

/** Text positions indexed per step of `buildGramIndex`: a step takes a millisecond or two. */
export const GRAMS_PER_STEP = 1 << 16;

function wantsIndex(text: string, quotes: number): boolean {
  return quotes >= INDEX_MIN_QUOTES && text.length >= INDEX_MIN_TEXT;
}

/** Chains of the positions of each gram (by hash), ascending, and how many positions each chain holds; yields every GRAMS_PER_STEP positions. */
function* buildGramIndex(text: string): Generator<void, { heads: Int32Array; next: Int32Array; counts: Int32Array; mask: number }> {
  let size = 1 << 12;
  while (size < text.length && size < 1 << 22) size <<= 1;
  const mask = size - 1;
  const heads = new Int32Array(size).fill(-1);
  const counts = new Int32Array(size);
  const next = new Int32Array(Math.max(0, text.length - GRAM + 1));
  for (let at = text.length - GRAM; at >= 0; at--) {
    if (at % GRAMS_PER_STEP === 0) yield;
    const hash = gramHash(text, at) & mask;
    next[at] = heads[hash];
    heads[hash] = at;
    counts[hash]++;
  }
  return { heads, next, counts, mask };
}
