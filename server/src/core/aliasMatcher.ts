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

function isWordCodePoint(codePoint: number | undefined): boolean {
  return codePoint !== undefined && WORD_CHAR.test(String.fromCodePoint(codePoint));
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
    // For each start offset, the longest whole-word pattern found there.
    const longestAt = new Map<number, number>();
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (state !== 0 && !this.transitions[state].has(code)) state = this.failure[state];
      state = this.transitions[state].get(code) ?? 0;
      for (let out = this.terminal[state] >= 0 ? state : this.outputLink[state]; out >= 0; out = this.outputLink[out]) {
        const patternIndex = this.terminal[out];
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
