/**
 * Exports of a workspace to the formats analysts already use: W3C Web
 * Annotation JSON-LD, brat standoff, and discourse networks (GraphML, CSV).
 * Pure: every exporter returns the files to write; adapters write them.
 */
import type { WorkspaceView } from '../workspace/workspaceView';
import { exportBrat } from './exportBrat';
import { exportNetwork } from './exportNetwork';
import { exportStatements } from './exportStatements';
import type { ExportFormat, ExportOptions, ExportResult } from './exportTypes';
import { exportW3c } from './exportW3c';

export * from './exportTypes';
export * from './codePoints';
export { isAbsoluteIri, outputBaseNames, wikidataIri } from './exportNaming';
export { exportW3c, ANNOTATION_CONTEXT, POLICY_CONTEXT, POLICY_VOCABULARY, CONTEXT_LENGTH } from './exportW3c';
export * from './exportBrat';
export * from './parseBratAnn';
export * from './discourseNetwork';
export { exportNetwork, toGraphml, nodesCsv, edgesCsv, csvField } from './exportNetwork';
export { exportStatements, STATEMENT_COLUMNS } from './exportStatements';

const EXPORTERS: Record<ExportFormat, (index: WorkspaceView, options: ExportOptions) => ExportResult> = {
  w3c: exportW3c,
  brat: exportBrat,
  network: exportNetwork,
  statements: exportStatements,
};

/** Runs the exporter for a format. */
export function exportWorkspace(index: WorkspaceView, format: ExportFormat, options: ExportOptions): ExportResult {
  return EXPORTERS[format](index, options);
}
