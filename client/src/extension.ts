import * as vscode from 'vscode';
import type { Range } from 'vscode-languageclient/node';
import { ACTORS_VIEW_ID, ActorsView, REVEAL_COMMAND } from './actorsView';
import { addSelectionAsAlias, annotateSelectionAsClaim, createActorFromSelection } from './commands/annotationCommands';
import { compareWithAnnotator, ComparisonStatus, stopComparing, type CompareArgument } from './commands/compareCommands';
import { showTheirOnlyTexts } from './commands/theirOnlyTexts';
import { exportCommand } from './exports/exportCommands';
import { NetworkPanel } from './network/networkPanel';
import { ServerConnection } from './serverConnection';

let server: ServerConnection | undefined;

/**
 * The VS Code side of Policy Annotator. Thin: it starts the bundled language
 * server, and adds what only an editor can do (commands with pickers, the
 * Actors view); everything else — and every edit — is computed by the
 * server.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Policy Annotator', { log: true });
  context.subscriptions.push(output);
  server = new ServerConnection(context, output);
  context.subscriptions.push(server);
  const current = server;
  const actorsView = new ActorsView(current);
  const comparison = new ComparisonStatus(current, output);
  context.subscriptions.push(
    actorsView,
    comparison,
    // Takes an optional folder (path or URI) or { revision } instead of asking, for tests and keybindings.
    command('policyAnnotator.compareWithAnnotator', (argument?: CompareArgument) => compareWithAnnotator(current, context, comparison, output, argument)),
    command('policyAnnotator.stopComparing', () => stopComparing(current, comparison)),
    command('policyAnnotator.theirOnlyTexts', () => showTheirOnlyTexts(current, output)),
    vscode.window.createTreeView(ACTORS_VIEW_ID, { treeDataProvider: actorsView, showCollapseAll: true }),
    command('policyAnnotator.annotateClaim', () => annotateSelectionAsClaim(current)),
    command('policyAnnotator.addAlias', () => addSelectionAsAlias(current)),
    command('policyAnnotator.createActor', () => createActorFromSelection(current)),
    command('policyAnnotator.restartServer', () => current.restart()),
    command('policyAnnotator.showOutput', () => output.show()),
    command('policyAnnotator.actors.refresh', () => actorsView.refresh()),
    command(REVEAL_COMMAND, (uri: string, range: Range) => revealLocation(current, uri, range)),
    // The export commands take an optional folder (path or URI) instead of asking, for tests and keybindings.
    command('policyAnnotator.exportW3c', (folder?: string) => exportCommand(current, output, 'w3c', folder)),
    command('policyAnnotator.exportBrat', (folder?: string) => exportCommand(current, output, 'brat', folder)),
    command('policyAnnotator.exportNetwork', (folder?: string) => exportCommand(current, output, 'network', folder)),
    command('policyAnnotator.showActorNetwork', () => NetworkPanel.show(current, context.extensionUri)),
  );
  await vscode.commands.executeCommand('setContext', 'policyAnnotator.active', true);
  try {
    await current.start();
  } catch (error) {
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage('The Policy Annotator language server did not start. The output channel has the details.', 'Show Output').then((choice) => {
      if (choice) output.show();
    });
  }
}

export async function deactivate(): Promise<void> {
  await server?.client.stop();
  server = undefined;
}

/** A command whose failures are reported, not swallowed. */
function command(id: string, run: (...args: never[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: never[]) => {
    try {
      await run(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`Policy Annotator: ${message}`);
    }
  });
}

/** Opens a file at a range (LSP coordinates), as the Actors view's items do. */
async function revealLocation(current: ServerConnection, uri: string, range: Range): Promise<void> {
  const target = current.client.protocol2CodeConverter.asRange(range);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  await vscode.window.showTextDocument(document, { selection: target, preview: true });
}
