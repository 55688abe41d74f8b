import type { Diagnostic } from 'vscode-languageserver';
import type { CoreDiagnostic, LineIndex } from '../core';
import type { RequestSlices } from './cancellation';
import { toLspDiagnostic } from './convert';

type LinesOf = (uri: string) => LineIndex | undefined;
type ConversionOptions = { relatedInformation: boolean; codeDescription?: boolean };

/**
 * Looks each file's line index up once: a file of a thousand duplicate
 * claims has a thousand diagnostics with twenty related locations each, and
 * every lookup canonicalises the URI and finds its workspace folder again.
 */
export function linesOfOncePerFile(linesOf: LinesOf): LinesOf {
  const known = new Map<string, LineIndex | undefined>();
  return (uri) => {
    if (!known.has(uri)) known.set(uri, linesOf(uri));
    return known.get(uri);
  };
}

/** One file's diagnostics in LSP form, at once (for notifications, which are sent as they happen). */
export function toLspDiagnostics(diagnostics: readonly CoreDiagnostic[], lines: LineIndex, linesOf: LinesOf, options: ConversionOptions): Diagnostic[] {
  const relatedLines = linesOfOncePerFile(linesOf);
  return diagnostics.map((d) => toLspDiagnostic(d, lines, relatedLines, options));
}

/**
 * One file's diagnostics in LSP form, pausing between slices of the
 * request: a hostile file's thousand diagnostics with their related
 * locations take longer to convert than a hover may wait.
 */
export async function toLspDiagnosticsInSlices(diagnostics: readonly CoreDiagnostic[], lines: LineIndex, linesOf: LinesOf, options: ConversionOptions, slices: RequestSlices): Promise<Diagnostic[]> {
  const relatedLines = linesOfOncePerFile(linesOf);
  const converted: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    await slices.pauseIfDue();
    converted.push(toLspDiagnostic(diagnostic, lines, relatedLines, options));
  }
  return converted;
}
