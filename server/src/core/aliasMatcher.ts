import { normalizeForMatch, originalSpan, type NormalizedText } from './normalizeText';
import type { Span } from './model';

/** One occurrence of an alias in a text. */
export interface AliasMatch {
  /** Range in the original text. */
  span: Span;
  /** The alias as its actors wrote it (the first spelling, if several normalise alike). */
  alias: string;
  /** The alias as matching normalises it: the key of `alias` in the matcher. */
  key: string;
  /** Every actor that has this alias (more than one means a conflict). */
  actorIds: string[];
}

/** What a normalised alias stands for: its first spelling and every actor that has it, in definition order. */
export interface AliasEntry {
  alias: string;
  actorIds: string[];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** ASCII word characters, looked up without a regular expression. */
const ASCII_WORD = (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = /[A-Za-z0-9_]/.test(String.fromCharCode(code)) ? 1 : 0;
  return table;
})();

function isWordCodePoint(codePoint: number | undefined): boolean {
  if (codePoint === undefined) return false;
  if (codePoint < 128) return ASCII_WORD[codePoint] === 1;
  return WORD_CHAR.test(String.fromCodePoint(codePoint));
}

/** The code point that ends just before `offset`. */
function codePointBefore(text: string, offset: number): number | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(offset - 2);
  }
  return low;
}

/** Units of work (keys inserted, states linked or compiled) between two yields of a sliced build. */
const BUILD_STEP = 4096;

/**
 * An Aho–Corasick automaton over a fixed set of distinct keys, compiled to
 * flat typed arrays: matching reads no Map and allocates nothing. Keys are
 * numbered in the order given; the transitions of state s are
 * edgeCodes/edgeTargets[edgeStart[s] .. edgeStart[s + 1]), sorted by code.
 */
interface Automaton {
  keys: readonly string[];
  rootNext: Int32Array;
  edgeStart: Int32Array;
  edgeCodes: Uint16Array;
  edgeTargets: Int32Array;
  failure: Int32Array;
  /** Key ending exactly at this state, or -1. */
  terminal: Int32Array;
  /** Nearest state along the failure chain that is terminal, or -1. */
  outputLink: Int32Array;
  /** Per key: its length, and whether it starts and ends with a word character (whole-word rule). */
  lengths: Int32Array;
  startsWithWordChar: Uint8Array;
  endsWithWordChar: Uint8Array;
}

/**
 * Builds an automaton, yielding every few thousand units of work so that a
 * caller can spread a large build over several turns of its event loop.
 * Keys must be distinct and non-empty.
 */
function* buildAutomaton(keys: readonly string[]): Generator<void, Automaton> {
  let totalLength = 0;
  for (const key of keys) totalLength += key.length;
  const capacity = totalLength + 1;
  // The trie, with each state's children in a linked list (unsorted until compiled).
  const code = new Uint16Array(capacity);
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const terminal = new Int32Array(capacity).fill(-1);
  const rootNext = new Int32Array(0x10000);
  let states = 1;
  const child = (state: number, c: number): number => {
    if (state === 0) return rootNext[c] || -1;
    for (let s = firstChild[state]; s !== -1; s = nextSibling[s]) if (code[s] === c) return s;
    return -1;
  };
  const lengths = new Int32Array(keys.length);
  const startsWithWordChar = new Uint8Array(keys.length);
  const endsWithWordChar = new Uint8Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = child(state, c);
      if (next === -1) {
        next = states++;
        code[next] = c;
        nextSibling[next] = firstChild[state];
        firstChild[state] = next;
        if (state === 0) rootNext[c] = next;
      }
      state = next;
    }
    terminal[state] = k;
    lengths[k] = key.length;
    startsWithWordChar[k] = isWordCodePoint(key.codePointAt(0)) ? 1 : 0;
    endsWithWordChar[k] = isWordCodePoint(codePointBefore(key, key.length)) ? 1 : 0;
    if ((k + 1) % BUILD_STEP === 0) yield;
  }

  // Failure and output links, breadth first.
  const failure = new Int32Array(states);
  const outputLink = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let s = firstChild[0]; s !== -1; s = nextSibling[s]) queue[tail++] = s;
  for (let head = 0; head < tail; head++) {
    const state = queue[head];
    for (let c = firstChild[state]; c !== -1; c = nextSibling[c]) {
      const symbol = code[c];
      let fallback = failure[state];
      let target = child(fallback, symbol);
      while (target === -1 && fallback !== 0) {
        fallback = failure[fallback];
        target = child(fallback, symbol);
      }
      const failureState = target !== -1 && target !== c ? target : 0;
      failure[c] = failureState;
      outputLink[c] = terminal[failureState] >= 0 ? failureState : outputLink[failureState];
      queue[tail++] = c;
    }
    if ((head + 1) % BUILD_STEP === 0) yield;
  }

  // Flat, sorted transitions.
  const edgeStart = new Int32Array(states + 1);
  const edgeCodes = new Uint16Array(Math.max(states - 1, 0));
  const edgeTargets = new Int32Array(Math.max(states - 1, 0));
  let edges = 0;
  for (let state = 0; state < states; state++) {
    edgeStart[state] = edges;
    const from = edges;
    for (let c = firstChild[state]; c !== -1; c = nextSibling[c]) {
      // Insertion sort: most states have one or two children.
      let at = edges++;
      while (at > from && edgeCodes[at - 1] > code[c]) {
        edgeCodes[at] = edgeCodes[at - 1];
        edgeTargets[at] = edgeTargets[at - 1];
        at--;
      }
      edgeCodes[at] = code[c];
      edgeTargets[at] = c;
    }
    if ((state + 1) % (BUILD_STEP * 4) === 0) yield;
  }
  edgeStart[states] = edges;
  return { keys, rootNext, edgeStart, edgeCodes, edgeTargets, failure, terminal: terminal.slice(0, states), outputLink, lengths, startsWithWordChar, endsWithWordChar };
}

