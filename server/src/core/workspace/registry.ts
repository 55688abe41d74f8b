import { drain } from '../aliasAutomaton';
import type { AliasEntry } from '../aliasMatcher';
import type { ActorDef, AnnotationFile, ClaimDef, ConceptDef, EntityDef, Located, RelationDef, Span } from '../model';
import { aliasKey } from '../aliasKeys';
import { HIERARCHY_RELATIONS } from '../vocabulary';
import { referencesWithRole } from './referenceSelection';

export type ReferenceRole = 'definition' | 'claimant' | 'about' | 'author' | 'relation-target' | 'mention-actor' | 'concept' | 'on-behalf-of' | 'reported-by' | 'contributor';


/** Claims forgotten per step of `Registry.removeInSteps`. */
const CLAIMS_PER_REMOVAL_STEP = 4096;
/** A place in an annotation file that names an actor or concept id. */
export interface IdReference {
  id: string;
  uri: string;
  range: Span;
  role: ReferenceRole;
  /** The claim that holds the reference, for claimant, about, concept, on-behalf-of and reported-by. */
  claim?: ClaimDef;
}

/** A claim and the annotation file that holds it. */
export interface ClaimEntry {
  claim: ClaimDef;
  uri: string;
}

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

/**
 * An actor or entity that has an alias, and where the alias is written.
 * Entities share the actors' id namespace and alias matcher, so `actorId`
 * may name an entity; `entity` says so.
 */
export interface AliasOwner {
  actorId: string;
  uri: string;
  alias: Located<string>;
  entity?: true;
}

/** One alias of an annotation file: the pair `alias\0actorId`, keyed by the alias as the matcher normalises it. */
export interface FileAlias {
  key: string;
  pair: string;
}

/** The aliases whose owners an annotation file's change altered, and those of them the file still has. */
export interface AliasChange {
  changed: string[];
  present: string[];
}

/** Work of one step of `Registry.addInSteps`: definitions and references, or 64 characters of an alias, each. */
export const REGISTRY_ITEMS_PER_STEP = 2048;

/**
 * What the annotation files define and where they name it: actors,
 * concepts and claims by id, stances, relations, the references to each
 * actor and concept id, and the owners of each normalised alias.
 *
 * Invariants: every list keeps file order (files by uri, then order in the
 * file), as a fresh build has it, whatever order files were added in;
 * `remove(file)` undoes exactly what `add(file)` did, visiting only the ids
 * and aliases that file holds.
 */
export class Registry {
  private readonly actorDefs = new Map<string, ActorDef[]>();
  private readonly entityDefs = new Map<string, EntityDef[]>();
  private readonly conceptDefs = new Map<string, ConceptDef[]>();
  /** Claims by id: an id's one claim as itself (no list per claim for 70,000 claims), a list in file order when it has several. */
  private readonly claimDefs = new Map<string, ClaimEntry | ClaimEntry[]>();
  /** The claim ids with more than one definition, so that the duplicate-id check looks up only those. */
  private readonly duplicatedClaimIds = new Set<string>();
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
  /** Each annotation file's aliases, in file order. */
  private readonly fileAliases = new Map<string, FileAlias[]>();
  /** Every normalised alias with the actors that have it, in definition order (files by uri, then file order). */
  private readonly aliasOwnersByKey = new Map<string, AliasOwner[]>();
  /**
   * Set before any file is added by an index for text analyses only (`WorkspaceIndexOptions.analysesOnly`):
   * only definitions and aliases are indexed (what the analyses read), not text annotations' claims, nor
   * references, relations or the hierarchy (the queries on those then answer as for a workspace without them).
   */
  definitionsAndAliasesOnly = false;

  /** Indexes what an annotation file defines and references. */
  add(file: AnnotationFile): void {
    drain(this.addInSteps(file));
  }

