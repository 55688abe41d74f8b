/**
 * DNA 3 (Discourse Network Analyzer) databases: the mapping between their
 * rows and a workspace, both ways. Pure: the Node side reads and writes the
 * SQLite file (node/dnaDatabase.ts). See docs/dna.md.
 */
export * from './dnaRows';
export { DNA_SCHEMA, DNA_VERSION, STANDARD_TYPE, STANDARD_VARIABLES } from './dnaSchema';
export { importDna, UNREPRESENTED_PATH, type DnaImportFailure, type DnaImportResult, type ImportedFile } from './dnaImport';
export { exportDna, DEFAULT_CODER, DNA_CODER_PASSWORD, type DnaExportResult } from './dnaExport';
