// The API-level scenarios, run inside VS Code's extension host by
// @vscode/test-electron (see ../runElectronTests.ts): the same ground as the
// end-to-end suite in code-server, through VS Code's own commands.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsWhere, hoverText, positionOf, runScenarios, until } from './harness';

const EXTENSION_ID = 'policy-annotator.policy-annotator';

function workspacePath(relative: string): string {
  const root = process.env.POLICY_ANNOTATOR_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!root) throw new Error('No workspace: the runner opens a copy of the sample corpus.');
  return path.join(root, relative);
}

const ARTICLE = () => vscode.Uri.file(workspacePath('annotations/texts/pakistan-taliban-qa.txt'));
const ANNOTATION = () => vscode.Uri.file(workspacePath('annotations/pakistan-taliban-qa.yaml'));
const ACTORS = () => vscode.Uri.file(workspacePath('annotations/actors.yaml'));

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/** Answers the extension's quick picks in order, as a user would, while `run` runs. */
async function answeringQuickPicks(answers: ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | vscode.QuickPickItem[] | undefined)[], run: () => Thenable<unknown>): Promise<void> {
  const window = vscode.window as { showQuickPick: unknown };
  const original = window.showQuickPick;
  const queue = [...answers];
  Object.defineProperty(window, 'showQuickPick', {
    configurable: true,
    writable: true,
    value: async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
      const answer = queue.shift();
      if (!answer) throw new Error('More quick picks than answers');
      return answer(await items);
    },
  });
  try {
    await run();
    assert.equal(queue.length, 0, 'every prepared answer was asked for');
  } finally {
    Object.defineProperty(window, 'showQuickPick', { configurable: true, writable: true, value: original });
  }
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded from the development path`);

  await runScenarios([
    {
      name: 'the extension activates in the sample corpus and declares the policy-text language',
      run: async () => {
        await open(ARTICLE());
        await until('the extension to activate', async () => extension.isActive, (active) => active);
        assert.equal(vscode.window.activeTextEditor?.document.languageId, 'policy-text');
      },
    },
    {
      name: 'a hover over "ISI" in the article shows the actor card',
      run: async () => {
        const editor = await open(ARTICLE());
        const at = positionOf(editor.document, 'ISI').translate(0, 1);
        const text = await until(
          'the hover card of the ISI',
          async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at)),
          (value) => value.includes('Inter-Services Intelligence'),
        );
        assert.match(text, /intelligence-agency/);
      },
    },
    {
      name: 'go to definition from a mention lands on the actor in actors.yaml',
      run: async () => {
        const editor = await open(ARTICLE());
        const at = positionOf(editor.document, 'the ISI has been').translate(0, 5);
        const targets = await until(
          'the definition of the ISI',
          async () => (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, at)) ?? [],
          (value) => value.length > 0,
        );
        const first = targets[0];
        const uri = 'targetUri' in first ? first.targetUri : first.uri;
        const range = 'targetUri' in first ? (first.targetSelectionRange ?? first.targetRange) : first.range;
        assert.equal(uri.fsPath, ACTORS().fsPath);
        const actors = await vscode.workspace.openTextDocument(ACTORS());
        assert.equal(range.start.line, positionOf(actors, 'id: isi\n').line);
      },
    },
    {
      name: 'a broken quote is flagged in the YAML, and the flag goes when it is undone',
      run: async () => {
        const editor = await open(ANNOTATION());
        const start = positionOf(editor.document, 'the Taliban are “not a military outfit”');
        const line = editor.document.lineAt(start.line);
        await editor.edit((edit) => edit.replace(new vscode.Range(start, line.range.end), 'words that the article never uses'));
        const diagnostics = await diagnosticsWhere(editor.document.uri, (list) => list.some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'quote-not-found'), 'with quote-not-found');
        const broken = diagnostics.find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'quote-not-found')!;
        assert.equal(broken.severity, vscode.DiagnosticSeverity.Error);
        assert.equal(broken.range.start.line, start.line);
        await vscode.commands.executeCommand('undo');
        await diagnosticsWhere(editor.document.uri, (list) => !list.some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'quote-not-found'), 'without quote-not-found');
      },
    },
    {
      name: '"Annotate Selection as Claim…" writes the claim into the YAML with the file’s comments intact',
      run: async () => {
        const before = readFileSync(ANNOTATION().fsPath, 'utf8');
        const editor = await open(ARTICLE());
        const words = 'they have even used Pakistani passports to travel abroad';
        const start = positionOf(editor.document, words);
        editor.selection = new vscode.Selection(start, start.translate(0, words.length));
        const byLabel = (label: string) => (items: readonly vscode.QuickPickItem[]) => items.find((item) => item.label === label);
        await answeringQuickPicks(
          [byLabel('Aqil Shah'), (items) => items.filter((item) => item.label === 'Inter-Services Intelligence (ISI)'), byLabel('report'), byLabel('(none)')],
          () => vscode.commands.executeCommand('policyAnnotator.annotateClaim'),
        );
        const yaml = vscode.workspace.textDocuments.find((document) => document.uri.fsPath === ANNOTATION().fsPath);
        assert.ok(yaml?.isDirty, 'the claim is in the editor, not yet on disk');
        await yaml.save();
        const after = readFileSync(ANNOTATION().fsPath, 'utf8');
        const inserted = after.length - before.length;
        const firstDifference = [...before].findIndex((ch, i) => after[i] !== ch);
        const at = firstDifference === -1 ? before.length : firstDifference;
        assert.equal(after.slice(0, at) + after.slice(at + inserted), before, 'only an insertion: every comment and blank line is as it was');
        assert.match(after.slice(at, at + inserted), /- id: aqil-shah-even-used-pakistani-passports\n {4}claimant: aqil-shah\n {4}quote: they have even used Pakistani passports to travel abroad\n {4}about: \[isi\]\n {4}type: report\n/);
        writeFileSync(ANNOTATION().fsPath, before);
      },
    },
    {
      name: 'the Actors view is registered in the explorer',
      run: async () => {
        // The tree's content is the extension's own; the e2e suite checks it in the UI.
        await vscode.commands.executeCommand('policyAnnotator.actors.focus');
        assert.ok((await vscode.commands.getCommands(true)).includes('policyAnnotator.actors.refresh'));
      },
    },
  ]);
}
