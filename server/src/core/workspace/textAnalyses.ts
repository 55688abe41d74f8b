import { AliasMatcher, type AliasEntry, type AliasMatch } from '../aliasMatcher';
import { isLostQuotePlaced, lostQuoteRange } from '../lostQuotes';
import type { ClaimDef, MentionDef, QuoteSelectorDef, SuppressionDef, TextAnnotationDef } from '../model';
import type { AnchorableText } from '../resolveQuote';
import { drain } from '../aliasAutomaton';
import { AnchoringCache, withQuote, type Anchored } from './anchoringCache';
import { MatchesAhead } from './matchesAhead';
import { mergeMentions, suppressMatches, type Mention } from './mentionMerge';
import type { DocumentStore } from './documentStore';
import type { AliasChange, Registry } from './registry';

export type { Anchored } from './anchoringCache';

export type { Mention } from './mentionMerge';

/** Everything derived from one text and the annotations that point at it. */
export interface TextAnalysis {
  uri: string;
  text: AnchorableText;
  claims: Anchored<ClaimDef>[];
  explicitMentions: Anchored<MentionDef>[];
  /** Alias matches and resolved explicit mentions, in text order, never overlapping. */
  mentions: Mention[];
  /** Format v1.1: the text's `suppress:` spans, anchored like quotes. */
  suppressions: Anchored<SuppressionDef>[];
  /** Per entry of `suppressions`: how many alias matches it kept from being mentions. */
  suppressedMatches: number[];
  /** Every alias match in the text, before suppressions and explicit mentions take their share. */
  aliasMatches: AliasMatch[];
}

/** Every id a mention names: the owners of its alias, or the ids of its explicit `actor:`. */
export function mentionIds(mention: Mention): string[] {
  return mention.actorIds ?? [mention.actorId];
}

/** The ids a mention counts for: every id of an explicit mention, the first owner of an alias that several share. */
export function countedIds(mention: Mention): string[] {
  return mention.source === 'explicit' ? mentionIds(mention) : [mention.actorId];
}

/**
 * Each loaded text's analysis: its anchored claims and explicit mentions,
 * and its alias mentions, found by the alias matcher this part owns.
 *
 * Invariants: an analysis is reused while the text's stamp (the document
 * store's) and its match stamp are unchanged; an alias change bumps the
 * match stamp only of the texts it can reach (those whose last matching
 * found a changed alias, or whose text contains one now present), which
 * keep their anchoring and are matched again. The matcher, once built, is
 * patched per changed alias rather than rebuilt.
 */
export class TextAnalyses {
  /** While the alias matcher is built in slices: the aliases changed meanwhile, to apply to it once built. */
  private aliasesChangedDuringBuild: Set<string> | undefined;
  /** For each normalised alias, the texts whose last matching found it (a superset after texts change: harmless). */
  private readonly textsByAliasKey = new Map<string, Set<string>>();
  /** For each text, the normalised aliases its last matching found. */
  private readonly aliasKeysByText = new Map<string, string[]>();
  /** Bumped per text when an alias change can change its matches: its anchoring is kept, only its mentions are redone. */
  private readonly matchStamps = new Map<string, number>();
  /** Texts whose matches an alias change may have changed, since `takeTextsRematchedByAliases()` last looked. */
  private readonly aliasAffectedTexts = new Set<string>();
  private readonly analyses = new Map<string, { textStamp: number; matchStamp: number; analysis: TextAnalysis }>();
  private aliasMatcher: AliasMatcher | undefined;
  private readonly anchorings = new AnchoringCache();
  private readonly matchesAhead = new MatchesAhead();

  /** `analysed` hears of every analysis computed (not of those reused). */
  constructor(
    private readonly documents: DocumentStore,
    private readonly registry: Registry,
    private readonly analysed: (uri: string, analysis: TextAnalysis) => void,
  ) {}

  /** Alias entries the caller vouches the registry has (`adoptAliases`), until the aliases change. */
  private adoptedAliases: (() => ReadonlyMap<string, AliasEntry>) | undefined;

  private matcher(): AliasMatcher {
    if (!this.aliasMatcher) {
      const steps = AliasMatcher.build(this.adoptedAliases?.() ?? this.registry.aliasEntries());
      let step = steps.next();
      while (!step.done) step = steps.next();
      this.aliasMatcher = step.value;
    }
    return this.aliasMatcher;
  }

  /**
   * For an index for text analyses only (agreement), set before any
   * analysis: each text's matches are noted by alias (`noteAliasKeys`) only
   * once the aliases change, which in agreement they never do; until then
   * only its last matches are kept.
   */
  private deferredAliasKeys: Map<string, AliasMatch[]> | undefined;

