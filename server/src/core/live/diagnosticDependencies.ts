import type { AnnotationFile } from '../model';
import { aliasKey } from '../aliasKeys';
import { resolveTextReference } from '../uris';
import { HIERARCHY_RELATIONS } from '../vocabulary';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** Codes whose messages depend on the whole set of defined ids (their "did you mean" suggestions). */
export const CODES_DEPENDING_ON_ALL_IDS = ['unknown-actor', 'unknown-concept'];

/**
 * What one annotation file contributes that other files' diagnostics can
 * depend on. Comparing it before and after an edit tells which other files
 * need their diagnostics refreshed; an edit that leaves it unchanged (a
 * description, a note, a quote) only concerns the file and its text.
 */
interface CrossFileFootprint {
  actorIds: Map<string, number>;
  conceptIds: Map<string, number>;
  claimIds: Map<string, number>;
  /** Actor ids the file refers to: claimants, about, relation targets, mentioned actors, the author. */
  actorReferences: Map<string, number>;
  /** Stances by claimant and concept, for conflicts across files. */
  stances: Map<string, number>;
  /** Aliases (normalised) with their actors: they decide the mentions in every text. */
  aliases: Map<string, number>;
  /** Each actor's kind (`id\0kind`): relation-kind checks in other files look at it. */
  kinds: Map<string, number>;
  /** Each relation (`subject\0type\0target`): contradictions and cycles are checked across files. */
  relations: Map<string, number>;
}

/** Work per step of the stepped functions here: items counted or visited, a key of 64 characters counting as one more. */
const WORK_PER_STEP = 2048;

/** Counts work for stepping: `due(key)` is true whenever WORK_PER_STEP more was done (an alias key of 3,000 characters is 48 items). */
function stepCounter(): (key?: string) => boolean {
  let work = 0;
  let next = WORK_PER_STEP;
  return (key) => {
    work += 1 + (key === undefined ? 0 : key.length >> 6);
    if (work < next) return false;
    next = work + WORK_PER_STEP;
    return true;
  };
}

function* footprintOf(file: AnnotationFile | undefined): Generator<void, CrossFileFootprint> {
  const due = stepCounter();
  const count = function* (values: Iterable<string | undefined>): Generator<void, Map<string, number>> {
    const counts = new Map<string, number>();
    for (const value of values) {
      if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
      if (due(value)) yield;
    }
    return counts;
  };
  const actors = file?.actors ?? [];
  // Entities share the actors' id namespace and alias matcher: they count as actor ids and aliases here.
  const named = [...actors, ...(file?.entities ?? [])];
  const annotation = file?.textAnnotation;
  const claims = annotation?.claims ?? [];
  const mentions = annotation?.mentions ?? [];
  const references = function* (): Generator<string | undefined> {
    for (const a of actors) for (const r of a.relations) yield r.target?.value;
    for (const a of annotation?.authors ?? []) yield a.value;
    for (const c of annotation?.contributors ?? []) yield c.actor?.value;
    for (const m of mentions) for (const id of m.actors) yield id.value;
    for (const c of claims) {
      yield c.claimant?.value;
      for (const a of c.about) yield a.value;
      yield c.onBehalfOf?.value;
      for (const r of c.reportedBy) yield r.value;
    }
  };
  return {
    actorIds: yield* count(named.map((a) => a.id?.value)),
    conceptIds: yield* count((file?.concepts ?? []).map((c) => c.id?.value)),
    claimIds: yield* count(claims.map((c) => c.id?.value)),
    actorReferences: yield* count(references()),
    stances: yield* count(claims.map((c) => (c.claimant && c.concept && c.stance ? `${c.claimant.value}\u0000${c.concept.value}\u0000${c.stance.value}` : undefined))),
    aliases: yield* count(named.flatMap((a) => a.aliases.map((alias) => `${aliasKey(alias)}\u0000${a.id?.value}`))),
    kinds: yield* count(actors.map((a) => `${a.id?.value}\u0000${a.kind?.value}`)),
    // With its period: relations whose periods do not overlap neither contradict nor duplicate each other.
    relations: yield* count(actors.flatMap((a) => a.relations.map((r) => `${a.id?.value}\u0000${r.type?.value}\u0000${r.target?.value}\u0000${r.from?.value ?? ''}\u0000${r.until?.value ?? ''}`))),
  };
}

