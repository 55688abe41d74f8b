import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic, Located, Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { displayLocation } from '../describe';

/** `duplicate-id`: actor, concept and claim ids must each be unique across the workspace. */
export function checkDuplicateIds(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  const check = (kind: string, id: Located<string> | undefined, others: readonly { uri: string; range: Span }[]) => {
    if (!id || others.length < 2) return;
    const elsewhere = others.filter((other) => !(other.uri === file.uri && other.range.start <= id.range.start && id.range.end <= other.range.end));
    if (elsewhere.length === 0) return;
    const where = elsewhere.map((other) => displayLocation(index, other.uri, other.range.start)).join(', ');
    diagnostics.push(makeDiagnostic(file.uri, id.range, 'duplicate-id', `The ${kind} id \`${id.value}\` is defined more than once (also at ${where}). Ids must be unique across the workspace: rename one of them.`, {
      related: elsewhere.map((other) => ({ uri: other.uri, range: other.range, message: `another ${kind} with the id \`${id.value}\`` })),
    }));
  };
  for (const actor of file.actors) {
    check('actor', actor.id, actor.id ? index.actorDefinitions(actor.id.value) : []);
  }
  for (const concept of file.concepts) {
    check('concept', concept.id, concept.id ? index.conceptDefinitions(concept.id.value) : []);
  }
  for (const claim of file.textAnnotation?.claims ?? []) {
    const others = claim.id ? index.claimDefinitions(claim.id.value).map((c) => ({ uri: c.uri, range: c.claim.range })) : [];
    check('claim', claim.id, others);
  }
  return diagnostics;
}
