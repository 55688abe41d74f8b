import * as vscode from 'vscode';

export const SETTINGS_SECTION = 'policyAnnotator';

/**
 * The settings the server reads (`roots`, `severity`) as plain data, for
 * `initializationOptions`. Afterwards the server asks for them per folder
 * (workspace/configuration), which the language client answers.
 */
export function initialSettings(folder: vscode.WorkspaceFolder | undefined): { roots: unknown; severity: unknown } {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder?.uri);
  return { roots: config.get('roots'), severity: config.get('severity') };
}
