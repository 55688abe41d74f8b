import { makeDiagnostic } from '../diagnosticCodes';
import { normalizeForMatch } from '../normalizeText';
import { disambiguatingContext } from '../fixes/selectors';
import { describeReadProblem } from '../workspace/readProblems';
import type { AnnotationFile, CoreDiagnostic, Located, QuoteSelectorDef, Span } from '../model';
import { occurrenceCount } from '../resolveQuote';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { Anchored } from '../workspace/workspaceView';
import { displayLocation, displayPath, shortQuote } from '../describe';

/** How much context a suggested prefix/suffix takes from the text. */
const CONTEXT_LENGTH = 32;

/** `text-not-found`: the `text:` field must lead to a readable file inside the workspace. */
export function checkTextReference(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  const field = file.textAnnotation?.text;
  if (!field) return [];
  const reference = index.textReferenceOf(file.uri);
  const problem = (message: string) => [makeDiagnostic(file.uri, field.range, 'text-not-found', message)];
  switch (reference?.kind) {
    case 'absolute':
      return problem(`\`text:\` must be a path relative to this annotation file, not \`${field.value}\`: for example \`texts/article.txt\`.`);
    case 'outside-workspace':
      return problem(`\`text: ${field.value}\` leads outside the workspace, which is never read. Move the article into the workspace and point to it with a relative path.`);
    case 'empty':
      return problem('`text:` is empty: give the path of the article, relative to this file.');
    case 'ok':
      {
        const reason = index.textProblem(reference.uri);
        if (!reason) return [];
        if (reason.kind === 'missing') {
          return problem(`The text \`${field.value}\` was not found (looked for ${displayPath(index, reference.uri)}). The path is relative to this annotation file: check its spelling and folder.`);
        }
        return problem(describeReadProblem(reason, `The text \`${field.value}\``));
      }
    default:
      return [];
  }
}

