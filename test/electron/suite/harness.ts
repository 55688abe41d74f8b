import * as vscode from 'vscode';

/** Long enough for a cold start; every wait ends as soon as its condition holds. */
export const TIMEOUT_MS = 60_000;

export interface Scenario {
  name: string;
  run: () => Promise<void>;
}

/**
 * Runs scenarios one after another and prints a closing "N passed, N
 * failed" line; throws when any failed, which makes the VS Code test run
 * exit non-zero. (A small harness rather than mocha: the scenarios are
 * few and run in order against one window.)
 */
export async function runScenarios(scenarios: Scenario[]): Promise<void> {
  let passed = 0;
  const failures: string[] = [];
  for (const scenario of scenarios) {
    const started = Date.now();
    try {
      await scenario.run();
      passed++;
      console.log(`✔ ${scenario.name} (${Date.now() - started} ms)`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push(`${scenario.name}: ${message}`);
      console.log(`✖ ${scenario.name}\n  ${message.replace(/\n/g, '\n  ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revertResource').then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  }
  console.log(`${passed} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`${failures.length} of ${scenarios.length} scenarios failed:\n${failures.join('\n')}`);
}

/** Asks again until the answer satisfies `accept` (the server may still be starting or indexing). */
export async function until<T>(description: string, ask: () => Thenable<T> | Promise<T>, accept: (value: T) => boolean, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await ask();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Resolves when the diagnostics of `uri` satisfy `accept` (they may already), driven by onDidChangeDiagnostics. */
export function diagnosticsWhere(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, description: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${TIMEOUT_MS / 1000} s waiting for diagnostics of ${uri.fsPath} ${description}`));
    }, TIMEOUT_MS);
    check();
  });
}

/** The position of the n-th occurrence of `fragment` in a document. */
export function positionOf(document: vscode.TextDocument, fragment: string, occurrence = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(fragment, at + 1);
    if (at < 0) throw new Error(`"${fragment}" occurs fewer than ${occurrence + 1} times in ${document.uri.fsPath}`);
  }
  return document.positionAt(at);
}

/** Markdown or plain text of hovers, joined. */
export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}
