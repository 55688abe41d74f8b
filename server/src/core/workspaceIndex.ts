import { AliasMatcher, type AliasEntry, type AliasMatch } from './aliasMatcher';
import { DEFAULT_CONFIG, type WorkspaceConfig } from './config';
import { LineIndex } from './lineIndex';
import { AnchoringCache, withQuote } from './anchoringCache';
import { isLostQuotePlaced, lostQuoteRange } from './lostQuotes';
import type { ActorDef, AnnotationFile, ClaimDef, ConceptDef, Located, MentionDef, QuoteSelectorDef, RelationDef, Span } from './model';
import { HIERARCHY_RELATIONS } from './vocabulary';
import { normalizeForMatch, normalizeWithMap } from './normalizeText';
import { parseAnnotationFile } from './syntax/parseAnnotationFile';
import type { AnchorableText, AnchorResult } from './resolveQuote';
import { canonicalUri, resolveTextReference, type TextReference } from './uris';
import { makeDiagnostic } from './diagnosticCodes';
import type { ReadProblem } from './loadWorkspace';
import { describeReadProblem } from './readProblems';

export type ReferenceRole = 'definition' | 'claimant' | 'about' | 'author' | 'relation-target' | 'mention-actor' | 'concept';

/** A place in an annotation file that names an actor or concept id. */
export interface IdReference {
  id: string;
  uri: string;
  range: Span;
  role: ReferenceRole;
  /** The claim that holds the reference, for claimant, about and concept. */
  claim?: ClaimDef;
}

/** A claim or an explicit mention together with where its quote landed. */
export interface Anchored<T> {
  def: T;
  annotationUri: string;
  result: AnchorResult;
}

/** An actor mention in a text: an alias match or an explicit mention. */
export interface Mention {
  span: Span;
  actorId: string;
  source: 'alias' | 'explicit';
  /** For alias matches: every actor with this alias (more than one is a conflict). */
  actorIds?: string[];
  alias?: string;
  /** For alias matches: the alias as matching normalises it. */
  aliasKey?: string;
  /** For explicit mentions: the annotation that states it. */
  explicit?: Anchored<MentionDef>;
}

/** Everything derived from one text and the annotations that point at it. */
export interface TextAnalysis {
  uri: string;
  text: AnchorableText;
  claims: Anchored<ClaimDef>[];
  explicitMentions: Anchored<MentionDef>[];
  /** Alias matches and resolved explicit mentions, in text order, never overlapping. */
  mentions: Mention[];
}

export type TextStatus = 'loaded' | 'missing' | 'unknown';

/** A relation with its subject, as stated in some file. */
export interface StatedRelation {
  subject: string;
  type: string;
  target: string;
  uri: string;
  relation: RelationDef;
}

/** A stance a claim takes on a concept, and the file that holds the claim. */
export interface StanceTaken {
  claim: ClaimDef;
  uri: string;
  stance: string;
}

/** An actor that has an alias, and where the alias is written. */
export interface AliasOwner {
  actorId: string;
  uri: string;
  alias: Located<string>;
}

/** The kinds of input a workspace-wide derived value can depend on. */
export type MemoDependency = 'registry' | 'annotations' | 'texts';

/** Every kind of input: for values derived from text analyses, which depend on all three. */
export const ALL_INPUTS: readonly MemoDependency[] = ['registry', 'annotations', 'texts'];

interface StoredDocument {
  content: string;
  version: number;
  lineIndex?: LineIndex;
  anchorable?: AnchorableText;
}

export interface WorkspaceIndexOptions {
  /** Workspace folder URIs. Texts outside them are never referenced. */
  workspaceFolders: string[];
  config?: WorkspaceConfig;
}

/**
 * The workspace's annotations and texts, and everything derived from them.
 * Updates are per file: changing one file re-parses that file only, and the
 * derived views (text analyses, references) are refreshed lazily and only
 * where the change can reach.
 */
export class WorkspaceIndex {
  readonly config: WorkspaceConfig;
  readonly workspaceFolders: string[];

