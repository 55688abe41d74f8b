// The extension in a real VS Code: the built .vsix installed into
// code-server, driven through the workbench with Playwright in headless
// Chromium, on a copy of the sample corpus. CONTRIBUTING.md ("Testing the extension")
// says how to run it.
//
//   npm run test:e2e
//
// Screenshots of every scenario go to test-results/e2e/ (a failing scenario
// keeps its screenshot as <name>-failed.png). The ones the README shows are
// written to docs/images/ too when UPDATE_README_IMAGES=1:
//
//   UPDATE_README_IMAGES=1 npm run test:e2e
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { NetworkView } from './networkView';
import { buildVsix, ensurePrerequisites, REPO_ROOT } from './prerequisites';
import { installedCodeServer, openWorkbench, scenarios } from './session';
import { UI_TIMEOUT_MS, type Workbench } from './workbench';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'e2e');
/** Where the README's screenshots go, when they are to be refreshed. */
const README_IMAGES = process.env.UPDATE_README_IMAGES === '1' ? path.join(REPO_ROOT, 'docs', 'images') : undefined;
const readmeImage = (name: string) => README_IMAGES && path.join(README_IMAGES, name);
const ARTICLE = 'annotations/texts/pakistan-taliban-qa.txt';
const ANNOTATION = 'annotations/pakistan-taliban-qa.yaml';
const ACTORS = 'annotations/actors.yaml';

/** 1-based line and column of the n-th occurrence of `fragment` in a file of the workspace. */
function positionOf(content: string, fragment: string, occurrence = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = content.indexOf(fragment, at + 1);
    assert.ok(at >= 0, `"${fragment}" occurs ${occurrence + 1} times`);
  }
  const before = content.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

function findFiles(dir: string, name: RegExp): string[] {
  try {
    return readdirSync(dir).flatMap((entry) => {
      const full = path.join(dir, entry);
      return statSync(full).isDirectory() ? findFiles(full, name) : name.test(entry) ? [full] : [];
    });
  } catch {
    return [];
  }
}

function makeWritable(dir: string): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) makeWritable(full);
    else chmodSync(full, 0o644);
  }
}

