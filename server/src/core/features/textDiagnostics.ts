import { displayLocation, mentionedIds, shortQuote } from '../describe';
import { applySeverityOverrides } from '../config';
import { makeDiagnostic } from '../diagnosticCodes';
import type { AnchorResult } from '../anchorTypes';
import type { ClaimDef, CoreDiagnostic, MentionDef, SuppressionDef } from '../model';
import { lostQuoteRange } from '../lostQuotes';
import { sortDiagnostics } from '../checks/index';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { Anchored, TextAnalysis } from '../workspace/workspaceView';

export { placeLostQuote } from '../lostQuotes';


/**
 * Diagnostics shown in a text: every claim, explicit mention or suppression whose quote no
 * longer resolves in it (not found, stale or ambiguous), so that an edit to the
 * text is flagged where it was made, as well as in the annotation file.
 * Codes and severities are those of the annotation file's diagnostics.
 */
export function textDiagnostics(index: WorkspaceView, textUri: string): CoreDiagnostic[] {
  const analysis = index.analysis(textUri);
  if (!analysis) return [];
  const diagnostics: CoreDiagnostic[] = [];
  for (const claim of analysis.claims) {
    // Most quotes anchor: those allocate nothing here (70,000 claims of a hostile text in one turn).
    if (!hasProblem(claim.result)) continue;
    const name = claim.def.id ? `The claim \`${claim.def.id.value}\`` : 'A claim';
    diagnostics.push(...anchorProblems(index, analysis, claim, 'claim', name));
  }
  for (const mention of analysis.explicitMentions) {
    if (!hasProblem(mention.result)) continue;
    const name = `The mention of \`${mentionedIds(mention.def)}\``;
    diagnostics.push(...anchorProblems(index, analysis, mention, 'mention', name));
  }
  for (const suppression of analysis.suppressions) diagnostics.push(...anchorProblems(index, analysis, suppression, 'suppression', 'A suppression'));
  return sortDiagnostics(applySeverityOverrides(diagnostics, index.config));
}

/** Whether `anchorProblems` reports this result. */
function hasProblem(result: AnchorResult): boolean {
  return result.status === 'not-found' || result.status === 'ambiguous' || (result.status === 'stale' && !!result.proposal);
}

function anchorProblems(index: WorkspaceView, analysis: TextAnalysis, anchored: Anchored<ClaimDef | MentionDef | SuppressionDef>, what: 'claim' | 'mention' | 'suppression', name: string): CoreDiagnostic[] {
  const { def, result, annotationUri } = anchored;
  if (!hasProblem(result)) return [];
  const quote = def.quote!;
  // Only for a quote with a problem: working out the location's display path for every claim of a text is most of the time spent here.
  const where = displayLocation(index, annotationUri, quote.range.start);
  const related = [{ uri: annotationUri, range: quote.range, message: `the ${what}'s quote` }];
  if (result.status === 'stale' && result.proposal) {
    const percent = Math.round(result.proposal.confidence * 100);
    return [makeDiagnostic(analysis.uri, result.proposal.span, 'quote-stale', `${name} (${where}) quotes "${shortQuote(quote.value)}", which no longer occurs exactly; these words are the closest match (${percent}% confident). Update the quote in the annotation file (its quick fix does it), or restore the words here.`, { related })];
  }
  if (result.status === 'not-found') {
    const range = result.nearMisses?.[0]?.span ?? lostQuoteRange(analysis.text, quote.value);
    return [makeDiagnostic(analysis.uri, range, 'quote-not-found', `${name} (${where}) quotes "${shortQuote(quote.value)}", which no longer occurs in this text. Restore the words here, or update the quote in the annotation file.`, { related })];
  }
  if (result.status === 'ambiguous') {
    return result.candidates.map((span, i) =>
      makeDiagnostic(analysis.uri, span, 'quote-ambiguous', `${name} (${where}) quotes "${shortQuote(quote.value)}", which occurs ${result.occurrences ?? result.candidates.length} times in this text (this is occurrence ${i + 1}). Add a \`prefix\` or \`suffix\` to the ${what} to pick one.`, { related }),
    );
  }
  return [];
}