  /**
   * `add` a step at a time (REGISTRY_ITEMS_PER_STEP definitions, references
   * or alias characters per step), for a caller that must stay responsive
   * (70,000 claims, 3,000 aliases of 3,000 characters). The registry is in
   * use only once it has returned.
   */
  *addInSteps(file: AnnotationFile): Generator<void, void> {
    let work = 0;
    const uri = file.uri;
    const addTo = <T extends { uri: string }>(map: Map<string, T[]>, id: string | undefined, value: T) => {
      if (id === undefined) return;
      const list = map.get(id);
      if (list) insertInFileOrder(list, value);
      else map.set(id, [value]);
    };
    const actorRefs: IdReference[] = [];
    const conceptRefs: IdReference[] = [];
    const withReferences = !this.definitionsAndAliasesOnly;
    const ref = (list: IdReference[], located: Located<string> | undefined, role: ReferenceRole, claim?: ClaimDef) => {
      if (located && withReferences) list.push({ id: located.value, uri, range: located.range, role, ...(claim ? { claim } : {}) });
    };
    const aliases: FileAlias[] = [];
    const aliasOwners = this.aliasOwnersByKey;
    const addAliases = function* (owner: ActorDef | EntityDef, entity: boolean): Generator<void, void> {
      if (!owner.id) return;
      for (const alias of owner.aliases) {
        if ((work += 1 + (alias.value.length >> 6)) >= REGISTRY_ITEMS_PER_STEP) {
          work = 0;
          yield;
        }
        const key = aliasKey(alias);
        if (!key) continue;
        // The pair says whether the owner is an entity, so that moving an id between actors and entities re-matches its texts.
        aliases.push({ key, pair: `${alias.value}\u0000${owner.id.value}${entity ? '\u0000entity' : ''}` });
        addTo(aliasOwners, key, { actorId: owner.id.value, uri, alias, ...(entity ? { entity: true as const } : {}) });
      }
    };
    for (const actor of file.actors) {
      if ((work += 1 + actor.relations.length) >= REGISTRY_ITEMS_PER_STEP) {
        work = 0;
        yield;
      }
      addTo(this.actorDefs, actor.id?.value, actor);
      ref(actorRefs, actor.id, 'definition');
      for (const relation of withReferences ? actor.relations : []) {
        ref(actorRefs, relation.target, 'relation-target');
        if (!actor.id || !relation.type || !relation.target) continue;
        const stated: StatedRelation = { subject: actor.id.value, type: relation.type.value, target: relation.target.value, uri, relation };
        addTo(this.relationsByPairKey, pairKey(stated.subject, stated.target), stated);
        if (HIERARCHY_RELATIONS.includes(stated.type)) addTo(this.hierarchyEdgesBySubject, stated.subject, stated);
      }
      yield* addAliases(actor, false);
    }
    // Entities share the actors' id namespace: their definitions and references are kept with the actors'.
    for (const entity of file.entities) {
      if (++work >= REGISTRY_ITEMS_PER_STEP) {
        work = 0;
        yield;
      }
      addTo(this.entityDefs, entity.id?.value, entity);
      ref(actorRefs, entity.id, 'definition');
      yield* addAliases(entity, true);
    }
    for (const concept of file.concepts) {
      addTo(this.conceptDefs, concept.id?.value, concept);
      ref(conceptRefs, concept.id, 'definition');
    }
    const annotation = withReferences ? file.textAnnotation : undefined;
    if (annotation) {
      for (const author of annotation.authors) ref(actorRefs, author, 'author');
      for (const contributor of annotation.contributors) ref(actorRefs, contributor.actor, 'contributor');
      for (const mention of annotation.mentions) for (const id of mention.actors) ref(actorRefs, id, 'mention-actor');
      for (const claim of annotation.claims) {
        if ((work += 1 + claim.about.length) >= REGISTRY_ITEMS_PER_STEP) {
          work = 0;
          yield;
        }
        if (claim.id) this.addClaimDefinition(claim.id.value, { claim, uri });
        if (claim.stance) addTo(this.stancesByKey, stanceKey(claim), { claim, uri, stance: claim.stance.value });
        ref(actorRefs, claim.claimant, 'claimant', claim);
        for (const about of claim.about) ref(actorRefs, about, 'about', claim);
        ref(actorRefs, claim.onBehalfOf, 'on-behalf-of', claim);
        for (const relay of claim.reportedBy) ref(actorRefs, relay, 'reported-by', claim);
        ref(conceptRefs, claim.concept, 'concept', claim);
      }
    }
    if (withReferences) this.referencedIdsByFile.set(uri, { actors: [...new Set(actorRefs.map((r) => r.id))], concepts: [...new Set(conceptRefs.map((r) => r.id))] });
    for (const [refs, list] of [[this.actorRefs, actorRefs], [this.conceptRefs, conceptRefs]] as const) {
      for (const reference of list) {
        if (++work >= REGISTRY_ITEMS_PER_STEP) {
          work = 0;
          yield;
        }
        const byFile = refs.get(reference.id) ?? new Map<string, IdReference[]>();
        const inFile = byFile.get(uri);
        if (inFile) inFile.push(reference);
        else byFile.set(uri, [reference]);
        refs.set(reference.id, byFile);
      }
    }
    if (aliases.length) this.fileAliases.set(uri, aliases);
  }

