import { drain } from '../aliasAutomaton';
import type { AliasEntry, AliasMatch } from '../aliasMatcher';
import { DEFAULT_CONFIG, type WorkspaceConfig } from '../config';
import { makeDiagnostic } from '../diagnosticCodes';
import type { LineIndex } from '../lineIndex';
import type { ActorDef, AnnotationFile, ClaimDef, ConceptDef, EntityDef } from '../model';
import type { NormalizedText } from '../normalizeText';
import type { AnchorableText } from '../anchorTypes';
import { parseAnnotationFile } from '../syntax/parseAnnotationFile';
import { canonicalUri, resolveTextReference, type TextReference } from '../uris';
import { DocumentStore, type TextStatus } from './documentStore';
import { MentionUsage } from './mentionUsage';
import { describeReadProblem, type ReadProblem } from './readProblems';
import { aliasChange, Registry, type AliasOwner, type FileAlias, type IdReference, type ReferenceRole, type StanceTaken, type StatedRelation } from './registry';
import { sameJsonInSteps } from './sameInSteps';
import { countedIds, TextAnalyses, type TextAnalysis } from './textAnalyses';
import type { MemoDependency, WorkspaceView } from './workspaceView';

export interface WorkspaceIndexOptions {
  /** Workspace folder URIs. Texts outside them are never referenced. */
  workspaceFolders: string[];
  config?: WorkspaceConfig;
  /**
   * An index for text analyses only (`agreement`): the registry keeps only definitions and aliases (no
   * claims by id, stances, references, relations or hierarchy), mention usage is not kept, and
   * quotes are anchored for their spans only (no stale proposals or near misses where they cannot
   * change a span: `anchorSelectors`' `spansOnly`). Never for an index that checks or serves features.
   */
  analysesOnly?: boolean;
}

/**
 * The workspace's annotations and texts, and everything derived from them:
 * the one place that changes them. Updates are per file: changing one file
 * re-parses that file only, and the derived views (text analyses,
 * references) are refreshed lazily and only where the change can reach.
 *
 * It composes four parts, each with one job: the documents (DocumentStore),
 * what the annotation files define and reference (Registry), each text's
 * analysis (TextAnalyses) and the mention-usage views (MentionUsage); and
 * it tells each part what a change means for it. Features and checks read
 * it through WorkspaceView; only the loaders and the live workspace call
 * the methods that change it.
 */
export class WorkspaceIndex implements WorkspaceView {
  readonly config: WorkspaceConfig;
  readonly workspaceFolders: string[];
  private readonly analysesOnly: boolean;

  private readonly documents = new DocumentStore();
  private readonly registry = new Registry();
  private readonly mentions: MentionUsage = new MentionUsage(this.documents, (uri) => this.analysis(uri));
  private readonly analyses = new TextAnalyses(this.documents, this.registry, (uri, analysis) => this.analysesOnly || this.mentions.analysed(uri, analysis));
  private readonly memos = new Map<string, { stamp: string; value: unknown }>();
  /** Bumped by changes to each kind of input, so that derived values are recomputed only when theirs change. */
  private readonly generations: Record<MemoDependency, number> = { registry: 0, annotations: 0, texts: 0 };

  constructor(options: WorkspaceIndexOptions) {
    this.config = options.config ?? DEFAULT_CONFIG;
    this.workspaceFolders = options.workspaceFolders.map(canonicalUri);
    this.analysesOnly = options.analysesOnly === true;
    this.registry.definitionsAndAliasesOnly = this.analysesOnly;
    this.analyses.analysesOnly = this.analysesOnly;
  }

  // ---- annotation files -------------------------------------------------

  /** Parses and stores an annotation file, replacing its previous version. One over the size limit is refused. */
  setAnnotationFile(uri: string, content: string, parsed?: AnnotationFile): AnnotationFile {
    return drain(this.setAnnotationFileInSteps(uri, content, parsed));
  }

  /** `setAnnotationFile` a step at a time, for building an index not in use yet while staying responsive (a file of 70,000 claims). */
  *setAnnotationFileInSteps(uri: string, content: string, parsed?: AnnotationFile): Generator<void, AnnotationFile> {
    uri = canonicalUri(uri);
    const limit = this.config.limits.annotationFileSize;
    if (content.length > limit) return this.setAnnotationFileUnreadable(uri, { kind: 'too-large', size: content.length, limit });
    const file = parsed ?? parseAnnotationFile(uri, content, this.config.vocabulary);
    // Parsing is one piece (of up to 128 KB in the editor; larger files are parsed elsewhere): the index is unchanged until here.
    if (!parsed) yield;
    yield* this.noteAnnotationChange(this.documents.fileByKey(uri), file);
    const aliasesBefore = this.registry.aliasesOf(uri);
    yield* this.forgetAnnotationFileInSteps(uri);
    this.storeDocument(uri, content);
    this.documents.setFile(uri, file);
    yield* this.indexAnnotationFile(file);
    this.aliasesReplaced(aliasesBefore, this.registry.aliasesOf(uri));
    return file;
  }

