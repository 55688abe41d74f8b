import * as vscode from 'vscode';

/** Whether the window has more than one workspace folder (a multi-root workspace). */
export function isMultiRoot(): boolean {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
}

/**
 * The workspace folder a command is about: the only folder; in a
 * multi-root workspace the folder of the active editor, else the one the
 * user picks (undefined when they cancel, or when no folder is open).
 */
export async function chooseWorkspaceFolder(placeHolder: string): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const owner = active && vscode.workspace.getWorkspaceFolder(active);
  return owner ?? (await vscode.window.showWorkspaceFolderPick({ placeHolder, ignoreFocusOut: true }));
}
