/**
 * A text's mentions from its alias matches, its suppressed spans and its
 * explicit mentions, once their quotes are anchored: what the analysis of
 * a text makes of them (`TextAnalyses`), and what agreement makes of a
 * coder's text anchored on another thread (`anchorHandedText`).
 */
import type { AliasMatch } from '../aliasMatcher';
import type { MentionDef, Span } from '../model';
import type { Anchored } from './anchoringCache';

/** An actor mention in a text: an alias match or an explicit mention. */
export interface Mention {
  span: Span;
  /**
   * The id the mention counts for: the first of `actorIds` where there are
   * several. An actor's id, or an entity's (format v1.1: entities share the
   * actors' ids and matcher); the registry tells which: an id that
   * `entity(id)` defines and `actor(id)` does not is an entity's.
   */
  actorId: string;
  source: 'alias' | 'explicit';
  /**
   * For alias matches: every actor with this alias (more than one is a
   * conflict). For explicit mentions: every id the mention names (a
   * list-valued `actor:` names several, and that is no conflict).
   */
  actorIds?: string[];
  alias?: string;
  /** For alias matches: the alias as matching normalises it. */
  aliasKey?: string;
  /** For explicit mentions: the annotation that states it. */
  explicit?: Anchored<MentionDef>;
}

/** Alias matches (in text order, not overlapping), minus those that overlap an explicit mention, plus the explicit mentions (sorted here). */
export function mergeMentions(aliasMatches: AliasMatch[], explicitMentions: Mention[]): Mention[] {
  explicitMentions.sort((a, b) => a.span.start - b.span.start);
  // Alias matches come in text order without overlapping: one sweep, keeping the furthest end of the explicit mentions begun so far.
  let next = 0;
  let furthestEnd = -1;
  const overlapsExplicit = (span: Span) => {
    for (; next < explicitMentions.length && explicitMentions[next].span.start < span.end; next++) furthestEnd = Math.max(furthestEnd, explicitMentions[next].span.end);
    return furthestEnd > span.start;
  };
  const mentions: Mention[] = aliasMatches
    .filter((match) => !overlapsExplicit(match.span))
    .map((match) => ({ span: match.span, actorId: match.actorIds[0], source: 'alias' as const, actorIds: match.actorIds, alias: match.alias, aliasKey: match.key }));
  mentions.push(...explicitMentions);
  return mentions.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/**
 * Alias matches minus those inside an anchored suppressed span, and per
 * suppression how many it removed (each removed match counts for the
 * suppression that reaches furthest among those begun before it). Linear
 * after sorting the suppressions: matches come in text order.
 */
export function suppressMatches(matches: AliasMatch[], suppressions: readonly { result: { span?: Span } }[]): { kept: AliasMatch[]; suppressedMatches: number[] } {
  const suppressedMatches = suppressions.map(() => 0);
  const order = suppressions.map((_, i) => i).filter((i) => suppressions[i].result.span).sort((a, b) => suppressions[a].result.span!.start - suppressions[b].result.span!.start);
  if (order.length === 0) return { kept: matches, suppressedMatches };
  let next = 0;
  let furthest = -1;
  const kept = matches.filter((match) => {
    for (; next < order.length && suppressions[order[next]].result.span!.start <= match.span.start; next++) {
      if (furthest < 0 || suppressions[order[next]].result.span!.end > suppressions[furthest].result.span!.end) furthest = order[next];
    }
    if (furthest < 0 || suppressions[furthest].result.span!.end < match.span.end) return true;
    suppressedMatches[furthest]++;
    return false;
  });
  return { kept, suppressedMatches };
}