function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs an automaton over a normalised text and records, for each start
 * offset, the longest whole-word key found there whose entry is live.
 * `refs` holds `tag(keyIndex)` so that matches of two automata can be told apart.
 */
function collect(automaton: Automaton, text: string, live: readonly (AliasEntry | undefined)[], tag: (keyIndex: number) => number, lengthOf: (ref: number) => number, longestAt: Map<number, number>): void {
  const { rootNext, edgeStart, edgeCodes, edgeTargets, failure, terminal, outputLink, lengths, startsWithWordChar, endsWithWordChar } = automaton;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (;;) {
      if (state === 0) {
        state = rootNext[c];
        break;
      }
      let next = -1;
      for (let e = edgeStart[state], end = edgeStart[state + 1]; e < end; e++) {
        const edgeCode = edgeCodes[e];
        if (edgeCode === c) {
          next = edgeTargets[e];
          break;
        }
        if (edgeCode > c) break;
      }
      if (next >= 0) {
        state = next;
        break;
      }
      state = failure[state];
    }
    for (let out = terminal[state] >= 0 ? state : outputLink[state]; out >= 0; out = outputLink[out]) {
      const keyIndex = terminal[out];
      if (live[keyIndex] === undefined) continue;
      const length = lengths[keyIndex];
      const end = i + 1;
      const start = end - length;
      if (startsWithWordChar[keyIndex] && isWordCodePoint(codePointBefore(text, start))) continue;
      if (endsWithWordChar[keyIndex] && isWordCodePoint(text.codePointAt(end))) continue;
      const current = longestAt.get(start);
      if (current === undefined || lengthOf(current) < length) longestAt.set(start, tag(keyIndex));
    }
  }
}

/** The entries of a list of (alias, actor) pairs, by normalised alias: the first spelling, and every actor in order. */
function entriesOf(pairs: Iterable<{ alias: string; actorId: string }>): Map<string, AliasEntry> {
  const entries = new Map<string, AliasEntry>();
  for (const { alias, actorId } of pairs) {
    const key = normalizeForMatch(alias).trim();
    if (key.length === 0) continue;
    const existing = entries.get(key);
    if (!existing) entries.set(key, { alias, actorIds: [actorId] });
    else if (!existing.actorIds.includes(actorId)) existing.actorIds.push(actorId);
  }
  return entries;
}

/**
 * Finds every actor alias in a text in one pass (Aho–Corasick), so the cost
 * of matching does not grow with the number of aliases. Aliases match whole
 * words, case-sensitively, on normalised text; where matches overlap the
 * leftmost one wins, and of those starting at one place the longest.
 *
 * The aliases can change without rebuilding the automaton: `set` updates
 * one key. A key the automaton already has is switched on or off; a key it
 * lacks goes into a small second automaton, rebuilt on the next match (it
 * holds only the keys added since the large one was built). Once the
 * additions grow past a share of the whole, the large automaton is rebuilt
 * from every key. Matches are the same as a fresh matcher's over the same
 * entries.
 */
