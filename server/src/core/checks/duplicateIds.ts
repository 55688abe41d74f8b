import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic, Located, Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { displayLocation } from '../describe';

interface Definition {
  uri: string;
  range: Span;
  kind: string;
}

/**
 * `duplicate-id`: actor, concept and claim ids must each be unique across
 * the workspace, and entity ids (format v1.1) share one namespace with
 * actors and concepts: an entity may not reuse an actor's or a concept's id.
 */
export function checkDuplicateIds(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  const check = (kind: string, id: Located<string> | undefined, others: readonly Definition[]) => {
    if (!id || others.length < 2) return;
    const elsewhere = others.filter((other) => !(other.uri === file.uri && other.range.start <= id.range.start && id.range.end <= other.range.end));
    if (elsewhere.length === 0) return;
    const where = elsewhere.map((other) => `${other.kind === kind ? '' : `${article(other.kind)} ${other.kind} `}${displayLocation(index, other.uri, other.range.start)}`).join(', ');
    diagnostics.push(makeDiagnostic(file.uri, id.range, 'duplicate-id', `The ${kind} id \`${id.value}\` is defined more than once (also at ${where}). Ids must be unique across the workspace (actors, entities and concepts share one namespace): rename one of them.`, {
      related: elsewhere.map((other) => ({ uri: other.uri, range: other.range, message: `another ${other.kind} with the id \`${id.value}\`` })),
    }));
  };
  const definitions = (id: string, kinds: readonly ('actor' | 'entity' | 'concept')[]): Definition[] =>
    kinds.flatMap((kind) => {
      const defs = kind === 'actor' ? index.actorDefinitions(id) : kind === 'entity' ? index.entityDefinitions(id) : index.conceptDefinitions(id);
      return defs.map((def) => ({ uri: def.uri, range: def.range, kind }));
    });
  for (const actor of file.actors) {
    check('actor', actor.id, actor.id ? definitions(actor.id.value, ['actor', 'entity']) : []);
  }
  for (const entity of file.entities) {
    check('entity', entity.id, entity.id ? definitions(entity.id.value, ['entity', 'actor', 'concept']) : []);
  }
  for (const concept of file.concepts) {
    check('concept', concept.id, concept.id ? definitions(concept.id.value, ['concept', 'entity']) : []);
  }
  // Almost every claim id is defined once: only those defined more than once are looked up (70,000 claims in one step).
  const duplicated = index.claimIdsDefinedMoreThanOnce();
  if (duplicated.size > 0) {
    for (const claim of file.textAnnotation?.claims ?? []) {
      if (!claim.id || !duplicated.has(claim.id.value)) continue;
      check('claim', claim.id, index.claimDefinitions(claim.id.value).map((c) => ({ uri: c.uri, range: c.claim.range, kind: 'claim' })));
    }
  }
  return diagnostics;
}

function article(kind: string): string {
  return /^[aeiou]/.test(kind) ? 'an' : 'a';
}
