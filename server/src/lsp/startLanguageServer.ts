import type { Connection, InitializeResult } from 'vscode-languageserver';
import { clientFeatures, initialFolders } from './clientFeatures';
import { withClientSettings } from './clientSettings';
import { registerCustomRequests, type CustomRequestOptions } from './custom';
import { startDiagnosticsDelivery } from './diagnosticsDelivery';
import { startDocumentSync } from './documentSync';
import { guardNotification, type ServerLog } from './guard';
import { registerCodeActions } from './handlers/codeAction';
import { registerCompletion } from './handlers/completion';
import { registerDefinition } from './handlers/definition';
import { registerDocumentHighlight } from './handlers/documentHighlight';
import { registerDocumentLink } from './handlers/documentLink';
import { registerDocumentSymbol } from './handlers/documentSymbol';
import { registerHover } from './handlers/hover';
import { registerReferences } from './handlers/references';
import { registerRename } from './handlers/rename';
import { registerSemanticTokens } from './handlers/semanticTokens';
import { registerWorkspaceSymbol } from './handlers/workspaceSymbol';
import { indexWithProgress } from './indexing';
import { serverCapabilities } from './serverCapabilities';
import { ServerSession, type ServerOptions } from './serverSession';
import { startWatchingFiles } from './watchedFiles';

/**
 * Serves the Policy Annotator language over a connection. Everything that
 * touches the file system or the transport comes from the caller (the node
 * entry point), so that the same server runs over stdio, IPC or a socket.
 * Only standard LSP requests are used: any LSP client can drive it.
 */
export function startLanguageServer(connection: Connection, options: ServerOptions & CustomRequestOptions): void {
  const log: ServerLog = {
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
  };
  let session: ServerSession | undefined;

  connection.onInitialize((params): InitializeResult => {
    const client = clientFeatures(params);
    session = new ServerSession(connection, log, client, initialFolders(params), withClientSettings(options, connection, params, () => session));
    startDocumentSync(session);
    startDiagnosticsDelivery(session);
    registerHover(session);
    registerDefinition(session);
    registerReferences(session);
    registerDocumentHighlight(session);
    registerCompletion(session);
    registerRename(session);
    registerCodeActions(session);
    registerDocumentSymbol(session);
    registerWorkspaceSymbol(session);
    registerSemanticTokens(session);
    registerDocumentLink(session);
    registerCustomRequests(session, options);
    return { capabilities: serverCapabilities(client), serverInfo: { name: 'policy-annotator', version: options.version } };
  });

  connection.onInitialized(
    guardNotification(log, 'initialized', async () => {
      const current = session!;
      startWatchingFiles(current);
      if (current.client.workspaceFolderChanges) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardNotification(log, 'workspace/didChangeWorkspaceFolders', async (event) => {
            const removed = new Set(event.removed.map((folder) => folder.uri));
            const folders = [...current.workspace.folderUris().filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)];
            await indexWithProgress(current, (report) => current.workspace.setFolders(folders, report));
          }),
        );
      }
      await indexWithProgress(current, (report) => current.workspace.load(report));
    }),
  );

  connection.listen();
}