/** The keys whose counts differ between two multisets, a step at a time. */
function* changedKeys(before: Map<string, number>, after: Map<string, number>): Generator<void, string[]> {
  const due = stepCounter();
  const changed: string[] = [];
  for (const [key, count] of before) {
    if (after.get(key) !== count) changed.push(key);
    if (due(key)) yield;
  }
  for (const key of after.keys()) {
    if (!before.has(key)) changed.push(key);
    if (due(key)) yield;
  }
  return changed;
}

/** A text's contribution to workspace-wide views: whether it is loaded, and which actors and aliases it mentions. */
export function textMentionFootprint(index: WorkspaceIndex, textUri: string): string {
  const analysis = index.analysis(textUri);
  if (!analysis) return index.textStatus(textUri);
  const used = new Set(analysis.mentions.map((m) => `${(m.actorIds ?? [m.actorId]).join(',')}\u0000${m.alias ?? ''}`));
  return `loaded\u0001${[...used].sort().join('\u0001')}`;
}

/** Files that define actors: actor usage, alias and relation checks report in them. */
function actorDefiningFiles(index: WorkspaceIndex): string[] {
  return index.annotationFiles().filter((file) => file.actors.length > 0 || file.entities.length > 0).map((file) => file.uri);
}

/**
 * The files that define the aliases and actors whose use in texts changed
 * since the index last said: their alias-unused and actor-unused
 * diagnostics may have changed. Only those, so that an edit costs work in
 * proportion to what it changed, not to the size of the registry.
 */
function filesOfUsageChanges(index: WorkspaceIndex): string[] {
  const { aliasKeys, actorIds } = index.takeUsageChanges();
  const files = new Set<string>();
  for (const key of aliasKeys) for (const owner of index.aliasOwners(key)) files.add(owner.uri);
  for (const id of actorIds) for (const def of index.actorDefinitions(id)) files.add(def.uri);
  return [...files];
}

/** Whether a text counted as loaded, from its mention footprint. */
function footprintLoaded(footprint: string): boolean {
  return footprint.startsWith('loaded');
}

/**
 * The files whose diagnostics can change when a text changes: the text, the
 * annotation files anchored in it, and, when the actors it mentions changed,
 * the files that define the aliases and actors whose use changed (all the
 * files that define actors when the text became loaded or unloaded, which
 * can decide whether alias-unused applies at all).
 */
export function dependentsOfTextChange(index: WorkspaceIndex, textUri: string, mentionsBefore: string, mentionsAfter: string): Set<string> {
  const affected = new Set([textUri, ...index.annotationsOf(textUri)]);
  if (mentionsBefore === mentionsAfter) return affected;
  const usage = filesOfUsageChanges(index);
  for (const uri of footprintLoaded(mentionsBefore) !== footprintLoaded(mentionsAfter) ? actorDefiningFiles(index) : usage) affected.add(uri);
  return affected;
}

/**
 * The files whose diagnostics can change when an annotation file changes
 * from `before` to `after` (either may be absent: created or deleted). The
 * index already holds `after`. `filesWithUnknownIds` are the files whose
 * diagnostics include a code in CODES_DEPENDING_ON_ALL_IDS.
 */
