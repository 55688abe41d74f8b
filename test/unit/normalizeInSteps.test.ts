// normalizeWithMapInSteps (issue 13): a text normalised in pieces, yielding
// between them, comes out exactly as normalizeWithMap of the whole (the text
// and every number of the offset map), whatever the text and wherever the
// pieces end; and a text of megabytes takes many steps.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeWithMap, normalizeWithMapInSteps, type NormalizedText } from '../../server/src/core';
import { fuzzParameters } from '../robustness/fuzzSupport';

/** Runs the steps to the end; returns the result and how many times they yielded. */
function run(source: string, stepUnits?: number): { normalized: NormalizedText; yields: number } {
  const steps = normalizeWithMapInSteps(source, stepUnits);
  let yields = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { normalized: next.value, yields };
    yields++;
  }
}

function assertSameAsWhole(source: string, stepUnits: number): void {
  const whole = normalizeWithMap(source);
  const { normalized } = run(source, stepUnits);
  assert.equal(normalized.text, whole.text, JSON.stringify(source));
  assert.deepEqual([...normalized.segments], [...whole.segments], JSON.stringify(source));
}

/** Pieces that meet at cuts in every way: plain letters, runs of spaces and dashes, invisible characters, clusters that NFKC changes or keeps, ellipses, surrogates paired and not. */
const fragment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'é', '中', 'x y', 'ab', '\u0628') },
  { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '\r\n', '\u00a0', '\u3000', '-', '\u2014-', '\u2026', '\u00ad', '\u200b', ' \u200b ') },
  { weight: 3, arbitrary: fc.constantFrom('\u0301', 'e\u0301', 'o\u0308\u0301', '\ufb01', '\uff21', '\u1100\u1161\u11a8', '\u2019', '\u201c', '\u{1F600}', '\u{1d400}\u0301', '\ud800', '\udc00') },
  { weight: 2, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
);

describe('normalizeWithMapInSteps', () => {
  it('equals normalizeWithMap of the whole text on random Unicode, for every piece size', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'binary' }), fc.integer({ min: 1, max: 12 }), (source, stepUnits) => assertSameAsWhole(source, stepUnits)),
      fuzzParameters(400),
    );
  });

  it('equals normalizeWithMap of the whole text where runs, clusters and invisible characters meet the cuts', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (fragments, stepUnits) => assertSameAsWhole(fragments.join(''), stepUnits)),
      fuzzParameters(600),
    );
  });

  it('never cuts a combining sequence, a run of spaces or a surrogate pair', () => {
    for (const source of ['ab\u0301c', 'a   b', 'a--\u2014b', 'a\u{1F600}\u{1F600}b', 'a \u200b\u200b b', '\u2026a\u2026', 'e\u0301\u0301\u0301e\u0301']) {
      for (let stepUnits = 1; stepUnits <= source.length; stepUnits++) assertSameAsWhole(source, stepUnits);
    }
  });

  it('takes a step per piece on a text of megabytes, and none on a short one', () => {
    const source = 'a '.repeat(1 << 20);
    const { normalized, yields } = run(source, 1 << 16);
    assert.ok(yields >= 31, `${yields} steps`);
    assert.equal(normalized.text, normalizeWithMap(source).text);
    assert.equal(run('a short text').yields, 0);
  });

  it('takes one long step where no character can be cut before (a text of spaces only)', () => {
    const source = ' \u00a0'.repeat(5000);
    const { normalized, yields } = run(source, 64);
    assert.equal(yields, 0);
    assert.equal(normalized.text, ' ');
  });
});
