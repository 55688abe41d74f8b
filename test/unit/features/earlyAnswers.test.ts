import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover, LiveWorkspace, renderPlainText } from '../../../server/src/core/features';
import { InMemoryHost, uriOf, WORKSPACE, yaml } from '../../helpers/memoryWorkspace';

const ACTORS = yaml('actors:', '  - id: india', '    name: India', '    kind: state', '    aliases: [India]');
const CONTROL = yaml('text: texts/control.txt', 'claims:', '  - id: control-calm', '    claimant: india', '    quote: the border is calm');
const CONTROL_TEXT_URI = uriOf('annotations/texts/control.txt');

function claims(count: number, quote: (i: number) => string): string {
  return yaml('text: texts/hostile.txt', 'claims:', ...Array.from({ length: count }, (_, i) => [`  - id: c${i}`, '    claimant: india', `    quote: ${JSON.stringify(quote(i))}`]).flat());
}

function workspace(hostileText: string, hostileAnnotation: string): LiveWorkspace {
  const host = new InMemoryHost({
    'annotations/actors.yaml': ACTORS,
    'annotations/control.yaml': CONTROL,
    'annotations/texts/control.txt': 'India said the border is calm.\n',
    'annotations/texts/hostile.txt': hostileText,
    'annotations/hostile.yaml': hostileAnnotation,
  });
  return new LiveWorkspace({
    folders: [WORKSPACE],
    createHost: () => host,
    log: (message) => assert.fail(message),
    yieldControl: () => new Promise<void>((resolve) => setImmediate(resolve)),
  });
}

/** Starts the first indexing, waits until the control text can be answered about, and hovers "India" there. */
async function hoverWhileIndexing(live: LiveWorkspace): Promise<{ card: string; filesLeft: number; indexed: Promise<void>; indexedBefore: boolean }> {
  let indexedBefore = false;
  const indexed = live.load().then(() => {
    indexedBefore = true;
  });
  assert.equal(live.answeringIndexFor(CONTROL_TEXT_URI), undefined, 'nothing is indexed before the indexing starts');
  await live.whenAnswerable(CONTROL_TEXT_URI);
  const index = live.answeringIndexFor(CONTROL_TEXT_URI);
  assert.ok(index, 'the control text is in once whenAnswerable resolves');
  const found = hover(index, CONTROL_TEXT_URI, 2);
  assert.ok(found, 'a card, not nothing');
  return { card: renderPlainText(found.card), filesLeft: live.annotationFilesLeft(CONTROL_TEXT_URI), indexed, indexedBefore };
}

describe('answers during the first indexing', () => {
  it('gives the card before the indexing ends, without analysing a text whose quotes are still being searched', async () => {
    const lostText = 'The committee met on Tuesday and discussed the border, the trade talks and the water treaty. '.repeat(400);
    // It names the control text, so it is indexed with the files the hover waits for, and its text read with theirs.
    const lostClaims = `# Compare texts/control.txt.\n${claims(20, (i) => `Quite unrelated words number ${i} that the article never says about zebras`)}`;
    const live = workspace(lostText, lostClaims);
    const { card, filesLeft, indexed, indexedBefore } = await hoverWhileIndexing(live);
    assert.equal(indexedBefore, false, 'answered while the folder was still indexing');
    assert.equal(filesLeft, 0, 'every annotation file is in: the card needs no note');
    assert.match(card, /India/);
    assert.match(card, /Mentioned in 0 other texts so far \(1 text not analysed yet\)/);
    await indexed;
    const served = live.indexFor(CONTROL_TEXT_URI)!;
    assert.match(renderPlainText(hover(served, CONTROL_TEXT_URI, 2)!.card), /Mentioned in 0 other texts\./, 'once indexed, the card counts every text');
    assert.equal(live.annotationFilesLeft(CONTROL_TEXT_URI), 0);
  });

  it('answers about the small files before a large annotation file is parsed, and says how many files are left', async () => {
    // About 100 KB: parsed after the small files' texts are read.
    const live = workspace('India said the border is calm. '.repeat(10), claims(1_500, () => 'India said the border is calm.'));
    const { card, filesLeft, indexed, indexedBefore } = await hoverWhileIndexing(live);
    assert.equal(indexedBefore, false);
    assert.equal(filesLeft, 1);
    assert.match(card, /India/);
    assert.equal(live.indexFor(CONTROL_TEXT_URI), undefined, 'requests that need every file still wait');
    await indexed;
    assert.ok(live.indexFor(CONTROL_TEXT_URI));
    assert.equal(live.annotationFilesLeft(CONTROL_TEXT_URI), 0);
  });

  it('indexes first the files a waiting request needs: the hovered text’s annotation file and the small files with actors', async () => {
    const host = new InMemoryHost({
      // Larger than the others, so that by size it would come last.
      'annotations/actors.yaml': `${ACTORS}${'# registry notes\n'.repeat(200)}`,
      'annotations/control.yaml': `${CONTROL}${'# notes\n'.repeat(100)}`,
      'annotations/texts/control.txt': 'India said the border is calm.\n',
      ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`annotations/other-${i}.yaml`, `text: texts/other-${i}.txt\nclaims: []\n`])),
      ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`annotations/texts/other-${i}.txt`, 'Nothing here.\n'])),
    });
    const live = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => host, log: (message) => assert.fail(message), yieldControl: () => new Promise<void>((resolve) => setImmediate(resolve)) });
    const indexed = live.load();
    await live.whenAnswerable(CONTROL_TEXT_URI);
    const index = live.answeringIndexFor(CONTROL_TEXT_URI)!;
    assert.match(renderPlainText(hover(index, CONTROL_TEXT_URI, 2)!.card), /India/);
    assert.equal(live.annotationFilesLeft(CONTROL_TEXT_URI), 30, 'the 30 smaller files wait');
    await indexed;
  });

  it('answers about a file no annotation file points at once the folder is indexed', async () => {
    const live = workspace('India.', claims(1, () => 'India.'));
    const stray = uriOf('annotations/texts/stray.txt');
    const loading = live.load();
    await live.whenAnswerable(stray);
    assert.equal(live.isReady, true, 'it waited for the whole folder, as nothing earlier holds the file');
    await loading;
  });
});
