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

/**
 * Files created and filled in one WorkspaceEdit; the editor refuses it,
 * creating nothing, if one of them exists. Only for a client whose
 * `fileCreation` feature is on (`resourceOperations` with `create`).
 */
export function creatingEdit(files: readonly { uri: string; content: string }[], clientUri: (uri: string) => string): WorkspaceEdit {
  const start = { line: 0, character: 0 };
  return {
    documentChanges: files.flatMap(({ uri, content }) => [
      { kind: 'create' as const, uri: clientUri(uri), options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri: clientUri(uri), version: null }, edits: [{ range: { start, end: start }, newText: content }] },
    ]),
  };
}
