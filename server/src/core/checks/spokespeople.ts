import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';

/**
 * `on-behalf-of-person`: a claim's `on-behalf-of` names the organization the
 * claimant speaks for (a spokesperson for a ministry); a person there is
 * most likely the claimant itself, or an actor of the wrong kind.
 */
export function checkSpokespeople(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  for (const claim of file.textAnnotation?.claims ?? []) {
    const onBehalfOf = claim.onBehalfOf;
    const definition = onBehalfOf && index.actor(onBehalfOf.value);
    if (!onBehalfOf || definition?.kind?.value !== 'person') continue;
    diagnostics.push(makeDiagnostic(file.uri, onBehalfOf.range, 'on-behalf-of-person', `\`${onBehalfOf.value}\` is a person, but \`on-behalf-of\` names the organization the claimant speaks for (a spokesperson speaks for a ministry). Name that organization here, or fix the kind of \`${onBehalfOf.value}\`.`, {
      related: definition.kind ? [{ uri: definition.uri, range: definition.kind.range, message: `\`${onBehalfOf.value}\` is a person` }] : [],
    }));
  }
  return diagnostics;
}