/** `quote-not-found`, `quote-ambiguous`, `quote-stale` and `quote-normalized` for the claims, mentions and suppressions of one annotation file, and `suppress-unused`. */
export function checkAnchors(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  const reference = index.textReferenceOf(file.uri);
  if (reference?.kind !== 'ok') return [];
  const analysis = index.analysis(reference.uri);
  if (!analysis) return [];
  const diagnostics: CoreDiagnostic[] = [];
  const textPath = displayPath(index, reference.uri);
  const report = (anchored: Anchored<QuoteSelectorDef>, what: string) => {
    if (anchored.annotationUri !== file.uri) return;
    const quote = anchored.def.quote as Located<string>;
    const result = anchored.result;
    if (result.status === 'empty') {
      diagnostics.push(makeDiagnostic(file.uri, quote.range, 'quote-not-found', `The quote of this ${what} is empty once whitespace is removed: copy the words from the article.`));
    } else if (result.status === 'not-found' && result.searchIncomplete) {
      diagnostics.push(makeDiagnostic(file.uri, quote.range, 'quote-not-found', `The quote "${shortQuote(quote.value)}" was not found in ${textPath}, but the search stopped before it was complete: the quotes of this file used up the work allowed for one file (a long text with quotes that occur very often or not at all). Check the quote against the article, and fix this file's other missing or ambiguous quotes so that the search can finish.`, {
        data: { searchIncomplete: true },
      }));
    } else if (result.status === 'not-found') {
      const nearMisses = result.nearMisses ?? [];
      const closest = nearMisses.length > 0
        ? ` The closest places (${nearMisses.map((c) => `${displayLocation(index, reference.uri, c.span.start)}, ${percent(c.confidence)}`).join('; ')}) are too uncertain to propose.`
        : '';
      diagnostics.push(makeDiagnostic(file.uri, quote.range, 'quote-not-found', `The quote "${shortQuote(quote.value)}" does not occur in ${textPath}.${closest} Copy it from the article again: typographic quotes, dashes and spacing may differ, but the words must match.`, {
        related: nearMisses.map((c, i) => ({ uri: reference.uri, range: c.span, message: `candidate ${i + 1} (${percent(c.confidence)} confident): "${shortQuote(analysis.text.text.slice(c.span.start, c.span.end), 50)}"` })),
        data: { nearMisses: nearMisses.map((c) => ({ span: c.span, confidence: c.confidence })) },
      }));
    } else if (result.status === 'stale' && result.proposal) {
      const proposal = result.proposal;
      const current = analysis.text.text.slice(proposal.span.start, proposal.span.end);
      const where = displayLocation(index, reference.uri, proposal.span.start);
      const what = normalizedEqual(current, quote.value) ? 'Its prefix/suffix no longer fit the text around it' : 'It no longer matches the text exactly';
      const field = what.startsWith('Its') ? 'prefix/suffix' : 'quote';
      // The quick fix exists only where some prefix/suffix makes the current words point at that place alone.
      const advice = disambiguatingContext(analysis.text, current, proposal.span)
        ? `Check that place and apply the quick fix to update the ${field}.`
        : `Check that place and update the ${field} by hand: the words there also occur elsewhere, and no short prefix/suffix picks this place, so there is no quick fix.`;
      diagnostics.push(makeDiagnostic(file.uri, quote.range, 'quote-stale', `${what}; the text now reads "${shortQuote(current)}" at ${where} (${percent(proposal.confidence)} confident). ${advice}`, {
        related: [{ uri: reference.uri, range: proposal.span, message: `proposed anchor, ${percent(proposal.confidence)} confident` }],
        data: { proposal: { span: proposal.span, text: current, confidence: proposal.confidence, ...contextAround(analysis.text.text, proposal.span) } },
      }));
    } else if (result.status === 'normalized' && result.span) {
      const exact = analysis.text.text.slice(result.span.start, result.span.end);
      diagnostics.push(makeDiagnostic(file.uri, quote.range, 'quote-normalized', `The quote matches the text only once quotes, dashes or spacing are normalised; the text reads "${shortQuote(exact)}". The quick fix copies the exact characters.`, {
        data: { exact },
      }));
    } else if (result.status === 'ambiguous') {
      const text = analysis.text.text;
      const total = occurrenceCount(result);
      const more = total - result.candidates.length;
      const contexts = result.candidates.map((span) => contextAround(text, span));
      const places = placesOf(index, reference.uri, result.candidates) + (more > 0 ? `, …and ${more} more` : '');
      diagnostics.push(makeDiagnostic(file.uri, quote.range, 'quote-ambiguous', `The quote "${shortQuote(quote.value)}" occurs ${total} times in ${textPath} (${places}), and ${anchored.def.prefix || anchored.def.suffix ? 'its prefix/suffix do not pick one' : 'it has no prefix or suffix'}. Add a \`prefix\` or \`suffix\` with the words just before or after the intended one.`, {
        related: result.candidates.map((span, i) => ({ uri: reference.uri, range: span, message: `occurrence ${i + 1} of ${total}: …${contexts[i].prefix}[${shortQuote(text.slice(span.start, span.end), 30)}]${contexts[i].suffix}…` })),
        data: { candidates: result.candidates.map((span, i) => ({ span, ...contexts[i] })), occurrences: total },
      }));
    }
  };
  for (const claim of analysis.claims) report(claim, 'claim');
  for (const mention of analysis.explicitMentions) report(mention, 'mention');
  analysis.suppressions.forEach((suppression, i) => {
    report(suppression, 'suppression');
    if (suppression.annotationUri !== file.uri || !suppression.result.span || analysis.suppressedMatches[i] > 0) return;
    const words = shortQuote(analysis.text.text.slice(suppression.result.span.start, suppression.result.span.end));
    diagnostics.push(makeDiagnostic(file.uri, suppression.def.quote!.range, 'suppress-unused', `This suppression keeps no alias match from being a mention: no alias lies entirely within "${words}" (or a longer suppression already covers it). Widen the quote to cover the whole alias, or remove the suppression.`));
  });
  return diagnostics;
}

/** Where the candidates are, for a message: `path:line`, with a line that holds several named once, with their count. */
function placesOf(index: WorkspaceView, textUri: string, candidates: Span[]): string {
  const counts = new Map<string, number>();
  for (const span of candidates) {
    const place = displayLocation(index, textUri, span.start);
    counts.set(place, (counts.get(place) ?? 0) + 1);
  }
  return [...counts].map(([place, count]) => (count > 1 ? `${place} (${count} times)` : place)).join(', ');
}

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

function normalizedEqual(a: string, b: string): boolean {
  return normalizeForMatch(a).trim() === normalizeForMatch(b).trim();
}

/** The text around a span, cut at word boundaries, for suggested prefix/suffix values. */
export function contextAround(text: string, span: Span): { prefix: string; suffix: string } {
  let prefix = text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start);
  let suffix = text.slice(span.end, span.end + CONTEXT_LENGTH);
  if (span.start > CONTEXT_LENGTH) prefix = prefix.replace(/^\S*\s/, '');
  if (span.end + CONTEXT_LENGTH < text.length) suffix = suffix.replace(/\s\S*$/, '');
  return { prefix: prefix.replace(/\s+/g, ' '), suffix: suffix.replace(/\s+/g, ' ') };
}
