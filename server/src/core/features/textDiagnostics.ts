import { displayLocation, shortQuote } from '../checks/describe';
import { applySeverityOverrides } from '../config';
import { makeDiagnostic } from '../diagnosticCodes';
import type { ClaimDef, CoreDiagnostic, MentionDef, Span } from '../model';
import { normalizeForMatch, originalSpan, type NormalizedText } from '../normalizeText';
import { sortDiagnostics } from '../checks/index';
import type { Anchored, TextAnalysis, WorkspaceIndex } from '../workspaceIndex';

/** The fewest leading or trailing words of a lost quote that place its diagnostic in the text. */
const MIN_WORDS_TO_PLACE = 3;
/** The most leading or trailing words tried: a lost quote is placed by at most 2 × (12 − 3 + 1) scans of the text. */
const MAX_WORDS_TO_PLACE = 12;

/**
 * Diagnostics shown in a text: every claim or explicit mention whose quote no
 * longer resolves in it (not found, stale or ambiguous), so that an edit to the
 * text is flagged where it was made, as well as in the annotation file.
 * Codes and severities are those of the annotation file's diagnostics.
 */
export function textDiagnostics(index: WorkspaceIndex, textUri: string): CoreDiagnostic[] {
  const analysis = index.analysis(textUri);
  if (!analysis) return [];
  const diagnostics: CoreDiagnostic[] = [];
  for (const claim of analysis.claims) {
    const name = claim.def.id ? `The claim \`${claim.def.id.value}\`` : 'A claim';
    diagnostics.push(...anchorProblems(index, analysis, claim, 'claim', name));
  }
  for (const mention of analysis.explicitMentions) {
    const name = `The mention of \`${mention.def.actor?.value ?? '(no actor)'}\``;
    diagnostics.push(...anchorProblems(index, analysis, mention, 'mention', name));
  }
  return sortDiagnostics(applySeverityOverrides(diagnostics, index.config));
}

function anchorProblems(index: WorkspaceIndex, analysis: TextAnalysis, anchored: Anchored<ClaimDef | MentionDef>, what: 'claim' | 'mention', name: string): CoreDiagnostic[] {
  const { def, result, annotationUri } = anchored;
  const quote = def.quote!;
  const where = displayLocation(index, annotationUri, quote.range.start);
  const related = [{ uri: annotationUri, range: quote.range, message: `the ${what}'s quote` }];
  if (result.status === 'stale' && result.proposal) {
    const percent = Math.round(result.proposal.confidence * 100);
    return [makeDiagnostic(analysis.uri, result.proposal.span, 'quote-stale', `${name} (${where}) quotes "${shortQuote(quote.value)}", which no longer occurs exactly; these words are the closest match (${percent}% confident). Update the quote in the annotation file (its quick fix does it), or restore the words here.`, { related })];
  }
  if (result.status === 'not-found') {
    const range = result.nearMisses?.[0]?.span ?? placeLostQuote(analysis.text.normalized, quote.value) ?? firstLine(analysis.text.text);
    return [makeDiagnostic(analysis.uri, range, 'quote-not-found', `${name} (${where}) quotes "${shortQuote(quote.value)}", which no longer occurs in this text. Restore the words here, or update the quote in the annotation file.`, { related })];
  }
  if (result.status === 'ambiguous') {
    return result.candidates.map((span, i) =>
      makeDiagnostic(analysis.uri, span, 'quote-ambiguous', `${name} (${where}) quotes "${shortQuote(quote.value)}", which occurs ${result.occurrences ?? result.candidates.length} times in this text (this is occurrence ${i + 1}). Add a \`prefix\` or \`suffix\` to the ${what} to pick one.`, { related }),
    );
  }
  return [];
}

/**
 * Where a quote that no longer occurs probably was: the longest run of its
 * leading or trailing words (up to MAX_WORDS_TO_PLACE) that still occurs
 * exactly once.
 */
export function placeLostQuote(normalized: NormalizedText, quote: string): Span | undefined {
  const words = normalizeForMatch(quote).trim().split(' ').filter((word) => word !== '');
  // At most MAX_WORDS_TO_PLACE words: each try scans the text, and a long quote must not cost one scan per word.
  for (let count = Math.min(words.length - 1, MAX_WORDS_TO_PLACE); count >= MIN_WORDS_TO_PLACE; count--) {
    for (const part of [words.slice(0, count), words.slice(words.length - count)]) {
      const needle = part.join(' ');
      const at = normalized.text.indexOf(needle);
      if (at >= 0 && normalized.text.indexOf(needle, at + 1) < 0) return originalSpan(normalized, at, at + needle.length);
    }
  }
  return undefined;
}

function firstLine(text: string): Span {
  const end = text.search(/\r|\n/);
  return { start: 0, end: end < 0 ? text.length : end };
}
