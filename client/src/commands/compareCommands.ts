import * as vscode from 'vscode';
import type { ServerConnection } from '../serverConnection';
import { CompareWithRequest, StopComparingRequest, type CompareTarget, type CompareWithResult } from '../protocol';

const RECENT_KEY = 'policyAnnotator.recentComparisons';
const RECENT_LIMIT = 5;

/** What the command may be given instead of asking (tests, keybindings): a folder path or URI, or `{ revision }`. */
export type CompareArgument = string | { folder?: string; revision?: string };

/** A status bar item while comparing; clicking it stops the comparison. */
export class ComparisonStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyAnnotator.comparison', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Policy Annotator: comparison with another annotator';
    this.item.command = 'policyAnnotator.stopComparing';
  }

  show(name: string, differences: number): void {
    this.item.text = `$(git-compare) Comparing with ${name}`;
    this.item.tooltip = `${differences} difference${differences === 1 ? '' : 's'} shown as information diagnostics. Click to stop comparing.`;
    this.item.show();
    void vscode.commands.executeCommand('setContext', 'policyAnnotator.comparing', true);
  }

  hide(): void {
    this.item.hide();
    void vscode.commands.executeCommand('setContext', 'policyAnnotator.comparing', false);
  }

  dispose(): void {
    this.item.dispose();
  }
}

function targetFromArgument(argument: CompareArgument): CompareTarget | undefined {
  if (typeof argument === 'string') return { kind: 'folder', uri: asUri(argument).toString() };
  if (typeof argument.revision === 'string') return { kind: 'revision', revision: argument.revision };
  if (typeof argument.folder === 'string') return { kind: 'folder', uri: asUri(argument.folder).toString() };
  return undefined;
}

function asUri(value: string): vscode.Uri {
  return /^[a-z][\w+.-]*:\/\//i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}

type Choice = vscode.QuickPickItem & { target?: CompareTarget; ask?: 'folder' | 'revision' };

/** The quick pick: a folder, a git revision, the other workspace folders and the recent comparisons. */
async function pickTarget(context: vscode.ExtensionContext, mine: vscode.WorkspaceFolder): Promise<CompareTarget | 'revision' | undefined> {
  const choices: Choice[] = [
    { label: '$(folder) Folder…', description: "another annotator's copy of the workspace", ask: 'folder' },
    { label: '$(git-branch) Git revision…', description: 'a branch, tag or commit of this folder', ask: 'revision' },
  ];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.toString() !== mine.uri.toString()) choices.push({ label: `$(root-folder) ${folder.name}`, description: 'workspace folder', target: { kind: 'folder', uri: folder.uri.toString() } });
  }
  for (const target of context.workspaceState.get<CompareTarget[]>(RECENT_KEY, [])) {
    const label = target.kind === 'folder' ? vscode.Uri.parse(target.uri).fsPath : target.revision;
    choices.push({ label: `$(history) ${label}`, description: 'recent', target });
  }
  const choice = await vscode.window.showQuickPick(choices, { title: 'Compare with Annotator', placeHolder: "Whose annotations? Their differences with yours show as information diagnostics." });
  if (!choice) return undefined;
  if (choice.target) return choice.target;
  if (choice.ask === 'revision') return 'revision';
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Compare', defaultUri: mine.uri });
  return picked?.[0] ? { kind: 'folder', uri: picked[0].toString() } : undefined;
}

/** Asks for a revision until the server accepts one (its answer is the validation) or the user gives up. */
async function compareWithRevision(server: ServerConnection, folder: string): Promise<CompareWithResult | undefined> {
  let message: string | undefined;
  let value = '';
  for (;;) {
    const revision = await vscode.window.showInputBox({ title: 'Compare with a git revision', prompt: message ?? 'A branch, tag or commit of this folder (e.g. annotator/bob).', value, validateInput: (text) => (text.trim() === '' ? 'Give a branch, tag or commit.' : undefined) });
    if (revision === undefined) return undefined;
    const result = await server.sendRequest(CompareWithRequest, { folder, other: { kind: 'revision', revision } });
    if (result.ok) return result;
    message = result.message;
    value = revision;
  }
}

async function remember(context: vscode.ExtensionContext, target: CompareTarget): Promise<void> {
  const same = (t: CompareTarget) => (t.kind === 'folder' ? target.kind === 'folder' && t.uri === target.uri : target.kind === 'revision' && t.revision === target.revision);
  const recent = [target, ...context.workspaceState.get<CompareTarget[]>(RECENT_KEY, []).filter((t) => !same(t))].slice(0, RECENT_LIMIT);
  await context.workspaceState.update(RECENT_KEY, recent);
}

/**
 * "Compare with Annotator…": picks the other annotator's folder or a git
 * revision, and asks the server to compare. Everything about claims is the
 * server's: this only asks and shows the answer.
 */
export async function compareWithAnnotator(server: ServerConnection, context: vscode.ExtensionContext, status: ComparisonStatus, argument?: CompareArgument): Promise<void> {
  if (!server.isRunning) {
    void vscode.window.showWarningMessage('The Policy Annotator language server is not running. Run "Policy Annotator: Restart Language Server".');
    return;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  const mine = folders.length <= 1 || argument !== undefined ? (active ?? folders[0]) : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which of your folders?' });
  if (!mine) {
    if (folders.length === 0) void vscode.window.showWarningMessage('Open your workspace folder first: its annotations are compared.');
    return;
  }
  const folder = server.client.code2ProtocolConverter.asUri(mine.uri);
  const target = argument !== undefined ? targetFromArgument(argument) : await pickTarget(context, mine);
  if (!target) return;
  const result = target === 'revision' ? await compareWithRevision(server, folder) : await server.sendRequest(CompareWithRequest, { folder, other: target });
  if (!result) return;
  if (!result.ok) {
    void vscode.window.showWarningMessage(`Policy Annotator: ${result.message}`);
    return;
  }
  status.show(result.name ?? 'annotator', result.differences ?? 0);
  if (target !== 'revision') await remember(context, target);
  void vscode.window.showInformationMessage(`Policy Annotator: ${result.message}`);
}

/** "Stop Comparing": the curation diagnostics disappear. */
export async function stopComparing(server: ServerConnection, status: ComparisonStatus): Promise<void> {
  status.hide();
  if (server.isRunning) await server.sendRequest(StopComparingRequest, {});
}