export class AliasMatcher {
  private base: Automaton;
  private baseIndex: Map<string, number>;
  /** Per key of the base automaton: its current entry, or undefined when the key is gone. */
  private baseLive: (AliasEntry | undefined)[];
  /** Live keys the base automaton lacks. */
  private readonly added = new Map<string, AliasEntry>();
  private delta: { automaton: Automaton; live: AliasEntry[] } | undefined;
  private liveCount = 0;

  constructor(pairs: Iterable<{ alias: string; actorId: string }> = []) {
    const entries = entriesOf(pairs);
    this.base = drain(buildAutomaton([...entries.keys()]));
    this.baseIndex = new Map(this.base.keys.map((key, i) => [key, i]));
    this.baseLive = [...entries.values()];
    this.liveCount = entries.size;
  }

  /**
   * A matcher over the given entries (normalised alias → entry), built a
   * slice at a time: the generator yields between slices. The map is read
   * once, at the start; later changes go through `set`.
   */
  static *build(entries: ReadonlyMap<string, AliasEntry>): Generator<void, AliasMatcher> {
    const keys: string[] = [];
    const live: AliasEntry[] = [];
    const baseIndex = new Map<string, number>();
    for (const [key, entry] of entries) {
      baseIndex.set(key, keys.length);
      keys.push(key);
      live.push(entry);
      if (keys.length % BUILD_STEP === 0) yield;
    }
    const automaton = yield* buildAutomaton(keys);
    const matcher = new AliasMatcher();
    matcher.base = automaton;
    matcher.baseIndex = baseIndex;
    matcher.baseLive = live;
    matcher.liveCount = keys.length;
    return matcher;
  }

  /** The number of distinct normalised aliases. */
  get size(): number {
    return this.liveCount;
  }

  /** Sets what a normalised alias stands for; undefined removes it. */
  set(key: string, entry: AliasEntry | undefined): void {
    if (key.length === 0) return;
    const at = this.baseIndex.get(key);
    const wasLive = at !== undefined ? this.baseLive[at] !== undefined : this.added.has(key);
    if (wasLive !== (entry !== undefined)) this.liveCount += entry ? 1 : -1;
    if (at !== undefined) {
      this.baseLive[at] = entry;
      return;
    }
    if (entry) this.added.set(key, entry);
    else if (!this.added.delete(key)) return;
    this.delta = undefined;
  }

  /** Every alias occurrence in a normalised text, leftmost-longest, whole words only. */
  findAll(normalized: NormalizedText): AliasMatch[] {
    this.prepareAdded();
    const text = normalized.text;
    const base = this.base;
    const delta = this.delta;
    // For each start offset, the longest live key found there: a base key index, or -1 - a delta key index.
    const longestAt = new Map<number, number>();
    const lengthOf = (ref: number) => (ref >= 0 ? base.lengths[ref] : delta!.automaton.lengths[-1 - ref]);
    collect(base, text, this.baseLive, (keyIndex) => keyIndex, lengthOf, longestAt);
    if (delta) collect(delta.automaton, text, delta.live, (keyIndex) => -1 - keyIndex, lengthOf, longestAt);
    const starts = [...longestAt.keys()].sort((a, b) => a - b);
    const matches: AliasMatch[] = [];
    let covered = 0;
    for (const start of starts) {
      if (start < covered) continue;
      const ref = longestAt.get(start)!;
      const key = ref >= 0 ? base.keys[ref] : delta!.automaton.keys[-1 - ref];
      const entry = ref >= 0 ? this.baseLive[ref]! : delta!.live[-1 - ref];
      covered = start + key.length;
      matches.push({ span: originalSpan(normalized, start, covered), alias: entry.alias, key, actorIds: entry.actorIds });
    }
    return matches;
  }

  /** Builds the automaton of added keys, or folds everything into a new base once they are many. */
  private prepareAdded(): void {
    if (this.added.size === 0 || this.delta) return;
    if (this.added.size > Math.max(256, this.base.keys.length / 8)) {
      const entries = new Map<string, AliasEntry>();
      this.base.keys.forEach((key, i) => {
        const entry = this.baseLive[i];
        if (entry) entries.set(key, entry);
      });
      for (const [key, entry] of this.added) entries.set(key, entry);
      const rebuilt = drain(AliasMatcher.build(entries));
      this.base = rebuilt.base;
      this.baseIndex = rebuilt.baseIndex;
      this.baseLive = rebuilt.baseLive;
      this.added.clear();
      return;
    }
    const keys = [...this.added.keys()];
    this.delta = { automaton: drain(buildAutomaton(keys)), live: keys.map((key) => this.added.get(key)!) };
  }
}
