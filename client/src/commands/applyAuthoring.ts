import * as vscode from 'vscode';
import type { ServerConnection } from '../serverConnection';
import type { AuthoringResponse } from '../protocol';

/**
 * Applies the server's answer to an authoring command: the WorkspaceEdit
 * goes through the editor (so it can be undone, and the file is not written
 * behind the editor's back), then the annotation file is shown beside the
 * text with the new entry selected, and the selection in the text stays in
 * view. Refusals and warnings are shown as the
 * server phrased them.
 */
export async function applyAuthoring(server: ServerConnection, response: AuthoringResponse, source?: vscode.TextEditor): Promise<boolean> {
  if (!response.ok) {
    void vscode.window.showWarningMessage(response.message);
    return false;
  }
  const edit = await server.client.protocol2CodeConverter.asWorkspaceEdit(response.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not write the ${response.summary}: the file changed meanwhile. Try again.`);
    return false;
  }
  const range = server.client.protocol2CodeConverter.asRange(response.reveal);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(response.uri));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  // The text's editor may have been narrowed by the one opened beside it: keep the selection in view.
  source?.revealRange(source.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  vscode.window.setStatusBarMessage(`$(check) Added the ${response.summary} (unsaved).`, 8000);
  for (const warning of response.warnings) void vscode.window.showWarningMessage(warning);
  return true;
}
