import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { EXPORT_REQUEST, type ExportParams, type ExportResponse } from '../protocol';
import type { ServerConnection } from '../serverConnection';
import { chooseWorkspaceFolder } from '../workspaceFolders';

type Format = ExportParams['format'];

const FORMAT_LABELS: Record<Format, string> = {
  w3c: 'W3C Web Annotations',
  brat: 'brat standoff',
  network: 'discourse networks (GraphML/CSV)',
};

/** The same manifest the CLI's `export --out` keeps, so an export folder can be refreshed from either. */
export const MANIFEST_NAME = '.policy-annotator-export.json';

interface Manifest {
  tool: 'policy-annotator export';
  format: Format;
  files: Record<string, string>;
}

const sha256 = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');

/** A path of an export file must stay inside the chosen folder. */
function isPlainRelative(relative: string): boolean {
  return relative !== '' && !relative.includes('\\') && !relative.startsWith('/') && !relative.split('/').some((s) => s === '' || s === '.' || s === '..');
}

function child(folder: vscode.Uri, relative: string): vscode.Uri {
  if (!isPlainRelative(relative)) throw new Error(`Refusing an export file path that is not a plain relative path: ${JSON.stringify(relative)}`);
  return vscode.Uri.joinPath(folder, ...relative.split('/'));
}

async function readBytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

async function readManifest(folder: vscode.Uri): Promise<Manifest | undefined> {
  const bytes = await readBytes(vscode.Uri.joinPath(folder, MANIFEST_NAME));
  if (!bytes) return undefined;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Manifest>;
    if (parsed.tool !== 'policy-annotator export' || typeof parsed.format !== 'string' || !parsed.files || typeof parsed.files !== 'object') return undefined;
    if (!Object.keys(parsed.files).every(isPlainRelative)) return undefined;
    return parsed as Manifest;
  } catch {
    return undefined;
  }
}

/** Why the export would overwrite the user's files; nothing has been written when this is thrown. */
export class ExportRefused extends Error {}

/**
 * Writes an export into a folder with vscode.workspace.fs, by the rules of
 * the CLI's export writer: an empty or new folder is used as it is; a folder
 * that holds files is used only when it holds an earlier export of the same
 * format whose files are unchanged, and no other file stands where this one
 * writes; files of the earlier export that this one no longer has are
 * removed. Otherwise nothing is written (ExportRefused).
 */
export async function writeExport(folder: vscode.Uri, format: Format, files: { path: string; content: string }[]): Promise<{ written: number; removed: string[] }> {
  const targets = files.map((file) => ({ file, uri: child(folder, file.path) }));
  const entries = await vscode.workspace.fs.readDirectory(folder).then(
    (list) => list,
    () => [] as [string, vscode.FileType][],
  );
  let previous: Manifest | undefined;
  if (entries.length > 0) {
    previous = await readManifest(folder);
    if (!previous) throw new ExportRefused(`${folder.fsPath} is not empty and holds no earlier Policy Annotator export. Choose a new or empty folder so that none of your files is overwritten; nothing was written.`);
    if (previous.format !== format) throw new ExportRefused(`${folder.fsPath} holds a ${previous.format} export. Export ${format} to another folder; nothing was written.`);
    const changed: string[] = [];
    for (const [relative, hash] of Object.entries(previous.files)) {
      const bytes = await readBytes(child(folder, relative));
      if (bytes && sha256(bytes) !== hash) changed.push(relative);
    }
    if (changed.length > 0) throw new ExportRefused(`These files in ${folder.fsPath} changed since the last export: ${changed.sort().join(', ')}. Export to a new folder so they are not overwritten; nothing was written.`);
    const foreign: string[] = [];
    for (const { file, uri } of targets) if (!(file.path in previous.files) && (await readBytes(uri))) foreign.push(file.path);
    if (foreign.length > 0) throw new ExportRefused(`These files in ${folder.fsPath} are not from the last export, and this one would overwrite them: ${foreign.sort().join(', ')}. Export to a new folder; nothing was written.`);
  }
  await vscode.workspace.fs.createDirectory(folder);
  const hashes: Record<string, string> = {};
  const encoder = new TextEncoder();
  for (const { file, uri } of targets) {
    const bytes = encoder.encode(file.content);
    await vscode.workspace.fs.writeFile(uri, bytes);
    hashes[file.path] = sha256(bytes);
  }
  const removed: string[] = [];
  for (const relative of Object.keys(previous?.files ?? {}).sort()) {
    if (relative in hashes) continue;
    const uri = child(folder, relative);
    if (await readBytes(uri)) {
      await vscode.workspace.fs.delete(uri);
      removed.push(relative);
    }
  }
  const sorted = Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const manifest: Manifest = { tool: 'policy-annotator export', format, files: sorted };
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, MANIFEST_NAME), encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return { written: targets.length, removed };
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
