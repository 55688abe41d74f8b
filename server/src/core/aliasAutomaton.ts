// The automaton behind AliasMatcher: Aho–Corasick over reversed keys, with
// word ends of spaced scripts as a symbol, so that finding the longest key
// at each offset costs the same however many keys nest inside it.
import { WordClass, wordClassAt, wordClassBefore, wordClassOf, type UnspacedBoundaries } from './wordBoundaries';

/** Work done by one `findAll`, for tests that bound it. */
export interface AliasMatchWork {
  /** Candidate keys looked at (at most a few per position of the text). */
  candidates: number;
  /** Code units handed to `Intl.Segmenter` (only around candidates in unspaced scripts). */
  segmentedUnits: number;
}

/**
 * A symbol the automaton reads where a word of a spaced script ends (a
 * spaced word character followed by anything else, or by the end). It is the
 * soft hyphen, which normalisation drops, so no text or key contains it.
 */
const WORD_END = 0x00ad;

/**
 * At one start offset, how many nested keys ending inside a word of an
 * unspaced script are tried before the offset yields no such key. Bounds the
 * work of a hostile registry (`中`, `中中`, … over a long run); an ordinary
 * registry has a handful of keys per start.
 */
const MAX_UNSPACED_TRIES = 64;

/**
 * The symbols the automaton reads for a key: its code units with WORD_END
 * after every spaced word that ends inside it or at its end, reversed (the
 * automaton runs from the end of the text to its start).
 */
function keySymbols(key: string): number[] {
  const symbols: number[] = [];
  let i = 0;
  let current = key.length > 0 ? wordClassOf(key.codePointAt(0)!) : WordClass.None;
  while (i < key.length) {
    const codePoint = key.codePointAt(i)!;
    const size = codePoint > 0xffff ? 2 : 1;
    for (let unit = 0; unit < size; unit++) symbols.push(key.charCodeAt(i + unit));
    i += size;
    const next = i < key.length ? wordClassOf(key.codePointAt(i)!) : WordClass.None;
    if (current === WordClass.Spaced && next !== WordClass.Spaced) symbols.push(WORD_END);
    current = next;
  }
  return symbols.reverse();
}

/** The trie's first capacity in states; it doubles when full. */
const INITIAL_STATES = 1 << 12;

/** `larger` with `array` copied into its start. */
function grown<T extends Uint16Array | Int32Array>(array: T, larger: T): T {
  larger.set(array);
  return larger;
}

/** Units of work (key symbols inserted, states linked or compiled) between two yields of a sliced build. */
const BUILD_STEP = 4096 * 16;

/**
 * An Aho–Corasick automaton over the reversed symbols of a fixed set of
 * distinct keys, compiled to flat typed arrays: matching reads no Map and
 * allocates nothing per position. Keys are numbered in the order given; the
 * transitions of state s are edgeCodes/edgeTargets[edgeStart[s] .. edgeStart[s + 1]),
 * sorted by code.
 *
 * It runs from the end of a text to its start, so that after reading the
 * text from offset s on, the keys found are exactly those that start at s,
 * longest first along the failure chain: the longest live one is one array
 * read away (`LiveOutputs`), however many keys nest inside it.
 */
export interface Automaton {
  keys: readonly string[];
  rootNext: Int32Array;
  /** The state after a word end read at the root (0 when no key ends with a spaced word), and its every transition, failures resolved. */
  wordEnd: number;
  wordEndNext: Int32Array;
  edgeStart: Int32Array;
  edgeCodes: Uint16Array;
  edgeTargets: Int32Array;
  failure: Int32Array;
  /** Key ending exactly at this state, or -1. */
  terminal: Int32Array;
  /** Every state but the root, parents before children. */
  breadthFirst: Int32Array;
  /** Per key: its length in code units of the normalised text. */
  lengths: Int32Array;
  /** Per key: 1 when it ends with a character of an unspaced script, so that its end needs the segmenter. */
  endsUnspaced: Uint8Array;
}