export function* dependentsOfAnnotationChange(
  index: WorkspaceIndex,
  uri: string,
  before: AnnotationFile | undefined,
  after: AnnotationFile | undefined,
  filesWithUnknownIds: Iterable<string>,
): Generator<void, Set<string>> {
  const affected = new Set<string>([uri]);
  const due = stepCounter();
  const addAll = (uris: Iterable<string>) => {
    for (const other of uris) affected.add(other);
  };
  for (const file of [before, after]) {
    const textUri = file && textUriOf(index, file);
    if (textUri) addAll([textUri, ...index.annotationsOf(textUri)]);
  }
  const old = yield* footprintOf(before);
  const now = yield* footprintOf(after);

  const changedActors = yield* changedKeys(old.actorIds, now.actorIds);
  for (const id of changedActors) addAll(index.actorReferences(id).map((r) => r.uri));
  for (const id of new Set([...old.actorIds.keys(), ...now.actorIds.keys()])) {
    if (due()) yield;
    addAll(index.actorDefinitions(id).map((d) => d.uri));
    addAll(index.entityDefinitions(id).map((d) => d.uri));
    addAll(index.conceptDefinitions(id).map((d) => d.uri));
  }

  const changedConcepts = yield* changedKeys(old.conceptIds, now.conceptIds);
  for (const id of changedConcepts) addAll(index.conceptReferences(id).map((r) => r.uri));
  for (const id of new Set([...old.conceptIds.keys(), ...now.conceptIds.keys()])) {
    addAll(index.conceptDefinitions(id).map((d) => d.uri));
    addAll(index.entityDefinitions(id).map((d) => d.uri));
  }

  for (const id of new Set([...old.claimIds.keys(), ...now.claimIds.keys()])) {
    if (due()) yield;
    addAll(index.claimDefinitions(id).map((d) => d.uri));
  }
  for (const id of (yield* changedKeys(old.actorReferences, now.actorReferences))) addAll(index.actorDefinitions(id).map((d) => d.uri));
  for (const key of (yield* changedKeys(old.stances, now.stances))) {
    const claimant = key.split('\u0000')[0];
    addAll(index.actorReferences(claimant).filter((r) => r.role === 'claimant').map((r) => r.uri));
  }
  if (changedActors.length > 0 || changedConcepts.length > 0) addAll(filesWithUnknownIds);
  // An alias change reaches the texts whose mentions it can change (the index knows which) and their annotation files,
  // the files that share a changed alias (alias-conflict), and those whose aliases or actors became used or unused.
  const rematched = index.takeTextsRematchedByAliases();
  for (const textUri of rematched) addAll([textUri, ...index.annotationsOf(textUri)]);
  for (const pair of (yield* changedKeys(old.aliases, now.aliases))) addAll(index.aliasOwners(pair.slice(0, pair.indexOf('\u0000'))).map((owner) => owner.uri));
  // A kind decides relation-kind wherever the actor is a relation's target; a relation, contradictions with the other
  // relations between the same two actors. A part-of/member-of relation can close or open a cycle through any files, and
  // whether any text is loaded decides whether alias-unused applies at all: those reach every file that defines actors.
  for (const key of (yield* changedKeys(old.kinds, now.kinds))) {
    const id = key.slice(0, key.indexOf('\u0000'));
    addAll(index.actorDefinitions(id).map((d) => d.uri));
    // …and wherever it is a claim's on-behalf-of (a person there is a warning).
    addAll(index.actorReferences(id).filter((r) => r.role === 'relation-target' || r.role === 'on-behalf-of').map((r) => r.uri));
  }
  let everyActorFile = false;
  for (const key of (yield* changedKeys(old.relations, now.relations))) {
    const [subject, type, target] = key.split('\u0000');
    if (HIERARCHY_RELATIONS.includes(type)) everyActorFile = true;
    else addAll(index.relationsBetween(subject, target).map((r) => r.uri));
  }
  const textBefore = before && textUriOf(index, before);
  const textAfter = after && textUriOf(index, after);
  if (everyActorFile || textBefore !== textAfter) addAll(actorDefiningFiles(index));
  addAll(filesOfUsageChanges(index));
  return affected;
}

/** Where an annotation file's `text:` leads, if inside the workspace. */
function textUriOf(index: WorkspaceIndex, file: AnnotationFile): string | undefined {
  const path = file.textAnnotation?.text?.value;
  if (path === undefined) return undefined;
  const reference = resolveTextReference(file.uri, path, index.workspaceFolders);
  return reference.kind === 'ok' ? reference.uri : undefined;
}
