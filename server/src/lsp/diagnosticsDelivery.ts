import type { Diagnostic, DocumentDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { canonicalUri, type CoreDiagnostic } from '../core';
import { RequestSlices, unlessCancelled } from './cancellation';
import { toLspDiagnostics, toLspDiagnosticsInSlices } from './diagnosticsConversion';
import { guardRequest } from './guard';
import type { ServerSession } from './serverSession';

/**
 * Delivers diagnostics the way the client wants them: answering pull
 * requests (textDocument/diagnostic, workspace/diagnostic) and asking for a
 * refresh when other files' diagnostics change, or, to clients that do not
 * pull, pushing publishDiagnostics for every file whose diagnostics changed.
 */
export function startDiagnosticsDelivery(session: ServerSession): void {
  if (session.client.pullDiagnostics) answerPulls(session);
  else pushChanges(session);
}

function lspDiagnosticsOf(session: ServerSession, uri: string): Diagnostic[] {
  const lines = session.linesOf(uri);
  if (!lines) return [];
  return toLspDiagnostics(session.diagnosticsOf(uri).diagnostics, lines, (other) => session.linesOf(other), session.client);
}

/** A file's diagnostics for a pull request, converted between the request's pauses. */
function lspDiagnosticsInSlices(session: ServerSession, uri: string, diagnostics: readonly CoreDiagnostic[], slices: RequestSlices): Promise<Diagnostic[]> {
  const lines = session.linesOf(uri);
  if (!lines) return Promise.resolve([]);
  return toLspDiagnosticsInSlices(diagnostics, lines, (other) => session.linesOf(other), session.client, slices);
}

function pushChanges(session: ServerSession): void {
  const push = (uris: readonly string[]) => {
    for (const uri of session.comparison.withComparedFiles((file) => session.workspace.indexFor(file), uris)) {
      const version = session.openVersion(uri);
      void session.connection.sendDiagnostics({ uri: session.clientUri(uri), ...(version !== undefined ? { version } : {}), diagnostics: lspDiagnosticsOf(session, uri) });
    }
  };
  session.workspace.onDiagnosticsChanged(push);
  // Starting, stopping or dismissing in a comparison can change every file of the compared folder.
  session.comparison.onChanged(() => push(session.workspace.diagnosableFiles()));
}

function answerPulls(session: ServerSession): void {
  const { connection, workspace, log } = session;
  connection.languages.diagnostics.on(
    guardRequest(log, 'textDocument/diagnostic', async (params, token): Promise<DocumentDiagnosticReport> => {
      await unlessCancelled(workspace.whenReady(), token);
      // An edit whose quotes take long to anchor refreshes its diagnostics in slices after didChange: answer with those.
      await unlessCancelled(workspace.whenRefreshed(), token);
      const uri = canonicalUri(params.textDocument.uri);
      if (!session.linesOf(uri)) return { kind: 'full', items: [] };
      const { resultId, diagnostics } = session.diagnosticsOf(uri);
      if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
      return { kind: 'full', resultId, items: await lspDiagnosticsInSlices(session, uri, diagnostics, new RequestSlices(token)) };
    }),
  );
  connection.languages.diagnostics.onWorkspace(
    guardRequest(log, 'workspace/diagnostic', async (params, token) => {
      await unlessCancelled(workspace.whenReady(), token);
      const previous = new Map(params.previousResultIds.map((entry) => [canonicalUri(entry.uri), entry.value]));
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      const files = workspace.diagnosableFiles();
      // One slice clock for the files and each file's diagnostics: a file with a thousand of them is converted in pieces.
      const slices = new RequestSlices(token);
      await slices.start();
      for (const uri of files) {
        await slices.pauseIfDue();
        // The version and URI are read with the diagnostics, before the conversion pauses: they describe the same text.
        const { resultId, diagnostics: found } = session.diagnosticsOf(uri);
        const version = session.openVersion(uri) ?? null;
        const clientUri = session.clientUri(uri);
        const before = previous.get(uri);
        if (before === resultId) {
          items.push({ kind: 'unchanged', uri: clientUri, version, resultId });
          continue;
        }
        const diagnostics = await lspDiagnosticsInSlices(session, uri, found, slices);
        // A file the client has no report for and that has no problems needs none: on a large workspace most files
        // are clean, and listing them all would make the first answer megabytes long.
        if (before === undefined && diagnostics.length === 0) continue;
        items.push({ kind: 'full', uri: clientUri, version, resultId, items: diagnostics });
      }
      // Files that are gone: clear what the client still shows for them.
      const known = new Set(files);
      for (const uri of previous.keys()) if (!known.has(uri)) items.push({ kind: 'full', uri: session.clientUri(uri), version: null, items: [] });
      return { items };
    }),
  );
  if (!session.client.diagnosticRefresh) return;
  let refreshScheduled = false;
  const refresh = (changed: readonly string[]) => {
    // While comparing, an edit of an annotation file changes its text's curation diagnostics too.
    const uris = session.comparison.withComparedFiles((file) => workspace.indexFor(file), changed);
    // The client pulls the document it is editing by itself; other files need a refresh.
    if (refreshScheduled || uris.every((uri) => uri === session.documentBeingChanged)) return;
    refreshScheduled = true;
    setImmediate(() => {
      refreshScheduled = false;
      connection.languages.diagnostics.refresh().catch((error: unknown) => log.error(`Asking the client to refresh diagnostics failed: ${String(error)}`));
    });
  };
  workspace.onDiagnosticsChanged(refresh);
  session.comparison.onChanged(() => refresh(workspace.diagnosableFiles()));
}
