import { DocumentHighlightKind } from 'vscode-languageserver';
import { findHighlights } from '../../core/features';
import { toRange } from '../convert';
import { positionRequest } from '../positionRequest';
import type { ServerSession } from '../serverSession';

/** textDocument/documentHighlight: the other occurrences in this file of what is under the cursor. */
export function registerDocumentHighlight(session: ServerSession): void {
  session.connection.onDocumentHighlight(
    positionRequest(session, 'textDocument/documentHighlight', 'so-far', (at) => {
      const inText = !at.index.isAnnotationFile(at.uri);
      return findHighlights(at.index, at.uri, at.offset).map((highlight) => ({
        range: toRange(at.lines, highlight.range),
        kind: inText ? DocumentHighlightKind.Text : highlight.kind === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
    }),
  );
}
