import type { CoreDiagnostic, Span } from '../model';
import { replaceScalar, setField } from '../edits/yamlEdits';
import type { TextEdit } from '../edits/textEdit';
import type { WorkspaceView } from '../workspace/workspaceView';
import { quickFix, type CodeFix } from './codeFix';
import { disambiguatingContext, selectorWithQuoteAt, wordsAfter, wordsBefore } from './selectors';

function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * Edits that point a selector at `span` with `quote`: the quote itself and
 * the prefix/suffix that make it unique (existing ones are refreshed).
 */
function reanchorEdits(index: WorkspaceView, diagnostic: CoreDiagnostic, span: Span, quote: string): TextEdit[] | undefined {
  const file = index.annotationFile(diagnostic.uri);
  const content = index.content(diagnostic.uri);
  const reference = index.textReferenceOf(diagnostic.uri);
  const def = file && selectorWithQuoteAt(file, diagnostic.range);
  const analysis = reference?.kind === 'ok' ? index.analysis(reference.uri) : undefined;
  if (!file || content === undefined || !def?.quote || !analysis) return undefined;
  const context = disambiguatingContext(analysis.text, quote, span);
  if (!context) return undefined;
  const edits: TextEdit[] = [];
  if (def.quote.value !== quote) edits.push(replaceScalar(diagnostic.uri, content, def.quote, quote));
  for (const side of ['prefix', 'suffix'] as const) {
    const existing = def[side];
    // The minimal context where one is needed; an existing one is refreshed to the text's current words.
    const wanted = context[side] ?? (existing ? currentContext(analysis.text.text, span, side, wordCount(existing.value)) : undefined);
    if (wanted === undefined || wanted === existing?.value) continue;
    const edit = existing
      ? replaceScalar(diagnostic.uri, content, existing, wanted)
      : setField(diagnostic.uri, content, def.range.start, side, wanted, side === 'suffix' && def.prefix ? 'prefix' : 'quote');
    if (edit) edits.push(edit);
  }
  return edits;
}

function wordCount(value: string): number {
  return Math.max(1, value.trim().split(/\s+/).length);
}

function currentContext(text: string, span: Span, side: 'prefix' | 'suffix', words: number): string {
  return side === 'prefix' ? wordsBefore(text, span.start, words) : wordsAfter(text, span.end, words);
}

/** `quote-ambiguous`: one action per occurrence, adding the context that picks it. */
export function fixAmbiguousQuote(index: WorkspaceView, diagnostic: CoreDiagnostic): CodeFix[] {
  const candidates = (diagnostic.data?.candidates as { span: Span }[] | undefined) ?? [];
  const file = index.annotationFile(diagnostic.uri);
  const def = file && selectorWithQuoteAt(file, diagnostic.range);
  const reference = index.textReferenceOf(diagnostic.uri);
  if (!def?.quote || reference?.kind !== 'ok') return [];
  const lines = index.lineIndex(reference.uri);
  const fixes: CodeFix[] = [];
  candidates.forEach((candidate, i) => {
    const edits = reanchorEdits(index, diagnostic, candidate.span, def.quote!.value);
    if (!edits || edits.length === 0) return;
    const line = lines ? lines.positionAt(candidate.span.start).line + 1 : undefined;
    fixes.push(quickFix(diagnostic, 'add-context', `Anchor to occurrence ${i + 1} of ${candidates.length}${line ? ` (line ${line})` : ''}: add context`, edits));
  });
  return fixes;
}

/**
 * `quote-stale`: take the text's current words (and context) at the proposed
 * place. A `fix`: the check proposes a place only at or above the confidence threshold.
 */
export function fixStaleQuote(index: WorkspaceView, diagnostic: CoreDiagnostic): CodeFix[] {
  const proposal = diagnostic.data?.proposal as { span: Span; text: string } | undefined;
  if (!proposal) return [];
  const edits = reanchorEdits(index, diagnostic, proposal.span, proposal.text);
  if (!edits || edits.length === 0) return [];
  return [quickFix(diagnostic, 'update-to-current-words', `Update the quote to the text's current words: "${shorten(proposal.text)}"`, edits)];
}

/** `quote-normalized`: copy the text's exact characters. */
export function fixNormalizedQuote(index: WorkspaceView, diagnostic: CoreDiagnostic): CodeFix[] {
  const exact = diagnostic.data?.exact as string | undefined;
  const file = index.annotationFile(diagnostic.uri);
  const content = index.content(diagnostic.uri);
  const def = file && selectorWithQuoteAt(file, diagnostic.range);
  if (exact === undefined || !def?.quote || content === undefined) return [];
  return [quickFix(diagnostic, 'copy-exact-characters', "Copy the text's exact characters into the quote", [replaceScalar(diagnostic.uri, content, def.quote, exact)])];
}