  /**
   * Set before any analysis by an index for text analyses only (agreement),
   * whose readers read only where quotes anchor and never change the
   * aliases: no approximate proposals are made where they cannot change a
   * span (`anchorSelectors`' `spansOnly`), and matches are noted by alias
   * only when needed.
   */
  set analysesOnly(value: boolean) {
    this.anchorings.spansOnly = value;
    this.deferredAliasKeys = value ? new Map() : undefined;
  }

  /** How many texts the analyses matched aliases in (not those whose matches were found ahead or offered): for tests. */
  textsMatched = 0;

  /**
   * Matches found elsewhere for a text whose normalised form is `normalized`
   * (another coder's copy, in agreement), by aliases equal to this index's:
   * its next analysis takes them instead of matching (`MatchesAhead.offer`).
   */
  offerMatches(textUri: string, normalized: AnchorableText['normalized'], matches: AliasMatch[]): void {
    this.matchesAhead.offer(textUri, normalized, matches, this.matchStamps.get(textUri) ?? 0);
  }

  /** What the alias matcher is built from, as one string: two indexes whose strings are equal match alike. */
  aliasFingerprint(): string {
    return JSON.stringify([...(this.adoptedAliases?.() ?? this.registry.aliasEntries())]);
  }

  /**
   * Matches aliases with `entries` (asked for only when a text is matched
   * here) instead of the registry's, which the caller vouches are the
   * entries the registry has with every file entered (agreement: files
   * another coder has with the same bytes, not parsed here). Set before any
   * analysis; the first alias change drops them and matches every text
   * again with the registry's.
   */
  adoptAliases(entries: () => ReadonlyMap<string, AliasEntry>): void {
    this.adoptedAliases = entries;
  }

  /**
   * Builds the alias matcher ahead of the first text analysis, a slice at a
   * time (`pause` between slices), so that a large registry never blocks
   * the caller's event loop for long. Aliases changed meanwhile are applied
   * once it is built.
   */
  async prepareAliasMatcher(pause: () => Promise<void>): Promise<void> {
    if (this.aliasMatcher || this.aliasesChangedDuringBuild) return;
    const changed = new Set<string>();
    this.aliasesChangedDuringBuild = changed;
    try {
      const entries = new Map<string, AliasEntry>();
      for (const key of this.registry.aliasKeys()) {
        entries.set(key, this.registry.aliasEntry(key)!);
        if (entries.size % 4096 === 0) await pause();
      }
      const steps = AliasMatcher.build(entries);
      let step = steps.next();
      while (!step.done) {
        await pause();
        step = steps.next();
      }
      if (this.aliasMatcher) return;
      const matcher = step.value;
      for (const key of changed) matcher.set(key, this.registry.aliasEntry(key));
      this.aliasMatcher = matcher;
    } finally {
      this.aliasesChangedDuringBuild = undefined;
    }
  }

  /** Whether `analysis(textUri)` (a canonical uri) would answer from its cache, searching nothing. */
  hasCurrentAnalysis(textUri: string): boolean {
    const cached = this.analyses.get(textUri);
    return cached !== undefined && cached.textStamp === this.documents.textStampByKey(textUri) && cached.matchStamp === (this.matchStamps.get(textUri) ?? 0);
  }