  /** Bumps the generations of the kinds of input that differ between two versions of an annotation file (in steps: 70,000 claims). */
  private *noteAnnotationChange(before: AnnotationFile | undefined, after: AnnotationFile | undefined): Generator<void, void> {
    const hasRegistry = (file: AnnotationFile | undefined) => !!file && (file.actors.length > 0 || file.concepts.length > 0);
    // Only a file present before and after needs comparing; otherwise a side with content means a change.
    if (before && after ? hasRegistry(before) !== hasRegistry(after) || (hasRegistry(after) && !(yield* sameJsonInSteps([before.actors, before.concepts], [after.actors, after.concepts]))) : hasRegistry(before) || hasRegistry(after)) {
      this.generations.registry++;
    }
    if (!before || !after ? !!(before ?? after)?.textAnnotation : !(yield* sameJsonInSteps(before.textAnnotation ?? '', after.textAnnotation ?? ''))) this.generations.annotations++;
  }

  /** Stores an annotation file that cannot be used, with a diagnostic that says why (its content is never kept). */
  setAnnotationFileUnreadable(uri: string, problem: ReadProblem): AnnotationFile {
    uri = canonicalUri(uri);
    const file: AnnotationFile = { uri, actors: [], entities: [], concepts: [], diagnostics: [makeDiagnostic(uri, { start: 0, end: 0 }, 'file-unreadable', describeReadProblem(problem, 'This annotation file'))] };
    drain(this.noteAnnotationChange(this.documents.fileByKey(uri), file));
    const aliasesBefore = this.registry.aliasesOf(uri);
    this.forgetAnnotationFile(uri);
    this.aliasesReplaced(aliasesBefore, []);
    this.storeDocument(uri, '');
    this.documents.setFile(uri, file);
    return file;
  }

  removeAnnotationFile(uri: string): void {
    uri = canonicalUri(uri);
    drain(this.noteAnnotationChange(this.documents.fileByKey(uri), undefined));
    const aliasesBefore = this.registry.aliasesOf(uri);
    this.forgetAnnotationFile(uri);
    this.aliasesReplaced(aliasesBefore, []);
    this.documents.deleteDocument(uri);
    this.mentions.markStale(uri);
  }

  annotationFile(uri: string): AnnotationFile | undefined {
    return this.documents.annotationFile(uri);
  }

  annotationFiles(): AnnotationFile[] {
    return this.documents.annotationFiles();
  }

  isAnnotationFile(uri: string): boolean {
    return this.documents.isAnnotationFile(uri);
  }

  private forgetAnnotationFile(uri: string): void {
    drain(this.forgetAnnotationFileInSteps(uri));
  }

  private *forgetAnnotationFileInSteps(uri: string): Generator<void, void> {
    const old = this.documents.fileByKey(uri);
    if (!old) return;
    this.documents.deleteFile(uri);
    yield* this.registry.removeInSteps(uri, old);
    const text = this.documents.unlinkText(uri);
    if (text !== undefined) this.touchText(text);
  }

  private *indexAnnotationFile(file: AnnotationFile): Generator<void, void> {
    yield* this.registry.addInSteps(file);
    const annotation = file.textAnnotation;
    if (annotation?.text) {
      const text = this.documents.linkText(file.uri, resolveTextReference(file.uri, annotation.text.value, this.workspaceFolders));
      if (text !== undefined) this.touchText(text);
    }
  }

  /** After one file's aliases went from `before` to `after`: patches the matcher and marks the texts to match again. */
  private aliasesReplaced(before: FileAlias[], after: FileAlias[]): void {
    const change = aliasChange(before, after);
    if (change.changed.length === 0) return;
    for (const uri of this.analyses.aliasesChanged(change)) this.mentions.markStale(uri);
  }

  /** The texts whose mentions alias changes may have changed since the last call (for refreshing their diagnostics). */
  takeTextsRematchedByAliases(): string[] {
    return this.analyses.takeTextsRematchedByAliases();
  }

