import { displayPath, LineIndex, type CoreDiagnostic, type Severity, type WorkspaceIndex } from '../core';

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
  /** The source line the diagnostic starts on, for showing it. */
  sourceLine: string;
  diagnostic: CoreDiagnostic;
}

/**
 * Converts a diagnostic to CLI coordinates. `contentOf` supplies files the
 * index does not hold, such as policy-annotator.yaml.
 */
export function toLocatedDiagnostic(index: WorkspaceIndex, diagnostic: CoreDiagnostic, contentOf: (uri: string) => string | undefined): LocatedDiagnostic {
  const outside = index.lineIndex(diagnostic.uri) ? undefined : contentOf(diagnostic.uri);
  const lines = index.lineIndex(diagnostic.uri) ?? new LineIndex(outside ?? '');
  const start = lines.positionAt(diagnostic.range.start);
  const end = lines.positionAt(diagnostic.range.end);
  const sourceLine = lines.lineText(start.line);
  return {
    row: {
      file: displayPath(index, diagnostic.uri),
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: diagnostic.message,
    },
    sourceLine,
    diagnostic,
  };
}
