import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic } from '../model';
import { stanceScore } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';

/**
 * `stance-conflict`: a claimant that both supports and rejects one concept,
 * anywhere in the workspace: stances whose scores have opposite signs
 * (`supports` 1 and `rejects` −1, or a workspace's own). A stance scoring 0
 * (`neutral`, `ambivalent`) conflicts with none.
 */
export function checkStances(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  const vocabulary = index.config.vocabulary;
  for (const claim of file.textAnnotation?.claims ?? []) {
    if (!claim.claimant || !claim.concept || !claim.stance) continue;
    const sign = Math.sign(stanceScore(vocabulary, claim.stance.value));
    if (sign === 0) continue;
    const opposite = index.stancesOf(claim.claimant.value, claim.concept.value).filter((s) => Math.sign(stanceScore(vocabulary, s.stance)) === -sign);
    if (opposite.length === 0) continue;
    const ids = opposite.map((o) => `\`${o.claim.id?.value ?? 'unnamed'}\``).join(', ');
    diagnostics.push(makeDiagnostic(file.uri, claim.stance.range, 'stance-conflict', `\`${claim.claimant.value}\` ${claim.stance.value} \`${claim.concept.value}\` here but ${opposite[0].stance} it in ${ids}. Check both claims: fix a stance or a claimant, or accept that the actor changed position.`, {
      related: opposite.map((o) => ({ uri: o.uri, range: o.claim.stance?.range ?? o.claim.range, message: `claim ${o.claim.id?.value ?? ''} ${o.stance} ${claim.concept!.value}` })),
    }));
  }
  return diagnostics;
}