/**
 * Per state, the longest live key along its failure chain (itself included)
 * whose end the automaton has already checked (`settled`), and the longest
 * live key that ends in an unspaced script (`unspaced`); -1 for none. Follow
 * `unspaced[failure[k]]` for the next shorter one.
 */
export interface LiveOutputs {
  settled: Int32Array;
  unspaced: Int32Array;
  /** Per state, 1 when either of the above has a key: the scan reads one byte per state it passes, not two words far apart. */
  any: Uint8Array;
}

export function liveOutputs(automaton: Automaton, live: readonly unknown[]): LiveOutputs {
  const { failure, terminal, breadthFirst, endsUnspaced } = automaton;
  const settled = new Int32Array(terminal.length).fill(-1);
  const unspaced = new Int32Array(terminal.length).fill(-1);
  for (let i = 0; i < breadthFirst.length; i++) {
    const state = breadthFirst[i];
    const fallback = failure[state];
    const keyIndex = terminal[state];
    const isLive = keyIndex >= 0 && live[keyIndex] !== undefined;
    settled[state] = isLive && endsUnspaced[keyIndex] === 0 ? state : settled[fallback];
    unspaced[state] = isLive && endsUnspaced[keyIndex] === 1 ? state : unspaced[fallback];
  }
  const any = new Uint8Array(terminal.length);
  for (let state = 0; state < any.length; state++) any[state] = settled[state] >= 0 || unspaced[state] >= 0 ? 1 : 0;
  return { settled, unspaced, any };
}

/**
 * Builds an automaton, yielding every few thousand units of work so that a
 * caller can spread a large build over several turns of its event loop.
 * Keys must be distinct and non-empty.
 */
export function* buildAutomaton(keys: readonly string[]): Generator<void, Automaton> {
  const symbolsOf: number[][] = [];
  let totalLength = 0;
  let work = 0;
  for (const key of keys) {
    const symbols = keySymbols(key);
    symbolsOf.push(symbols);
    totalLength += symbols.length;
    work += key.length;
    if (work >= BUILD_STEP) {
      work = 0;
      yield;
    }
  }
  // The trie, with each state's children in a linked list (unsorted until compiled). Its arrays grow with the states made: nested keys
  // ("a", "aa", … 3,000 characters) share most states, and arrays sized by their total length (4.5 million) would take 60 MB in one step.
  let capacity = Math.min(totalLength + 1, INITIAL_STATES);
  let code = new Uint16Array(capacity);
  let firstChild = new Int32Array(capacity).fill(-1);
  let nextSibling = new Int32Array(capacity).fill(-1);
  let terminal = new Int32Array(capacity).fill(-1);
  const rootNext = new Int32Array(0x10000);
  let states = 1;
  const child = (state: number, c: number): number => {
    if (state === 0) return rootNext[c] || -1;
    for (let s = firstChild[state]; s !== -1; s = nextSibling[s]) if (code[s] === c) return s;
    return -1;
  };
  const lengths = new Int32Array(keys.length);
  const endsUnspaced = new Uint8Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const symbols = symbolsOf[k];
    symbolsOf[k] = [];
    let state = 0;
    for (let i = 0; i < symbols.length; i++) {
      const c = symbols[i];
      let next = child(state, c);
      if (next === -1) {
        if (states === capacity) {
          capacity = Math.min(totalLength + 1, 2 * capacity);
          code = grown(code, new Uint16Array(capacity));
          firstChild = grown(firstChild, new Int32Array(capacity).fill(-1));
          nextSibling = grown(nextSibling, new Int32Array(capacity).fill(-1));
          terminal = grown(terminal, new Int32Array(capacity).fill(-1));
        }
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
    endsUnspaced[k] = wordClassBefore(key, key.length) === WordClass.Unspaced ? 1 : 0;
    work += symbols.length;
    if (work >= BUILD_STEP) {
      work = 0;
      yield;
    }
  }

  // Failure links, breadth first.
  const failure = new Int32Array(states);
  const queue = new Int32Array(Math.max(states - 1, 0));
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
      failure[c] = target !== -1 && target !== c ? target : 0;
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
    if ((state + 1) % BUILD_STEP === 0) yield;
  }
  edgeStart[states] = edges;
  // Every word of the text passes through the word-end state, which has an edge per last letter of a key: a table.
  const wordEnd = rootNext[WORD_END];
  const wordEndNext = new Int32Array(wordEnd > 0 ? 0x10000 : 0);
  if (wordEnd > 0) {
    wordEndNext.set(rootNext);
    for (let e = edgeStart[wordEnd]; e < edgeStart[wordEnd + 1]; e++) wordEndNext[edgeCodes[e]] = edgeTargets[e];
  }
  return { keys, rootNext, wordEnd, wordEndNext, edgeStart, edgeCodes, edgeTargets, failure, terminal: terminal.slice(0, states), breadthFirst: queue, lengths, endsUnspaced };
}