  /** Forgets everything `add` indexed for this file (`old`, stored under `uri`). */
  remove(uri: string, old: AnnotationFile): void {
    drain(this.removeInSteps(uri, old));
  }

  /** `remove` a step at a time (CLAIMS_PER_REMOVAL_STEP claims per step): an edit to a file of 70,000 claims forgets the old version without holding the server. */
  *removeInSteps(uri: string, old: AnnotationFile): Generator<void, void> {
    const removeFrom = <T extends { uri: string }>(map: Map<string, T[]>, id: string | undefined) => {
      if (id === undefined) return;
      const kept = (map.get(id) ?? []).filter((d) => d.uri !== uri);
      if (kept.length) map.set(id, kept);
      else map.delete(id);
    };
    for (const actor of old.actors) removeFrom(this.actorDefs, actor.id?.value);
    for (const entity of old.entities) removeFrom(this.entityDefs, entity.id?.value);
    for (const concept of old.concepts) removeFrom(this.conceptDefs, concept.id?.value);
    let removed = 0;
    for (const claim of old.textAnnotation?.claims ?? []) {
      if (claim.id) this.removeClaimDefinitions(claim.id.value, uri);
      removeFrom(this.stancesByKey, stanceKey(claim));
      if (++removed % CLAIMS_PER_REMOVAL_STEP === 0) yield;
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
    for (const { key } of this.fileAliases.get(uri) ?? []) {
      const owners = this.aliasOwnersByKey.get(key);
      if (!owners) continue;
      const kept = owners.filter((owner) => owner.uri !== uri);
      if (kept.length) this.aliasOwnersByKey.set(key, kept);
      else this.aliasOwnersByKey.delete(key);
    }
    this.fileAliases.delete(uri);
  }

  /** An annotation file's aliases, in file order. */
  aliasesOf(uri: string): FileAlias[] {
    return this.fileAliases.get(uri) ?? [];
  }

  /** The first definition of an actor id (sorted by file), if any. */
  actor(id: string): ActorDef | undefined {
    return this.actorDefs.get(id)?.[0];
  }

  actorDefinitions(id: string): ActorDef[] {
    return this.actorDefs.get(id) ?? [];
  }

  sortedActorIds(): string[] {
    return [...this.actorDefs.keys()].sort();
  }

  /** Every entity id (format v1.1) with its definitions, each id's sorted by file. */
  entitiesById(): ReadonlyMap<string, readonly EntityDef[]> {
    return this.entityDefs;
  }

  concept(id: string): ConceptDef | undefined {
    return this.conceptDefs.get(id)?.[0];
  }

  conceptDefinitions(id: string): ConceptDef[] {
    return this.conceptDefs.get(id) ?? [];
  }

  sortedConceptIds(): string[] {
    return [...this.conceptDefs.keys()].sort();
  }

  claimDefinitions(id: string): ClaimEntry[] {
    const defined = this.claimDefs.get(id);
    return defined === undefined ? [] : Array.isArray(defined) ? defined : [defined];
  }

  private addClaimDefinition(id: string, entry: ClaimEntry): void {
    const defined = this.claimDefs.get(id);
    if (defined === undefined) this.claimDefs.set(id, entry);
    else if (Array.isArray(defined)) insertInFileOrder(defined, entry);
    else {
      this.claimDefs.set(id, insertInFileOrder([defined], entry));
      this.duplicatedClaimIds.add(id);
    }
  }

  private removeClaimDefinitions(id: string, uri: string): void {
    const defined = this.claimDefs.get(id);
    if (defined !== undefined && !Array.isArray(defined)) {
      // Defined once (nearly every claim): no lists to build.
      if (defined.uri === uri) this.claimDefs.delete(id);
      return;
    }
    const kept = this.claimDefinitions(id).filter((d) => d.uri !== uri);
    if (kept.length === 0) this.claimDefs.delete(id);
    else this.claimDefs.set(id, kept.length === 1 ? kept[0] : kept);
    if (kept.length < 2) this.duplicatedClaimIds.delete(id);
  }

  /** The claim ids defined more than once in the workspace. */
  claimIdsDefinedMoreThanOnce(): ReadonlySet<string> {
    return this.duplicatedClaimIds;
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

  /** The places with one role that name this actor id, in the order of `actorReferences`, without copying the others. */
  actorReferencesWithRole(id: string, role: ReferenceRole): IdReference[] {
    return referencesWithRole(this.actorRefs.get(id), role);
  }

  /** Every place in annotation files that names this concept id, definitions included. */
  conceptReferences(id: string): IdReference[] {
    return flattenReferences(this.conceptRefs.get(id));
  }

  /** The actors that have a normalised alias, in definition order. */
  aliasOwners(key: string): readonly AliasOwner[] {
    return this.aliasOwnersByKey.get(key) ?? [];
  }

  /** Every normalised alias some actor has. */
  aliasKeys(): IterableIterator<string> {
    return this.aliasOwnersByKey.keys();
  }

  /** What a normalised alias stands for now: its first spelling and its actors, or undefined when no actor has it. */
  aliasEntry(key: string): AliasEntry | undefined {
    const owners = this.aliasOwnersByKey.get(key);
    if (!owners) return undefined;
    const actorIds: string[] = [];
    for (const owner of owners) if (!actorIds.includes(owner.actorId)) actorIds.push(owner.actorId);
    return { alias: owners[0].alias.value, actorIds };
  }

  aliasEntries(): Map<string, AliasEntry> {
    const entries = new Map<string, AliasEntry>();
    for (const key of this.aliasOwnersByKey.keys()) entries.set(key, this.aliasEntry(key)!);
    return entries;
  }
}

/** The aliases whose pairs differ between two versions of one file's aliases, and which of them it has now. */
export function aliasChange(before: readonly FileAlias[], after: readonly FileAlias[]): AliasChange {
  const pairsByKey = (list: readonly FileAlias[]) => {
    const byKey = new Map<string, string>();
    for (const { key, pair } of list) byKey.set(key, byKey.has(key) ? `${byKey.get(key)}\u0001${pair}` : pair);
    return byKey;
  };
  const old = pairsByKey(before);
  const now = pairsByKey(after);
  const changed: string[] = [];
  for (const [key, pairs] of old) if (now.get(key) !== pairs) changed.push(key);
  for (const key of now.keys()) if (!old.has(key)) changed.push(key);
  return { changed, present: changed.filter((key) => now.has(key)) };
}

/** Adds a definition to a list kept in file order (files by uri), as a fresh build has it, whatever order the files were updated in. */
function insertInFileOrder<T extends { uri: string }>(list: T[], value: T): T[] {
  let at = list.length;
  while (at > 0 && list[at - 1].uri > value.uri) at--;
  // At the end (files are loaded in order, and a file's own definitions come in file order), a push: splice builds an array of what it removes.
  if (at === list.length) list.push(value);
  else list.splice(at, 0, value);
  return list;
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
