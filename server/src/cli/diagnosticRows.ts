import { boundForOutput, displayPath, escapeControlCharacters, LineIndex, type CoreDiagnostic, type Severity, type WorkspaceView } from '../core';
import { sourceExcerpt, type SourceExcerpt } from './sourceExcerpt';

/** A diagnostic as the CLI reports it: 1-based lines and columns, a workspace-relative path. */
export interface DiagnosticRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface LocatedDiagnostic {
  row: DiagnosticRow;
  /** A window of the source line the diagnostic starts on, fit to print. */
  excerpt: SourceExcerpt;
  /** The diagnostic bounded for output (see `boundForOutput`). */
  diagnostic: CoreDiagnostic;
}

/**
 * Converts a diagnostic to CLI coordinates, bounded and escaped for output:
 * every format prints rows made here, so none can print a control character
 * from the workspace or an unbounded message. `contentOf` supplies files the
 * index does not hold, such as policy-annotator.yaml.
 */
export function toLocatedDiagnostic(index: WorkspaceView, diagnostic: CoreDiagnostic, contentOf: (uri: string) => string | undefined): LocatedDiagnostic {
  const outside = index.lineIndex(diagnostic.uri) ? undefined : contentOf(diagnostic.uri);
  const lines = index.lineIndex(diagnostic.uri) ?? new LineIndex(outside ?? '');
  const start = lines.positionAt(diagnostic.range.start);
  const end = lines.positionAt(diagnostic.range.end);
  const sourceLine = lines.lineText(start.line);
  const bounded = boundForOutput(diagnostic);
  return {
    row: {
      file: escapeControlCharacters(displayPath(index, diagnostic.uri)),
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: bounded.message,
    },
    excerpt: sourceExcerpt(sourceLine, start.character, end.line === start.line ? end.character : sourceLine.length),
    diagnostic: bounded,
  };
}
