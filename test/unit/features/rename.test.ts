import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/core';
import { prepareRename, rename } from '../../../server/src/core/features';
import { ACTORS, ARTICLE, CLAIMS, CONCEPTS, cursorIn, mark } from './fixture';
import { yaml } from '../../helpers/memoryWorkspace';

/** Renames at the marked place and returns every file's new content. */
async function renameAt(path: string, marked: string, newName: string, overrides: Record<string, string> = {}) {
  const { index, uri, offset } = await cursorIn(path, marked, overrides);
  const result = rename(index, uri, offset, newName);
  if (!result.ok) return { ok: false as const, reason: result.reason };
  const files = new Map<string, string>();
  for (const fileUri of new Set(result.edits.map((e) => e.uri))) {
    files.set(fileUri.slice('file:///ws/'.length), applyEdits(index.content(fileUri)!, result.edits.filter((e) => e.uri === fileUri)));
  }
  return { ok: true as const, files, edits: result.edits, index };
}

describe('rename', () => {
  it('refuses where there is nothing to rename', async () => {
    for (const [path, content, needle, at] of [
      ['annotations/texts/a.txt', ARTICLE, 'ISI', 1],
      ['annotations/claims.yaml', CLAIMS, 'quote: backs', 9],
      ['annotations/claims.yaml', CLAIMS, 'note: Said', 8],
      ['annotations/claims.yaml', CLAIMS, 'claimant:', 2],
    ] as const) {
      const { index, uri, offset } = await cursorIn(path, mark(content, needle, at));
      const check = prepareRename(index, uri, offset);
      assert.equal(check.ok, false, `${path}: ${needle}`);
      assert.match(check.ok ? '' : check.reason, /rename/);
    }
  });

  it('offers the id under the cursor', async () => {
    const { index, uri, offset, text } = await cursorIn('annotations/claims.yaml', mark(CLAIMS, 'claimant: imran-khan', 13));
    const check = prepareRename(index, uri, offset);
    assert.ok(check.ok);
    assert.equal(text.slice(check.subject.range.start, check.subject.range.end), 'imran-khan');
    assert.equal(check.subject.kind, 'actor');
  });

  it('renames an actor id in every file, touching only the id characters', async () => {
    const result = await renameAt('annotations/claims.yaml', mark(CLAIMS, 'author: isi', 9), 'inter-services');
    assert.ok(result.ok);
    assert.equal(result.edits.length, 5, 'definition, relation target, author, mention actor, claimant');
    for (const [path, renamed] of result.files) {
      const original = path.endsWith('actors.yaml') ? ACTORS : CLAIMS;
      // Comments and formatting elsewhere survive byte for byte.
      assert.equal(renamed.replaceAll('inter-services', 'isi'), original, path);
    }
    assert.match(result.files.get('annotations/actors.yaml')!, /# The actors of the fixture\.\nactors:\n {2}- id: inter-services\n/);
  });

  it('keeps quotes around a quoted id', async () => {
    const quoted = CLAIMS.replace('claimant: isi', 'claimant: "isi"');
    const result = await renameAt('annotations/actors.yaml', mark(ACTORS, 'id: isi', 5), 'isi-pakistan', { 'annotations/claims.yaml': quoted });
    assert.ok(result.ok);
    assert.match(result.files.get('annotations/claims.yaml')!, /claimant: "isi-pakistan"/);
  });

  it('renames a concept id in its definition and its uses', async () => {
    const result = await renameAt('annotations/concepts.yaml', mark(CONCEPTS, 'taliban-is-military', 1), 'taliban-is-an-army');
    assert.ok(result.ok);
    assert.equal(result.files.get('annotations/concepts.yaml'), CONCEPTS.replace('taliban-is-military', 'taliban-is-an-army'));
    assert.equal(result.files.get('annotations/claims.yaml'), CLAIMS.replace('taliban-is-military', 'taliban-is-an-army'));
  });

  it('renames a claim id, leaving the comment after it alone', async () => {
    const result = await renameAt('annotations/claims.yaml', mark(CLAIMS, 'khan-civilians', 2), 'khan-calls-taliban-civilians');
    assert.ok(result.ok);
    assert.match(result.files.get('annotations/claims.yaml')!, /- id: khan-calls-taliban-civilians {2}# Khan’s claim\n/);
  });

  it('refuses a new name that is not an id, or that another definition already has', async () => {
    const invalid = await renameAt('annotations/actors.yaml', mark(ACTORS, 'id: isi', 5), 'Inter Services');
    assert.equal(invalid.ok, false);
    assert.match(invalid.ok ? '' : invalid.reason, /not a valid id.*`inter-services`/);
    const taken = await renameAt('annotations/actors.yaml', mark(ACTORS, 'id: isi', 5), 'taliban');
    assert.match(taken.ok ? '' : taken.reason, /already used \(annotations\/actors\.yaml:12\)/);
  });

  it('renames every use of an id that no actor defines, to fix a typo everywhere', async () => {
    const typo = yaml('text: texts/a.txt', 'claims:', '  - id: a', '    claimant: tailban', '    quote: backs', '    about: [tailban]');
    const result = await renameAt('annotations/claims.yaml', mark(typo, 'tailban', 2), 'taliban-fighters');
    assert.ok(result.ok);
    assert.equal(result.files.get('annotations/claims.yaml'), typo.replaceAll('tailban', 'taliban-fighters'));
  });
});
