import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, ClaimDef, CoreDiagnostic } from '../model';
import type { WorkspaceIndex } from '../workspaceIndex';

interface StanceTaken {
  claim: ClaimDef;
  uri: string;
  stance: string;
}

/** Stances taken in the whole workspace, by claimant and concept. */
function stancesByClaimantAndConcept(index: WorkspaceIndex): Map<string, StanceTaken[]> {
  return index.memo('stances', ['annotations'], () => {
    const byKey = new Map<string, StanceTaken[]>();
    for (const file of index.annotationFiles()) {
      for (const claim of file.textAnnotation?.claims ?? []) {
        if (!claim.claimant || !claim.concept || !claim.stance) continue;
        const key = `${claim.claimant.value}\u0000${claim.concept.value}`;
        const list = byKey.get(key) ?? [];
        list.push({ claim, uri: file.uri, stance: claim.stance.value });
        byKey.set(key, list);
      }
    }
    return byKey;
  });
}

/** `stance-conflict`: a claimant that both supports and rejects one concept, anywhere in the workspace. */
export function checkStances(index: WorkspaceIndex, file: AnnotationFile): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  const stances = stancesByClaimantAndConcept(index);
  for (const claim of file.textAnnotation?.claims ?? []) {
    if (!claim.claimant || !claim.concept || !claim.stance) continue;
    const opposite = (stances.get(`${claim.claimant.value}\u0000${claim.concept.value}`) ?? []).filter((s) => s.stance !== claim.stance!.value);
    if (opposite.length === 0) continue;
    const ids = opposite.map((o) => `\`${o.claim.id?.value ?? 'unnamed'}\``).join(', ');
    diagnostics.push(makeDiagnostic(file.uri, claim.stance.range, 'stance-conflict', `\`${claim.claimant.value}\` ${claim.stance.value} \`${claim.concept.value}\` here but ${opposite[0].stance} it in ${ids}. Check both claims: fix a stance or a claimant, or accept that the actor changed position.`, {
      related: opposite.map((o) => ({ uri: o.uri, range: o.claim.stance?.range ?? o.claim.range, message: `claim ${o.claim.id?.value ?? ''} ${o.stance} ${claim.concept!.value}` })),
    }));
  }
  return diagnostics;
}
