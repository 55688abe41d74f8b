import type { Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';

/**
 * Token types for texts. Custom types, so themes can colour them on their own;
 * each falls back to a standard type (see SEMANTIC_TOKEN_FALLBACKS).
 */
export const SEMANTIC_TOKEN_TYPES = ['actorMention', 'claim', 'entityMention'] as const;
export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];

/** `explicit`: stated by a mention in an annotation file; `ambiguous`: an alias of several actors; `insideClaim`: within a claim's span. */
export const SEMANTIC_TOKEN_MODIFIERS = ['explicit', 'ambiguous', 'insideClaim'] as const;
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

/** The standard token type each custom type stands in for (the extension manifest's `superType`). */
export const SEMANTIC_TOKEN_FALLBACKS: Readonly<Record<SemanticTokenType, string>> = {
  actorMention: 'class',
  claim: 'string',
  entityMention: 'enumMember',
};

export interface SemanticSpan {
  span: Span;
  type: SemanticTokenType;
  modifiers: SemanticTokenModifier[];
}

/**
 * The semantic tokens of a text: actor and entity mentions and claim spans, sorted and
 * never overlapping (editors do not support overlapping tokens). Where a
 * mention lies inside a claim, the mention wins and carries `insideClaim`,
 * and the claim's token is cut around it.
 */
export function textSemanticTokens(index: WorkspaceView, uri: string): SemanticSpan[] {
  const analysis = index.analysis(uri);
  if (!analysis) return [];
  const mentions = analysis.mentions.filter((mention) => mention.span.start < mention.span.end);
  const claimed = mergeSpans(analysis.claims.flatMap((claim) => (claim.result.span ? [claim.result.span] : [])));
  const tokens: SemanticSpan[] = [];
  for (const mention of mentions) {
    const modifiers: SemanticTokenModifier[] = [];
    if (mention.source === 'explicit') modifiers.push('explicit');
    if (mention.source === 'alias' && mention.actorIds && mention.actorIds.length > 1) modifiers.push('ambiguous');
    if (claimed.some((claim) => claim.start < mention.span.end && mention.span.start < claim.end)) modifiers.push('insideClaim');
    // Entities (format v1.1) share the actors' ids and matcher; a mention of one gets its own token type.
    const type = !index.actor(mention.actorId) && index.entity(mention.actorId) ? 'entityMention' : 'actorMention';
    tokens.push({ span: mention.span, type, modifiers });
  }
  let first = 0;
  for (const claim of claimed) {
    while (first < mentions.length && mentions[first].span.end <= claim.start) first++;
    let cursor = claim.start;
    for (let i = first; i < mentions.length && mentions[i].span.start < claim.end; i++) {
      if (mentions[i].span.start > cursor) tokens.push({ span: { start: cursor, end: mentions[i].span.start }, type: 'claim', modifiers: [] });
      cursor = Math.max(cursor, mentions[i].span.end);
    }
    if (cursor < claim.end) tokens.push({ span: { start: cursor, end: claim.end }, type: 'claim', modifiers: [] });
  }
  return tokens.sort((a, b) => a.span.start - b.span.start);
}

/** Sorted, disjoint union of spans. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