describe('Policy Annotator in a real VS Code (code-server)', () => {
  let root: string;
  let workspace: string;
  let server: CodeServer;
  let browser: Browser | undefined;
  let page: Page;
  let bench: Workbench;
  const read = (relative: string) => readFileSync(path.join(workspace, relative), 'utf8');

  const scenario = scenarios(() => bench);

  before(async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    const prerequisites = ensurePrerequisites();
    root = mkdtempSync(path.join(tmpdir(), 'policy-annotator-e2e-'));
    const vsix = buildVsix(path.join(root, 'policy-annotator.vsix'));
    workspace = path.join(root, 'corpus');
    cpSync(path.join(REPO_ROOT, 'annotations'), path.join(workspace, 'annotations'), { recursive: true });
    makeWritable(workspace);

    server = installedCodeServer(prerequisites, root, vsix);
    ({ browser, page, bench } = await openWorkbench(prerequisites, await server.start(workspace), SCREENSHOTS));
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    // The extension's output channel (client and server log) is kept with the screenshots.
    if (server) for (const log of findFiles(path.join(server.userDataDir, 'logs'), /Policy Annotator\.log$/)) cpSync(log, path.join(SCREENSHOTS, 'policy-annotator-output.log'));
    if (root && !process.env.POLICY_ANNOTATOR_E2E_KEEP) rmSync(root, { recursive: true, force: true });
    else if (root) console.log(`Kept the e2e workspace and code-server state in ${root}`);
  });

  scenario('hover-card', 'opens the sample article and shows the actor card when hovering over "ISI"', async () => {
    await bench.openFile(ARTICLE);
    const isi = positionOf(read(ARTICLE), 'ISI');
    await bench.goTo(isi.line, isi.column + 1);
    // The server may still be indexing when the article opens: showHover asks again until it answers.
    const hover = await bench.showHover('Inter-Services Intelligence', 'the hover card of the ISI');
    await bench.waitForSemanticTokens('Inter-Services Intelligence');
    const card = await hover.innerText();
    assert.match(card, /intelligence-agency/);
    assert.match(card, /Pakistan/);
    await bench.screenshot('hover-card', readmeImage('hover-card.png'));
    await page.keyboard.press('Escape');
  });

  scenario('definition', 'goes to the definition of an actor from its mention and lands in actors.yaml', async () => {
    await bench.openFile(ARTICLE);
    const isi = positionOf(read(ARTICLE), 'the ISI has been');
    await bench.goTo(isi.line, isi.column + 5);
    await page.keyboard.press('F12');
    await bench.waitForActiveTab('actors.yaml');
    const definition = positionOf(read(ACTORS), 'id: isi\n');
    await bench.waitForCursor(definition.line, definition.column + 4);
    assert.ok((await bench.visibleLines()).some((line) => line.includes('name: Inter-Services Intelligence (ISI)')));
  });

  scenario('broken-quote', 'shows a broken quote as a squiggle in the YAML and as an entry in the Problems panel', async () => {
    await bench.openFile(ANNOTATION);
    const quote = positionOf(read(ANNOTATION), 'the Taliban are “not a military outfit”');
    await bench.goTo(quote.line, quote.column);
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('words that the article never uses');
    const squiggle = bench.activeEditor.locator('.squiggly-error');
    await squiggle.first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'quote-not-found' });
    await problem.first().waitFor({ timeout: 60_000 });
    assert.match(await problem.first().innerText(), /does not occur|not found|no longer/i);
    await bench.screenshot('broken-quote');
    await bench.revertActiveFile();
    await squiggle.first().waitFor({ state: 'detached', timeout: 60_000 });
    await problem.first().waitFor({ state: 'detached', timeout: 60_000 });
  });

  scenario('quick-fix', 'offers the quick fix for a stale quote and applies it', async () => {
    await bench.openFile(ANNOTATION);
    const word = positionOf(read(ANNOTATION), 'normal civilians.”');
    await bench.goTo(word.line, word.column);
    // A copy-edit: "normal" becomes "ordinary"; the quote is now stale, and the fix proposes the article's words.
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.type('ordinary');
    const squiggle = bench.activeEditor.locator('.squiggly-warning, .squiggly-error');
    await squiggle.first().waitFor({ timeout: 60_000 });
    await bench.goTo(word.line, word.column + 2);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: /quote/i });
    await fix.first().waitFor({ timeout: 60_000 });
    await bench.screenshot('quick-fix', readmeImage('quick-fix.png'));
    await fix.first().click();
    await squiggle.first().waitFor({ state: 'detached', timeout: 60_000 });
    assert.ok((await bench.visibleLines()).some((line) => line.includes('quote: the Taliban are “not a military outfit” but rather “normal civilians.”')));
    await bench.revertActiveFile();
  });

  scenario('annotate-claim', 'annotates a selection as a claim and writes it into the YAML with the file’s comments intact', async () => {
    const before = read(ANNOTATION);
    await bench.openFile(ARTICLE);
    const words = 'they have even used Pakistani passports to travel abroad';
    const start = positionOf(read(ARTICLE), words);
    await bench.goTo(start.line, start.column);
    await bench.selectRight(words.length);
    await bench.runCommand('Policy Annotator: Annotate Selection as Claim');
    await bench.typeInQuickInput('Aqil');
    (await bench.waitForQuickPickRow('Aqil Shah')).click();
    await bench.waitForQuickInputTitle('who or what is it about');
    await bench.typeInQuickInput('ISI');
    // In a multi-select pick, clicking a row checks it; OK accepts the checked rows.
    await (await bench.waitForQuickPickRow('Inter-Services Intelligence (ISI)')).click();
    await bench.quickInput.getByText('1 Selected').waitFor({ timeout: UI_TIMEOUT_MS });
    // A claim may be about an entity too: they are offered under their own heading.
    await bench.typeInQuickInput('Durand');
    await (await bench.waitForQuickPickRow('Durand Line')).click();
    await bench.quickInput.getByText('2 Selected').waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.quickInput.getByRole('button', { name: 'OK' }).click();
    await bench.waitForQuickInputTitle('what type of claim');
    await bench.typeInQuickInput('report');
    (await bench.waitForQuickPickRow('report')).click();
    await bench.waitForQuickInputTitle('does it take a stance');
    (await bench.waitForQuickPickRow('(none)')).click();
    const written = page.locator('.monaco-editor .view-line', { hasText: 'aqil-shah-even-used-pakistani-passports' });
    await written.first().waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.screenshot('annotate-claim', readmeImage('annotate-claim.png'));
    await bench.runCommand('File: Save All');
    await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    const after = read(ANNOTATION);
    const inserted = after.length - before.length;
    assert.ok(inserted > 0, 'the claim was saved');
    const firstDifference = [...before].findIndex((ch, i) => after[i] !== ch);
    const at = firstDifference === -1 ? before.length : firstDifference;
    assert.equal(after.slice(0, at) + after.slice(at + inserted), before, 'only an insertion: every comment and blank line of the file is as it was');
    const block = after.slice(at, at + inserted);
    assert.match(block, /- id: aqil-shah-even-used-pakistani-passports\n {4}claimant: aqil-shah\n {4}quote: they have even used Pakistani passports to travel abroad\n {4}about: \[isi, durand-line\]\n {4}type: report\n/);
    assert.match(after, /^# Annotation of Aqil Shah's Carnegie Q&A on Pakistan and the Taliban \(2021\)\./);
  });

  scenario('create-actor', 'creates an actor from a selection, and the text hovers with its new card at once', async () => {
    await bench.openFile(ARTICLE);
    const words = 'social media';
    const start = positionOf(read(ARTICLE), words);
    await bench.goTo(start.line, start.column);
    await bench.selectRight(words.length);
    await bench.runCommand('Policy Annotator: Create Actor from Selection');
    await bench.waitForQuickInputTitle('what kind of actor');
    await bench.typeInQuickInput('media');
    await (await bench.waitForQuickPickRow('media')).click();
    await page.locator('.tabs-container .tab.dirty', { hasText: 'actors.yaml' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.monaco-editor .view-line', { hasText: 'id: social-media' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    // The registry is not saved yet; the server reads the editor's buffer, so the text already mentions the new actor.
    await bench.openFile(ARTICLE);
    await bench.goTo(start.line, start.column + 2);
    assert.match(await (await bench.showHover('Social media', 'the hover card of the new actor')).innerText(), /media/);
  });

  scenario('actors-view', 'lists the actors by kind in the Actors view, with their claims and mentions, follows edits, and lists the entities apart', async () => {
    await bench.runCommand('Focus on Actors View');
    // Give the view the height of the side bar: fold the file tree away.
    const folders = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'corpus' });
    if (await folders.isVisible()) await folders.click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Actors' }) });
    const khan = bench.treeRow(view, 'Imran Khan');
    await khan.waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.treeRow(view, 'Person').waitFor();
    await bench.treeRow(view, 'Intelligence agency').waitFor();
    // A click on an actor reveals its definition.
    await khan.click();
    await bench.waitForActiveTab('actors.yaml');
    // The definition's id is selected (the cursor at its end).
    await bench.waitForCursor(positionOf(read(ACTORS), 'id: imran-khan\n').line);
    // Its claims and mentions are under it; a click on a claim reveals its span in the text.
    await khan.locator('.monaco-tl-twistie').click();
    const claims = bench.treeRow(view, 'Claims');
    await claims.waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.treeRow(view, 'Mentions').locator('.monaco-tl-twistie').click();
    await claims.locator('.monaco-tl-twistie').click();
    const claim = view.locator('.monaco-list-row', { hasText: 'not a military outfit' }).first();
    await claim.waitFor({ timeout: UI_TIMEOUT_MS });
    await claim.click();
    await bench.waitForActiveTab('pakistan-taliban-qa.txt');
    const span = positionOf(read(ARTICLE), 'the Taliban are “not a military outfit”');
    await bench.waitForCursor(span.line);
    await view.locator('.monaco-list-row', { hasText: 'Taliban Khan' }).first().waitFor();
    await bench.waitForSemanticTokens('Imran Khan');
    await bench.screenshot('actors-view', readmeImage('actors-view.png'));

    // The view follows edits: "Prime Minister" added as an alias of Imran Khan (unsaved) is one more mention of him.
    const mentions = Number((await khan.locator('.label-description').innerText()).match(/(\d+) mentions?/)![1]);
    const title = positionOf(read(ARTICLE), 'Prime Minister');
    await bench.goTo(title.line, title.column);
    await bench.selectRight('Prime Minister'.length);
    await bench.runCommand('Policy Annotator: Add Selection as Alias of Actor');
    await bench.typeInQuickInput('Imran');
    await (await bench.waitForQuickPickRow('Imran Khan')).click();
    await page.locator('.tabs-container .tab.dirty', { hasText: 'actors.yaml' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await khan.locator('.label-description', { hasText: `${mentions + 1} mentions` }).waitFor({ timeout: UI_TIMEOUT_MS });

    // Entities (places, projects, …) come last, under their own node: the Durand Line, with the claims about it.
    await bench.runCommand('Focus on Actors View');
    await page.keyboard.press('End');
    const entities = bench.treeRow(view, 'Entities');
    await entities.waitFor({ timeout: UI_TIMEOUT_MS });
    await entities.locator('.monaco-tl-twistie').click();
    // Its rows open below the fold, once the view has fetched them: to the end of the list again until they show (the click on the twistie left the focus in the list).
    const place = bench.treeRow(view, 'Place');
    await bench.retryUntil('the entities’ kinds below Entities', () => page.keyboard.press('End'), () => place.waitFor({ timeout: 2_000 }).then(() => true, () => false));
    const durand = bench.treeRow(view, 'Durand Line');
    await durand.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await durand.locator('.label-description').innerText(), /\d+ mentions?/);
    await durand.click();
    await bench.waitForActiveTab('entities.yaml');
    await bench.waitForCursor(positionOf(read('annotations/entities.yaml'), 'id: durand-line\n').line);
    await durand.locator('.monaco-tl-twistie').click();
    await bench.treeRow(view, 'Claims about it').waitFor({ timeout: UI_TIMEOUT_MS });
    if (await page.locator('.pane-header[aria-expanded="false"]', { hasText: 'corpus' }).isVisible()) await page.locator('.pane-header', { hasText: 'corpus' }).first().click();
  });

  scenario('actor-network', 'draws the actor network, finds a node, shows its card, opens its definition on click and switches to DNA’s conflict and two-mode networks', async () => {
    // The command shows once the extension is active: wait for the server to serve a text first.
    await bench.openFile(ARTICLE);
    await bench.waitForSemanticTokens('Inter-Services Intelligence');
    await bench.runCommand('Policy Annotator: Show Actor Network');
    // Off the tab bar before its tooltips show: the screenshot is of the view.
    await page.mouse.move(800, 600);
    const view = new NetworkView(page, bench);
    const relations = await view.waitForDrawn(undefined);
    assert.ok((relations.nodes ?? 0) > 10, 'the relation graph holds the registry’s actors');
    await view.locator('#status', { hasText: /Actor relation graph: \d+ nodes, [1-9]\d* edges/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    await view.locator('#legend .item', { hasText: 'intelligence agency' }).waitFor();
    // Search centres the node and pins its card (plain text).
    await view.find('Inter-Services', 'actor:isi');
    assert.match(await view.locator('#card-text').innerText(), /Inter-Services Intelligence[\s\S]*intelligence-agency/);
    await bench.screenshot('actor-network', readmeImage('actor-network.png'));
    // The node is at the centre of the drawing: the mouse there shows its card, a click opens its definition.
    const centre = await view.centre();
    await page.mouse.move(centre.x, centre.y);
    await view.locator('#card:not(.pinned)', { hasText: 'Inter-Services Intelligence' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.mouse.click(centre.x, centre.y);
    await bench.waitForActiveTab('actors.yaml');
    await bench.waitForCursor(positionOf(read(ACTORS), 'id: isi\n').line);
    // DNA's options: the conflict network (actors who took opposite stances on a concept).
    await view.set('#network', 'discourse');
    await view.set('#qualifierAggregation', 'conflict');
    await view.locator('#status', { hasText: /One-mode network.*\(conflict\).*[1-9]\d* edges/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    // The two-mode network, then a filter that asks the server again: only the claims that reject a concept.
    await view.set('#type', 'twomode');
    const twoMode = view.locator('#status', { hasText: 'Two-mode network' });
    await twoMode.waitFor({ timeout: UI_TIMEOUT_MS });
    const edges = async () => Number((await twoMode.innerText()).match(/(\d+) edges/)![1]);
    const all = await edges();
    await view.set('#stance', 'rejects');
    await bench.until('the two-mode network with only rejecting claims', async () => (await edges()) < all && (await edges()) > 0);
    await view.set('#stance', '');
    await view.set('#network', 'relations');
  });

  scenario('export', 'exports brat standoff into a folder, and refuses a folder that holds other files', async () => {
    const folder = path.join(root, 'exports', 'brat');
    mkdirSync(folder, { recursive: true });
    await bench.runCommand('Policy Annotator: Export as brat standoff');
    // code-server's folder picker is the simple dialog: a path in the quick input. Typing before it shows loses the path to its default.
    await bench.waitForQuickInputTitle('choose a new or empty folder');
    await bench.typeInFolderDialog(`${folder}/`);
    await bench.quickInput.getByRole('button', { name: 'Export Here' }).click();
    const done = page.locator('.notifications-toasts .notification-toast', { hasText: 'Exported brat standoff' });
    await done.first().waitFor({ timeout: UI_TIMEOUT_MS });
    const files = findFiles(folder, /./).map((file) => path.relative(folder, file));
    assert.ok(files.includes('annotation.conf'), files.join(', '));
    assert.ok(files.some((file) => file.endsWith('.ann')) && files.some((file) => file.endsWith('.txt')));
    assert.ok(files.includes('.policy-annotator-export.json'), 'the manifest the CLI keeps too');
    // Again into the same folder: an earlier brat export, so it is refreshed. A W3C export there is refused.
    await bench.runCommand('Policy Annotator: Export as W3C Web Annotations');
    await bench.waitForQuickInputTitle('Export as W3C Web Annotations: choose a new or empty folder');
    await bench.typeInFolderDialog(`${folder}/`);
    await bench.quickInput.getByRole('button', { name: 'Export Here' }).click();
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'holds a brat export' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await bench.screenshot('export-refused');
    assert.deepEqual(findFiles(folder, /./).map((file) => path.relative(folder, file)), files, 'nothing was written');
    await bench.runCommand('Notifications: Clear All Notifications');
  });

  scenario('server-restart', 'restarts the language server after it crashes, and tells the user once', async () => {
    const notice = page.locator('.notifications-toasts .notification-toast', { hasText: 'stopped unexpectedly and was restarted' });
    for (let crash = 1; crash <= 2; crash++) {
      const [pid] = server.processesMatching('dist/server.js');
      assert.ok(pid, 'the language server runs in code-server\'s process group');
      process.kill(pid, 'SIGKILL');
      await bench.until(`a new language server after crash ${crash}`, async () => server.processesMatching('dist/server.js').some((other) => other !== pid));
      if (crash === 1) await notice.first().waitFor({ timeout: UI_TIMEOUT_MS });
    }
    await bench.screenshot('server-restart');
    // Every notification, shown or hidden, is in the notification center.
    await bench.runCommand('Notifications: Show Notifications');
    const told = page.locator('.notifications-center .notification-list-item', { hasText: 'stopped unexpectedly and was restarted' });
    await told.first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await told.count(), 1, 'the user is told once, not on every crash');
    await bench.runCommand('Notifications: Hide Notifications');
    // And it serves again.
    await bench.openFile(ARTICLE);
    const isi = positionOf(read(ARTICLE), 'ISI');
    await bench.goTo(isi.line, isi.column + 1);
    await bench.showHover('Inter-Services Intelligence', 'the hover card after the restart');
  });

  it('logged no paranoid-mode difference (CI runs the suite with POLICY_ANNOTATOR_PARANOID=1)', () => {
    assert.deepEqual(server.paranoidReports(), []);
  });
});
