import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Location,
  type Range,
} from 'vscode-languageserver';
import { boundForOutput, diagnosticDocsUrl, type CoreDiagnostic, type LineIndex, type Severity, type Span } from '../core';

/** A Span of UTF-16 offsets as an LSP range (UTF-16 positions: the units agree, so lines with astral characters and CRLF texts stay exact). */
export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Codes for things that are merely unused: editors fade them rather than underline them. */
const UNNECESSARY_CODES = new Set(['alias-unused', 'actor-unused']);

/**
 * A core diagnostic as an LSP diagnostic. `linesOf` gives the line index of
 * any file a related location points into; locations in files it does not
 * know are left out rather than guessed. The message, related information
 * and data are bounded and escaped as for every output (`boundForOutput`).
 * With `codeDescription`, the code links to its section in docs/checks.md.
 */
export function toLspDiagnostic(unbounded: CoreDiagnostic, lines: LineIndex, linesOf: (uri: string) => LineIndex | undefined, options: { relatedInformation: boolean; codeDescription?: boolean }): Diagnostic {
  const diagnostic = boundForOutput(unbounded);
  const result: Diagnostic = {
    range: toRange(lines, diagnostic.range),
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: 'policy-annotator',
    message: diagnostic.message,
  };
  const href = options.codeDescription ? diagnosticDocsUrl(diagnostic.code) : undefined;
  if (href) result.codeDescription = { href };
  if (UNNECESSARY_CODES.has(diagnostic.code)) result.tags = [DiagnosticTag.Unnecessary];
  if (options.relatedInformation && diagnostic.related) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const location of diagnostic.related) {
      const relatedLines = linesOf(location.uri);
      if (relatedLines) related.push({ location: { uri: location.uri, range: toRange(relatedLines, location.range) }, message: location.message });
    }
    if (related.length > 0) result.relatedInformation = related;
  }
  if (diagnostic.data) result.data = diagnostic.data;
  return result;
}

export function toLocation(uri: string, lines: LineIndex, span: Span): Location {
  return { uri, range: toRange(lines, span) };
}
