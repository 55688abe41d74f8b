import type { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover, renderPlainText } from '../../../server/src/core/features';
import { LiveWorkspace } from '../../../server/src/core/live';
import { indexSoFar } from '../../../server/src/core/live/indexSoFar';
import { InMemoryHost, uriOf, WORKSPACE, yaml } from '../../helpers/memoryWorkspace';

const ACTORS = yaml('actors:', '  - id: india', '    name: India', '    kind: state', '    aliases: [India]', '  - id: pakistan', '    name: Pakistan', '    aliases: [Pakistan]');
const CONTROL = yaml('text: texts/control.txt', 'claims:', '  - id: control-calm', '    claimant: india', '    quote: the border is calm');
const CONTROL_TEXT = uriOf('annotations/texts/control.txt');
const HOSTILE_TEXT = uriOf('annotations/texts/hostile.txt');
/** Issue 13, #7 at a small size: quotes that are nowhere in a long text, each searched approximately; the text names India once. */
const HOSTILE = {
  'annotations/texts/hostile.txt': `India. ${'The committee met on Tuesday and discussed the border, the trade talks and the water treaty. '.repeat(400)}`,
  // Sorts before the control file, and is analysed after it all the same: small files first.
  'annotations/a-hostile.yaml': yaml(
    'text: texts/hostile.txt',
    'claims:',
    ...Array.from({ length: 20 }, (_, i) => [`  - id: c${i}`, '    claimant: india', `    quote: "Quite unrelated words number ${i} that the article never says about zebras"`]).flat(),
  ),
};

interface Seen {
  card: string;
  hostileAnalysed: boolean;
  ready: boolean;
}

/** Loads the workspace in slices; at every pause, hovers "India" in the control text if it can be read yet. */
async function loadWhileHovering(): Promise<{ live: LiveWorkspace; seen: Seen[]; nothingYet: number }> {
  const host = new InMemoryHost({ 'annotations/actors.yaml': ACTORS, 'annotations/control.yaml': CONTROL, 'annotations/texts/control.txt': 'India said the border is calm.\n', ...HOSTILE });
  const seen: Seen[] = [];
  let nothingYet = 0;
  const live: LiveWorkspace = new LiveWorkspace({
    folders: [WORKSPACE],
    createHost: () => host,
    log: (message) => assert.fail(message),
    yieldControl: () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          const reading = live.readingIndexFor(CONTROL_TEXT);
          if (!reading) nothingYet++;
          else if (reading.soFar) {
            const found = hover(reading.index, CONTROL_TEXT, 2);
            assert.ok(found, 'the control text is analysed: a card');
            seen.push({ card: renderPlainText(found.card), hostileAnalysed: reading.index.analysis(HOSTILE_TEXT) !== undefined, ready: live.isReady });
          }
          resolve();
        }),
      ),
  });
  await live.load();
  return { live, seen, nothingYet };
}

describe('read requests during the first indexing', () => {
  it('answer from what is analysed so far, before the hostile text is, without analysing it', async () => {
    const { live, seen, nothingYet } = await loadWhileHovering();
    assert.ok(nothingYet > 0, 'before the files are parsed there is nothing to answer from');
    assert.ok(seen.length > 0, 'the card came during the indexing');
    const first = seen[0];
    assert.equal(first.ready, false);
    assert.equal(first.hostileAnalysed, false, 'the hover answered while the hostile quotes were still being searched, and did not search them itself');
    assert.match(first.card, /India/);
    assert.match(first.card, /Mentioned in 0 other texts/, 'only the texts analysed so far are counted');
    // Once served, the index itself answers, counting every text.
    const reading = live.readingIndexFor(CONTROL_TEXT)!;
    assert.equal(reading.soFar, false);
    assert.equal(reading.index, live.indexFor(CONTROL_TEXT));
    assert.match(renderPlainText(hover(reading.index, CONTROL_TEXT, 2)!.card), /Mentioned in 1 other text\./);
  });

  it('gives the answers of the index once every text is analysed', async () => {
    const { live } = await loadWhileHovering();
    const index = live.indexFor(CONTROL_TEXT) as WorkspaceIndex;
    const view = indexSoFar(index);
    for (const actorId of ['india', 'pakistan']) {
      assert.deepEqual([...view.textsWithMentionOf(actorId)].sort(), [...index.textsWithMentionOf(actorId)].sort());
      assert.deepEqual(view.textsMentioning(actorId), index.textsMentioning(actorId));
    }
    for (const key of ['india', 'pakistan']) assert.equal(view.isAliasUsed(key), index.isAliasUsed(key));
    assert.equal(renderPlainText(hover(view, CONTROL_TEXT, 2)!.card), renderPlainText(hover(index, CONTROL_TEXT, 2)!.card));
  });

  it('has nothing to read before the indexing starts, and its view cannot change the index', () => {
    const host = new InMemoryHost({ 'annotations/actors.yaml': ACTORS });
    const live = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => host });
    assert.equal(live.readingIndexFor(CONTROL_TEXT), undefined, 'nothing is indexed before the indexing starts');
    return live.load().then(() => {
      const view = indexSoFar(live.indexFor(uriOf('annotations/actors.yaml')) as WorkspaceIndex);
      assert.throws(() => Object.assign(view, { analysis: () => undefined }));
    });
  });
});