  /**
   * The analysis of a loaded text (a canonical uri): its anchored claims
   * and mentions. Cached until the text, an annotation file pointing at it,
   * or the aliases change.
   */
  analysis(textUri: string): TextAnalysis | undefined {
    const anchorable = this.documents.statusByKey(textUri) === 'loaded' ? this.documents.anchorableByKey(textUri) : undefined;
    if (!anchorable) return undefined;
    const textStamp = this.documents.textStampByKey(textUri);
    const matchStamp = this.matchStamps.get(textUri) ?? 0;
    const cached = this.analyses.get(textUri);
    if (cached && cached.textStamp === textStamp && cached.matchStamp === matchStamp) return cached.analysis;

    let claims: Anchored<ClaimDef>[] = [];
    let explicitMentions: Anchored<MentionDef>[] = [];
    let suppressions: Anchored<SuppressionDef>[] = [];
    if (cached && cached.textStamp === textStamp && cached.analysis.text === anchorable) {
      // Only the aliases changed: the anchoring depends on the text and its annotation files alone.
      ({ claims, explicitMentions, suppressions } = cached.analysis);
    } else {
      const slots = new Set<string>();
      for (const annotationUri of this.documents.annotationsOf(textUri)) {
        const annotation = this.documents.fileByKey(annotationUri)?.textAnnotation;
        if (!annotation) continue;
        for (const [kind, defs, into] of anchoredKinds(annotation, claims, explicitMentions, suppressions)) {
          const slot = `${annotationUri}\u0000${kind}`;
          slots.add(slot);
          // Usually made ahead by `anchoringSteps`, a few thousand per step: here they are only collected.
          for (const anchored of drain(this.anchorings.anchoredInSteps(textUri, anchorable, slot, defs, annotationUri))) (into as Anchored<QuoteSelectorDef>[]).push(anchored);
        }
      }
      this.anchorings.retain(textUri, slots);
    }
    let matches = this.matchesAhead.take(textUri, anchorable.normalized, this.aliasMatcher, matchStamp);
    if (!matches) {
      this.textsMatched++;
      matches = this.matcher().findAll(anchorable.normalized);
    }
    if (this.deferredAliasKeys) this.deferredAliasKeys.set(textUri, matches);
    else this.noteAliasKeys(textUri, matches);
    const { kept, suppressedMatches } = suppressMatches(matches, suppressions);
    const mentions = mergeMentions(kept, explicitMentionsOf(explicitMentions));
    const analysis: TextAnalysis = { uri: textUri, text: anchorable, claims, explicitMentions, mentions, suppressions, suppressedMatches, aliasMatches: matches };
    this.analyses.set(textUri, { textStamp, matchStamp, analysis });
    this.analysed(textUri, analysis);
    return analysis;
  }

  /**
   * A loaded text's normalised form and alias matches (a canonical uri),
   * without anchoring its quotes or keeping anything: for a reader that
   * anchors them elsewhere (agreement's worker hands them on unanchored).
   */
  aliasWork(textUri: string): { text: AnchorableText; matches: AliasMatch[] } | undefined {
    const anchorable = this.documents.statusByKey(textUri) === 'loaded' ? this.documents.anchorableByKey(textUri) : undefined;
    if (!anchorable) return undefined;
    let matches = this.matchesAhead.take(textUri, anchorable.normalized, this.aliasMatcher, this.matchStamps.get(textUri) ?? 0);
    if (!matches) {
      this.textsMatched++;
      matches = this.matcher().findAll(anchorable.normalized);
    }
    return { text: anchorable, matches };
  }

  /**
   * Anchors the quotes that `analysis(textUri)` will need, a step at a time,
   * so that a caller that must stay responsive can run the long searches in
   * slices, then matches its aliases likewise; `analysis` then finds them
   * done. Does nothing when the text's anchoring is current.
   */
  *anchoringSteps(textUri: string): Generator<void, void> {
    if (this.documents.statusByKey(textUri) !== 'loaded') return;
    const cached = this.analyses.get(textUri);
    if (cached && cached.textStamp === this.documents.textStampByKey(textUri) && this.documents.preparedAnchorableByKey(textUri) === cached.analysis.text) {
      // Anchoring current, matches stale (an alias change reached the text): only the matching runs ahead.
      const matchStamp = this.matchStamps.get(textUri) ?? 0;
      if (this.aliasMatcher && cached.matchStamp !== matchStamp) yield* this.matchesAhead.matchInSteps(textUri, cached.analysis.text.normalized, this.aliasMatcher, matchStamp);
      return;
    }
    yield;
    const anchorable = (yield* this.documents.anchorableInStepsByKey(textUri))!;
    for (const annotationUri of this.documents.annotationsOf(textUri)) {
      const annotation = this.documents.fileByKey(annotationUri)?.textAnnotation;
      if (!annotation) continue;
      for (const [kind, defs] of anchoredKinds(annotation, [], [], [])) {
        const slot = `${annotationUri}\u0000${kind}`;
        const results = yield* this.anchorings.anchorInSteps(textUri, anchorable, slot, defs);
        yield* this.anchorings.anchoredInSteps(textUri, anchorable, slot, defs, annotationUri);
        // Where the text's diagnostics of lost quotes go: each placement scans the text.
        const quoted = withQuote<QuoteSelectorDef>(defs);
        // An index, not entries(): a pair per quote is garbage, 70,000 of them in one step.
        for (let i = 0; i < quoted.length; i++) {
          const def = quoted[i];
          if (results[i].status !== 'not-found' || results[i].nearMisses?.[0] || isLostQuotePlaced(anchorable, def.quote!.value)) continue;
          lostQuoteRange(anchorable, def.quote!.value);
          yield;
        }
      }
    }
    // Then its alias matching (a long text takes many steps), which `analysis` takes if the aliases stay the same.
    if (this.aliasMatcher) yield* this.matchesAhead.matchInSteps(textUri, anchorable.normalized, this.aliasMatcher, this.matchStamps.get(textUri) ?? 0);
  }

