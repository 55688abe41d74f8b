import * as vscode from 'vscode';
import { ExportRefused } from '../../../server/src/core/export/exportWriting';
import { writeExportFiles } from '../../../server/src/node/exportWriter';
import { EXPORT_REQUEST, type ExportParams, type ExportResponse } from '../protocol';
import type { ServerConnection } from '../serverConnection';
import { chooseWorkspaceFolder } from '../workspaceFolders';

type Format = ExportParams['format'];

const FORMAT_LABELS: Record<Format, string> = {
  w3c: 'W3C Web Annotations',
  brat: 'brat standoff',
  network: 'discourse networks (GraphML/CSV)',
};

export { ExportRefused };

/**
 * Writes an export into a folder on disk with the CLI's own export writer
 * (bundled into the client), so both keep one set of rules: all or nothing,
 * never through a symbolic link, and a folder that holds files is replaced
 * only when it holds an unchanged earlier export of the same format.
 * Otherwise nothing is written (ExportRefused).
 */
export async function writeExport(folder: vscode.Uri, format: Format, files: { path: string; content: string }[]): Promise<{ written: number; removed: string[] }> {
  if (folder.scheme !== 'file') throw new ExportRefused(`${folder.toString()} is not a folder on this machine's disk; choose a folder on disk to export into. Nothing was written.`);
  const result = await writeExportFiles(folder.fsPath, files, format);
  return { written: files.length, removed: result.removed };
}

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
 * "Export as …": asks the server for the export's files, lets the user pick
 * a folder (or takes `folder`, a path or URI, from a caller such as a test
 * or a keybinding), writes them there, and reports warnings in the output
 * channel and the counts in a notification.
 */
export async function exportCommand(server: ServerConnection, output: vscode.LogOutputChannel, format: Format, folder?: string | vscode.Uri): Promise<void> {
  if (!server.isRunning) throw new Error('The language server is not running yet; try again in a moment.');
  const chosen = await chooseWorkspaceFolder(`Export which folder as ${FORMAT_LABELS[format]}?`);
  if (!chosen && (vscode.workspace.workspaceFolders?.length ?? 0) > 1) return;
  const workspaceFolder = chosen?.uri.toString();
  const response = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Exporting ${FORMAT_LABELS[format]}` }, () =>
    server.sendRequest<ExportResponse>(EXPORT_REQUEST, { format, ...(workspaceFolder ? { folderUri: workspaceFolder } : {}) } satisfies ExportParams),
  );
  if (!response.ok) throw new Error(response.message);
  let target = typeof folder === 'string' ? (/^[a-z][a-z0-9+.-]+:/i.test(folder) ? vscode.Uri.parse(folder) : vscode.Uri.file(folder)) : folder;
  for (;;) {
    target ??= await pickFolder(format);
    if (!target) return;
    try {
      const result = await writeExport(target, format, response.files);
      output.info(`Exported ${FORMAT_LABELS[format]} to ${target.fsPath}: ${result.written} files (${describeCounts(response.counts)})${result.removed.length > 0 ? `; removed from the earlier export: ${result.removed.join(', ')}` : ''}.`);
      for (const warning of response.warnings) {
        const at = warning.location ? `${vscode.Uri.parse(warning.location.uri).fsPath}:${warning.location.range.start.line + 1}:${warning.location.range.start.character + 1}: ` : '';
        output.warn(`${at}${warning.message}`);
      }
      const warned = response.warnings.length > 0 ? ` ${response.warnings.length} warning${response.warnings.length === 1 ? '' : 's'}: see the output.` : '';
      void vscode.window.showInformationMessage(`Exported ${FORMAT_LABELS[format]}: ${describeCounts(response.counts)} in ${result.written} files.${warned}`, ...(warned ? ['Show Output'] : [])).then((choice) => {
        if (choice) output.show(true);
      });
      return;
    } catch (error) {
      if (!(error instanceof ExportRefused)) throw error;
      output.warn(error.message);
      const choice = await vscode.window.showWarningMessage(error.message, 'Choose Another Folder');
      if (choice !== 'Choose Another Folder') return;
      target = undefined;
    }
  }
}
