import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic, Span } from '../model';
import type { WorkspaceIndex } from '../workspaceIndex';
import { displayLocation } from './describe';

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** `claimant-not-mentioned`, `duplicate-claim` and `mention-overlap` for one text annotation file. */
export function checkTextConsistency(index: WorkspaceIndex, file: AnnotationFile): CoreDiagnostic[] {
  const annotation = file.textAnnotation;
  const reference = index.textReferenceOf(file.uri);
  if (!annotation || reference?.kind !== 'ok') return [];
  const analysis = index.analysis(reference.uri);
  if (!analysis) return [];
  const diagnostics: CoreDiagnostic[] = [];

  const mentioned = new Set(analysis.mentions.flatMap((m) => m.actorIds ?? [m.actorId]));
  const author = annotation.author?.value;
  for (const claim of annotation.claims) {
    const claimant = claim.claimant;
    if (!claimant || claimant.value === author || mentioned.has(claimant.value) || !index.actor(claimant.value)) continue;
    diagnostics.push(makeDiagnostic(file.uri, claimant.range, 'claimant-not-mentioned', `The claimant \`${claimant.value}\` is not mentioned in this text and is not its author. Check the claimant; if the text names the actor in words no alias catches, add an alias or an explicit mention.`));
  }

  // Claims by claimant and span, grouped once: comparing every pair took minutes for 70,000 claims.
  const sameSpan = new Map<string, typeof analysis.claims>();
  const spanKey = (claim: (typeof analysis.claims)[number]) => `${claim.def.claimant!.value}\u0000${claim.result.span!.start}\u0000${claim.result.span!.end}`;
  for (const claim of analysis.claims) {
    if (!claim.result.span || !claim.def.claimant) continue;
    const group = sameSpan.get(spanKey(claim));
    if (group) group.push(claim);
    else sameSpan.set(spanKey(claim), [claim]);
  }
  for (const anchored of analysis.claims) {
    if (anchored.annotationUri !== file.uri || !anchored.result.span || !anchored.def.claimant) continue;
    const allTwins = sameSpan.get(spanKey(anchored))!.filter((other) => other !== anchored);
    const twins = allTwins.slice(0, 20);
    if (twins.length === 0) continue;
    diagnostics.push(makeDiagnostic(file.uri, anchored.def.quote!.range, 'duplicate-claim', `Another claim by \`${anchored.def.claimant.value}\` anchors to the same words (${allTwins.length > twins.length ? `${allTwins.length} claims, first ` : ''}${twins.map((t) => `\`${t.def.id?.value ?? 'unnamed'}\` at ${displayLocation(index, t.annotationUri, t.def.range.start)}`).join(', ')}). Merge the claims, or anchor one to a different quote.`, {
      related: twins.map((t) => ({ uri: t.annotationUri, range: t.def.quote!.range, message: `claim ${t.def.id?.value ?? ''} with the same claimant and span` })),
    }));
  }

  const explicit = analysis.explicitMentions.filter((m) => m.result.span);
  for (const mention of explicit) {
    if (mention.annotationUri !== file.uri) continue;
    const others = explicit.filter((other) => other !== mention && overlaps(other.result.span!, mention.result.span!));
    if (others.length === 0) continue;
    diagnostics.push(makeDiagnostic(file.uri, mention.def.quote!.range, 'mention-overlap', `This mention of \`${mention.def.actor?.value}\` overlaps ${others.map((o) => `the mention of \`${o.def.actor?.value}\` at ${displayLocation(index, o.annotationUri, o.def.range.start)}`).join(' and ')}. Shorten one of the quotes so that each word belongs to one mention.`, {
      related: others.map((o) => ({ uri: o.annotationUri, range: o.def.quote!.range, message: `overlapping mention of ${o.def.actor?.value}` })),
    }));
  }
  return diagnostics;
}
