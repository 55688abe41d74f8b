import * as vscode from 'vscode';
import { ExportRequest, WriteExportRequest, type ExportParams } from '../protocol';
import type { ServerConnection } from '../serverConnection';
import { chooseWorkspaceFolder } from '../workspaceFolders';

type Format = ExportParams['format'];

const FORMAT_LABELS: Record<Format, string> = {
  w3c: 'W3C Web Annotations',
  brat: 'brat standoff',
  network: 'discourse networks (GraphML/CSV)',
  statements: 'statements table (CSV)',
};

function describeCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, count]) => `${count} ${name}`)
    .join(', ');
}

async function pickFolder(format: Format): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Export Here',
    title: `Export as ${FORMAT_LABELS[format]}: choose a new or empty folder`,
  });
  return picked?.[0];
}

/**
 * "Export as …": asks the server whether there is anything to export, lets
 * the user pick a folder (or takes `folder`, a path or URI, from a caller
 * such as a test or a keybinding), and has the server write the export
 * there with the CLI's own export writer (policyAnnotator/writeExport): all
 * or nothing, never through a symbolic link, and a folder that holds files
 * is replaced only when it holds an unchanged earlier export of the same
 * format. A refused folder is reported, and another may be chosen. Warnings
 * go to the output channel, the counts to a notification.
 */
export async function exportCommand(server: ServerConnection, output: vscode.LogOutputChannel, format: Format, folder?: string | vscode.Uri): Promise<void> {
  if (!server.isRunning) throw new Error('The language server is not running yet; try again in a moment.');
  const chosen = await chooseWorkspaceFolder(`Export which folder as ${FORMAT_LABELS[format]}?`);
  if (!chosen && (vscode.workspace.workspaceFolders?.length ?? 0) > 1) return;
  const params: ExportParams = { format, ...(chosen ? { folderUri: chosen.uri.toString() } : {}) };
  const progress = { location: vscode.ProgressLocation.Window, title: `Exporting ${FORMAT_LABELS[format]}` };
  const exported = await vscode.window.withProgress(progress, () => server.sendRequest(ExportRequest, params));
  if (!exported.ok) throw new Error(exported.message);
  let target = typeof folder === 'string' ? (/^[a-z][a-z0-9+.-]+:/i.test(folder) ? vscode.Uri.parse(folder) : vscode.Uri.file(folder)) : folder;
  for (;;) {
    target ??= await pickFolder(format);
    if (!target) return;
    const outputFolder = target.toString();
    const result = await vscode.window.withProgress(progress, () => server.sendRequest(WriteExportRequest, { ...params, outputFolder }));
    if (!result.ok) {
      if (!result.refused) throw new Error(result.message);
      output.warn(result.message);
      const choice = await vscode.window.showWarningMessage(result.message, 'Choose Another Folder');
      if (choice !== 'Choose Another Folder') return;
      target = undefined;
      continue;
    }
    output.info(`Exported ${FORMAT_LABELS[format]} to ${target.fsPath}: ${result.written} files (${describeCounts(result.counts)})${result.removed.length > 0 ? `; removed from the earlier export: ${result.removed.join(', ')}` : ''}.`);
    for (const warning of result.warnings) {
      const at = warning.location ? `${vscode.Uri.parse(warning.location.uri).fsPath}:${warning.location.range.start.line + 1}:${warning.location.range.start.character + 1}: ` : '';
      output.warn(`${at}${warning.message}`);
    }
    const warned = result.warnings.length > 0 ? ` ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}: see the output.` : '';
    void vscode.window.showInformationMessage(`Exported ${FORMAT_LABELS[format]}: ${describeCounts(result.counts)} in ${result.written} files.${warned}`, ...(warned ? ['Show Output'] : [])).then((choice) => {
      if (choice) output.show(true);
    });
    return;
  }
}
