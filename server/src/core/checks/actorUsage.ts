import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic } from '../model';
import { ALL_INPUTS, type WorkspaceIndex } from '../workspaceIndex';

/** Actor ids mentioned in at least one text. */
function mentionedActors(index: WorkspaceIndex): Set<string> {
  return index.memo('mentioned-actors', ALL_INPUTS, () => {
    const mentioned = new Set<string>();
    for (const uri of index.referencedTexts()) {
      for (const mention of index.analysis(uri)?.mentions ?? []) {
        for (const id of mention.actorIds ?? [mention.actorId]) mentioned.add(id);
      }
    }
    return mentioned;
  });
}

/** `actor-unused`: an actor that no text mentions and no annotation references. */
export function checkActorUsage(index: WorkspaceIndex, file: AnnotationFile): CoreDiagnostic[] {
  if (file.actors.length === 0) return [];
  const mentioned = mentionedActors(index);
  const diagnostics: CoreDiagnostic[] = [];
  for (const actor of file.actors) {
    const id = actor.id;
    if (!id || mentioned.has(id.value)) continue;
    if (index.actorReferences(id.value).some((r) => r.role !== 'definition')) continue;
    diagnostics.push(makeDiagnostic(file.uri, id.range, 'actor-unused', `The actor \`${id.value}\` is never mentioned in a text and never referenced. Add aliases that catch its mentions, reference it from a claim or relation, or remove it.`));
  }
  return diagnostics;
}