export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Start offsets (descending) and, for each, the key found there: its index, or -1 - its index in a delta automaton. */
export class Found {
  starts = new Int32Array(64);
  refs = new Int32Array(64);
  count = 0;

  push(start: number, ref: number): void {
    if (this.count === this.starts.length) {
      const starts = new Int32Array(this.count * 2);
      const refs = new Int32Array(this.count * 2);
      starts.set(this.starts);
      refs.set(this.refs);
      this.starts = starts;
      this.refs = refs;
    }
    this.starts[this.count] = start;
    this.refs[this.count++] = ref;
  }
}

/** Code units of text `collectInSteps` reads per step. */
export const COLLECT_UNITS_PER_STEP = 1 << 14;

/** What one scan needs to know about a text besides its characters. */
export interface ScanContext {
  text: string;
  boundaries: UnspacedBoundaries;
  work: AliasMatchWork;
}

/**
 * Runs an automaton over a normalised text from its end to its start and
 * records, for each start offset, the longest whole-word live key there.
 * Spaced words are checked by the automaton itself (WORD_END); the start of
 * a key is checked once per offset, since every key found there starts with
 * the same character; only keys ending in an unspaced script are checked
 * one by one, at most MAX_UNSPACED_TRIES per offset. Linear in the text.
 * Yields every COLLECT_UNITS_PER_STEP code units, for a caller that must
 * stay responsive while a long text is matched.
 */
export function* collectInSteps(automaton: Automaton, outputs: LiveOutputs, context: ScanContext, isDelta: boolean, found: Found): Generator<void, void> {
  const scan: ScanPosition = { state: 0, after: WordClass.None };
  let i = context.text.length - 1;
  for (;;) {
    i = scanDown(automaton, outputs, context, isDelta, found, scan, i, Math.max(-1, i - COLLECT_UNITS_PER_STEP));
    if (i < 0) return;
    yield;
  }
}

/** Where a scan stands between two steps: the automaton's state, and the class of the code point after the next one to read. */
interface ScanPosition {
  state: number;
  after: WordClass;
}

/**
 * One step of `collectInSteps`: reads the text from offset `from` down while
 * above `stop` and returns the next offset to read (`stop` or below: -1 at
 * the end). A plain function, not the generator, so that the arrays it reads
 * stay in registers: no closure captures them.
 */
