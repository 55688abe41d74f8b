import type { AliasMatch, AliasMatcher } from '../aliasMatcher';
import type { NormalizedText } from '../normalizeText';

interface Ahead {
  normalized: NormalizedText;
  /** Undefined for matches offered from elsewhere (`offer`): made for the aliases as they are now. */
  matcher: AliasMatcher | undefined;
  matchStamp: number;
  matches: AliasMatch[];
}

/**
 * The alias matches of texts, found a step at a time ahead of their
 * analysis (matching a text of megabytes takes longer than a hover may
 * wait), for the analysis to take. A result is taken only for the same
 * normalised text, the same matcher and the same match stamp of the text,
 * the conditions under which the analysis keeps its own matches; any alias
 * change forgets them all (a text matched ahead but not analysed yet is not
 * among those an alias change re-matches).
 */
export class MatchesAhead {
  private readonly byText = new Map<string, Ahead>();
  /** Bumped by `clear`, so that a matching under way when the aliases changed keeps nothing. */
  private generation = 0;

  /** Matches the text in steps, unless its matches are already waiting. */
  *matchInSteps(textUri: string, normalized: NormalizedText, matcher: AliasMatcher, matchStamp: number): Generator<void, void> {
    const waiting = this.byText.get(textUri);
    if (waiting && this.fits(waiting, normalized, matcher, matchStamp)) return;
    this.byText.delete(textUri);
    const generation = this.generation;
    const matches = yield* matcher.findAllInSteps(normalized);
    if (generation === this.generation) this.byText.set(textUri, { normalized, matcher, matchStamp, matches });
  }

  /**
   * Matches found elsewhere for this normalised text by aliases equal to the
   * index's now (another coder's copy of the text, in agreement), to take
   * instead of matching; forgotten, like the others, when the aliases change.
   */
  offer(textUri: string, normalized: NormalizedText, matches: AliasMatch[], matchStamp: number): void {
    this.byText.set(textUri, { normalized, matcher: undefined, matchStamp, matches });
  }

  /** The matches found ahead for this text as it is now, once; undefined when there are none that fit. */
  take(textUri: string, normalized: NormalizedText, matcher: AliasMatcher | undefined, matchStamp: number): AliasMatch[] | undefined {
    const waiting = this.byText.get(textUri);
    if (!waiting) return undefined;
    this.byText.delete(textUri);
    return this.fits(waiting, normalized, matcher, matchStamp) ? waiting.matches : undefined;
  }

  /** Forgets every match found ahead, and those of matchings under way: the aliases changed. */
  clear(): void {
    this.generation++;
    this.byText.clear();
  }

  private fits(ahead: Ahead, normalized: NormalizedText, matcher: AliasMatcher | undefined, matchStamp: number): boolean {
    return ahead.normalized === normalized && (ahead.matcher === undefined || ahead.matcher === matcher) && ahead.matchStamp === matchStamp;
  }
}
