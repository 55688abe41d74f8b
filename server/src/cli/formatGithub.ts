import type { Severity } from '../core';
import type { LocatedDiagnostic } from './diagnosticRows';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** Escapes a workflow command's message, as GitHub Actions reads it. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (also `:` and `,`, which separate properties). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation
 * that GitHub shows on the pull request's diff. Paths are relative to the
 * workspace, which should be the repository root (or set --workspace).
 * Prints workflow commands only: the closing totals line goes to stderr.
 * Messages and paths arrive escaped (see `toLocatedDiagnostic`), so no
 * control character reaches the log.
 */
export function formatGithub(diagnostics: LocatedDiagnostic[], pathPrefix = ''): string {
  return diagnostics
    .map(({ row }) => {
      const properties = [
        `file=${escapeProperty(pathPrefix + row.file)}`,
        `line=${row.line}`,
        `col=${row.column}`,
        `endLine=${row.endLine}`,
        `endColumn=${row.endColumn}`,
        `title=${escapeProperty(`${row.code} (${row.severity})`)}`,
      ];
      return `::${COMMAND[row.severity]} ${properties.join(',')}::${escapeData(row.message)}`;
    })
    .join('\n');
}
