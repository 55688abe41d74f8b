import { makeDiagnostic } from '../diagnosticCodes';
import { closestMatches, didYouMeanSuffix } from '../didYouMean';
import type { AnnotationFile, CoreDiagnostic, Located } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { ID_PATTERN } from '../syntax/yamlFields';

/** A name or label as people vary it: case, spacing and a closing full stop ignored. */
function nameKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/\.$/, '').toLowerCase();
}

/**
 * What a file's ids are checked against, built on the first unknown id: the
 * valid ids (a did-you-mean never suggests an id that is itself invalid),
 * and the ids by actor name and by concept label.
 */
class Registry {
  private actorIdList?: string[];
  private conceptIdList?: string[];
  private actorNames?: Map<string, string>;
  private conceptLabels?: Map<string, string>;

  constructor(private readonly index: WorkspaceView) {}

  validActorIds(): string[] {
    return (this.actorIdList ??= this.index.actorIds().filter((id) => ID_PATTERN.test(id)));
  }

  validConceptIds(): string[] {
    return (this.conceptIdList ??= this.index.conceptIds().filter((id) => ID_PATTERN.test(id)));
  }

  actorNamed(name: string): string | undefined {
    this.actorNames ??= new Map(this.validActorIds().flatMap((id) => {
      const actorName = this.index.actor(id)?.name?.value;
      return actorName ? [[nameKey(actorName), id] as const] : [];
    }));
    return this.actorNames.get(nameKey(name));
  }

  conceptLabelled(label: string): string | undefined {
    this.conceptLabels ??= new Map(this.validConceptIds().flatMap((id) => {
      const conceptLabel = this.index.concept(id)?.label?.value;
      return conceptLabel ? [[nameKey(conceptLabel), id] as const] : [];
    }));
    return this.conceptLabels.get(nameKey(label));
  }
}

/** The message and suggestions for an actor reference that names no actor. */
function unknownActor(registry: Registry, index: WorkspaceView, value: string, role: string): { message: string; suggestions: string[] } {
  const named = registry.actorNamed(value);
  if (named) {
    return { message: `\`${value}\` is the name of the actor \`${named}\`, not its id; ${role} must be an actor id. Write \`${named}\`.`, suggestions: [named] };
  }
  if (index.concept(value)) {
    return { message: `\`${value}\` is a concept, not an actor; ${role} must be an actor id. Use the id of the actor meant here, or put the concept under \`concept\`.`, suggestions: [] };
  }
  const suggestions = closestMatches(value, registry.validActorIds());
  return { message: `No actor has the id \`${value}\` (used as ${role}).${didYouMeanSuffix(suggestions)} Use an existing actor id, or define this actor in an actors file.`, suggestions };
}

/** The message and suggestions for a concept reference that names no concept. */
function unknownConcept(registry: Registry, index: WorkspaceView, value: string): { message: string; suggestions: string[] } {
  const labelled = registry.conceptLabelled(value);
  if (labelled) {
    return { message: `\`${value}\` is the label of the concept \`${labelled}\`, not its id; \`concept\` must be a concept id. Write \`concept: ${labelled}\`.`, suggestions: [labelled] };
  }
  if (index.actor(value)) {
    return { message: `\`${value}\` is an actor, not a concept; \`concept\` must be a concept id (the proposition the claim supports or rejects). Put actors the claim is about under \`about\`.`, suggestions: [] };
  }
  const suggestions = closestMatches(value, registry.validConceptIds());
  return { message: `No concept has the id \`${value}\`.${didYouMeanSuffix(suggestions)} Use an existing concept id, or define this concept in a concepts file.`, suggestions };
}

/**
 * `unknown-actor` and `unknown-concept`: every id a file refers to must be
 * defined somewhere. The message says when the value is something else (a
 * concept where an actor belongs, an actor where a concept belongs, a name
 * or label instead of an id).
 */
export function checkUnknownIds(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  const registry = new Registry(index);
  const actor = (located: Located<string> | undefined, role: string) => {
    if (!located || index.actor(located.value)) return;
    const { message, suggestions } = unknownActor(registry, index, located.value, role);
    diagnostics.push(makeDiagnostic(file.uri, located.range, 'unknown-actor', message, { data: { suggestions, id: located.value } }));
  };
  for (const definition of file.actors) {
    for (const relation of definition.relations) actor(relation.target, 'a relation target');
  }
  const annotation = file.textAnnotation;
  if (annotation) {
    actor(annotation.author, 'the author');
    for (const mention of annotation.mentions) for (const id of mention.actors) actor(id, 'the mentioned actor');
    for (const claim of annotation.claims) {
      actor(claim.claimant, 'the claimant');
      for (const about of claim.about) actor(about, 'an actor the claim is about');
      const concept = claim.concept;
      if (concept && !index.concept(concept.value)) {
        const { message, suggestions } = unknownConcept(registry, index, concept.value);
        diagnostics.push(makeDiagnostic(file.uri, concept.range, 'unknown-concept', message, { data: { suggestions, id: concept.value } }));
      }
    }
  }
  return diagnostics;
}
