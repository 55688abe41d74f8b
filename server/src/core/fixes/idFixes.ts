import type { CoreDiagnostic } from '../model';
import { appendListItem, replaceScalar, yamlScalar } from '../edits/yamlEdits';
import type { WorkspaceView } from '../workspace/workspaceView';
import { quickFix, type CodeFix } from './codeFix';

/** The file that holds most of a registry (actors or concepts), or the given file when none does. */
function registryFile(index: WorkspaceView, key: 'actors' | 'concepts', fallback: string): string {
  let best: { uri: string; count: number } | undefined;
  for (const file of index.annotationFiles()) {
    const count = file[key].length;
    if (count > 0 && (!best || count > best.count)) best = { uri: file.uri, count };
  }
  return best?.uri ?? fallback;
}

/** "imran-kahn" → "Imran Kahn", a starting point for a stub's name. */
function titleFromId(id: string): string {
  return id.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/**
 * `unknown-actor` / `unknown-concept`: use a suggested id, or create a stub
 * definition. Only a did-you-mean with one clear candidate is a `fix`.
 */
export function fixUnknownId(index: WorkspaceView, diagnostic: CoreDiagnostic, registry: 'actors' | 'concepts', fixesOnly = false): CodeFix[] {
  const content = index.content(diagnostic.uri);
  const id = diagnostic.data?.id as string | undefined;
  if (content === undefined || id === undefined) return [];
  const located = { value: id, range: diagnostic.range };
  const suggestions = (diagnostic.data?.suggestions as string[] | undefined) ?? [];
  const fixes: CodeFix[] = suggestions.map((suggestion) =>
    quickFix(diagnostic, suggestions.length === 1 ? 'use-only-suggestion' : 'use-suggestion', `Change to \`${suggestion}\``, [replaceScalar(diagnostic.uri, content, located, suggestion)]));
  // A stub is a suggestion; building it re-reads the registry file, so it is skipped when only fixes are wanted.
  if (fixesOnly) return fixes;
  const target = registryFile(index, registry, diagnostic.uri);
  const targetContent = index.content(target);
  // Actors, entities and concepts share one id namespace: an id already defined as another kind gets no stub, which would be a duplicate id.
  const definedElsewhere = (registry === 'actors' ? index.concept(id) !== undefined : index.actor(id) !== undefined) || index.entity(id) !== undefined;
  if (targetContent !== undefined && !definedElsewhere && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
    const lines = registry === 'actors'
      ? [`id: ${id}`, `name: ${yamlScalar(titleFromId(id))}`, `kind: ${index.config.vocabulary.actorKinds[0]}  # stub: check the kind, add aliases and a description`]
      : [`id: ${id}`, `label: ${yamlScalar(titleFromId(id))}  # stub: state the proposition`];
    fixes.push(quickFix(diagnostic, 'create-definition', `Create ${registry === 'actors' ? 'actor' : 'concept'} \`${id}\` in ${target.slice(target.lastIndexOf('/') + 1)}`, [appendListItem(target, targetContent, registry, lines)]));
  }
  return fixes;
}