  private readonly documents = new Map<string, StoredDocument>();
  private readonly files = new Map<string, AnnotationFile>();
  private readonly unreadableTexts = new Map<string, ReadProblem>();
  private readonly textRefs = new Map<string, TextReference>();
  private readonly annotationsByText = new Map<string, Set<string>>();
  private readonly actorDefs = new Map<string, ActorDef[]>();
  private readonly conceptDefs = new Map<string, ConceptDef[]>();
  private readonly claimDefs = new Map<string, { claim: ClaimDef; uri: string }[]>();
  /** Stances taken by claimant and concept (`claimant\0concept`), in file order. */
  private readonly stancesByKey = new Map<string, StanceTaken[]>();
  private readonly actorRefs = new Map<string, Map<string, IdReference[]>>();
  private readonly conceptRefs = new Map<string, Map<string, IdReference[]>>();
  /** For each annotation file, the actor and concept ids it references, so that forgetting it visits only those. */
  private readonly referencedIdsByFile = new Map<string, { actors: string[]; concepts: string[] }>();
  /** Relations by unordered pair of actors (`a\0b`, a < b), in file order. */
  private readonly relationsByPairKey = new Map<string, StatedRelation[]>();
  /** part-of/member-of relations by subject, in file order. */
  private readonly hierarchyEdgesBySubject = new Map<string, StatedRelation[]>();
  /** Each annotation file's aliases, in file order: the pair `alias\0actorId`, keyed by the alias as the matcher normalises it. */
  private readonly fileAliases = new Map<string, { key: string; pair: string }[]>();
  /** Every normalised alias with the actors that have it, in definition order (files by uri, then file order). */
  private readonly aliasOwnersByKey = new Map<string, AliasOwner[]>();
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
  private readonly textStamps = new Map<string, number>();
  private readonly analyses = new Map<string, { textStamp: number; matchStamp: number; analysis: TextAnalysis }>();
  private readonly memos = new Map<string, { stamp: string; value: unknown }>();
  /** Uris whose pending state (referenced, content not supplied) may have changed since `pendingTexts()` last looked. */
  private readonly pendingCandidates = new Set<string>();
  /** Referenced texts whose content has not been supplied, as of the last `pendingTexts()`. */
  private readonly pending = new Set<string>();
  /** For each actor id, the referenced texts with a mention of it (any actor of a conflicting alias counts), for texts whose analysis is not stale. */
  private readonly textsByActor = new Map<string, Set<string>>();
  /** For each normalised alias, the referenced texts where a mention comes from it, for texts whose analysis is not stale. */
  private readonly textsByUsedAlias = new Map<string, Set<string>>();
  /** For each text, what it contributes to `textsByActor` and `textsByUsedAlias`. */
  private readonly mentionContributions = new Map<string, { actorIds: string[]; aliasKeys: string[] }>();
  /** Texts whose contribution to the mention views may be out of date. */
  private readonly staleMentionTexts = new Set<string>();
  /** Aliases and actors that became used or unused since `takeUsageChanges()` last looked. */
  private usageChanges = { aliasKeys: new Set<string>(), actorIds: new Set<string>() };
  private aliasMatcher: AliasMatcher | undefined;
  private readonly anchorings = new AnchoringCache();
  private versionCounter = 0;
  /** Bumped by changes to each kind of input, so that derived values are recomputed only when theirs change. */
  private readonly generations: Record<MemoDependency, number> = { registry: 0, annotations: 0, texts: 0 };

  constructor(options: WorkspaceIndexOptions) {
    this.config = options.config ?? DEFAULT_CONFIG;
    this.workspaceFolders = options.workspaceFolders.map(canonicalUri);
  }

  /**
   * The canonical spelling of a uri. A uri the index already holds as a key
   * is canonical (keys always are), so loops over the index's own uris never
   * parse them again.
   */
  private canonical(uri: string): string {
    if (this.documents.has(uri) || this.annotationsByText.has(uri) || this.unreadableTexts.has(uri) || this.files.has(uri)) return uri;
    return canonicalUri(uri);
  }

  // ---- annotation files -------------------------------------------------

  /** Parses and stores an annotation file, replacing its previous version. One over the size limit is refused. */
  setAnnotationFile(uri: string, content: string, parsed?: AnnotationFile): AnnotationFile {
    uri = canonicalUri(uri);
    const limit = this.config.limits.annotationFileSize;
    if (content.length > limit) return this.setAnnotationFileUnreadable(uri, { kind: 'too-large', size: content.length, limit });
    const file = parsed ?? parseAnnotationFile(uri, content, this.config.vocabulary);
    this.noteAnnotationChange(this.files.get(uri), file);
    const aliasesBefore = this.fileAliases.get(uri) ?? [];
    this.forgetAnnotationFile(uri);
    this.storeDocument(uri, content);
    this.files.set(uri, file);
    this.indexAnnotationFile(file);
    this.aliasesReplaced(aliasesBefore, this.fileAliases.get(uri) ?? []);
    return file;
  }

