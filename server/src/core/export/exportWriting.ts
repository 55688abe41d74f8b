/**
 * The contract between an export and whatever writes its files: the CLI's
 * `export --out` and the editor's export commands both go through a writer
 * that a Node entry point supplies. Pure vocabulary, in a module of its own,
 * so that every adapter can share it without importing another adapter.
 */
import type { ExportedFile, ExportFormat } from './exportTypes';

/** The output folder cannot be written safely, or writing failed: reported, nothing changed, exit 2. */
export class ExportRefused extends Error {}

/** What writing an export did. */
export interface ExportWriteResult {
  /** Files of an earlier export into the same folder that this one no longer has, removed. */
  removed: string[];
  /** The output folder, with the links in its parent resolved: where the files are. */
  outDir: string;
}

/** One file of an export, by its path relative to the output folder (forward slashes). */
export interface ExportFileToWrite {
  path: string;
  content: string;
}

/** Writes export files under a folder, all or nothing; refuses (ExportRefused) when it cannot do so safely. */
export type ExportWriter = (outDir: string, files: ExportedFile[], format: ExportFormat) => Promise<ExportWriteResult>;
