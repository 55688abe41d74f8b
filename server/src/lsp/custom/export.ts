import type { Span, WorkspaceView } from '../../core';
import { EXPORT_FORMATS, exportWorkspace, type ExportFormat } from '../../core/export';
import { throwIfCancelled, unlessCancelled } from '../cancellation';
import { toLocation } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';
import { EXPORT_REQUEST, type ExportParams, type ExportResponse } from './protocol';

/** The index of the workspace folder that holds `folderUri`, or the first folder's. */
export function indexOfFolder(session: ServerSession, folderUri: string | undefined): WorkspaceView | undefined {
  if (folderUri !== undefined) return session.workspace.indexFor(folderUri) ?? session.workspace.indexes().find((index) => index.workspaceFolders.includes(folderUri));
  return session.workspace.indexes()[0];
}

/**
 * `policyAnnotator/export`: runs the same exporter as `policy-annotator
 * export` and hands back its files; the client writes them where the user
 * chose, so the server never writes outside the workspace.
 */
export function registerExportRequest(session: ServerSession): void {
  const { connection, log, workspace } = session;
  connection.onRequest(
    EXPORT_REQUEST,
    guardRequest(log, EXPORT_REQUEST, async (params: ExportParams, token): Promise<ExportResponse> => {
      if (!EXPORT_FORMATS.includes(params?.format as ExportFormat)) return { ok: false, message: `Unknown export format ${JSON.stringify(params?.format)}; use one of ${EXPORT_FORMATS.join(', ')}.` };
      await unlessCancelled(workspace.whenReady(), token);
      const index = indexOfFolder(session, params.folderUri);
      const folder = index?.workspaceFolders[0];
      if (!index || !folder) return { ok: false, message: 'No workspace folder with annotations to export.' };
      if (index.annotationFiles().length === 0) return { ok: false, message: `No annotation files to export (looked under: ${index.config.roots.join(', ')}).` };
      const result = exportWorkspace(index, params.format, { workspaceFolder: folder });
      throwIfCancelled(token);
      const at = (uri: string, span: Span) => {
        const lines = session.linesOf(uri);
        return lines && toLocation(session.clientUri(uri), lines, span);
      };
      return {
        ok: true,
        format: params.format,
        files: result.files.map((file) => ({ path: file.path, content: file.content })),
        warnings: result.warnings.map((warning) => {
          const location = at(warning.uri, warning.range);
          return { message: warning.message, ...(location ? { location } : {}) };
        }),
        counts: result.counts,
      };
    }),
  );
}