function scanDown(automaton: Automaton, outputs: LiveOutputs, context: ScanContext, isDelta: boolean, found: Found, scan: ScanPosition, from: number, stop: number): number {
  const text = context.text;
  const { rootNext, wordEnd, wordEndNext, edgeStart, edgeCodes, edgeTargets, failure } = automaton;
  const { any } = outputs;
  let state = scan.state;
  let after = scan.after;
  let i = from;
  for (; i > stop; i--) {
    const low = text.charCodeAt(i);
    if (low < 0xdc00 || low > 0xdfff || i === 0 || !isHighSurrogate(text.charCodeAt(i - 1))) {
      // One code unit: the usual case.
      const current = low < 0x80 ? ASCII_CLASSES[low] : wordClassOf(low);
      if (current === WordClass.Spaced && after !== WordClass.Spaced) state = advance(automaton, state, WORD_END);
      // The transition, inline: most positions take it straight from the root or one edge.
      for (;;) {
        if (state === 0) {
          state = rootNext[low];
          break;
        }
        if (state === wordEnd) {
          state = wordEndNext[low];
          break;
        }
        const end = edgeStart[state + 1];
        let e = edgeStart[state];
        if (end - e > 8) {
          state = advance(automaton, state, low);
          break;
        }
        for (; e < end && edgeCodes[e] < low; e++);
        if (e < end && edgeCodes[e] === low) {
          state = edgeTargets[e];
          break;
        }
        state = failure[state];
      }
      if (any[state] === 1) record(automaton, outputs, context, isDelta, found, state, i, current);
      after = current;
      continue;
    }
    // A surrogate pair [i - 1, i + 1), read low unit first; a key may start with its lone low surrogate.
    const current = wordClassOf(text.codePointAt(i - 1)!);
    if (current === WordClass.Spaced && after !== WordClass.Spaced) state = advance(automaton, state, WORD_END);
    state = advance(automaton, state, low);
    record(automaton, outputs, context, isDelta, found, state, i, WordClass.None);
    i--;
    state = advance(automaton, state, text.charCodeAt(i));
    record(automaton, outputs, context, isDelta, found, state, i, current);
    after = current;
  }
  scan.state = state;
  scan.after = after;
  return i;
}

/** The state after reading symbol `c` in state `from`. */
function advance(automaton: Automaton, from: number, c: number): number {
  const { rootNext, edgeStart, edgeCodes, edgeTargets, failure } = automaton;
  for (let state = from; ; state = failure[state]) {
    if (state === 0) return rootNext[c];
    let low = edgeStart[state];
    let high = edgeStart[state + 1];
    // Binary search while many edges remain (the state after a word end has one per last letter), then a scan.
    while (high - low > 8) {
      const middle = (low + high) >>> 1;
      if (edgeCodes[middle] < c) low = middle + 1;
      else high = middle + 1;
    }
    for (let e = low; e < high; e++) {
      const edgeCode = edgeCodes[e];
      if (edgeCode === c) return edgeTargets[e];
      if (edgeCode > c) break;
    }
  }
}

/** Records the longest acceptable key that starts at `start` (of class `startClass`) in `state`, if any. */
function record(automaton: Automaton, outputs: LiveOutputs, context: ScanContext, isDelta: boolean, found: Found, state: number, start: number, startClass: WordClass): void {
  const { text, boundaries, work } = context;
  const { failure, terminal, lengths } = automaton;
  let best = outputs.settled[state];
  let candidate = outputs.unspaced[state];
  if (best < 0 && candidate < 0) return;
  // Every key found here starts with the code point at `start`: one check of the start for all.
  if (startClass !== WordClass.None) {
    const before = wordClassBefore(text, start);
    if (before === startClass && (startClass === WordClass.Spaced || !boundaries.isBoundary(start))) return;
  }
  work.candidates++;
  const settledLength = best >= 0 ? lengths[terminal[best]] : 0;
  for (let tries = 0; candidate >= 0 && tries < MAX_UNSPACED_TRIES; tries++) {
    const length = lengths[terminal[candidate]];
    if (length <= settledLength) break;
    work.candidates++;
    const end = start + length;
    if (wordClassAt(text, end) !== WordClass.Unspaced || boundaries.isBoundary(end)) {
      best = candidate;
      break;
    }
    candidate = outputs.unspaced[failure[candidate]];
  }
  if (best >= 0) found.push(start, isDelta ? -1 - terminal[best] : terminal[best]);
}

/** The word classes of ASCII, for the scan's fast path. */
const ASCII_CLASSES = Uint8Array.from({ length: 0x80 }, (_, code) => wordClassOf(code));

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

