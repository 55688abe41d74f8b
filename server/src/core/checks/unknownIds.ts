import { makeDiagnostic } from '../diagnosticCodes';
import { closestMatches, didYouMeanSuffix } from '../didYouMean';
import type { AnnotationFile, CoreDiagnostic, Located } from '../model';
import type { WorkspaceIndex } from '../workspaceIndex';

/** `unknown-actor` and `unknown-concept`: every id a file refers to must be defined somewhere. */
export function checkUnknownIds(index: WorkspaceIndex, file: AnnotationFile): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  let actorIds: string[] | undefined;
  const actor = (located: Located<string> | undefined, role: string) => {
    if (!located || index.actor(located.value)) return;
    actorIds ??= index.actorIds();
    const suggestions = closestMatches(located.value, actorIds);
    diagnostics.push(makeDiagnostic(file.uri, located.range, 'unknown-actor', `No actor has the id \`${located.value}\` (used as ${role}).${didYouMeanSuffix(suggestions)} Use an existing actor id, or define this actor in an actors file.`, { data: { suggestions, id: located.value } }));
  };
  for (const definition of file.actors) {
    for (const relation of definition.relations) actor(relation.target, 'a relation target');
  }
  const annotation = file.textAnnotation;
  if (annotation) {
    actor(annotation.author, 'the author');
    for (const mention of annotation.mentions) actor(mention.actor, 'the mentioned actor');
    for (const claim of annotation.claims) {
      actor(claim.claimant, 'the claimant');
      for (const about of claim.about) actor(about, 'an actor the claim is about');
      const concept = claim.concept;
      if (concept && !index.concept(concept.value)) {
        const suggestions = closestMatches(concept.value, index.conceptIds());
        diagnostics.push(makeDiagnostic(file.uri, concept.range, 'unknown-concept', `No concept has the id \`${concept.value}\`.${didYouMeanSuffix(suggestions)} Use an existing concept id, or define this concept in a concepts file.`, { data: { suggestions, id: concept.value } }));
      }
    }
  }
  return diagnostics;
}
