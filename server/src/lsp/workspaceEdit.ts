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
 * `fileCreation` feature is on (`resourceOperations` with `create`). The
 * paths come from workspace content (a text's path, another annotator's
 * files): each is checked on disk first, and a file that exists or whose way
 * leads out of the workspace (a linked folder) gives `problem` instead.
 */
export async function creatingEdit(session: ServerSession, files: readonly { uri: string; content: string }[]): Promise<{ edit: WorkspaceEdit } | { problem: string }> {
  for (const { uri } of files) {
    const problem = await session.creationProblem(uri);
    if (problem !== undefined) return { problem: `Policy Annotator will not create ${uri}: ${problem}` };
  }
  const start = { line: 0, character: 0 };
  return {
    edit: {
      documentChanges: files.flatMap(({ uri, content }) => [
        { kind: 'create' as const, uri: session.clientUri(uri), options: { overwrite: false, ignoreIfExists: false } },
        { textDocument: { uri: session.clientUri(uri), version: null }, edits: [{ range: { start, end: start }, newText: content }] },
      ]),
    },
  };
}