  /** Bumps the generations of the kinds of input that differ between two versions of an annotation file. */
  private noteAnnotationChange(before: AnnotationFile | undefined, after: AnnotationFile | undefined): void {
    const hasRegistry = (file: AnnotationFile | undefined) => !!file && (file.actors.length > 0 || file.concepts.length > 0);
    const registry = (file: AnnotationFile) => JSON.stringify([file.actors, file.concepts]);
    const annotations = (file: AnnotationFile | undefined) => (file?.textAnnotation ? JSON.stringify(file.textAnnotation) : '');
    // Only a file present before and after needs comparing; otherwise a side with content means a change.
    if (before && after ? hasRegistry(before) !== hasRegistry(after) || (hasRegistry(after) && registry(before) !== registry(after)) : hasRegistry(before) || hasRegistry(after)) {
      this.generations.registry++;
    }
    if (!before || !after ? !!(before ?? after)?.textAnnotation : annotations(before) !== annotations(after)) this.generations.annotations++;
  }

  /** Stores an annotation file that cannot be used, with a diagnostic that says why (its content is never kept). */
  setAnnotationFileUnreadable(uri: string, problem: ReadProblem): AnnotationFile {
    uri = canonicalUri(uri);
    const file: AnnotationFile = { uri, actors: [], concepts: [], diagnostics: [makeDiagnostic(uri, { start: 0, end: 0 }, 'file-unreadable', describeReadProblem(problem, 'This annotation file'))] };
    this.noteAnnotationChange(this.files.get(uri), file);
    const aliasesBefore = this.fileAliases.get(uri) ?? [];
    this.forgetAnnotationFile(uri);
    this.aliasesReplaced(aliasesBefore, []);
    this.storeDocument(uri, '');
    this.files.set(uri, file);
    return file;
  }

  removeAnnotationFile(uri: string): void {
    uri = canonicalUri(uri);
    this.noteAnnotationChange(this.files.get(uri), undefined);
    const aliasesBefore = this.fileAliases.get(uri) ?? [];
    this.forgetAnnotationFile(uri);
    this.aliasesReplaced(aliasesBefore, []);
    this.documents.delete(uri);
    this.pendingCandidates.add(uri);
    this.staleMentionTexts.add(uri);
  }

  annotationFile(uri: string): AnnotationFile | undefined {
    return this.files.get(this.canonical(uri));
  }