  /** Records which aliases a text's matching found, for re-matching only the texts an alias change reaches. */
  private noteAliasKeys(textUri: string, matches: AliasMatch[]): void {
    for (const key of this.aliasKeysByText.get(textUri) ?? []) {
      const texts = this.textsByAliasKey.get(key);
      texts?.delete(textUri);
      if (texts?.size === 0) this.textsByAliasKey.delete(key);
    }
    const keys = new Set<string>();
    for (const match of matches) keys.add(match.key);
    this.aliasKeysByText.set(textUri, [...keys]);
    for (const key of keys) {
      const texts = this.textsByAliasKey.get(key) ?? new Set<string>();
      texts.add(textUri);
      this.textsByAliasKey.set(key, texts);
    }
  }

  /**
   * After the registry's aliases changed (`change.changed`, not empty):
   * patches the matcher and returns the texts that must be matched again.
   * A text whose last matching found a changed alias, or whose normalised
   * text contains one the registry now has, is re-matched (its quotes are
   * not anchored again); every other text keeps its mentions. An alias the
   * matching did not find cannot change the mentions by going away: the
   * matches before and after it are the same.
   */
  aliasesChanged({ changed, present }: AliasChange): Set<string> {
    this.matchesAhead.clear();
    if (this.adoptedAliases) return this.dropAdoptedAliases();
    // Each text's last matches, noted now: the same as noting them as they were made, since a text's notes are replaced each time.
    for (const [uri, matches] of this.deferredAliasKeys ?? []) this.noteAliasKeys(uri, matches);
    this.deferredAliasKeys?.clear();
    for (const key of changed) {
      this.aliasMatcher?.set(key, this.registry.aliasEntry(key));
      this.aliasesChangedDuringBuild?.add(key);
    }
    const affected = new Set<string>();
    for (const key of changed) for (const uri of this.textsByAliasKey.get(key) ?? []) affected.add(uri);
    if (present.length > 0) {
      for (const [uri, { analysis }] of this.analyses) {
        if (affected.has(uri)) continue;
        const text = analysis.text.normalized.text;
        if (present.some((key) => text.includes(key))) affected.add(uri);
      }
    }
    for (const uri of affected) {
      this.matchStamps.set(uri, (this.matchStamps.get(uri) ?? 0) + 1);
      this.aliasAffectedTexts.add(uri);
    }
    return affected;
  }

  /** After an alias change, the adopted entries no longer stand for the registry: every text analysed is matched again with the registry's. */
  private dropAdoptedAliases(): Set<string> {
    this.adoptedAliases = undefined;
    this.aliasMatcher = undefined;
    this.deferredAliasKeys?.clear();
    const affected = new Set(this.analyses.keys());
    for (const uri of affected) {
      this.matchStamps.set(uri, (this.matchStamps.get(uri) ?? 0) + 1);
      this.aliasAffectedTexts.add(uri);
    }
    return affected;
  }

  /** The texts `takeTextsRematchedByAliases` will give, left in place (for matching them in steps first). */
  textsToRematch(): string[] {
    return [...this.aliasAffectedTexts];
  }

  /** The texts whose mentions alias changes may have changed since the last call (for refreshing their diagnostics). */
  takeTextsRematchedByAliases(): string[] {
    const texts = [...this.aliasAffectedTexts];
    this.aliasAffectedTexts.clear();
    return texts;
  }
}

/** The explicit mentions whose quotes anchor, with at least one id, as mentions. */
function explicitMentionsOf(explicit: Anchored<MentionDef>[]): Mention[] {
  const mentions: Mention[] = [];
  for (const anchored of explicit) {
    const ids = anchored.def.actors.map((id) => id.value);
    if (!anchored.result.span || ids.length === 0) continue;
    mentions.push({ span: anchored.result.span, actorId: ids[0], source: 'explicit', explicit: anchored, ...(ids.length > 1 && { actorIds: ids }) });
  }
  return mentions;
}

/** The lists of a text annotation that anchor to the text, each with its anchoring-cache kind and the list its results go to. */
function anchoredKinds(annotation: TextAnnotationDef, claims: Anchored<ClaimDef>[], mentions: Anchored<MentionDef>[], suppressions: Anchored<SuppressionDef>[]) {
  return [
    ['claims', annotation.claims, claims],
    ['mentions', annotation.mentions, mentions],
    ['suppress', annotation.suppress, suppressions],
  ] as const;
}
