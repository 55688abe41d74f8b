import { canonicalUri } from '../uris';
import type { Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { referencesInAnnotations, referencesInText, referenceTargetAt } from './references';

/** `definition` marks where an id is defined; `reference` every other use (an id in YAML, a mention in a text). */
export interface Highlight {
  range: Span;
  kind: 'definition' | 'reference';
}

/** Every occurrence, within this one file, of the actor, concept or claim under the cursor. */
export function findHighlights(index: WorkspaceView, uri: string, offset: number): Highlight[] {
  uri = canonicalUri(uri);
  const target = referenceTargetAt(index, uri, offset);
  if (!target) return [];
  if (!index.isAnnotationFile(uri)) {
    return referencesInText(index, uri, target).map((location) => ({ range: location.range, kind: 'reference' }));
  }
  const inThisFile = (location: { uri: string }) => location.uri === uri;
  const all = referencesInAnnotations(index, target, { includeDeclaration: true }).filter(inThisFile);
  const uses = new Set(referencesInAnnotations(index, target, { includeDeclaration: false }).filter(inThisFile).map((l) => l.range.start));
  return all.map((location) => ({ range: location.range, kind: uses.has(location.range.start) ? 'reference' : 'definition' }));
}
