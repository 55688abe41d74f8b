import { RequestType, type Location } from 'vscode-languageserver-protocol';
import type { ExportedFile, ExportFormat, ExportWarning } from '../core/export';

/** `policyAnnotator/export`: the files of an export of the workspace folder that holds `folderUri` (the first folder when absent). */
export interface ExportParams {
  format: ExportFormat;
  folderUri?: string;
}

/** Something the export could not carry over: the core's warning, with a location instead of offsets. */
export type ExportWarningInfo = Omit<ExportWarning, 'uri' | 'range'> & {
  /** The annotation the warning is about. */
  location?: Location;
};

/** What every successful export answer carries: the format, the warnings and the counts for the summary line. */
export interface ExportSummary {
  format: ExportFormat;
  warnings: ExportWarningInfo[];
  counts: Record<string, number>;
}

/** A request the server cannot answer with an export (unknown format, nothing to export): why, for the user. */
export interface ExportFailure {
  ok: false;
  message: string;
}

export type ExportResponse = (ExportSummary & { ok: true; files: ExportedFile[] }) | ExportFailure;

export const ExportRequest = new RequestType<ExportParams, ExportResponse, void>('policyAnnotator/export');

/**
 * `policyAnnotator/writeExport`: exports as `policyAnnotator/export` does and
 * writes the files into `outputFolder` with the CLI's own export writer, in
 * the server process: all or nothing, never through a symbolic link, and a
 * folder that holds files is replaced only when it holds an unchanged
 * earlier export of the same format.
 */
export interface WriteExportParams extends ExportParams {
  /** The folder to write into (a `file:` URI), as the user chose it. */
  outputFolder: string;
}

export type WriteExportResponse =
  | (ExportSummary & {
      ok: true;
      /** How many files were written. */
      written: number;
      /** Files of an earlier export into the same folder that this one no longer has, removed. */
      removed: string[];
    })
  | (ExportFailure & {
      /** The folder cannot be written safely, or writing failed: nothing was written, and another folder may do. */
      refused?: boolean;
    });

export const WriteExportRequest = new RequestType<WriteExportParams, WriteExportResponse, void>('policyAnnotator/writeExport');
