// Issue 13: an edit after indexing (a character in an annotation file of
// thousands of claims, an alias renamed over a long text) was applied and
// refreshed in one synchronous piece. It now runs in steps, with requests
// answered in between, and a newer edit wins. These tests count the pauses
// and look at what is answered and announced during them, never time them,
// and compare the result with a rebuild from scratch.
import assert from 'node:assert/strict';
import { setImmediate } from 'node:timers';
import { describe, it } from 'node:test';
import { hover } from '../../server/src/core/features/hover';
import type { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { LARGE_FILE } from '../../server/src/core/workspace/loadWorkspace';
import { DiskAndBuffers } from '../helpers/diskAndBuffers';
import { uriOf, yaml } from '../helpers/memoryWorkspace';

const CONTROL_TEXT = uriOf('annotations/texts/control.txt');
const BIG = uriOf('annotations/big.yaml');
const ACTORS = uriOf('annotations/actors.yaml');

/** A healthy control text and actor, and an annotation file of `count` claims over a text of its own (over LARGE_FILE from about 3,000). */
function workspaceWithBigFile(count: number): Record<string, string> {
  const sentences = Array.from({ length: count }, (_, i) => `Point ${i} holds.`);
  const lines = ['text: texts/big.txt', 'claims:'];
  sentences.forEach((sentence, i) => lines.push(`  - id: c${i}`, '    claimant: india', `    quote: ${sentence}`));
  return {
    'annotations/actors.yaml': yaml('actors:', '  - id: india', '    name: India', '    kind: state', '    aliases: [India]'),
    'annotations/texts/control.txt': 'India said the border is calm.\n',
    'annotations/control.yaml': yaml('text: texts/control.txt', 'claims:', '  - id: control-calm', '    claimant: india', '    quote: the border is calm'),
    'annotations/texts/big.txt': `India says: ${sentences.join(' ')}\n`,
    'annotations/big.yaml': yaml(...lines),
  };
}

/**
 * A workspace whose live workspace pauses through `onPause` (a turn of the
 * event loop each), as the server's does; `onPause` runs during each pause.
 */
function steppedWorkspace(files: Record<string, string>, onPause: () => void = () => {}): DiskAndBuffers {
  return new DiskAndBuffers(files, {
    yieldControl: () =>
      new Promise<void>((resolve) => {
        onPause();
        setImmediate(resolve);
      }),
  });
}

/** The hover card over "India" in the control text, as a read request sees it now; undefined when none is answered. */
function hoverOverControl(workspace: DiskAndBuffers): string | undefined {
  const reading = workspace.live.readingIndexFor(CONTROL_TEXT);
  const card = reading && hover(reading.index, CONTROL_TEXT, 2);
  return card && JSON.stringify(card);
}

describe('edits after indexing run in steps (issue 13)', () => {
  it('a large annotation file edited by one character enters the index in steps, with a hover elsewhere answered between them, and equals a rebuild', async () => {
    const files = workspaceWithBigFile(4000);
    assert.ok(files['annotations/big.yaml'].length >= LARGE_FILE, 'the file is large');
    const hovers: (string | undefined)[] = [];
    let during = false;
    const workspace = steppedWorkspace(files, () => {
      if (during) hovers.push(hoverOverControl(workspace));
    });
    await workspace.live.load();
    const pausesBefore = workspace.live.editPauses;
    const edited = files['annotations/big.yaml'].replace('id: c3999', 'id: c399x');
    during = true;
    const applied = workspace.typeInto(BIG, edited);
    assert.notEqual(workspace.live.whenStaged(BIG), undefined, 'a large edit is entered into the index after setBuffer returns');
    await applied;
    during = false;
    assert.ok(workspace.live.editPauses - pausesBefore >= 4, `the edit let other work run ${workspace.live.editPauses - pausesBefore} times`);
    assert.ok(hovers.length >= 4, `${hovers.length} hovers asked during the edit`);
    assert.ok(hovers.every((card) => card?.includes('India')), 'every hover during the edit showed the actor card');
    assert.equal(workspace.live.whenStaged(BIG), undefined);
    assert.equal((workspace.live.indexFor(BIG) as WorkspaceIndex).claimDefinitions('c399x').length, 1);
    await workspace.assertEqualsRebuild('after a large file was edited in steps');
  });

  it('a newer edit of the same file wins: the stale version is never entered into the index nor announced', async () => {
    const files = workspaceWithBigFile(4000);
    const workspace = steppedWorkspace(files);
    await workspace.live.load();
    const index = workspace.live.indexFor(BIG) as WorkspaceIndex;
    const entered: string[] = [];
    const setAnnotationFileInSteps = index.setAnnotationFileInSteps.bind(index);
    index.setAnnotationFileInSteps = (uri, content, parsed) => {
      entered.push(content);
      return setAnnotationFileInSteps(uri, content, parsed);
    };
    const announced: string[] = [];
    workspace.live.onDiagnosticsChanged((uris) => {
      for (const uri of uris) announced.push(...workspace.live.diagnostics(uri).diagnostics.map((d) => d.message));
    });
    const stale = files['annotations/big.yaml'].replace('claimant: india', 'claimant: stale-one');
    const newer = files['annotations/big.yaml'].replace('claimant: india', 'claimant: newer-one');
    const first = workspace.typeInto(BIG, stale);
    await workspace.typeInto(BIG, newer);
    await first;
    assert.deepEqual(entered.map((content) => content === newer), [true], 'only the newer version was entered');
    assert.ok(announced.some((message) => message.includes('newer-one')), 'the newer version’s unknown claimant is announced');
    assert.ok(!announced.some((message) => message.includes('stale-one')), 'nothing of the stale version is announced');
    await workspace.assertEqualsRebuild('after an edit superseded by a newer one');
  });

  it('an edit that arrives while another is refreshed in steps makes that refresh give way, and the last refresh covers both', async () => {
    const files = workspaceWithBigFile(4000);
    let onPause: (() => void) | undefined;
    const workspace = steppedWorkspace(files, () => onPause?.());
    await workspace.live.load();
    const announced: string[] = [];
    workspace.live.onDiagnosticsChanged((uris) => {
      for (const uri of uris) announced.push(...workspace.live.diagnostics(uri).diagnostics.map((d) => `${uri} ${d.message}`));
    });
    // The first edit renames the actor that every claim names (all its claims report it); the second, at its first pause, edits the control file.
    let second: Promise<void> | undefined;
    onPause = () => {
      onPause = undefined;
      second = workspace.typeInto(uriOf('annotations/control.yaml'), files['annotations/control.yaml'].replace('claimant: india', 'claimant: gone'));
    };
    await workspace.typeInto(ACTORS, files['annotations/actors.yaml'].replace('id: india', 'id: bharat'));
    assert.ok(second, 'the second edit came during the first');
    await second;
    await workspace.live.whenRefreshed();
    assert.ok(announced.some((line) => line.startsWith(BIG) && line.includes('`india`')), 'the big file’s unknown claimant is announced in the end');
    assert.ok(announced.some((line) => line.includes('`gone`')));
    await workspace.assertEqualsRebuild('after an edit that came during another’s refresh');
  });

  it('an alias renamed over a long text re-matches it in steps, and equals a rebuild', async () => {
    const aliases = Array.from({ length: 400 }, (_, i) => `      - ${'a'.repeat(i + 1)}`);
    const run = `${'a'.repeat(399)} `;
    const files = {
      'annotations/actors.yaml': yaml('actors:', '  - id: nested', '    name: Nested', '    kind: person', '    aliases:', ...aliases),
      'annotations/texts/t.txt': run.repeat(2000),
      'annotations/t.yaml': yaml('text: texts/t.txt', 'claims: []'),
    };
    const workspace = steppedWorkspace(files);
    await workspace.live.load();
    const pausesBefore = workspace.live.editPauses;
    await workspace.typeInto(ACTORS, files['annotations/actors.yaml'].replace(`- ${'a'.repeat(399)}\n`, `- ${'a'.repeat(398)}b\n`));
    await workspace.live.whenRefreshed();
    assert.ok(workspace.live.editPauses - pausesBefore >= 2, `the re-matching let other work run ${workspace.live.editPauses - pausesBefore} times`);
    await workspace.assertEqualsRebuild('after an alias was renamed');
  });

  it('a small edit is in the index when setBuffer returns, however long its refresh takes', async () => {
    const files = workspaceWithBigFile(10);
    const workspace = steppedWorkspace(files);
    await workspace.live.load();
    const applied = workspace.typeInto(uriOf('annotations/control.yaml'), files['annotations/control.yaml'].replace('claimant: india', 'claimant: gone'));
    assert.equal(workspace.live.whenStaged(uriOf('annotations/control.yaml')), undefined);
    assert.match(workspace.live.indexFor(CONTROL_TEXT)!.content(uriOf('annotations/control.yaml'))!, /claimant: gone/);
    await applied;
    await workspace.assertEqualsRebuild('after a small edit');
  });
});
