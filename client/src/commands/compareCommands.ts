import * as vscode from 'vscode';
import type { ServerConnection } from '../serverConnection';
import { CompareWithRequest, StopComparingRequest, type CompareTarget, type CompareWithResult } from '../protocol';

const RECENT_KEY = 'policyAnnotator.recentComparisons';
const RECENT_LIMIT = 5;

/** What the command may be given instead of asking (tests, keybindings): a folder path or URI, or `{ revision }`. */
export type CompareArgument = string | { folder?: string; revision?: string };

/** The comparison the server holds for this window, as the client last asked for it. */
interface ActiveComparison {
  folder: string;
  target: CompareTarget;
  name: string;
}

/**
 * A status bar item while comparing; clicking it stops the comparison. It
 * follows the server's real state: the comparison lives in the server's
 * session, so when the server stops (a crash, "Restart Language Server")
 * the item goes, and when it runs again the comparison is asked for again
 * (the "keep mine" dismissals of the old session are gone).
 */
export class ComparisonStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyAnnotator.comparison', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  private current: ActiveComparison | undefined;

  constructor(
    private readonly server: ServerConnection,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.item.name = 'Policy Annotator: comparison with another annotator';
    this.item.command = 'policyAnnotator.stopComparing';
    this.disposables.push(
      server.onStopped(() => this.item.hide()),
      server.onRestarted(() => void this.restore()),
    );
  }

  get active(): ActiveComparison | undefined {
    return this.current;
  }

  show(comparison: ActiveComparison, differences: number): void {
    this.current = comparison;
    this.item.text = `$(git-compare) Comparing with ${comparison.name}`;
    this.item.tooltip = `${differences} difference${differences === 1 ? '' : 's'} shown as information diagnostics. Click to stop comparing.`;
    this.item.show();
    void vscode.commands.executeCommand('setContext', 'policyAnnotator.comparing', true);
  }

  hide(): void {
    this.current = undefined;
    this.item.hide();
    void vscode.commands.executeCommand('setContext', 'policyAnnotator.comparing', false);
  }

  /** After a restart: the new server holds no comparison; ask for the same one again, or tell the user it ended. */
  private async restore(): Promise<void> {
    const comparison = this.current;
    if (!comparison) return;
    this.output.info(`The language server restarted: comparing with ${comparison.name} again.`);
    try {
      const result = await this.server.sendRequest(CompareWithRequest, { folder: comparison.folder, other: comparison.target });
      if (this.current !== comparison) return;
      if (result.ok) return this.show(comparison, result.differences ?? 0);
      this.hide();
      void vscode.window.showWarningMessage(`Policy Annotator: the comparison with ${comparison.name} ended when the language server restarted: ${result.message}`);
    } catch (error) {
      if (this.current === comparison) this.hide();
      this.output.warn(`Comparing again after the restart failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.item.dispose();
  }
}

function targetFromArgument(argument: CompareArgument): CompareTarget | undefined {
  if (typeof argument === 'string') return { kind: 'folder', uri: asUri(argument).toString() };
  if (typeof argument.revision === 'string') return { kind: 'revision', revision: argument.revision };
  if (typeof argument.folder === 'string') return { kind: 'folder', uri: asUri(argument.folder).toString() };
  return undefined;
}

function describe(target: CompareTarget): string {
  return target.kind === 'folder' ? `the folder ${target.uri}` : `the revision ${target.revision}`;
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
async function compareWithRevision(server: ServerConnection, folder: string): Promise<{ result: CompareWithResult; target: CompareTarget } | undefined> {
  let message: string | undefined;
  let value = '';
  for (;;) {
    const revision = await vscode.window.showInputBox({ title: 'Compare with a git revision', prompt: message ?? 'A branch, tag or commit of this folder (e.g. annotator/bob).', value, validateInput: (text) => (text.trim() === '' ? 'Give a branch, tag or commit.' : undefined) });
    if (revision === undefined) return undefined;
    const target: CompareTarget = { kind: 'revision', revision };
    const result = await server.sendRequest(CompareWithRequest, { folder, other: target });
    if (result.ok) return { result, target };
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
export async function compareWithAnnotator(server: ServerConnection, context: vscode.ExtensionContext, status: ComparisonStatus, output: vscode.LogOutputChannel, argument?: CompareArgument): Promise<void> {
  // Run just after the window opened, the command waits for the starting server rather than turning the user away.
  if (!(await server.whenRunning())) {
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
  if (!target) {
    output.info('Compare with Annotator: nothing was chosen.');
    return;
  }
  output.info(`Compare with Annotator: comparing ${folder} with ${target === 'revision' ? 'a git revision' : describe(target)}.`);
  const answer = target === 'revision' ? await compareWithRevision(server, folder) : { result: await server.sendRequest(CompareWithRequest, { folder, other: target }), target };
  if (!answer) return;
  const { result } = answer;
  output.info(`Compare with Annotator: ${result.message}`);
  if (!result.ok) {
    void vscode.window.showWarningMessage(`Policy Annotator: ${result.message}`);
    return;
  }
  status.show({ folder, target: answer.target, name: result.name ?? 'annotator' }, result.differences ?? 0);
  await remember(context, answer.target);
  const show = 'Show Those Texts';
  void vscode.window.showInformationMessage(`Policy Annotator: ${result.message}`, ...(result.texts ? [show] : [])).then((choice) => {
    if (choice === show) void vscode.commands.executeCommand('policyAnnotator.theirOnlyTexts');
  });
}

/** "Stop Comparing": the curation diagnostics disappear. */
export async function stopComparing(server: ServerConnection, status: ComparisonStatus): Promise<void> {
  status.hide();
  if (server.isRunning) await server.sendRequest(StopComparingRequest, {});
}
