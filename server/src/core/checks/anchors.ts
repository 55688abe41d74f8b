import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic, Located, Span } from '../model';
import type { Anchored, WorkspaceIndex } from '../workspaceIndex';
import type { QuoteSelectorDef } from '../model';
import { displayLocation, displayPath, shortQuote } from './describe';

/** How much context a suggested prefix/suffix takes from the text. */
const CONTEXT_LENGTH = 32;

/** `text-not-found`: the `text:` field must lead to a readable file inside the workspace. */
export function checkTextReference(index: WorkspaceIndex, file: AnnotationFile): CoreDiagnostic[] {
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
      if (index.textStatus(reference.uri) === 'missing') {
        return problem(`The text \`${field.value}\` was not found (looked for ${displayPath(index, reference.uri)}). The path is relative to this annotation file: check its spelling and folder.`);
      }
      return [];
    default:
      return [];
  }
}

/** `quote-not-found` and `quote-ambiguous` for the claims and mentions of one annotation file. */
export function checkAnchors(index: WorkspaceIndex, file: AnnotationFile): CoreDiagnostic[] {
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
    } else if (result.status === 'not-found') {
      diagnostics.push(makeDiagnostic(file.uri, quote.range, 'quote-not-found', `The quote "${shortQuote(quote.value)}" does not occur in ${textPath}. Copy it from the article again: typographic quotes, dashes and spacing may differ, but the words must match.`));
    } else if (result.status === 'ambiguous') {
      const text = analysis.text.text;
      const contexts = result.candidates.map((span) => contextAround(text, span));
      const places = result.candidates.map((span) => displayLocation(index, reference.uri, span.start)).join(', ');
      diagnostics.push(makeDiagnostic(file.uri, quote.range, 'quote-ambiguous', `The quote "${shortQuote(quote.value)}" occurs ${result.candidates.length} times in ${textPath} (${places}), and ${anchored.def.prefix || anchored.def.suffix ? 'its prefix/suffix do not pick one' : 'it has no prefix or suffix'}. Add a \`prefix\` or \`suffix\` with the words just before or after the intended one.`, {
        related: result.candidates.map((span, i) => ({ uri: reference.uri, range: span, message: `occurrence ${i + 1} of ${result.candidates.length}: …${contexts[i].prefix}[${shortQuote(text.slice(span.start, span.end), 30)}]${contexts[i].suffix}…` })),
        data: { candidates: result.candidates.map((span, i) => ({ span, ...contexts[i] })) },
      }));
    }
  };
  for (const claim of analysis.claims) report(claim, 'claim');
  for (const mention of analysis.explicitMentions) report(mention, 'mention');
  return diagnostics;
}

/** The text around a span, cut at word boundaries, for suggested prefix/suffix values. */
export function contextAround(text: string, span: Span): { prefix: string; suffix: string } {
  let prefix = text.slice(Math.max(0, span.start - CONTEXT_LENGTH), span.start);
  let suffix = text.slice(span.end, span.end + CONTEXT_LENGTH);
  if (span.start > CONTEXT_LENGTH) prefix = prefix.replace(/^\S*\s/, '');
  if (span.end + CONTEXT_LENGTH < text.length) suffix = suffix.replace(/\s\S*$/, '');
  return { prefix: prefix.replace(/\s+/g, ' '), suffix: suffix.replace(/\s+/g, ' ') };
}
