import { DIAGNOSTIC_CODES, diagnosticDocsUrl, type DiagnosticCode, type Severity, type WorkspaceView, displayPath } from '../core';
import type { LocatedDiagnostic } from './diagnosticRows';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

export interface SarifOptions {
  version: string;
  /** The workspace folder's URI. */
  workspaceUri: string;
  /** The workspace folder's path inside its repository ("" or "dir/"): result paths are relative to the repository root. */
  pathPrefix: string;
  index: WorkspaceView;
}

/** The repository root's URI, with a trailing slash as SARIF requires of a base. */
function repositoryRoot(workspaceUri: string, pathPrefix: string): string {
  const folder = workspaceUri.replace(/\/$/, '');
  const depth = pathPrefix.split('/').filter(Boolean).length;
  const root = depth ? folder.split('/').slice(0, -depth).join('/') : folder;
  return `${root}/`;
}

/** The 1-based region of a range in a file the index holds. */
function region(index: WorkspaceView, uri: string, range: { start: number; end: number }) {
  const lines = index.lineIndex(uri);
  if (!lines) return { startLine: 1 };
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one rule per diagnostic
 * code with its help text and its section of docs/checks.md as `helpUri`,
 * one result per diagnostic, related locations kept (at most
 * OUTPUT_LIMITS.relatedEntries). Columns count UTF-16 code units, as in the
 * editor. Snippets are the excerpt printed by `stylish`, a
 * window around the column, not the whole line.
 */
export function formatSarif(diagnostics: LocatedDiagnostic[], options: SarifOptions): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const rules = codes.map((code) => {
    const info = DIAGNOSTIC_CODES[code];
    return {
      id: code,
      name: code.replace(/(^|-)([a-z])/g, (_m, _dash: string, letter: string) => letter.toUpperCase()),
      shortDescription: { text: info.summary },
      fullDescription: { text: `${info.summary} ${info.help}` },
      helpUri: diagnosticDocsUrl(code),
      help: { text: info.help, markdown: `**${code}**: ${info.summary}\n\n${info.help}` },
      defaultConfiguration: { level: LEVEL[info.defaultSeverity] },
      properties: { tags: ['policy-annotator'] },
    };
  });
  const results = diagnostics.map(({ row, diagnostic, excerpt }) => {
    const ruleIndex = codes.indexOf(diagnostic.code as DiagnosticCode);
    const location = {
      physicalLocation: {
        artifactLocation: { uri: encodeURI(options.pathPrefix + row.file), uriBaseId: 'SRCROOT' },
        region: { startLine: row.line, startColumn: row.column, endLine: row.endLine, endColumn: row.endColumn, snippet: { text: excerpt.text } },
      },
    };
    const result: Record<string, unknown> = {
      ruleId: diagnostic.code,
      ...(ruleIndex >= 0 ? { ruleIndex } : {}),
      level: LEVEL[row.severity],
      message: { text: row.message },
      locations: [location],
      properties: { severity: row.severity },
    };
    if (diagnostic.related?.length) {
      result.relatedLocations = diagnostic.related.map((related, id) => ({
        id,
        message: { text: related.message },
        physicalLocation: {
          artifactLocation: { uri: encodeURI(options.pathPrefix + displayPath(options.index, related.uri)), uriBaseId: 'SRCROOT' },
          region: region(options.index, related.uri, related.range),
        },
      }));
    }
    return result;
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'policy-annotator', version: options.version, semanticVersion: /^\d+\.\d+\.\d+/.test(options.version) ? options.version : undefined, rules } },
        originalUriBaseIds: { SRCROOT: { uri: repositoryRoot(options.workspaceUri, options.pathPrefix) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