  annotationFiles(): AnnotationFile[] {
    return [...this.files.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  isAnnotationFile(uri: string): boolean {
    return this.files.has(this.canonical(uri));
  }

  private forgetAnnotationFile(uri: string): void {
    const old = this.files.get(uri);
    if (!old) return;
    this.files.delete(uri);
    const removeFrom = <T extends { uri: string }>(map: Map<string, T[]>, id: string | undefined) => {
      if (id === undefined) return;
      const kept = (map.get(id) ?? []).filter((d) => d.uri !== uri);
      if (kept.length) map.set(id, kept);
      else map.delete(id);
    };
    for (const actor of old.actors) removeFrom(this.actorDefs, actor.id?.value);
    for (const concept of old.concepts) removeFrom(this.conceptDefs, concept.id?.value);
    for (const claim of old.textAnnotation?.claims ?? []) {
      removeFrom(this.claimDefs, claim.id?.value);
      removeFrom(this.stancesByKey, stanceKey(claim));
    }
    const referenced = this.referencedIdsByFile.get(uri);
    this.referencedIdsByFile.delete(uri);
    for (const [refs, ids] of [[this.actorRefs, referenced?.actors ?? []], [this.conceptRefs, referenced?.concepts ?? []]] as const) {
      for (const id of ids) {
        const byFile = refs.get(id);
        if (byFile?.delete(uri) && byFile.size === 0) refs.delete(id);
      }
    }
    for (const actor of old.actors) {
      if (!actor.id) continue;
      for (const relation of actor.relations) {
        if (!relation.type || !relation.target) continue;
        removeFrom(this.relationsByPairKey, pairKey(actor.id.value, relation.target.value));
        if (HIERARCHY_RELATIONS.includes(relation.type.value)) removeFrom(this.hierarchyEdgesBySubject, actor.id.value);
      }
    }
    const textRef = this.textRefs.get(uri);
    this.textRefs.delete(uri);
    if (textRef?.kind === 'ok') {
      const set = this.annotationsByText.get(textRef.uri);
      set?.delete(uri);
      if (set && set.size === 0) this.annotationsByText.delete(textRef.uri);
      this.touchText(textRef.uri);
    }
    for (const { key } of this.fileAliases.get(uri) ?? []) {
      const owners = this.aliasOwnersByKey.get(key);
      if (!owners) continue;
      const kept = owners.filter((owner) => owner.uri !== uri);
      if (kept.length) this.aliasOwnersByKey.set(key, kept);
      else this.aliasOwnersByKey.delete(key);
    }
    this.fileAliases.delete(uri);
  }

  private indexAnnotationFile(file: AnnotationFile): void {
    const uri = file.uri;
    const addTo = <T extends { uri: string }>(map: Map<string, T[]>, id: string | undefined, value: T) => {
      if (id === undefined) return;
      const list = map.get(id);
      if (!list) {
        map.set(id, [value]);
        return;
      }
      // Keep definitions in file order, as a fresh build has them, whatever order the files were updated in.
      let at = list.length;
      while (at > 0 && list[at - 1].uri > value.uri) at--;
      list.splice(at, 0, value);
    };
    const actorRefs: IdReference[] = [];
    const conceptRefs: IdReference[] = [];
    const ref = (list: IdReference[], located: Located<string> | undefined, role: ReferenceRole, claim?: ClaimDef) => {
      if (located) list.push({ id: located.value, uri, range: located.range, role, ...(claim ? { claim } : {}) });
    };
    const aliases: { key: string; pair: string }[] = [];
    for (const actor of file.actors) {
      addTo(this.actorDefs, actor.id?.value, actor);
      ref(actorRefs, actor.id, 'definition');
      for (const relation of actor.relations) {
        ref(actorRefs, relation.target, 'relation-target');
        if (!actor.id || !relation.type || !relation.target) continue;
        const stated: StatedRelation = { subject: actor.id.value, type: relation.type.value, target: relation.target.value, uri, relation };
        addTo(this.relationsByPairKey, pairKey(stated.subject, stated.target), stated);
        if (HIERARCHY_RELATIONS.includes(stated.type)) addTo(this.hierarchyEdgesBySubject, stated.subject, stated);
      }
      if (actor.id) {
        for (const alias of actor.aliases) {
          const key = normalizeForMatch(alias.value).trim();
          if (!key) continue;
          aliases.push({ key, pair: `${alias.value}\u0000${actor.id.value}` });
          const owners = this.aliasOwnersByKey.get(key);
          const owner: AliasOwner = { actorId: actor.id.value, uri, alias };
          if (!owners) {
            this.aliasOwnersByKey.set(key, [owner]);
            continue;
          }
          // In file order, as a fresh build has them, whatever order the files were updated in.
          let at = owners.length;
          while (at > 0 && owners[at - 1].uri > uri) at--;
          owners.splice(at, 0, owner);
        }
      }
    }
    for (const concept of file.concepts) {
      addTo(this.conceptDefs, concept.id?.value, concept);
      ref(conceptRefs, concept.id, 'definition');
    }
    const annotation = file.textAnnotation;
    if (annotation) {
      ref(actorRefs, annotation.author, 'author');
      for (const mention of annotation.mentions) ref(actorRefs, mention.actor, 'mention-actor');
      for (const claim of annotation.claims) {
        addTo(this.claimDefs, claim.id?.value, { claim, uri });
        if (claim.stance) addTo(this.stancesByKey, stanceKey(claim), { claim, uri, stance: claim.stance.value });
        ref(actorRefs, claim.claimant, 'claimant', claim);
        for (const about of claim.about) ref(actorRefs, about, 'about', claim);
        ref(conceptRefs, claim.concept, 'concept', claim);
      }
      if (annotation.text) {
        const textRef = resolveTextReference(uri, annotation.text.value, this.workspaceFolders);
        this.textRefs.set(uri, textRef);
        if (textRef.kind === 'ok') {
          const set = this.annotationsByText.get(textRef.uri) ?? new Set<string>();
          set.add(uri);
          this.annotationsByText.set(textRef.uri, set);
          this.touchText(textRef.uri);
        }
      }
    }
    this.referencedIdsByFile.set(uri, { actors: [...new Set(actorRefs.map((r) => r.id))], concepts: [...new Set(conceptRefs.map((r) => r.id))] });
    for (const [refs, list] of [[this.actorRefs, actorRefs], [this.conceptRefs, conceptRefs]] as const) {
      for (const reference of list) {
        const byFile = refs.get(reference.id) ?? new Map<string, IdReference[]>();
        const inFile = byFile.get(uri);
        if (inFile) inFile.push(reference);
        else byFile.set(uri, [reference]);
        refs.set(reference.id, byFile);
      }
    }
    if (aliases.length) this.fileAliases.set(uri, aliases);
  }

  /**
   * After one file's aliases went from `before` to `after`: the aliases
   * whose pairs differ decide which texts must be matched again. A text
   * whose last matching found such an alias, or whose normalised text
   * contains one the file now has, is re-matched (its quotes are not
   * anchored again); every other text keeps its mentions. An alias the
   * matching did not find cannot change the mentions by going away: the
   * matches before and after it are the same.
   */
  private aliasesReplaced(before: { key: string; pair: string }[], after: { key: string; pair: string }[]): void {
    const pairsByKey = (list: { key: string; pair: string }[]) => {
      const byKey = new Map<string, string>();
      for (const { key, pair } of list) byKey.set(key, byKey.has(key) ? `${byKey.get(key)}\u0001${pair}` : pair);
      return byKey;
    };
    const old = pairsByKey(before);
    const now = pairsByKey(after);
    const changed: string[] = [];
    for (const [key, pairs] of old) if (now.get(key) !== pairs) changed.push(key);
    for (const key of now.keys()) if (!old.has(key)) changed.push(key);
    if (changed.length === 0) return;
    for (const key of changed) {
      this.aliasMatcher?.set(key, this.aliasEntry(key));
      this.aliasesChangedDuringBuild?.add(key);
    }
    const affected = new Set<string>();
    for (const key of changed) for (const uri of this.textsByAliasKey.get(key) ?? []) affected.add(uri);
    const present = changed.filter((key) => now.has(key));
    if (present.length > 0) {
      for (const [uri, { analysis }] of this.analyses) {
        if (affected.has(uri)) continue;
        const text = analysis.text.normalized.text;
        if (present.some((key) => text.includes(key))) affected.add(uri);
      }
    }
    for (const uri of affected) {
      this.matchStamps.set(uri, (this.matchStamps.get(uri) ?? 0) + 1);
      this.staleMentionTexts.add(uri);
      this.aliasAffectedTexts.add(uri);
    }
  }

  /** The texts whose mentions alias changes may have changed since the last call (for refreshing their diagnostics). */
  takeTextsRematchedByAliases(): string[] {
    const texts = [...this.aliasAffectedTexts];
    this.aliasAffectedTexts.clear();
    return texts;
  }

  // ---- texts ------------------------------------------------------------

  /** Stores the content of a text (an article some `text:` field points at); one over the size limit is refused. */
  setText(uri: string, content: string): void {
    uri = canonicalUri(uri);
    const limit = this.config.limits.textSize;
    if (content.length > limit) {
      this.setTextUnreadable(uri, { kind: 'too-large', size: content.length, limit });
      return;
    }
    this.unreadableTexts.delete(uri);
    this.storeDocument(uri, content);
    this.generations.texts++;
    this.touchText(uri);
  }

  /** Records that a text could not be read. */
  setTextMissing(uri: string): void {
    this.setTextUnreadable(uri, { kind: 'missing' });
  }

  /** Records that a text cannot be used, and why. */
  setTextUnreadable(uri: string, problem: ReadProblem): void {
    uri = canonicalUri(uri);
    this.generations.texts++;
    this.documents.delete(uri);
    this.unreadableTexts.set(uri, problem);
    this.touchText(uri);
  }

  /** Why a text cannot be used, when it cannot. */
  textProblem(uri: string): ReadProblem | undefined {
    return this.unreadableTexts.get(this.canonical(uri));
  }

  /** Forgets a text's content, e.g. when it is deleted; it counts as missing if still referenced. */
  removeText(uri: string): void {
    this.setTextMissing(uri);
  }

  textStatus(uri: string): TextStatus {
    return this.statusOf(this.canonical(uri));
  }

  private statusOf(uri: string): TextStatus {
    if (this.unreadableTexts.has(uri)) return 'missing';
    return this.documents.has(uri) && !this.files.has(uri) ? 'loaded' : 'unknown';
  }

  /** Where an annotation file's `text:` field leads. */
  textReferenceOf(annotationUri: string): TextReference | undefined {
    return this.textRefs.get(this.canonical(annotationUri));
  }

  /** The annotation files whose `text:` points at this text. */
  annotationsOf(textUri: string): string[] {
    return [...(this.annotationsByText.get(this.canonical(textUri)) ?? [])].sort();
  }

  /** Every text that some annotation file points at. */
  referencedTexts(): string[] {
    return [...this.annotationsByText.keys()].sort();
  }

  /** Referenced texts whose content has not been supplied yet. */
  pendingTexts(): string[] {
    // Only uris whose inputs changed since the last look are re-examined, so an edit never walks every text.
    for (const uri of this.pendingCandidates) {
      if (this.annotationsByText.has(uri) && this.statusOf(uri) === 'unknown') this.pending.add(uri);
      else this.pending.delete(uri);
    }
    this.pendingCandidates.clear();
    return [...this.pending].sort();
  }

  isText(uri: string): boolean {
    return this.annotationsByText.has(this.canonical(uri));
  }

  private touchText(uri: string): void {
    this.textStamps.set(uri, ++this.versionCounter);
    this.pendingCandidates.add(uri);
    this.staleMentionTexts.add(uri);
  }

  // ---- documents ----------------------------------------------------------

  private storeDocument(uri: string, content: string): void {
    this.documents.set(uri, { content, version: ++this.versionCounter });
    this.pendingCandidates.add(uri);
    this.staleMentionTexts.add(uri);
  }

  /**
   * A workspace-wide derived value, computed once and reused until an input
   * it depends on changes: `registry` (actors and concepts), `annotations`
   * (text annotations: claims, mentions, `text:`) or `texts` (their content).
   * For views that need the whole workspace (stance conflicts, relation
   * cycles, alias usage), so that each file's checks do not recompute them,
   * and a keystroke in a claim does not recompute relation cycles.
   */
  memo<T>(key: string, dependsOn: readonly MemoDependency[], compute: () => T): T {
    const stamp = dependsOn.map((dependency) => `${dependency}${this.generations[dependency]}`).join(':');
    const cached = this.memos.get(key);
    if (cached && cached.stamp === stamp) return cached.value as T;
    const value = compute();
    this.memos.set(key, { stamp, value });
    return value;
  }

  /** The content of any stored document: annotation file or text. */
  content(uri: string): string | undefined {
    return this.documents.get(this.canonical(uri))?.content;
  }

  lineIndex(uri: string): LineIndex | undefined {
    const document = this.documents.get(this.canonical(uri));
    if (!document) return undefined;
    document.lineIndex ??= new LineIndex(document.content);
    return document.lineIndex;
  }

  private anchorable(uri: string): AnchorableText | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    document.anchorable ??= { text: document.content, normalized: normalizeWithMap(document.content) };
    return document.anchorable;
  }

  // ---- registry -----------------------------------------------------------

  /** The first definition of an actor id (sorted by file), if any. */
  actor(id: string): ActorDef | undefined {
    return this.actorDefs.get(id)?.[0];
  }

  actorDefinitions(id: string): ActorDef[] {
    return this.actorDefs.get(id) ?? [];
  }

  actorIds(): string[] {
    // Sorted once per change of the registry: completion asks on every keystroke, with thousands of actors.
    return this.memo('sorted-actor-ids', ['registry'], () => [...this.actorDefs.keys()].sort()).slice();
  }

  concept(id: string): ConceptDef | undefined {
    return this.conceptDefs.get(id)?.[0];
  }

  conceptDefinitions(id: string): ConceptDef[] {
    return this.conceptDefs.get(id) ?? [];
  }

  conceptIds(): string[] {
    return this.memo('sorted-concept-ids', ['registry'], () => [...this.conceptDefs.keys()].sort()).slice();
  }

  claimDefinitions(id: string): { claim: ClaimDef; uri: string }[] {
    return this.claimDefs.get(id) ?? [];
  }

  /** The relations stated between two actors, in either direction, in file order. */
  relationsBetween(a: string, b: string): readonly StatedRelation[] {
    return this.relationsByPairKey.get(pairKey(a, b)) ?? [];
  }

  /** Every part-of/member-of relation, by subject, each subject's in file order. */
  hierarchyEdges(): ReadonlyMap<string, readonly StatedRelation[]> {
    return this.hierarchyEdgesBySubject;
  }

  /** The stances taken on a concept by a claimant, anywhere in the workspace, in file order. */
  stancesOf(claimant: string, concept: string): readonly StanceTaken[] {
    return this.stancesByKey.get(`${claimant}\u0000${concept}`) ?? [];
  }

  /** Every place in annotation files that names this actor id, definitions included. */
  actorReferences(id: string): IdReference[] {
    return flattenReferences(this.actorRefs.get(id));
  }

  /** Every place in annotation files that names this concept id, definitions included. */
  conceptReferences(id: string): IdReference[] {
    return flattenReferences(this.conceptRefs.get(id));
  }

  // ---- derived views --------------------------------------------------------

  /** What a normalised alias stands for now: its first spelling and its actors, or undefined when no actor has it. */
  private aliasEntry(key: string): AliasEntry | undefined {
    const owners = this.aliasOwnersByKey.get(key);
    if (!owners) return undefined;
    const actorIds: string[] = [];
    for (const owner of owners) if (!actorIds.includes(owner.actorId)) actorIds.push(owner.actorId);
    return { alias: owners[0].alias.value, actorIds };
  }

  private aliasEntries(): Map<string, AliasEntry> {
    const entries = new Map<string, AliasEntry>();
    for (const key of this.aliasOwnersByKey.keys()) entries.set(key, this.aliasEntry(key)!);
    return entries;
  }

  /** The actors that have a normalised alias, in definition order. */
  aliasOwners(key: string): readonly AliasOwner[] {
    return this.aliasOwnersByKey.get(key) ?? [];
  }

  private matcher(): AliasMatcher {
    if (!this.aliasMatcher) {
      const steps = AliasMatcher.build(this.aliasEntries());
      let step = steps.next();
      while (!step.done) step = steps.next();
      this.aliasMatcher = step.value;
    }
    return this.aliasMatcher;
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
      for (const key of this.aliasOwnersByKey.keys()) {
        entries.set(key, this.aliasEntry(key)!);
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
      for (const key of changed) matcher.set(key, this.aliasEntry(key));
      this.aliasMatcher = matcher;
    } finally {
      this.aliasesChangedDuringBuild = undefined;
    }
  }

  /**
   * The analysis of a loaded text: its anchored claims and mentions. Cached
   * until the text, an annotation file pointing at it, or the aliases change.
   */
  analysis(textUri: string): TextAnalysis | undefined {
    textUri = this.canonical(textUri);
    const anchorable = this.statusOf(textUri) === 'loaded' ? this.anchorable(textUri) : undefined;
    if (!anchorable) return undefined;
    const textStamp = this.textStamps.get(textUri) ?? 0;
    const matchStamp = this.matchStamps.get(textUri) ?? 0;
    const cached = this.analyses.get(textUri);
    if (cached && cached.textStamp === textStamp && cached.matchStamp === matchStamp) return cached.analysis;

    let claims: Anchored<ClaimDef>[] = [];
    let explicitMentions: Anchored<MentionDef>[] = [];
    if (cached && cached.textStamp === textStamp && cached.analysis.text === anchorable) {
      // Only the aliases changed: the anchoring depends on the text and its annotation files alone.
      ({ claims, explicitMentions } = cached.analysis);
    } else {
      const slots = new Set<string>();
      for (const annotationUri of this.annotationsOf(textUri)) {
        const annotation = this.files.get(annotationUri)?.textAnnotation;
        if (!annotation) continue;
        for (const [kind, defs, into] of [['claims', annotation.claims, claims], ['mentions', annotation.mentions, explicitMentions]] as const) {
          const slot = `${annotationUri}\u0000${kind}`;
          slots.add(slot);
          const results = this.anchorings.anchor(textUri, anchorable, slot, defs);
          withQuote<QuoteSelectorDef>(defs).forEach((def, i) => (into as Anchored<QuoteSelectorDef>[]).push({ def, annotationUri, result: results[i] }));
        }
      }
      this.anchorings.retain(textUri, slots);
    }
    const matches = this.matcher().findAll(anchorable.normalized);
    this.noteAliasKeys(textUri, matches);
    const mentions = mergeMentions(matches, explicitMentions);
    const analysis: TextAnalysis = { uri: textUri, text: anchorable, claims, explicitMentions, mentions };
    this.analyses.set(textUri, { textStamp, matchStamp, analysis });
    if (this.staleMentionTexts.delete(textUri)) this.contributeMentions(textUri, analysis);
    return analysis;
  }

  /** Whether `analysis(textUri)` would answer from its cache, searching nothing (for answers while a folder still indexes). */
  hasCurrentAnalysis(textUri: string): boolean {
    const cached = this.analyses.get(this.canonical(textUri));
    return cached !== undefined && cached.textStamp === (this.textStamps.get(cached.analysis.uri) ?? 0) && cached.matchStamp === (this.matchStamps.get(cached.analysis.uri) ?? 0);
  }

  /**
   * Anchors the quotes that `analysis(textUri)` will need, a step at a time,
   * so that a caller that must stay responsive can run the long searches in
   * slices; `analysis` then finds them done. Does nothing when the text's
   * anchoring is current.
   */
  *anchoringSteps(textUri: string): Generator<void, void> {
    textUri = this.canonical(textUri);
    if (this.statusOf(textUri) !== 'loaded') return;
    const cached = this.analyses.get(textUri);
    if (cached && cached.textStamp === (this.textStamps.get(textUri) ?? 0) && this.documents.get(textUri)?.anchorable === cached.analysis.text) return;
    yield;
    const anchorable = this.anchorable(textUri)!;
    for (const annotationUri of this.annotationsOf(textUri)) {
      const annotation = this.files.get(annotationUri)?.textAnnotation;
      if (!annotation) continue;
      for (const [kind, defs] of [['claims', annotation.claims], ['mentions', annotation.mentions]] as const) {
        const results = yield* this.anchorings.anchorInSteps(textUri, anchorable, `${annotationUri}\u0000${kind}`, defs);
        // Where the text's diagnostics of lost quotes go: each placement scans the text.
        for (const [i, def] of withQuote<QuoteSelectorDef>(defs).entries()) {
          if (results[i].status !== 'not-found' || results[i].nearMisses?.[0] || isLostQuotePlaced(anchorable, def.quote!.value)) continue;
          lostQuoteRange(anchorable, def.quote!.value);
          yield;
        }
      }
    }
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
   * Replaces a text's contribution to the mention views (which actors and
   * aliases it mentions) with that of its current analysis; a text no
   * annotation file points at contributes nothing.
   */
  private contributeMentions(uri: string, analysis: TextAnalysis | undefined): void {
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
    if (!analysis || !this.annotationsByText.has(uri) || analysis.mentions.length === 0) return;
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
  private refreshMentionViews(): void {
    for (const uri of [...this.staleMentionTexts]) {
      this.staleMentionTexts.delete(uri);
      this.contributeMentions(uri, this.annotationsByText.has(uri) ? this.analysis(uri) : undefined);
    }
  }

  /**
   * The referenced texts with a mention of the actor, by alias (as one of
   * the actors of a conflicting alias too) or explicitly. Kept up to date
   * incrementally: only texts changed since the last call are analysed again.
   */
  textsWithMentionOf(actorId: string): ReadonlySet<string> {
    this.refreshMentionViews();
    return this.textsByActor.get(actorId) ?? new Set();
  }

  /**
   * The normalised aliases and the actors whose use in texts may have
   * changed (from used to unused or back) since the last call, or since the
   * index was created. For refreshing only the diagnostics that usage
   * decides (alias-unused, actor-unused).
   */
  takeUsageChanges(): { aliasKeys: string[]; actorIds: string[] } {
    this.refreshMentionViews();
    const { aliasKeys, actorIds } = this.usageChanges;
    this.usageChanges = { aliasKeys: new Set(), actorIds: new Set() };
    return { aliasKeys: [...aliasKeys], actorIds: [...actorIds] };
  }

  /** Whether any referenced text is loaded. */
  hasLoadedText(): boolean {
    for (const uri of this.annotationsByText.keys()) if (this.statusOf(uri) === 'loaded') return true;
    return false;
  }

  /** Whether a mention in some referenced text comes from this normalised alias. */
  isAliasUsed(key: string): boolean {
    this.refreshMentionViews();
    return this.textsByUsedAlias.has(key);
  }

  /** The loaded texts in which the actor is mentioned, by alias or explicitly. */
  textsMentioning(actorId: string): string[] {
    return this.referencedTexts().filter((uri) => this.analysis(uri)?.mentions.some((m) => m.actorId === actorId));
  }
}

/** The key of an unordered pair of actor ids. */
function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The key of a claim's stance (`claimant\0concept`), when it takes one. */
function stanceKey(claim: ClaimDef): string | undefined {
  return claim.claimant && claim.concept && claim.stance ? `${claim.claimant.value}\u0000${claim.concept.value}` : undefined;
}

function flattenReferences(byFile: Map<string, IdReference[]> | undefined): IdReference[] {
  if (!byFile) return [];
  // concat copies arrays in bulk: flatMap is ten times slower on the tens of thousands of references of a large file, which a hover walks.
  const lists = [...byFile.keys()].sort().map((uri) => byFile.get(uri)!);
  let references: IdReference[] = [];
  for (let i = 0; i < lists.length; i += 4096) references = references.concat(...lists.slice(i, i + 4096));
  return references;
}

/** Alias matches, minus those that overlap an explicit mention, plus the explicit mentions. */
function mergeMentions(aliasMatches: AliasMatch[], explicit: Anchored<MentionDef>[]): Mention[] {
  const explicitMentions: Mention[] = [];
  for (const anchored of explicit) {
    if (!anchored.result.span || !anchored.def.actor) continue;
    explicitMentions.push({ span: anchored.result.span, actorId: anchored.def.actor.value, source: 'explicit', explicit: anchored });
  }
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
