import { canonicalUri } from '../core';
import { guardNotification } from './guard';
import type { ServerSession } from './serverSession';

/**
 * Keeps the workspace in step with the client's open documents (incremental
 * sync): every change re-parses the one file it touched, before the next
 * request is served; closing a document makes the file on disk count again.
 */
export function startDocumentSync(session: ServerSession): void {
  const { documents, workspace, log } = session;
  documents.onDidOpen(guardNotification(log, 'textDocument/didOpen', (event) => session.rememberClientUri(event.document.uri)));
  documents.onDidChangeContent(
    guardNotification(log, 'textDocument/didChange', (event) => {
      const uri = canonicalUri(event.document.uri);
      session.documentBeingChanged = uri;
      try {
        return workspace.setBuffer(uri, event.document.getText());
      } finally {
        session.documentBeingChanged = undefined;
      }
    }),
  );
  documents.onDidClose(
    guardNotification(log, 'textDocument/didClose', (event) => {
      session.forgetClientUri(event.document.uri);
      return workspace.closeBuffer(event.document.uri);
    }),
  );
  documents.listen(session.connection);
}
