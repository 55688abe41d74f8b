import type { Span } from './model';
import type { NormalizedText } from './normalizeText';

/** What a quote selector needs: the quote and, optionally, the text just around it. */
export interface QuoteSelector {
  quote: string;
  prefix?: string;
  suffix?: string;
}

/**
 * A text prepared for anchoring: the original and its normalised form. Built
 * once per text version and shared by every quote anchored in it.
 */
export interface AnchorableText {
  text: string;
  normalized: NormalizedText;
}

export type AnchorStatus =
  /** The quote occurs character for character. */
  | 'exact'
  /** The quote occurs once quotes, dashes, whitespace and Unicode forms are normalised. */
  | 'normalized'
  /** The quote occurs more than once and the context does not pick one. */
  | 'ambiguous'
  | 'not-found'
  /** The quote is empty once normalised. */
  | 'empty'
  /** The quote is gone, but a close match exists: proposed, never applied silently. */
  | 'stale';

/** A place where a quote might now be, with how sure we are of it. */
export interface ScoredCandidate {
  span: Span;
  /** 0..1: how closely the words match the quote. */
  quoteSimilarity: number;
  /** 0..1: how closely the surrounding text matches prefix/suffix; undefined without them. */
  contextSimilarity?: number;
  /** 0..1: whether it lies between the neighbouring claims' anchors; undefined without neighbours. */
  positionScore?: number;
  /** 0..1: the weighted combination of the above. */
  confidence: number;
}

/** At most this many candidates of an ambiguous quote are kept (the first ones in the text); `occurrences` counts them all. */
export const MAX_CANDIDATES = 20;

export interface AnchorResult {
  status: AnchorStatus;
  /** The resolved range in the text, for `exact` and `normalized`. */
  span?: Span;
  /** For `ambiguous`: the first MAX_CANDIDATES occurrences (in text order) that fit the context equally well. */
  candidates: Span[];
  /** For `ambiguous`: how many occurrences fit the context equally well, `candidates` or not. */
  occurrences?: number;
  /** Prefix/suffix were given but fit none of the occurrences: the text around the quote changed. */
  contextMismatch?: boolean;
  /** For `stale`: where the quote would go now, and how sure that is. */
  proposal?: ScoredCandidate;
  /** For `not-found`: the closest places, none of them clear enough to propose. */
  nearMisses?: ScoredCandidate[];
  /**
   * For `not-found`: the file's budget for searching quotes (exactly or
   * approximately) ran out before this one was searched in full, so a close
   * match may exist that was not looked for.
   */
  searchIncomplete?: boolean;
}

/** How many candidates an ambiguous result stands for. */
export function occurrenceCount(result: AnchorResult): number {
  return result.occurrences ?? result.candidates.length;
}
