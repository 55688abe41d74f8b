import { normalizeForMatch, originalSpan, type NormalizedText } from './normalizeText';
import type { Span } from './model';

/** One occurrence of an alias in a text. */
export interface AliasMatch {
  /** Range in the original text. */
  span: Span;
  /** The alias as its actors wrote it (the first spelling, if several normalise alike). */
  alias: string;
  /** Every actor that has this alias (more than one means a conflict). */
  actorIds: string[];
}

interface Pattern {
  alias: string;
  length: number;
  actorIds: string[];
  startsWithWordChar: boolean;
  endsWithWordChar: boolean;
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

/**
 * Finds every actor alias in a text in one pass (Aho–Corasick), so the cost
 * of matching does not grow with the number of aliases. Aliases match whole
 * words, case-sensitively, on normalised text; where matches overlap the
 * leftmost one wins, and of those starting at one place the longest.
 */
export class AliasMatcher {
  private readonly transitions: Map<number, number>[] = [new Map()];
  private readonly failure: number[] = [0];
  /** Pattern ending exactly at this state, or -1. */
  private readonly terminal: number[] = [-1];
  /** Nearest state along the failure chain that is terminal, or -1. */
  private readonly outputLink: number[] = [-1];
  private readonly patterns: Pattern[] = [];
  /** The automaton compiled to flat arrays for matching: transitions of state s are edgeCodes/edgeTargets[edgeStart[s] .. edgeStart[s + 1]). */
  private compiled!: { rootNext: Int32Array; edgeStart: Int32Array; edgeCodes: Uint16Array; edgeTargets: Int32Array; failure: Int32Array; terminal: Int32Array; outputLink: Int32Array };

  constructor(aliases: Iterable<{ alias: string; actorId: string }>) {
    const byNormalized = new Map<string, Pattern>();
    for (const { alias, actorId } of aliases) {
      const normalized = normalizeForMatch(alias).trim();
      if (normalized.length === 0) continue;
      const existing = byNormalized.get(normalized);
      if (existing) {
        if (!existing.actorIds.includes(actorId)) existing.actorIds.push(actorId);
        continue;
      }
      const lastCodePoint = codePointBefore(normalized, normalized.length);
      const pattern: Pattern = {
        alias,
        length: normalized.length,
        actorIds: [actorId],
        startsWithWordChar: isWordCodePoint(normalized.codePointAt(0)),
        endsWithWordChar: isWordCodePoint(lastCodePoint),
      };
      byNormalized.set(normalized, pattern);
      this.insert(normalized, this.patterns.push(pattern) - 1);
    }
    this.buildLinks();
    this.compile();
  }

  /** Flattens the trie into typed arrays: matching then reads no Map and allocates nothing. */
  private compile(): void {
    const states = this.transitions.length;
    const edgeStart = new Int32Array(states + 1);
    let edges = 0;
    for (let state = 0; state < states; state++) {
      edgeStart[state] = edges;
      edges += this.transitions[state].size;
    }
    edgeStart[states] = edges;
    const edgeCodes = new Uint16Array(edges);
    const edgeTargets = new Int32Array(edges);
    for (let state = 0; state < states; state++) {
      const map = this.transitions[state];
      let at = edgeStart[state];
      const entries = map.size > 1 ? [...map].sort((a, b) => a[0] - b[0]) : map;
      for (const [code, target] of entries) {
        edgeCodes[at] = code;
        edgeTargets[at++] = target;
      }
    }
    const rootNext = new Int32Array(0x10000);
    for (const [code, target] of this.transitions[0]) rootNext[code] = target;
    this.compiled = {
      rootNext,
      edgeStart,
      edgeCodes,
      edgeTargets,
      failure: Int32Array.from(this.failure),
      terminal: Int32Array.from(this.terminal),
      outputLink: Int32Array.from(this.outputLink),
    };
  }

  get size(): number {
    return this.patterns.length;
  }

  private insert(word: string, patternIndex: number): void {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let next = this.transitions[state].get(code);
      if (next === undefined) {
        next = this.transitions.push(new Map()) - 1;
        this.failure.push(0);
        this.terminal.push(-1);
        this.outputLink.push(-1);
        this.transitions[state].set(code, next);
      }
      state = next;
    }
    this.terminal[state] = patternIndex;
  }

  private buildLinks(): void {
    const queue: number[] = [];
    for (const child of this.transitions[0].values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [code, child] of this.transitions[state]) {
        let fallback = this.failure[state];
        while (fallback !== 0 && !this.transitions[fallback].has(code)) fallback = this.failure[fallback];
        const target = this.transitions[fallback].get(code);
        this.failure[child] = target !== undefined && target !== child ? target : 0;
        const failureState = this.failure[child];
        this.outputLink[child] = this.terminal[failureState] >= 0 ? failureState : this.outputLink[failureState];
        queue.push(child);
      }
    }
  }

  /** Every alias occurrence in a normalised text, leftmost-longest, whole words only. */
  findAll(normalized: NormalizedText): AliasMatch[] {
    const text = normalized.text;
    const { rootNext, edgeStart, edgeCodes, edgeTargets, failure, terminal, outputLink } = this.compiled;
    // For each start offset, the longest whole-word pattern found there.
    const longestAt = new Map<number, number>();
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      for (;;) {
        if (state === 0) {
          state = rootNext[code];
          break;
        }
        let next = -1;
        for (let e = edgeStart[state], end = edgeStart[state + 1]; e < end; e++) {
          const edgeCode = edgeCodes[e];
          if (edgeCode === code) {
            next = edgeTargets[e];
            break;
          }
          if (edgeCode > code) break;
        }
        if (next >= 0) {
          state = next;
          break;
        }
        state = failure[state];
      }
      for (let out = terminal[state] >= 0 ? state : outputLink[state]; out >= 0; out = outputLink[out]) {
        const patternIndex = terminal[out];
        const pattern = this.patterns[patternIndex];
        const end = i + 1;
        const start = end - pattern.length;
        if (pattern.startsWithWordChar && isWordCodePoint(codePointBefore(text, start))) continue;
        if (pattern.endsWithWordChar && isWordCodePoint(text.codePointAt(end))) continue;
        const current = longestAt.get(start);
        if (current === undefined || this.patterns[current].length < pattern.length) longestAt.set(start, patternIndex);
      }
    }
    const starts = [...longestAt.keys()].sort((a, b) => a - b);
    const matches: AliasMatch[] = [];
    let covered = 0;
    for (const start of starts) {
      if (start < covered) continue;
      const pattern = this.patterns[longestAt.get(start)!];
      covered = start + pattern.length;
      matches.push({ span: originalSpan(normalized, start, covered), alias: pattern.alias, actorIds: pattern.actorIds });
    }
    return matches;
  }
}
