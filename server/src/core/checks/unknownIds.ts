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
  private actorOrEntityIdList?: string[];
  private conceptIdList?: string[];
  private actorNames?: Map<string, string>;
  private conceptLabels?: Map<string, string>;

  constructor(private readonly index: WorkspaceView) {}

  validActorIds(): string[] {
    return (this.actorIdList ??= this.index.actorIds().filter((id) => ID_PATTERN.test(id)));
  }

  /** Where a named thing may stand (`about`, a mention): actor and entity ids. */
  validActorOrEntityIds(): string[] {
    return (this.actorOrEntityIdList ??= [...this.validActorIds(), ...this.index.entityIds().filter((id) => ID_PATTERN.test(id))].sort());
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

/**
 * The message and suggestions for an actor reference that names no actor.
 * `entitiesAllowed`: the place may name an entity too (`about`, a mention),
 * so entity ids are suggested; elsewhere an entity is named as the mistake.
 */
function unknownActor(registry: Registry, index: WorkspaceView, value: string, role: string, entitiesAllowed: boolean): { message: string; suggestions: string[] } {
  if (!entitiesAllowed && index.entity(value)) {
    return { message: `\`${value}\` is an entity (a named thing that is not an actor), and entities are never ${role === 'the claimant' ? 'claimants' : 'actors'}; ${role} must be an actor id. Use the id of the actor meant here${role === 'the claimant' ? ', and name the entity under `about`' : ''}.`, suggestions: [] };
  }
  const named = registry.actorNamed(value);
  if (named) {
    return { message: `\`${value}\` is the name of the actor \`${named}\`, not its id; ${role} must be an actor id. Write \`${named}\`.`, suggestions: [named] };
  }
  if (index.concept(value)) {
    return { message: `\`${value}\` is a concept, not an actor; ${role} must be an actor id. Use the id of the actor meant here, or put the concept under \`concept\`.`, suggestions: [] };
  }
  const suggestions = closestMatches(value, entitiesAllowed ? registry.validActorOrEntityIds() : registry.validActorIds());
  if (entitiesAllowed) {
    return { message: `No actor or entity has the id \`${value}\` (used as ${role}).${didYouMeanSuffix(suggestions)} Use an existing actor or entity id, or define it under \`actors:\` or \`entities:\`.`, suggestions };
  }
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
  if (index.entity(value)) {
    return { message: `\`${value}\` is an entity, not a concept; \`concept\` must be a concept id (the proposition the claim supports or rejects). Put entities the claim is about under \`about\`.`, suggestions: [] };
  }
  const suggestions = closestMatches(value, registry.validConceptIds());
  return { message: `No concept has the id \`${value}\`.${didYouMeanSuffix(suggestions)} Use an existing concept id, or define this concept in a concepts file.`, suggestions };
}

/**
 * `unknown-actor` and `unknown-concept`: every id a file refers to must be
 * defined somewhere. `about` and mentions may name entities; a claimant,
 * author or relation target naming an entity is reported (entities are
 * never actors). The message says when the value is something else (a
 * concept where an actor belongs, an actor where a concept belongs, a name
 * or label instead of an id).
 */
export function checkUnknownIds(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  const registry = new Registry(index);
  const actor = (located: Located<string> | undefined, role: string, entitiesAllowed = false) => {
    if (!located || index.actor(located.value) || (entitiesAllowed && index.entity(located.value))) return;
    const { message, suggestions } = unknownActor(registry, index, located.value, role, entitiesAllowed);
    diagnostics.push(makeDiagnostic(file.uri, located.range, 'unknown-actor', message, { data: { suggestions, id: located.value } }));
  };
  for (const definition of file.actors) {
    for (const relation of definition.relations) actor(relation.target, 'a relation target');
  }
  const annotation = file.textAnnotation;
  if (annotation) {
    for (const author of annotation.authors) actor(author, 'the author');
    for (const contributor of annotation.contributors) actor(contributor.actor, 'a contributor');
    for (const mention of annotation.mentions) for (const id of mention.actors) actor(id, 'the mentioned actor', true);
    for (const claim of annotation.claims) {
      actor(claim.claimant, 'the claimant');
      for (const about of claim.about) actor(about, 'an actor or entity the claim is about', true);
      actor(claim.onBehalfOf, '`on-behalf-of`');
      for (const relay of claim.reportedBy) actor(relay, '`reported-by`');
      const concept = claim.concept;
      if (concept && !index.concept(concept.value)) {
        const { message, suggestions } = unknownConcept(registry, index, concept.value);
        diagnostics.push(makeDiagnostic(file.uri, concept.range, 'unknown-concept', message, { data: { suggestions, id: concept.value } }));
      }
    }
  }
  return diagnostics;
}
