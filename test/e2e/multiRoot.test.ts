// The extension in a multi-root workspace in a real VS Code (code-server):
// two folders, the second with its own `policyAnnotator.roots` setting.
// Every folder is served (hovers), the Actors view has a node per folder,
// and the export and the network view work on the folder the user means.
//
//   npm run test:e2e
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { NetworkView } from './networkView';
import { buildVsix, ensurePrerequisites, REPO_ROOT } from './prerequisites';
import { closeSession, installedCodeServer, openWorkbench, scenarios } from './session';
import { UI_TIMEOUT_MS, type Workbench } from './workbench';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'e2e-multi-root');
const BETA_TEXT = 'NATO troops left Kabul in August.\nThe Pentagon said NATO had done its part.\n';
const BETA_FILES: Record<string, string> = {
  'notes/texts/beta.txt': BETA_TEXT,
  'notes/actors.yaml': [
    'actors:',
    '  - id: nato',
    '    name: North Atlantic Treaty Organization',
    '    kind: international-organization',
    '    aliases: [NATO]',
    '  - id: pentagon',
    '    name: US Department of Defense',
    '    kind: government',
    '    aliases: [The Pentagon]',
    '',
  ].join('\n'),
  'notes/beta.yaml': ['text: texts/beta.txt', 'claims:', '  - id: pentagon-nato-done', '    claimant: pentagon', '    quote: NATO had done its part', '    about: [nato]', ''].join('\n'),
  // The second folder keeps its annotations under notes/: a folder setting, which only that folder has.
  '.vscode/settings.json': JSON.stringify({ 'policyAnnotator.roots': ['notes'] }),
};

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full).map((file) => path.join(entry, file)) : [entry];
  });
}

describe('Policy Annotator in a multi-root workspace (code-server)', () => {
  let root: string;
  let server: CodeServer;
  let browser: Browser | undefined;
  let page: Page;
  let bench: Workbench;

  const scenario = scenarios(() => bench);

  /** Hovers at the first occurrence of `word` in the open file, until the card with `expected` shows. */
  async function hoverOver(content: string, word: string, expected: string): Promise<string> {
    const at = content.indexOf(word);
    const before = content.slice(0, at);
    await bench.goTo(before.split('\n').length, at - before.lastIndexOf('\n') + 1);
    return (await bench.showHover(expected, `the hover card of ${word}`)).innerText();
  }

  before(async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    const prerequisites = ensurePrerequisites();
    root = mkdtempSync(path.join(tmpdir(), 'policy-annotator-e2e-multi-'));
    const vsix = buildVsix(path.join(root, 'policy-annotator.vsix'));
    cpSync(path.join(REPO_ROOT, 'annotations'), path.join(root, 'alpha', 'annotations'), { recursive: true });
    writeFiles(path.join(root, 'beta'), BETA_FILES);
    const workspaceFile = path.join(root, 'two-folders.code-workspace');
    writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'alpha' }, { path: 'beta' }] }));

    server = installedCodeServer(prerequisites, root, vsix);
    ({ browser, page, bench } = await openWorkbench(prerequisites, await server.start(workspaceFile), SCREENSHOTS));
  });

  after(() => closeSession(browser, server, root));

  scenario('multi-root-hover', 'serves both folders: hovers in the second folder’s text (under its own root) and in the first’s', async () => {
    await bench.openFile('notes/texts/beta.txt');
    assert.match(await hoverOver(BETA_TEXT, 'NATO', 'North Atlantic Treaty Organization'), /international-organization/);
    await page.keyboard.press('Escape');
    await bench.openFile('annotations/texts/pakistan-taliban-qa.txt');
    await hoverOver(readFileSync(path.join(root, 'alpha', 'annotations/texts/pakistan-taliban-qa.txt'), 'utf8'), 'ISI', 'Inter-Services Intelligence');
    await page.keyboard.press('Escape');
  });

  scenario('multi-root-actors-view', 'shows the actors of each folder under the folder’s name in the Actors view', async () => {
    await bench.runCommand('Focus on Actors View');
    // Give the view the height of the side bar: fold the file tree away.
    const files = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'two-folders' });
    if (await files.isVisible()) await files.click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Actors' }) });
    const alpha = bench.treeRow(view, 'alpha');
    await alpha.waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.treeRow(view, 'Imran Khan').waitFor({ timeout: UI_TIMEOUT_MS });
    // The first folder's 47 actors fill the view: fold them to see the second folder's.
    await alpha.locator('.monaco-tl-twistie').click();
    await bench.treeRow(view, 'beta').waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.treeRow(view, 'International organization').waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.treeRow(view, 'North Atlantic Treaty Organization').waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.screenshot('multi-root-actors-view');
    await alpha.locator('.monaco-tl-twistie').click();
    if (await page.locator('.pane-header[aria-expanded="false"]', { hasText: 'two-folders' }).isVisible()) await page.locator('.pane-header', { hasText: 'two-folders' }).first().click();
  });

  scenario('multi-root-export', 'asks which folder to export when no editor is open, and exports that folder', async () => {
    const folder = path.join(root, 'exports', 'beta-brat');
    mkdirSync(folder, { recursive: true });
    await bench.runCommand('Policy Annotator: Export as brat standoff');
    await (await bench.waitForQuickPickRow('beta')).click();
    await bench.waitForQuickInputTitle('choose a new or empty folder');
    await bench.typeInFolderDialog(`${folder}/`);
    await bench.quickInput.getByRole('button', { name: 'Export Here' }).click();
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported brat standoff' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    const files = filesUnder(folder);
    assert.ok(files.some((file) => file.includes('beta') && file.endsWith('.ann')), files.join(', '));
    assert.ok(!files.some((file) => file.includes('pakistan')), `only the second folder: ${files.join(', ')}`);
    await bench.runCommand('Notifications: Clear All Notifications');
  });

  scenario('multi-root-network', 'draws the network of the active editor’s folder', async () => {
    await bench.openFile('notes/texts/beta.txt');
    await hoverOver(BETA_TEXT, 'NATO', 'North Atlantic Treaty Organization');
    await page.keyboard.press('Escape');
    await bench.runCommand('Policy Annotator: Show Actor Network');
    await page.locator('.tabs-container .tab', { hasText: 'Actor Network: beta' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const view = new NetworkView(page, bench);
    // The second folder's two actors, not the first folder's 47.
    await view.waitForDrawn(2);
    await view.locator('#search').fill('North Atlantic');
    await view.locator('#matches button[data-id="actor:nato"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await view.locator('#search').fill('Inter-Services');
    await view.locator('#matches').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  });

  it('logged no paranoid-mode difference (CI runs the suite with POLICY_ANNOTATOR_PARANOID=1)', () => {
    assert.deepEqual(server.paranoidReports(), []);
  });
});
