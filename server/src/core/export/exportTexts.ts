import type { ClaimDef, MentionDef, Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { Anchored, TextAnalysis } from '../workspace/workspaceView';
import { mentionedIds } from '../describe';
import { workspacePath } from './exportNaming';
import type { ExportOptions, ExportWarning } from './exportTypes';

/** A text with its analysis, as the per-text exporters (W3C, brat) need it. */
export interface ExportText {
  uri: string;
  /** Workspace-relative path, forward slashes. */
  path: string;
  /** The text exactly as the core holds it (a leading byte order mark removed). */
  content: string;
  title?: string;
  /** The authors (actor ids) its annotation files give, in file order, each once. */
  authors: string[];
  analysis: TextAnalysis;
}

/**
 * The referenced texts that could be read, sorted by path, and a warning for
 * every annotation file whose text could not be: its annotations are not
 * exported.
 */
export function collectTexts(index: WorkspaceView, options: ExportOptions): { texts: ExportText[]; warnings: ExportWarning[] } {
  const texts: ExportText[] = [];
  const warnings: ExportWarning[] = [];
  for (const uri of index.referencedTexts()) {
    const analysis = index.analysis(uri);
    const path = workspacePath(options, uri);
    const annotationUris = index.annotationsOf(uri);
    if (!analysis) {
      for (const annotationUri of annotationUris) {
        const text = index.annotationFile(annotationUri)?.textAnnotation?.text;
        warnings.push({
          uri: annotationUri,
          range: text?.range ?? { start: 0, end: 0 },
          message: `The text \`${path}\` could not be read, so none of this file's annotations were exported. Fix the \`text:\` path or restore the file, then export again.`,
        });
      }
      continue;
    }
    const title = annotationUris.map((a) => index.annotationFile(a)?.textAnnotation?.title?.value).find((t) => t);
    const authors = [...new Set(annotationUris.flatMap((a) => index.annotationFile(a)?.textAnnotation?.authors.map((author) => author.value) ?? []))];
    texts.push({ uri, path, content: analysis.text.text, analysis, authors, ...(title ? { title } : {}) });
  }
  texts.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { texts, warnings };
}

/** Where an anchored claim or mention landed, when its quote resolved to exactly one place. */
export function resolvedSpan<T>(anchored: Anchored<T>): Span | undefined {
  const { status, span } = anchored.result;
  return (status === 'exact' || status === 'normalized') && span ? span : undefined;
}

/** The warning for a claim or explicit mention whose quote did not resolve. */
export function unresolvedWarning(anchored: Anchored<ClaimDef> | Anchored<MentionDef>, textPath: string): ExportWarning {
  const def = anchored.def;
  const what = 'about' in def ? `Claim \`${(def as ClaimDef).id?.value ?? 'without id'}\`` : `The mention of \`${mentionedIds(def as MentionDef)}\``;
  const quote = def.quote?.value ?? '';
  const reasons: Record<string, string> = {
    'not-found': `its quote does not occur in \`${textPath}\`. Correct the quote`,
    ambiguous: `its quote occurs ${anchored.result.occurrences ?? anchored.result.candidates.length} times in \`${textPath}\` and prefix/suffix do not pick one. Add a \`prefix\` or \`suffix\``,
    empty: 'its quote is empty. Give the quoted text',
    stale: `its quote no longer occurs in \`${textPath}\` (the text changed). Update the quote; \`policy-annotator check\` proposes where it moved`,
  };
  const reason = reasons[anchored.result.status] ?? `its quote did not resolve (${anchored.result.status}). Correct the quote`;
  return {
    uri: anchored.annotationUri,
    range: def.quote?.range ?? def.range,
    message: `${what} was not exported: ${reason}, then export again. (quote: "${quote.length > 60 ? `${quote.slice(0, 59)}…` : quote}")`,
  };
}

/** Orders spans by start, then longer first. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
