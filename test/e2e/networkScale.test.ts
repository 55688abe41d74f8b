// The Actor network view at scale, in a real VS Code (code-server): a
// generated workspace of 4,000 actors with 8,000 relations and 1,000 dated
// claims. The view is opened with no node cap, and its own figures (time
// to interactive, longest main-thread task, from a PerformanceObserver for
// `longtask` inside the webview) are printed against the targets of issue
// 16: interactive within 3 s, no task over 100 ms. The drawing and its
// layout run in a web worker: the test checks they did, and prints the
// worker's own longest task beside the page's. Then: search centres a
// node, a click on it opens its definition, an edit on disk redraws without
// moving the nodes, and the DNA options and the time slider ask the server
// for the discourse network.
//
//   npm run test:e2e
//
// With UPDATE_README_IMAGES=1 the screenshot of the view is written to
// docs/images/network-view.png for the README.
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CodeServer } from './codeServer';
import { NetworkView } from './networkView';
import { buildVsix, ensurePrerequisites, REPO_ROOT } from './prerequisites';
import { openWorkbench, scenarios, USER_SETTINGS } from './session';
import { UI_TIMEOUT_MS, type Workbench } from './workbench';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'e2e-network-scale');
const README_IMAGE = process.env.UPDATE_README_IMAGES === '1' ? path.join(REPO_ROOT, 'docs', 'images', 'network-view.png') : undefined;
const ACTORS = 4_000;
const TEXTS = 40;
const CLAIMS_PER_TEXT = 25;
const CONCEPTS = 50;
const KINDS = ['state', 'government', 'military', 'armed-group', 'political-party', 'media'];
/** The targets of issue 16 at 4,000 nodes. */
const TARGET_INTERACTIVE_MS = 3_000;
const TARGET_LONGEST_TASK_MS = 100;

const actorId = (i: number) => `a${String(i).padStart(4, '0')}`;
/** A name of letters (the grammar would split digits off into tokens of their own): Actor Aaa, Actor Aab, … */
const actorName = (i: number) => `Actor ${[Math.floor(i / 676), Math.floor(i / 26) % 26, i % 26].map((n, at) => String.fromCharCode((at === 0 ? 65 : 97) + n)).join('')}`;

/** Actors in rings of 40 allies, each also opposing one actor far away: a graph with structure, 2 relations per actor. */
function actorsYaml(): string {
  const lines = ['actors:'];
  for (let i = 0; i < ACTORS; i++) {
    const ring = Math.floor(i / 40) * 40;
    lines.push(`  - id: ${actorId(i)}`, `    name: ${actorName(i)}`, `    kind: ${KINDS[i % KINDS.length]}`, `    aliases: [${actorName(i)}]`, '    relations:');
    lines.push('      - type: allied-with', `        target: ${actorId(ring + ((i + 1) % 40))}`);
    lines.push('      - type: opposes', `        target: ${actorId((i * 37 + 11) % ACTORS)}`);
  }
  return `${lines.join('\n')}\n`;
}

function conceptsYaml(): string {
  const lines = ['concepts:'];
  for (let c = 0; c < CONCEPTS; c++) lines.push(`  - id: concept-${c}`, `    label: Concept ${c}`);
  return `${lines.join('\n')}\n`;
}

/** The claimant and the concept of the s-th claim of text t: actors spread over the registry. */
const claimantOf = (t: number, s: number) => (t * 97 + s * 151) % ACTORS;
const conceptOf = (t: number, s: number) => (t + s) % CONCEPTS;

/** The rows (claimants) and columns (concepts) of the two-mode network of the first `texts` texts. */
function twoModeShape(texts: number): { actors: number; concepts: number } {
  const actors = new Set<number>();
  const concepts = new Set<number>();
  for (let t = 0; t < texts; t++) {
    for (let s = 0; s < CLAIMS_PER_TEXT; s++) {
      actors.add(claimantOf(t, s));
      concepts.add(conceptOf(t, s));
    }
  }
  return { actors: actors.size, concepts: concepts.size };
}

/** Its nodes: the claimants and the concepts. */
const twoModeNodes = (texts: number) => twoModeShape(texts).actors + twoModeShape(texts).concepts;

