import type { ClaimDef, MentionDef } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { Anchored } from '../workspace/workspaceView';

/** Where a claim or an explicit mention of an annotation file landed in its text, if that text is loaded. */
export function anchorOf(index: WorkspaceView, annotationUri: string, def: ClaimDef | MentionDef): (Anchored<ClaimDef | MentionDef> & { textUri: string }) | undefined {
  const reference = index.textReferenceOf(annotationUri);
  if (reference?.kind !== 'ok') return undefined;
  const analysis = index.analysis(reference.uri);
  if (!analysis) return undefined;
  const anchored = analysis.claims.find((entry) => entry.def === def) ?? analysis.explicitMentions.find((entry) => entry.def === def);
  return anchored && { ...anchored, textUri: reference.uri };
}
