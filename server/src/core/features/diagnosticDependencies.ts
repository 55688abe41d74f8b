import type { AnnotationFile } from '../model';
import { resolveTextReference } from '../uris';
import type { WorkspaceIndex } from '../workspaceIndex';

/** Codes whose messages depend on the whole set of defined ids (their "did you mean" suggestions). */
export const CODES_DEPENDING_ON_ALL_IDS = ['unknown-actor', 'unknown-concept'];

/** The files whose diagnostics can change when a text changes: the text and the annotation files anchored in it. */
export function dependentsOfTextChange(index: WorkspaceIndex, textUri: string): Set<string> {
  return new Set([textUri, ...index.annotationsOf(textUri)]);
}

/**
 * The files whose diagnostics can change when an annotation file changes
 * from `before` to `after` (either may be absent: created or deleted). The
 * index already holds `after`. `filesWithUnknownIds` are the files whose
 * diagnostics include a code in CODES_DEPENDING_ON_ALL_IDS.
 */
export function dependentsOfAnnotationChange(
  index: WorkspaceIndex,
  uri: string,
  before: AnnotationFile | undefined,
  after: AnnotationFile | undefined,
  filesWithUnknownIds: Iterable<string>,
): Set<string> {
  const affected = new Set<string>([uri]);
  for (const file of [before, after]) {
    const textUri = textUriOf(index, file);
    if (textUri) affected.add(textUri);
  }
  const addAll = (uris: Iterable<string>) => {
    for (const other of uris) affected.add(other);
  };

  const actors = compareIds(before, after, (file) => file.actors.map((a) => a.id?.value));
  for (const id of actors.changed) addAll(index.actorReferences(id).map((r) => r.uri));
  for (const id of actors.all) addAll(index.actorDefinitions(id).map((d) => d.uri));

  const concepts = compareIds(before, after, (file) => file.concepts.map((c) => c.id?.value));
  for (const id of concepts.changed) addAll(index.conceptReferences(id).map((r) => r.uri));
  for (const id of concepts.all) addAll(index.conceptDefinitions(id).map((d) => d.uri));

  const claims = compareIds(before, after, (file) => (file.textAnnotation?.claims ?? []).map((c) => c.id?.value));
  for (const id of claims.all) addAll(index.claimDefinitions(id).map((d) => d.uri));

  if (actors.changed.size > 0 || concepts.changed.size > 0) addAll(filesWithUnknownIds);
  return affected;
}

/** Where an annotation file's `text:` leads, if inside the workspace. */
function textUriOf(index: WorkspaceIndex, file: AnnotationFile | undefined): string | undefined {
  const path = file?.textAnnotation?.text?.value;
  if (!file || path === undefined) return undefined;
  const reference = resolveTextReference(file.uri, path, index.workspaceFolders);
  return reference.kind === 'ok' ? reference.uri : undefined;
}

/**
 * The ids a file defines before and after a change: `changed` are those whose
 * number of definitions in the file differs, `all` those defined either time.
 */
function compareIds(before: AnnotationFile | undefined, after: AnnotationFile | undefined, idsOf: (file: AnnotationFile) => (string | undefined)[]): { changed: Set<string>; all: Set<string> } {
  const count = (file: AnnotationFile | undefined) => {
    const counts = new Map<string, number>();
    for (const id of file ? idsOf(file) : []) if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  const old = count(before);
  const now = count(after);
  const all = new Set([...old.keys(), ...now.keys()]);
  const changed = new Set([...all].filter((id) => old.get(id) !== now.get(id)));
  return { changed, all };
}
