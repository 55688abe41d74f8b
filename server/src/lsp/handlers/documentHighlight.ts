import { DocumentHighlightKind } from 'vscode-languageserver';
import { findHighlights } from '../../core/features';
import { throwIfCancelled } from '../cancellation';
import { toRange } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';

/** textDocument/documentHighlight: the other occurrences in this file of what is under the cursor. */
export function registerDocumentHighlight(session: ServerSession): void {
  session.connection.onDocumentHighlight(
    guardRequest(session.log, 'textDocument/documentHighlight', (params, token) => {
      throwIfCancelled(token);
      const at = session.readAt(params.textDocument.uri, params.position);
      if (!at) return null;
      const inText = !at.index.isAnnotationFile(at.uri);
      return findHighlights(at.index, at.uri, at.offset).map((highlight) => ({
        range: toRange(at.lines, highlight.range),
        kind: inText ? DocumentHighlightKind.Text : highlight.kind === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }),
  );
}
