// The index's alias matcher built in slices (as the server builds it while
// indexing) and kept up to date by alias edits instead of being rebuilt: its
// mentions and the alias and actor usage views equal a fresh index's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics } from '../../server/src/core';
import { loadMemoryWorkspace, uriOf } from '../helpers/memoryWorkspace';

const ACTOR_COUNT = 2500;

function actorsFile(rename?: { from: string; to: string }): string {
  const lines = ['actors:'];
  for (let i = 0; i < ACTOR_COUNT; i++) {
    const aliases = [`Person ${i}`, `Officer ${i}`].map((alias) => (alias === rename?.from ? rename.to : alias));
    lines.push(`  - id: person-${i}`, `    name: Person ${i}`, '    kind: person', `    aliases: [${aliases.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

const FILES = {
  'annotations/texts/a.txt': 'Person 1 met Officer 2 and Person 3. Person 2499 spoke last.',
  'annotations/a.yaml': 'text: texts/a.txt\nclaims:\n  - id: c1\n    claimant: person-3\n    quote: Person 2499 spoke last\n',
};

function mentions(index: Awaited<ReturnType<typeof loadMemoryWorkspace>>['index']) {
  return index.analysis(uriOf('annotations/texts/a.txt'))!.mentions.map((m) => ({ span: m.span, actorIds: m.actorIds, alias: m.alias }));
}

describe('the index alias matcher', () => {
  it('is built in slices, applies an alias edit made meanwhile, and then equals a fresh index', async () => {
    const { index } = await loadMemoryWorkspace({ ...FILES, 'annotations/actors.yaml': actorsFile() });
    let pauses = 0;
    await index.prepareAliasMatcher(async () => {
      if (pauses++ === 0) index.setAnnotationFile(uriOf('annotations/actors.yaml'), actorsFile({ from: 'Person 3', to: 'Person Three' }));
      await new Promise((resolve) => setImmediate(resolve));
    });
    assert.ok(pauses > 1, `the build paused ${pauses} times`);
    const fresh = await loadMemoryWorkspace({ ...FILES, 'annotations/actors.yaml': actorsFile({ from: 'Person 3', to: 'Person Three' }) });
    assert.deepEqual(mentions(index), mentions(fresh.index));
    assert.ok(!mentions(index).some((m) => m.alias === 'Person 3'));
  });

  it('after alias edits, reports the same alias and actor usage as a fresh index', async () => {
    const { index } = await loadMemoryWorkspace({ ...FILES, 'annotations/actors.yaml': actorsFile() });
    const actors = uriOf('annotations/actors.yaml');
    const annotation = uriOf('annotations/a.yaml');
    annotationFileDiagnostics(index, actors);
    for (const rename of [{ from: 'Person 3', to: 'Person Three' }, { from: 'Officer 7', to: 'Person 3' }, undefined]) {
      const content = actorsFile(rename);
      index.setAnnotationFile(actors, content);
      const fresh = await loadMemoryWorkspace({ ...FILES, 'annotations/actors.yaml': content });
      assert.deepEqual(mentions(index), mentions(fresh.index));
      for (const uri of [actors, annotation]) assert.deepEqual(annotationFileDiagnostics(index, uri), annotationFileDiagnostics(fresh.index, uri), `${uri} after renaming ${rename?.from}`);
    }
  });

  it('lets explicit mentions replace exactly the alias matches they overlap, in one sweep', async () => {
    const text = 'Person 1 met Officer 2 and Person 3. Person 2499 spoke last. Person 1 left.';
    const explicit = (actor: string, quote: string) => `  - {actor: ${actor}, quote: "${quote}"}`;
    // A long mention with a short one inside it: an alias match after the short one still overlaps the long one.
    const annotation = ['text: texts/a.txt', 'mentions:', explicit('person-7', 'met Officer 2 and Person'), explicit('person-8', 'Officer'), explicit('person-9', 'spoke')].join('\n');
    const { index } = await loadMemoryWorkspace({ ...FILES, 'annotations/texts/a.txt': text, 'annotations/a.yaml': `${annotation}\n`, 'annotations/actors.yaml': actorsFile() });
    const found = index.analysis(uriOf('annotations/texts/a.txt'))!.mentions.map((m) => [text.slice(m.span.start, m.span.end), m.source]);
    assert.deepEqual(found, [
      ['Person 1', 'alias'],
      ['met Officer 2 and Person', 'explicit'],
      ['Officer', 'explicit'],
      ['Person 2499', 'alias'],
      ['spoke', 'explicit'],
      ['Person 1', 'alias'],
    ]);
  });
});
