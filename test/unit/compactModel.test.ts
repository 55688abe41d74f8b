import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, normalizeWithMap, parseAnnotationFile, resolveQuote, type AnnotationFile } from '../../server/src/core';
import { emptyList } from '../../server/src/core/emptyList';
import { Registry } from '../../server/src/core/workspace/registry';
import { uriOf, yaml } from '../helpers/memoryWorkspace';

/**
 * Issue 13, #11 (70,000 claims): what the model and the index keep per claim
 * is small, so that the garbage collector has little to walk. These tests
 * assert the structure (what is shared, what is not made), never a time.
 */

/** Three claims: the first without lists, the second about someone, the third reusing the second's id. */
const CLAIMS = ['c1', 'c2', 'c2']
  .map((id, i) => `  - id: ${id}\n    claimant: india\n    quote: Point ${i} holds.\n${i === 1 ? '    about: [pakistan]\n' : ''}`)
  .join('')
  .replace(/^/, 'text: texts/t.txt\nclaims:\n');

function parsed(path: string, content: string): AnnotationFile {
  return parseAnnotationFile(uriOf(path), content, DEFAULT_VOCABULARY);
}

describe('a compact model of many claims', () => {
  it('gives every absent list of a claim the one frozen empty list, and written lists their own', () => {
    const [first, second] = parsed('annotations/claims.yaml', CLAIMS).textAnnotation!.claims;
    assert.equal(first.about, emptyList());
    assert.equal(first.reportedBy, emptyList());
    assert.equal(first.attributes, emptyList());
    assert.equal(second.reportedBy, first.about);
    assert.ok(Object.isFrozen(first.about));
    assert.throws(() => (first.about as unknown[]).push('x'), TypeError, 'a push into the shared list throws instead of changing every claim');
    assert.deepEqual(
      second.about.map((a) => a.value),
      ['pakistan'],
    );
    assert.notEqual(second.about, emptyList());
  });

  it('keeps a value and its range, not the range of its key', () => {
    const [first] = parsed('annotations/claims.yaml', CLAIMS).textAnnotation!.claims;
    assert.deepEqual(Object.keys(first.id!), ['value', 'range']);
    assert.deepEqual(Object.keys(first.quote!), ['value', 'range']);
  });

  it('shares the empty list of candidates among exact anchors', () => {
    const text = 'Point one holds. Point two holds.';
    const target = { text, normalized: normalizeWithMap(text) };
    const one = resolveQuote(target, { quote: 'Point one holds.' });
    const two = resolveQuote(target, { quote: 'Point two holds.' });
    assert.equal(one.status, 'exact');
    assert.equal(one.candidates, two.candidates);
    assert.equal(one.candidates, emptyList());
  });

  it('knows which claim ids are defined more than once, as files come and go', () => {
    const registry = new Registry();
    const claims = parsed('annotations/claims.yaml', CLAIMS);
    const other = parsed('annotations/other.yaml', yaml('text: texts/u.txt', 'claims:', '  - id: c1', '    claimant: india', '    quote: Other.'));
    registry.add(claims);
    assert.deepEqual([...registry.claimIdsDefinedMoreThanOnce()], ['c2']);
    assert.deepEqual(
      registry.claimDefinitions('c1').map((d) => d.uri),
      [claims.uri],
    );
    registry.add(other);
    assert.deepEqual([...registry.claimIdsDefinedMoreThanOnce()].sort(), ['c1', 'c2']);
    assert.deepEqual(
      registry.claimDefinitions('c1').map((d) => d.uri),
      [claims.uri, other.uri],
    );
    registry.remove(claims.uri, claims);
    assert.deepEqual([...registry.claimIdsDefinedMoreThanOnce()], []);
    assert.deepEqual(
      registry.claimDefinitions('c1').map((d) => d.uri),
      [other.uri],
    );
    assert.deepEqual(registry.claimDefinitions('c2'), []);
  });
});
