import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';

/** `actor-unused`: an actor that no text mentions and no annotation references. */
export function checkActorUsage(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  if (file.actors.length === 0) return [];
  const diagnostics: CoreDiagnostic[] = [];
  for (const actor of file.actors) {
    const id = actor.id;
    if (!id || index.textsWithMentionOf(id.value).size > 0) continue;
    if (index.actorReferences(id.value).some((r) => r.role !== 'definition')) continue;
    diagnostics.push(makeDiagnostic(file.uri, id.range, 'actor-unused', `The actor \`${id.value}\` is never mentioned in a text and never referenced. Add aliases that catch its mentions, reference it from a claim or relation, or remove it.`));
  }
  return diagnostics;
}
