import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextEdit } from '../core';
import { toRange } from './convert';
import type { ServerSession } from './serverSession';

/**
 * Core edits (UTF-16 offsets) as an LSP WorkspaceEdit. Versioned document
 * changes where the client supports them, so an edit computed against an old
 * buffer is refused rather than applied to the wrong text.
 */
export function toWorkspaceEdit(session: ServerSession, edits: readonly TextEdit[]): WorkspaceEdit {
  const byFile = new Map<string, LspTextEdit[]>();
  for (const edit of edits) {
    const lines = session.linesOf(edit.uri);
    if (!lines) continue;
    const list = byFile.get(edit.uri) ?? [];
    list.push({ range: toRange(lines, edit.range), newText: edit.newText });
    byFile.set(edit.uri, list);
  }
  if (session.client.versionedEdits) {
    return {
      documentChanges: [...byFile].map(([uri, textEdits]) => ({
        textDocument: { uri: session.clientUri(uri), version: session.openVersion(uri) ?? null },
        edits: textEdits,
      })),
    };
  }
  return { changes: Object.fromEntries([...byFile].map(([uri, textEdits]) => [session.clientUri(uri), textEdits])) };
}
