import { displayPath } from '../describe';
import type { AnnotationFile, Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';

/** A symbol found by a workspace-wide search. */
export interface WorkspaceSymbolEntry {
  name: string;
  category: 'actor' | 'entity' | 'concept' | 'claim';
  /** Where it belongs: the actor's name, the concept's label, or the claim's file. */
  container: string;
  uri: string;
  range: Span;
}

/** True when every character of the query appears in the candidate in order, ignoring case (as editors filter). */
export function matchesQuery(query: string, candidate: string): boolean {
  if (query === '') return true;
  const lowerQuery = query.toLowerCase();
  const lower = candidate.toLowerCase();
  let at = 0;
  for (const ch of lowerQuery) {
    at = lower.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

/** The actors, entities, concepts and claims of one annotation file that match a query, by id or name. */
export function workspaceSymbolsInFile(index: WorkspaceView, file: AnnotationFile, query: string): WorkspaceSymbolEntry[] {
  const found: WorkspaceSymbolEntry[] = [];
  for (const [category, named] of [['actor', file.actors], ['entity', file.entities]] as const) {
    for (const actor of named) {
      if (!actor.id) continue;
      const name = actor.name?.value ?? '';
      if (matchesQuery(query, actor.id.value) || matchesQuery(query, name)) {
        found.push({ name: actor.id.value, category, container: name, uri: file.uri, range: actor.id.range });
      }
    }
  }
  for (const concept of file.concepts) {
    if (!concept.id) continue;
    const label = concept.label?.value ?? '';
    if (matchesQuery(query, concept.id.value) || matchesQuery(query, label)) {
      found.push({ name: concept.id.value, category: 'concept', container: label, uri: file.uri, range: concept.id.range });
    }
  }
  const claims = file.textAnnotation?.claims ?? [];
  if (claims.length > 0) {
    const container = displayPath(index, file.uri);
    for (const claim of claims) {
      if (claim.id && matchesQuery(query, claim.id.value)) {
        found.push({ name: claim.id.value, category: 'claim', container, uri: file.uri, range: claim.id.range });
      }
    }
  }
  return found;
}

/** Workspace symbols: actors and claims (and concepts), by name or id, across every annotation file. */
export function workspaceSymbols(index: WorkspaceView, query: string): WorkspaceSymbolEntry[] {
  return index.annotationFiles().flatMap((file) => workspaceSymbolsInFile(index, file, query));
}
