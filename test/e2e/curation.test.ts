// Curation in a real VS Code (code-server): "Compare with Annotator…" on
// another annotator's folder, their differing stance shown as an
// information diagnostic, "take their value" applied as an edit of the
// buffer, Undo restoring mine, and the comparison surviving a restart of
// the language server.
//
//   npm run test:e2e
//
// The screenshot the README shows is written to docs/images/ too when
// UPDATE_README_IMAGES=1.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { buildVsix, ensurePrerequisites, REPO_ROOT } from './prerequisites';
import { closeSession, installedCodeServer, openWorkbench, scenarios } from './session';
import { UI_TIMEOUT_MS, type Workbench } from './workbench';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'e2e-curation');
const README_IMAGE = process.env.UPDATE_README_IMAGES === '1' ? path.join(REPO_ROOT, 'docs', 'images', 'curation.png') : undefined;
const ARTICLE = 'The ISI backs the Taliban. Imran Khan said the Taliban are “normal civilians.” The ISI denies it.\n';
const ACTORS = [
  'actors:',
  '  - {id: isi, name: Inter-Services Intelligence, kind: intelligence-agency, aliases: [ISI]}',
  '  - {id: taliban, name: Afghan Taliban, kind: armed-group, aliases: [Taliban]}',
  '  - {id: imran-khan, name: Imran Khan, kind: person, aliases: [Imran Khan]}',
  'concepts:',
  '  - {id: support, label: Support for the Taliban}',
  '',
].join('\n');
const MY_CLAIMS = ['text: texts/article.txt', 'claims:', '  - id: isi-backs', '    claimant: isi', '    concept: support', '    stance: supports', '    quote: The ISI backs the Taliban.', ''].join('\n');
const THEIR_CLAIMS = ['text: texts/article.txt', 'claims:', '  - {id: b1, claimant: isi, concept: support, stance: rejects, quote: The ISI backs the Taliban.}', ''].join('\n');

const started = Date.now();
function trace(step: string): void {
  console.log(`[curation e2e +${((Date.now() - started) / 1000).toFixed(1)} s] ${step}`);
}

function filesNamed(dir: string, name: string): string[] {
  try {
    return readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? filesNamed(full, name) : entry === name ? [full] : [];
    });
  } catch {
    return [];
  }
}

function writeWorkspace(dir: string, claims: string): void {
  const files = { 'annotations/texts/article.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/claims.yaml': claims };
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  }
}

describe('Curation: compare with another annotator (code-server)', () => {
  let root: string;
  let theirs: string;
  let server: CodeServer;
  let browser: Browser | undefined;
  let page: Page;
  let bench: Workbench;

  const scenario = scenarios(() => bench);

  before(async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    const prerequisites = ensurePrerequisites();
    root = mkdtempSync(path.join(tmpdir(), 'policy-annotator-e2e-curation-'));
    const vsix = buildVsix(path.join(root, 'policy-annotator.vsix'));
    const mine = path.join(root, 'mine');
    theirs = path.join(root, 'bob');
    writeWorkspace(mine, MY_CLAIMS);
    writeWorkspace(theirs, THEIR_CLAIMS);
    server = installedCodeServer(prerequisites, root, vsix);
    ({ browser, page, bench } = await openWorkbench(prerequisites, await server.start(mine), SCREENSHOTS));
  });

  after(async () => {
    // The extension's output channel (client and server log) is kept with the screenshots.
    if (server) for (const log of filesNamed(path.join(server.userDataDir, 'logs'), 'Policy Annotator.log')) cpSync(log, path.join(SCREENSHOTS, 'policy-annotator-output.log'));
    await closeSession(browser, server, root);
  });

  scenario('curation', 'compares with a folder, shows their stance, takes it as an undoable edit', async () => {
    await bench.openFile('annotations/claims.yaml');
    // The command shows in the palette once the extension is active (it activates on the YAML file).
    const command = bench.quickPickRow('Policy Annotator: Compare with Annotator');
    await bench.retryUntil(
      'the command in the palette',
      async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('F1');
        await bench.typeInQuickInput('>Policy Annotator: Compare with Annotator');
      },
      () => command.waitFor({ timeout: 5_000 }).then(() => true, () => false),
    );
    const comparing = page.locator('.statusbar-item', { hasText: 'Comparing with bob' }).first();
    await command.click();
    await (await bench.waitForQuickPickRow('Folder…')).click();
    trace('folder dialog asked for');
    await bench.typeInFolderDialog(`${theirs}/`);
    trace('path typed');
    await bench.acceptFolderDialog('Compare');
    trace('folder dialog accepted');
    await comparing.waitFor({ timeout: UI_TIMEOUT_MS });
    trace('comparing');
    // Their stance, as an information diagnostic on mine.
    await page.locator('.monaco-editor .squiggly-info').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.goTo(6, 13);
    const take = page.locator('.action-widget .monaco-list-row', { hasText: "Take bob's stance: rejects" }).first();
    await bench.retryUntil('the curation quick fixes', () => bench.runCommand('Quick Fix...'), async () => take.waitFor({ timeout: 5_000 }).then(() => true, () => false));
    await bench.screenshot('curation', README_IMAGE);
    await take.click();
    await bench.until('the buffer to take their stance', async () => (await bench.visibleLines()).some((line) => line.includes('stance: rejects')));
    await page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: UI_TIMEOUT_MS });
    // Mine equals theirs now: the difference is gone.
    await page.locator('.monaco-editor .squiggly-info').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    // The edit came back to the editor, which has the focus again: Undo as a person presses it.
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Z' : 'Control+Z');
    await bench.until('Undo to restore my stance', async () => (await bench.visibleLines()).some((line) => line.includes('stance: supports')));
    await page.locator('.monaco-editor .squiggly-info').first().waitFor({ timeout: UI_TIMEOUT_MS });
    // A restarted server holds no comparison: the client asks for it again, so the status bar tells the truth.
    const [pid] = server.processesMatching('dist/server.js');
    await bench.runCommand('Policy Annotator: Restart Language Server');
    await bench.until('a new language server', async () => server.processesMatching('dist/server.js').some((other) => other !== pid));
    trace('server restarted');
    await comparing.waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.monaco-editor .squiggly-info').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.runCommand('Policy Annotator: Stop Comparing with Annotator');
    await comparing.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await page.locator('.monaco-editor .squiggly-info').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  });

  it('logged no paranoid-mode difference (CI runs the suite with POLICY_ANNOTATOR_PARANOID=1)', () => {
    assert.deepEqual(server.paranoidReports(), []);
  });
});
