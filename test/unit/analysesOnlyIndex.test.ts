/**
 * An index for text analyses only (agreement) notes which aliases each text
 * matched only once the aliases change: an alias change after its texts were
 * analysed still re-matches exactly the texts it reaches, as a fresh load.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadWorkspace } from '../../server/src/core';
import { InMemoryHost, uriOf, WORKSPACE, yaml } from '../helpers/memoryWorkspace';

const actors = (alias: string) => yaml('actors:', '  - id: isi', '    name: Inter-Services Intelligence', `    aliases: [${alias}]`, '  - id: taliban', '    name: Taliban', '    aliases: [Taliban]');
const FILES = {
  'annotations/actors.yaml': actors('ISI'),
  'annotations/texts/a.txt': 'The ISI backs the Taliban, says the agency.',
  'annotations/texts/b.txt': 'The Taliban took the city; the agency said nothing.',
  'annotations/a.yaml': yaml('text: texts/a.txt'),
  'annotations/b.yaml': yaml('text: texts/b.txt'),
};

const mentionsOf = (index: Awaited<ReturnType<typeof loadWorkspace>>['index'], path: string) => index.analysis(uriOf(path))!.mentions.map((m) => `${m.actorId}@${m.span.start}`);

describe('an index for text analyses only', () => {
  it('re-matches the texts an alias change reaches, as a fresh load does', async () => {
    const { index } = await loadWorkspace(new InMemoryHost(FILES), WORKSPACE, { analysesOnly: true });
    assert.deepEqual(mentionsOf(index, 'annotations/texts/a.txt'), ['isi@4', 'taliban@18']);
    assert.deepEqual(mentionsOf(index, 'annotations/texts/b.txt'), ['taliban@4']);
    // `ISI` goes, for an alias no text contains: only the notes of what a.txt matched say that it must be matched again.
    index.setAnnotationFile(uriOf('annotations/actors.yaml'), actors('Directorate'));
    assert.deepEqual(mentionsOf(index, 'annotations/texts/a.txt'), ['taliban@18']);
    // `agency` comes: it reaches both texts, which contain it.
    index.setAnnotationFile(uriOf('annotations/actors.yaml'), actors('agency'));
    const fresh = (await loadWorkspace(new InMemoryHost({ ...FILES, 'annotations/actors.yaml': actors('agency') }), WORKSPACE, { analysesOnly: true })).index;
    for (const path of ['annotations/texts/a.txt', 'annotations/texts/b.txt']) assert.deepEqual(mentionsOf(index, path), mentionsOf(fresh, path), path);
    assert.deepEqual(mentionsOf(index, 'annotations/texts/a.txt'), ['taliban@18', 'isi@36']);
    // And back: `agency` goes from both.
    index.setAnnotationFile(uriOf('annotations/actors.yaml'), actors('ISI'));
    assert.deepEqual(mentionsOf(index, 'annotations/texts/a.txt'), ['isi@4', 'taliban@18']);
    assert.deepEqual(mentionsOf(index, 'annotations/texts/b.txt'), ['taliban@4']);
  });
});

describe('the registry of an index for text analyses only', () => {
  const files = {
    ...FILES,
    'annotations/actors.yaml': yaml(actors('ISI'), '    relations:', '      - type: allied-with', '        target: isi'),
    'annotations/a.yaml': yaml('text: texts/a.txt', 'mentions:', '  - actor: isi', '    quote: agency'),
  };

  it('keeps the definitions and aliases the analyses read, not references or relations', async () => {
    const full = (await loadWorkspace(new InMemoryHost(files), WORKSPACE)).index;
    const only = (await loadWorkspace(new InMemoryHost(files), WORKSPACE, { analysesOnly: true })).index;
    assert.ok(full.actorReferences('isi').length > 0);
    assert.equal(full.relationsBetween('taliban', 'isi').length, 1);
    assert.deepEqual(only.actorReferences('isi'), []);
    assert.deepEqual(only.relationsBetween('taliban', 'isi'), []);
    assert.deepEqual(only.actorIds(), full.actorIds());
    for (const path of ['annotations/texts/a.txt', 'annotations/texts/b.txt']) assert.deepEqual(mentionsOf(only, path), mentionsOf(full, path), path);
  });
});