  /** The texts `takeTextsRematchedByAliases` will give, left in place: their matching can run ahead in steps (`anchoringSteps`). */
  textsToRematch(): string[] {
    return this.analyses.textsToRematch();
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
    this.documents.clearTextProblem(uri);
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
    this.documents.deleteDocument(uri);
    this.documents.setTextProblem(uri, problem);
    this.touchText(uri);
  }

  /** Why a text cannot be used, when it cannot. */
  textProblem(uri: string): ReadProblem | undefined {
    return this.documents.textProblem(uri);
  }

  /** Forgets a text's content, e.g. when it is deleted; it counts as missing if still referenced. */
  removeText(uri: string): void {
    this.setTextMissing(uri);
  }

  textStatus(uri: string): TextStatus {
    return this.documents.textStatus(uri);
  }

  /** Where an annotation file's `text:` field leads. */
  textReferenceOf(annotationUri: string): TextReference | undefined {
    return this.documents.textReferenceOf(annotationUri);
  }

  /** The annotation files whose `text:` points at this text. */
  annotationsOf(textUri: string): string[] {
    return this.documents.annotationsOf(textUri);
  }

  /** Every text that some annotation file points at. */
  referencedTexts(): string[] {
    return this.documents.referencedTexts();
  }

  /** Referenced texts whose content has not been supplied yet. */
  pendingTexts(): string[] {
    return this.documents.pendingTexts();
  }

  isText(uri: string): boolean {
    return this.documents.isText(uri);
  }

  private touchText(uri: string): void {
    this.documents.touchText(uri);
    this.mentions.markStale(uri);
  }

  // ---- documents ----------------------------------------------------------

  private storeDocument(uri: string, content: string): void {
    this.documents.storeDocument(uri, content);
    this.mentions.markStale(uri);
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
    return this.documents.content(uri);
  }

  lineIndex(uri: string): LineIndex | undefined {
    return this.documents.lineIndex(uri);
  }

  // ---- registry -----------------------------------------------------------

  /** The first definition of an actor id (sorted by file), if any. */
  actor(id: string): ActorDef | undefined {
    return this.registry.actor(id);
  }

  actorDefinitions(id: string): ActorDef[] {
    return this.registry.actorDefinitions(id);
  }

  actorIds(): string[] {
    // Sorted once per change of the registry: completion asks on every keystroke, with thousands of actors.
    return this.memo('sorted-actor-ids', ['registry'], () => this.registry.sortedActorIds()).slice();
  }

  entity(id: string): EntityDef | undefined {
    return this.registry.entitiesById().get(id)?.[0];
  }

  entityDefinitions(id: string): readonly EntityDef[] {
    return this.registry.entitiesById().get(id) ?? [];
  }

  entityIds(): string[] {
    return this.memo('sorted-entity-ids', ['registry'], () => [...this.registry.entitiesById().keys()].sort()).slice();
  }

  concept(id: string): ConceptDef | undefined {
    return this.registry.concept(id);
  }

  conceptDefinitions(id: string): ConceptDef[] {
    return this.registry.conceptDefinitions(id);
  }

  conceptIds(): string[] {
    return this.memo('sorted-concept-ids', ['registry'], () => this.registry.sortedConceptIds()).slice();
  }

  claimDefinitions(id: string): { claim: ClaimDef; uri: string }[] {
    return this.registry.claimDefinitions(id);
  }

  claimIdsDefinedMoreThanOnce(): ReadonlySet<string> {
    return this.registry.claimIdsDefinedMoreThanOnce();
  }

  /** The relations stated between two actors, in either direction, in file order. */
  relationsBetween(a: string, b: string): readonly StatedRelation[] {
    return this.registry.relationsBetween(a, b);
  }

  /** Every part-of/member-of relation, by subject, each subject's in file order. */
  hierarchyEdges(): ReadonlyMap<string, readonly StatedRelation[]> {
    return this.registry.hierarchyEdges();
  }

  /** The stances taken on a concept by a claimant, anywhere in the workspace, in file order. */
  stancesOf(claimant: string, concept: string): readonly StanceTaken[] {
    return this.registry.stancesOf(claimant, concept);
  }

  /** Every place in annotation files that names this actor id, definitions included. */
  actorReferences(id: string): IdReference[] {
    return this.registry.actorReferences(id);
  }

  /** The places with one role that name this actor id, in the order of `actorReferences`, without copying the others. */
  actorReferencesWithRole(id: string, role: ReferenceRole): IdReference[] {
    return this.registry.actorReferencesWithRole(id, role);
  }

  /** Every place in annotation files that names this concept id, definitions included. */
  conceptReferences(id: string): IdReference[] {
    return this.registry.conceptReferences(id);
  }

