import type { DocumentStore } from './documentStore';
import type { TextAnalysis } from './textAnalyses';

/**
 * Which referenced texts mention each actor and each normalised alias, and
 * which of them became used or unused: the views that the usage checks
 * (alias-unused, actor-unused) and the actor cards read.
 *
 * Invariants: every referenced text whose analysis is current contributes
 * exactly the actors and aliases of its mentions (any actor of a
 * conflicting alias counts); a text marked stale is brought up to date
 * before any view is read, by its next analysis or by `refresh`; a text no
 * annotation file points at contributes nothing.
 */
export class MentionUsage {
  /** For each actor id, the referenced texts with a mention of it, for texts whose analysis is not stale. */
  private readonly textsByActor = new Map<string, Set<string>>();
  /** For each normalised alias, the referenced texts where a mention comes from it, for texts whose analysis is not stale. */
  private readonly textsByUsedAlias = new Map<string, Set<string>>();
  /** For each text, what it contributes to `textsByActor` and `textsByUsedAlias`. */
  private readonly mentionContributions = new Map<string, { actorIds: string[]; aliasKeys: string[] }>();
  /** Texts whose contribution to the mention views may be out of date. */
  private readonly staleMentionTexts = new Set<string>();
  /** Aliases and actors that became used or unused since `takeUsageChanges()` last looked. */
  private usageChanges = { aliasKeys: new Set<string>(), actorIds: new Set<string>() };

  /** `analysis` gives a text's current analysis (a canonical uri), computing it when needed. */
  constructor(
    private readonly documents: DocumentStore,
    private readonly analysis: (uri: string) => TextAnalysis | undefined,
  ) {}

  /** Notes that a document changed: its contribution is redone before the views are next read. */
  markStale(uri: string): void {
    this.staleMentionTexts.add(uri);
  }

  /** Takes a freshly computed analysis's contribution, if the text was stale. */
  analysed(uri: string, analysis: TextAnalysis): void {
    if (this.staleMentionTexts.delete(uri)) this.contribute(uri, analysis);
  }

  /**
   * Replaces a text's contribution to the mention views (which actors and
   * aliases it mentions) with that of its current analysis; a text no
   * annotation file points at contributes nothing.
   */
  private contribute(uri: string, analysis: TextAnalysis | undefined): void {
    const withdraw = (byKey: Map<string, Set<string>>, keys: string[], changes: Set<string> | undefined) => {
      for (const key of keys) {
        const texts = byKey.get(key);
        texts?.delete(uri);
        if (texts?.size === 0) {
          byKey.delete(key);
          changes?.add(key);
        }
      }
    };
    const add = (byKey: Map<string, Set<string>>, keys: string[], changes: Set<string> | undefined) => {
      for (const key of keys) {
        const texts = byKey.get(key);
        if (texts) texts.add(uri);
        else {
          byKey.set(key, new Set([uri]));
          changes?.add(key);
        }
      }
    };
    const before = this.mentionContributions.get(uri);
    if (before) {
      withdraw(this.textsByActor, before.actorIds, this.usageChanges.actorIds);
      withdraw(this.textsByUsedAlias, before.aliasKeys, this.usageChanges.aliasKeys);
      this.mentionContributions.delete(uri);
    }
    if (!analysis || !this.documents.isReferencedKey(uri) || analysis.mentions.length === 0) return;
    const actorIds = new Set<string>();
    const aliasKeys = new Set<string>();
    for (const mention of analysis.mentions) {
      for (const id of mention.actorIds ?? [mention.actorId]) actorIds.add(id);
      if (mention.aliasKey !== undefined) aliasKeys.add(mention.aliasKey);
    }
    const contribution = { actorIds: [...actorIds], aliasKeys: [...aliasKeys] };
    this.mentionContributions.set(uri, contribution);
    add(this.textsByActor, contribution.actorIds, this.usageChanges.actorIds);
    add(this.textsByUsedAlias, contribution.aliasKeys, this.usageChanges.aliasKeys);
  }

  /** Brings the mention views up to date: only texts changed since the last look are analysed again. */
  private refresh(): void {
    for (const uri of [...this.staleMentionTexts]) {
      this.staleMentionTexts.delete(uri);
      this.contribute(uri, this.documents.isReferencedKey(uri) ? this.analysis(uri) : undefined);
    }
  }

  /**
   * The referenced texts with a mention of the actor, by alias (as one of
   * the actors of a conflicting alias too) or explicitly. Kept up to date
   * incrementally: only texts changed since the last call are analysed again.
   */
  textsWithMentionOf(actorId: string): ReadonlySet<string> {
    this.refresh();
    return this.textsByActor.get(actorId) ?? new Set();
  }

  /**
   * The normalised aliases and the actors whose use in texts may have
   * changed (from used to unused or back) since the last call, or since the
   * index was created. For refreshing only the diagnostics that usage
   * decides (alias-unused, actor-unused).
   */
  takeUsageChanges(): { aliasKeys: string[]; actorIds: string[] } {
    this.refresh();
    const { aliasKeys, actorIds } = this.usageChanges;
    this.usageChanges = { aliasKeys: new Set(), actorIds: new Set() };
    return { aliasKeys: [...aliasKeys], actorIds: [...actorIds] };
  }

  /** Whether a mention in some referenced text comes from this normalised alias. */
  isAliasUsed(key: string): boolean {
    this.refresh();
    return this.textsByUsedAlias.has(key);
  }
}
