import type { Span } from '../model';

/** One file an export produces: a path relative to the output folder (forward slashes) and its text. */
export interface ExportedFile {
  path: string;
  content: string;
}

/**
 * Something the export could not carry over: an annotation whose quote did
 * not resolve, or a reference to an actor or concept that no file defines.
 * `uri` and `range` point at the annotation file, for `file:line:col` output.
 */
export interface ExportWarning {
  uri: string;
  range: Span;
  message: string;
}

export interface ExportResult {
  files: ExportedFile[];
  warnings: ExportWarning[];
  /** How many annotations, entities or graphs were exported, for the summary line. */
  counts: Record<string, number>;
}

export type ExportFormat = 'w3c' | 'brat' | 'network' | 'statements';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['w3c', 'brat', 'network', 'statements'];

export interface ExportOptions {
  /** The workspace folder URI; files and IRIs are named by paths relative to it. */
  workspaceFolder: string;
  /**
   * The absolute IRI that workspace-relative paths are appended to, to name
   * texts, annotation files, actors and concepts in the W3C export.
   * Defaults to DEFAULT_BASE_IRI.
   */
  baseIri?: string;
  /** For the network export: keep only the relations in force on this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
  at?: string;
}

/**
 * The default base for IRIs: a private URN namespace, so that exported
 * identifiers are the same on every machine and never leak a local path.
 */
export const DEFAULT_BASE_IRI = 'urn:policy-annotator:';
