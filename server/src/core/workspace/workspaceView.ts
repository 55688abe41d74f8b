import type { WorkspaceConfig } from '../config';
import type { LineIndex } from '../lineIndex';
import type { ActorDef, AnnotationFile, ClaimDef, ConceptDef, EntityDef } from '../model';
import type { TextReference } from '../uris';
import type { TextStatus } from './documentStore';
import type { ReadProblem } from './readProblems';
import type { AliasOwner, IdReference, ReferenceRole, StanceTaken, StatedRelation } from './registry';
import type { TextAnalysis } from './textAnalyses';

export type { TextStatus } from './documentStore';
export type { AliasOwner, IdReference, ReferenceRole, StanceTaken, StatedRelation } from './registry';
export type { Anchored, Mention, TextAnalysis } from './textAnalyses';
export { countedIds, mentionIds } from './textAnalyses';

/** The kinds of input a workspace-wide derived value can depend on. */
export type MemoDependency = 'registry' | 'annotations' | 'texts';

/** Every kind of input: for values derived from text analyses, which depend on all three. */
export const ALL_INPUTS: readonly MemoDependency[] = ['registry', 'annotations', 'texts'];

/**
 * What features, checks, fixes, authoring, export and review may read of
 * the workspace: its documents, what the annotation files define and
 * reference, each text's analysis and the mention-usage views. Nothing here
 * changes an input; a reader may only compute and cache derived values
 * (`memo`, analyses). `WorkspaceIndex` implements it; only the loaders and
 * the live workspace hold the index itself and change it.
 */
export interface WorkspaceView {
  readonly config: WorkspaceConfig;
  /** Workspace folder URIs, canonical. Texts outside them are never referenced. */
  readonly workspaceFolders: readonly string[];

  // ---- documents --------------------------------------------------------

  annotationFile(uri: string): AnnotationFile | undefined;
  /** Every annotation file, sorted by uri. */
  annotationFiles(): AnnotationFile[];
  isAnnotationFile(uri: string): boolean;
  /** The content of any stored document: annotation file or text. */
  content(uri: string): string | undefined;
  lineIndex(uri: string): LineIndex | undefined;
  /** Why a text cannot be used, when it cannot. */
  textProblem(uri: string): ReadProblem | undefined;
  textStatus(uri: string): TextStatus;
  /** Where an annotation file's `text:` field leads. */
  textReferenceOf(annotationUri: string): TextReference | undefined;
  /** The annotation files whose `text:` points at this text, sorted. */
  annotationsOf(textUri: string): string[];
  /** Every text that some annotation file points at, sorted. */
  referencedTexts(): string[];
  isText(uri: string): boolean;
  /** Whether any referenced text is loaded. */
  hasLoadedText(): boolean;

  /**
   * A workspace-wide derived value, computed once and reused until an input
   * it depends on changes: `registry` (actors and concepts), `annotations`
   * (text annotations: claims, mentions, `text:`) or `texts` (their content).
   */
  memo<T>(key: string, dependsOn: readonly MemoDependency[], compute: () => T): T;

  // ---- registry -----------------------------------------------------------

  /** The first definition of an actor id (sorted by file), if any. */
  actor(id: string): ActorDef | undefined;
  actorDefinitions(id: string): readonly ActorDef[];
  /** Every actor id, sorted. */
  actorIds(): string[];
  /** The first definition of an entity id (format v1.1; entities share the actors' id namespace, references and aliases). */
  entity(id: string): EntityDef | undefined;
  entityDefinitions(id: string): readonly EntityDef[];
  /** Every entity id, sorted. */
  entityIds(): string[];
  concept(id: string): ConceptDef | undefined;
  conceptDefinitions(id: string): readonly ConceptDef[];
  /** Every concept id, sorted. */
  conceptIds(): string[];
  claimDefinitions(id: string): readonly { claim: ClaimDef; uri: string }[];
  /** The claim ids defined more than once (usually none): a check of 70,000 claims looks up only these. */
  claimIdsDefinedMoreThanOnce(): ReadonlySet<string>;
  /** The relations stated between two actors, in either direction, in file order. */
  relationsBetween(a: string, b: string): readonly StatedRelation[];
  /** Every part-of/member-of relation, by subject, each subject's in file order. */
  hierarchyEdges(): ReadonlyMap<string, readonly StatedRelation[]>;
  /** The stances taken on a concept by a claimant, anywhere in the workspace, in file order. */
  stancesOf(claimant: string, concept: string): readonly StanceTaken[];
  /** Every place in annotation files that names this actor id, definitions included. */
  actorReferences(id: string): IdReference[];
  /** The places with one role that name this actor id, in the order of `actorReferences`, without copying the others. */
  actorReferencesWithRole(id: string, role: ReferenceRole): IdReference[];
  /** Every place in annotation files that names this concept id, definitions included. */
  conceptReferences(id: string): IdReference[];
  /** The actors that have a normalised alias, in definition order. */
  aliasOwners(key: string): readonly AliasOwner[];

  // ---- text analyses and mention usage ---------------------------------------

  /** The analysis of a loaded text: its anchored claims and mentions. */
  analysis(textUri: string): TextAnalysis | undefined;
  /** The referenced texts with a mention of the actor, by alias (as one of the actors of a conflicting alias too) or explicitly. */
  textsWithMentionOf(actorId: string): ReadonlySet<string>;
  /** Whether a mention in some referenced text comes from this normalised alias. */
  isAliasUsed(key: string): boolean;
  /** The loaded texts in which the actor is mentioned, by alias or explicitly. */
  textsMentioning(actorId: string): string[];
}