  /** The actors that have a normalised alias, in definition order. */
  aliasOwners(key: string): readonly AliasOwner[] {
    return this.registry.aliasOwners(key);
  }

  // ---- derived views --------------------------------------------------------

  /**
   * Builds the alias matcher ahead of the first text analysis, a slice at a
   * time (`pause` between slices), so that a large registry never blocks
   * the caller's event loop for long. Aliases changed meanwhile are applied
   * once it is built.
   */
  prepareAliasMatcher(pause: () => Promise<void>): Promise<void> {
    return this.analyses.prepareAliasMatcher(pause);
  }

  /**
   * The analysis of a loaded text: its anchored claims and mentions. Cached
   * until the text, an annotation file pointing at it, or the aliases change.
   */
  analysis(textUri: string): TextAnalysis | undefined {
    return this.analyses.analysis(this.documents.canonical(textUri));
  }

  /**
   * Work on a text done elsewhere for the same content (another coder's copy
   * of it, in agreement): its normalised form and, when made by aliases equal
   * to this index's (`aliasFingerprint`), its alias matches, for the next
   * analysis to take instead of doing them again. The caller vouches for
   * both; nothing is taken unless `content` is the text's content now and
   * the text is not prepared yet. Whether it was taken.
   */
  offerTextWork(textUri: string, content: string, normalized: NormalizedText, matches?: AliasMatch[]): boolean {
    const uri = this.documents.canonical(textUri);
    if (!this.documents.offerNormalizedByKey(uri, content, normalized)) return false;
    if (matches) this.analyses.offerMatches(uri, normalized, matches);
    return true;
  }

  /** A loaded text's normalised form and alias matches, its quotes not anchored (`TextAnalyses.aliasWork`): agreement's worker. */
  aliasWork(textUri: string): { text: AnchorableText; matches: AliasMatch[] } | undefined {
    return this.analyses.aliasWork(this.documents.canonical(textUri));
  }

  /** What the alias matcher is built from, as one string: two indexes whose strings are equal find the same matches in the same text. */
  aliasFingerprint(): string {
    return this.analyses.aliasFingerprint();
  }

  /** Matches aliases with `entries`, which the caller vouches are the registry's with every file entered (`TextAnalyses.adoptAliases`): agreement. */
  adoptAliasEntries(entries: () => ReadonlyMap<string, AliasEntry>): void {
    this.analyses.adoptAliases(entries);
  }

  /** How many texts the analyses matched aliases in themselves (for tests: offered matches are not counted). */
  textsAliasMatched(): number {
    return this.analyses.textsMatched;
  }

  /** Whether `analysis(textUri)` would answer from its cache, searching nothing (for answers while a folder still indexes). */
  hasCurrentAnalysis(textUri: string): boolean {
    return this.analyses.hasCurrentAnalysis(this.documents.canonical(textUri));
  }

  /**
   * Anchors the quotes that `analysis(textUri)` will need, a step at a time,
   * so that a caller that must stay responsive can run the long searches in
   * slices; `analysis` then finds them done. Does nothing when the text's
   * anchoring is current.
   */
  *anchoringSteps(textUri: string): Generator<void, void> {
    yield* this.analyses.anchoringSteps(this.documents.canonical(textUri));
  }

  /**
   * The referenced texts with a mention of the actor, by alias (as one of
   * the actors of a conflicting alias too) or explicitly. Kept up to date
   * incrementally: only texts changed since the last call are analysed again.
   */
  textsWithMentionOf(actorId: string): ReadonlySet<string> {
    return this.mentions.textsWithMentionOf(actorId);
  }

  /**
   * The normalised aliases and the actors whose use in texts may have
   * changed (from used to unused or back) since the last call, or since the
   * index was created. For refreshing only the diagnostics that usage
   * decides (alias-unused, actor-unused).
   */
  takeUsageChanges(): { aliasKeys: string[]; actorIds: string[] } {
    return this.mentions.takeUsageChanges();
  }

  /** Whether any referenced text is loaded. */
  hasLoadedText(): boolean {
    return this.documents.hasLoadedText();
  }

  /** Whether a mention in some referenced text comes from this normalised alias. */
  isAliasUsed(key: string): boolean {
    return this.mentions.isAliasUsed(key);
  }

  /** The loaded texts in which the actor is mentioned, by alias or explicitly. */
  textsMentioning(actorId: string): string[] {
    return this.referencedTexts().filter((uri) => this.analysis(uri)?.mentions.some((m) => countedIds(m).includes(actorId)));
  }
}