/** Text `t`: published in month t from January 2020, with a claim per sentence. */
function textFiles(t: number): Record<string, string> {
  const month = `${2020 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  const sentences: string[] = [];
  const claims: string[] = [];
  for (let s = 0; s < CLAIMS_PER_TEXT; s++) {
    const actor = claimantOf(t, s);
    sentences.push(`${actorName(actor)} made statement ${s} of text ${t}.`);
    claims.push(`  - id: t${t}-c${s}`, `    claimant: ${actorId(actor)}`, `    quote: made statement ${s} of text ${t}`, `    concept: concept-${conceptOf(t, s)}`, `    stance: ${(t + s) % 3 === 0 ? 'rejects' : 'supports'}`);
  }
  return {
    [`annotations/texts/text-${t}.txt`]: `${sentences.join('\n')}\n`,
    [`annotations/text-${t}.yaml`]: [`text: texts/text-${t}.txt`, `title: Text ${t}`, `published: "${month}-15"`, 'claims:', ...claims, ''].join('\n'),
  };
}

function writeWorkspace(dir: string): void {
  const files: Record<string, string> = { 'annotations/actors.yaml': actorsYaml(), 'annotations/concepts.yaml': conceptsYaml() };
  for (let t = 0; t < TEXTS; t++) Object.assign(files, textFiles(t));
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  }
}

describe('the Actor network view at 4,000 actors (code-server)', () => {
  let server: CodeServer;
  let browser: Browser | undefined;
  let page: Page;
  let bench: Workbench;
  let view: NetworkView;
  let root: string;
  let workspace: string;
  const scenario = scenarios(() => bench);

  before(async () => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    root = mkdtempSync(path.join(tmpdir(), 'policy-annotator-e2e-network-'));
    workspace = path.join(root, 'big');
    writeWorkspace(workspace);
    const prerequisites = ensurePrerequisites();
    server = new CodeServer(prerequisites, path.join(root, 'state'));
    // No node cap: the view draws all 4,000 actors, the size the targets are set for.
    server.writeUserSettings({ ...USER_SETTINGS, 'policyAnnotator.network.drawLimit': 0 });
    server.installExtension(buildVsix(path.join(root, 'policy-annotator.vsix')));
    ({ browser, page, bench } = await openWorkbench(prerequisites, await server.start(workspace), SCREENSHOTS));
    view = new NetworkView(page, bench);
  });

  // The browser, code-server and its process group, and the generated workspace (unless asked to keep it).
  after(async () => {
    await Promise.allSettled([browser?.close(), server?.stop()]);
    if (root && !process.env.POLICY_ANNOTATOR_E2E_KEEP) rmSync(root, { recursive: true, force: true });
  });

  // One scenario: the view stays open from one step to the next (the scenarios close every editor after them).
  scenario('network-scale', 'draws 4,000 actors, measures itself, finds and opens a node, keeps positions across an edit, and applies DNA options and the time range', async () => {
    // The server has indexed the workspace once a text shows its mentions as semantic tokens.
    await bench.openFile('annotations/texts/text-0.txt');
    await bench.waitForSemanticTokens(actorName(0));
    const started = Date.now();
    await bench.runCommand('Policy Annotator: Show Actor Network');
    await page.mouse.move(10, 400);
    const drawn = await view.waitForDrawn(ACTORS);
    const wall = Date.now() - started;
    await view.locator('#status', { hasText: `${ACTORS.toLocaleString('en')} nodes, 8,000 edges` }).waitFor({ timeout: UI_TIMEOUT_MS });

    // The figures, measured inside the webview.
    assert.equal(drawn.observing, 'longtask', 'the webview observes long tasks');
    assert.equal(drawn.renderer, 'worker', 'the drawing and the layout ran in their web worker (the page allows blob: workers), not on the main thread');
    assert.equal(drawn.layoutRuns, 1, 'the layout ran once');
    assert.ok(drawn.interactiveMs !== undefined && Number.isFinite(drawn.interactiveMs) && drawn.interactiveMs > 0, `time to interactive measured: ${drawn.interactiveMs}`);
    assert.ok(Number.isFinite(drawn.longestTaskMs));
    const figures = {
      nodes: drawn.nodes,
      interactiveMs: drawn.interactiveMs,
      drawMs: drawn.drawMs,
      longestTaskMs: drawn.longestTaskMs,
      longTasks: drawn.longTasks,
      // Each long task, after the phase it ran in (the latest `network:` mark of the view): where the time goes.
      taskPhases: drawn.taskPhases,
      // The drawing's own longest task (a frame or a layout step) in its worker, where the page's observer does not look.
      renderer: drawn.renderer,
      rendererLongestTaskMs: drawn.rendererLongestTaskMs,
      rendererLongestDrawMs: drawn.rendererLongestDrawMs,
      rendererFrames: drawn.rendererFrames,
      commandToLayoutDoneMs: wall,
      // The figures depend on the machine: a busy one (other processes on its cores) stretches every task.
      loadAverage: loadavg()[0],
      interactiveTargetMet: drawn.interactiveMs <= TARGET_INTERACTIVE_MS,
      longestTaskTargetMet: drawn.longestTaskMs <= TARGET_LONGEST_TASK_MS,
    };
    console.log(
      `network view at ${drawn.nodes} nodes: interactive after ${drawn.interactiveMs} ms (target ≤ ${TARGET_INTERACTIVE_MS}: ${figures.interactiveTargetMet ? 'met' : 'MISSED'}), ` +
        `answer to first frame ${drawn.drawMs} ms, longest main-thread task ${drawn.longestTaskMs} ms over ${drawn.longTasks} tasks ≥ 50 ms ` +
        `(target ≤ ${TARGET_LONGEST_TASK_MS}: ${figures.longestTaskTargetMet ? 'met' : 'MISSED'}); command to layout done ${wall} ms; load average ${figures.loadAverage.toFixed(1)}`,
    );
    console.log(`long tasks by phase (phase:ms): ${drawn.taskPhases ?? 'none'}; the drawing ran in its ${drawn.renderer}: ${drawn.rendererFrames} frames, the longest ${drawn.rendererLongestDrawMs} ms, the longest task there (a layout step and its frame) ${drawn.rendererLongestTaskMs} ms`);
    writeFileSync(path.join(SCREENSHOTS, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);

    // Search: the match list, the node centred and highlighted, its card pinned.
    await view.find(actorName(42), 'actor:a0042');
    assert.match(await view.locator('#card-text').innerText(), new RegExp(actorName(42)));
    await bench.screenshot('network-view', README_IMAGE);

    // The node is drawn at the centre now: a click there is a click on it, which opens its definition.
    const centre = await view.centre();
    await page.mouse.move(centre.x, centre.y);
    await view.locator('#card:not(.pinned)', { hasText: actorName(42) }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.mouse.click(centre.x, centre.y);
    await bench.waitForActiveTab('actors.yaml');
    const actorsFile = readFileSync(path.join(workspace, 'annotations/actors.yaml'), 'utf8');
    await bench.waitForCursor(actorsFile.split('\n').indexOf('  - id: a0042') + 1);

    // An edit (on disk, as a git pull would make it): one actor more. The view redraws with every node where it was.
    const before = await view.metrics();
    appendFileSync(path.join(workspace, 'annotations/actors.yaml'), ['  - id: newcomer', '    name: The Newcomer', '    kind: media', '    relations:', '      - type: allied-with', '        target: a0042', ''].join('\n'));
    const after = await view.waitForDrawn(ACTORS + 1, before.draws);
    assert.equal(after.kept, ACTORS, 'every node drawn before kept its place; only the new one was placed');
    assert.equal(after.layoutRuns, 2, 'the layout ran again for the new node');

    // The DNA options offer only what applies to the network type: a one-mode conflict network, then two-mode, where conflict does not apply.
    await view.set('#network', 'discourse');
    assert.deepEqual(await view.options('#qualifierAggregation'), ['ignore', 'congruence', 'conflict', 'subtract']);
    assert.deepEqual(await view.options('#normalization'), ['no', 'average', 'jaccard', 'cosine']);
    assert.equal(await view.locator('#columns').isVisible(), false, 'no columns in a one-mode network');
    await view.set('#qualifierAggregation', 'conflict');
    await view.locator('#status', { hasText: '(conflict)' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await view.set('#type', 'twomode');
    assert.deepEqual(await view.options('#qualifierAggregation'), ['ignore', 'subtract', 'combine']);
    assert.deepEqual(await view.options('#normalization'), ['no', 'activity', 'prominence']);
    assert.equal(await view.locator('#qualifierAggregation').inputValue(), 'ignore', 'the one-mode choice was reset');
    assert.equal(await view.locator('#columns').isVisible(), true);
    await view.locator('#status', { hasText: 'Two-mode network' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await view.locator('#notes').innerText(), '', 'the server had no choice to replace');
    const allTime = await view.waitForDrawn(twoModeNodes(TEXTS));
    assert.equal(await view.locator('#stop').getAttribute('max'), String(TEXTS - 1), 'a stop of the slider per published date');
    await view.set('#stop', '3');
    await view.locator('#range', { hasText: '2020-01-15 – 2020-04-15' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const ranged = await view.waitForDrawn(twoModeNodes(4), allTime.draws);
    await bench.screenshot('network-scale-time-range');
    // A normalisation (the network engine's, as the network command applies it): by prominence each concept's cells sum to 1.
    await view.set('#normalization', 'prominence');
    await view.locator('#status', { hasText: 'normalized by prominence' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const normalized = await view.waitForDrawn(twoModeNodes(4), ranged.draws);
    assert.notEqual(normalized.edgeWeight, ranged.edgeWeight, 'the edge weights changed with the normalisation');
    assert.ok(Math.abs(normalized.edgeWeight! - twoModeShape(4).concepts) < 1e-6, `each concept's cells sum to 1: ${normalized.edgeWeight} for ${twoModeShape(4).concepts} concepts`);

    // Back to the relation graph, on the first date of its slider: the request carries it as `at`.
    await view.set('#network', 'relations');
    await view.locator('#when').waitFor({ timeout: UI_TIMEOUT_MS });
    await view.set('#at', '1');
    await view.locator('#status', { hasText: 'Actor relation graph, in force on 2020-01-15' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await view.waitForDrawn(ACTORS + 1, normalized.draws);
  });

  it('logged no paranoid-mode difference (CI runs the suite with POLICY_ANNOTATOR_PARANOID=1)', () => {
    assert.deepEqual(server.paranoidReports(), []);
  });
});
