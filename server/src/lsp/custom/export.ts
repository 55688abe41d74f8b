import type { CancellationToken } from 'vscode-languageserver';
import type { Span, WorkspaceView } from '../../core';
import { EXPORT_FORMATS, exportWorkspace, type ExportedFile, type ExportFormat, type ExportResult } from '../../core/export';
import { ExportRequest, WriteExportRequest, type ExportFailure, type ExportParams, type ExportSummary, type WriteExportResponse } from '../../protocol';
import { throwIfCancelled, unlessCancelled } from '../cancellation';
import { toLocation } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';

/**
 * Writes an export's files into a folder on disk, named by a `file:` URI:
 * the node entry point's export writer, the CLI's own (all or nothing,
 * never through a link). A folder it will not write into is an answer
 * (`refused`, saying why), not an error.
 */
export type ExportFolderWriter = (folderUri: string, files: ExportedFile[], format: ExportFormat) => Promise<{ removed: string[] } | { refused: string }>;

/** What the node entry point supplies to the custom requests. */
export interface CustomRequestOptions {
  /** Without it, `policyAnnotator/writeExport` answers that this server cannot write files. */
  writeExport?: ExportFolderWriter;
}

/** The index of the workspace folder that holds `folderUri`, or the first folder's. */
export function indexOfFolder(session: ServerSession, folderUri: string | undefined): WorkspaceView | undefined {
  if (folderUri !== undefined) return session.workspace.indexFor(folderUri) ?? session.workspace.indexes().find((index) => index.workspaceFolders.includes(folderUri));
  return session.workspace.indexes()[0];
}

/** Runs the same exporter as `policy-annotator export` on the folder the request names; or says why there is nothing to export. */
async function exportFor(session: ServerSession, params: ExportParams, token: CancellationToken): Promise<{ ok: true; format: ExportFormat; result: ExportResult } | ExportFailure> {
  if (!EXPORT_FORMATS.includes(params?.format as ExportFormat)) return { ok: false, message: `Unknown export format ${JSON.stringify(params?.format)}; use one of ${EXPORT_FORMATS.join(', ')}.` };
  await unlessCancelled(session.workspace.whenReady(), token);
  const index = indexOfFolder(session, params.folderUri);
  const folder = index?.workspaceFolders[0];
  if (!index || !folder) return { ok: false, message: 'No workspace folder with annotations to export.' };
  if (index.annotationFiles().length === 0) return { ok: false, message: `No annotation files to export (looked under: ${index.config.roots.join(', ')}).` };
  const result = exportWorkspace(index, params.format, { workspaceFolder: folder });
  throwIfCancelled(token);
  return { ok: true, format: params.format, result };
}

/** The export's format, its warnings pointing into the annotation files, and its counts. */
function summary(session: ServerSession, format: ExportFormat, result: ExportResult): ExportSummary {
  const at = (uri: string, span: Span) => {
    const lines = session.linesOf(uri);
    return lines && toLocation(session.clientUri(uri), lines, span);
  };
  return {
    format,
    warnings: result.warnings.map((warning) => {
      const location = at(warning.uri, warning.range);
      return { message: warning.message, ...(location ? { location } : {}) };
    }),
    counts: result.counts,
  };
}

/**
 * `policyAnnotator/export`: runs the same exporter as `policy-annotator
 * export` and hands back its files.
 *
 * `policyAnnotator/writeExport`: the same export, written into the folder
 * the user chose by the CLI's export writer (injected as `writeExport`), so
 * the editor and the CLI keep one set of rules for writing.
 */
export function registerExportRequests(session: ServerSession, options: CustomRequestOptions): void {
  const { connection, log } = session;
  connection.onRequest(
    ExportRequest,
    guardRequest(log, ExportRequest.method, async (params, token) => {
      const exported = await exportFor(session, params, token);
      if (!exported.ok) return exported;
      const files = exported.result.files.map((file) => ({ path: file.path, content: file.content }));
      return { ok: true as const, ...summary(session, exported.format, exported.result), files };
    }),
  );
  connection.onRequest(
    WriteExportRequest,
    guardRequest(log, WriteExportRequest.method, async (params, token): Promise<WriteExportResponse> => {
      if (typeof params?.outputFolder !== 'string' || params.outputFolder === '') return { ok: false, message: `${WriteExportRequest.method} needs an outputFolder: the file: URI of the folder to write into.` };
      if (!options.writeExport) return { ok: false, message: 'This language server cannot write files (it was started without an export writer); use policyAnnotator/export and write the files yourself.' };
      const exported = await exportFor(session, params, token);
      if (!exported.ok) return exported;
      const { files } = exported.result;
      const written = await options.writeExport(params.outputFolder, files, exported.format);
      if ('refused' in written) return { ok: false, refused: true, message: written.refused };
      return { ok: true, ...summary(session, exported.format, exported.result), written: files.length, removed: written.removed };
    }),
  );
}
