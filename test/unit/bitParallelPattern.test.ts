// Myers' bit-parallel matcher against the plain dynamic-programming table it
// packs into bit vectors: for every end offset the smallest number of edits
// of an occurrence ending there, and the distance to every prefix read
// forwards or backwards, for patterns of one block and of several.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BitParallelPattern } from '../../server/src/core/bitParallelPattern';
import { fuzzParameters } from '../robustness/fuzzSupport';

/** Last row of the table where row 0 costs `rowZero(j)` (0: a search; j: a whole-prefix distance). */
function referenceLastRow(pattern: string, text: string, search: boolean): number[] {
  const m = pattern.length;
  let previous = Array.from({ length: m + 1 }, (_, i) => i);
  const last: number[] = [];
  for (let j = 1; j <= text.length; j++) {
    const current = [search ? 0 : j];
    for (let i = 1; i <= m; i++) {
      current[i] = Math.min(previous[i - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1), previous[i] + 1, current[i - 1] + 1);
    }
    last.push(current[m]);
    previous = current;
  }
  return last;
}

const alphabet = fc.constantFrom('a', 'b', 'c', ' ', 'é', '中');
const word = (min: number, max: number) => fc.array(alphabet, { minLength: min, maxLength: max }).map((chars) => chars.join(''));

describe('BitParallelPattern', () => {
  it('finds every end offset with its distance, as the dynamic-programming table does', () => {
    fc.assert(
      fc.property(word(1, 100), word(0, 150), fc.integer({ min: 0, max: 40 }), (pattern, text, maxDistance) => {
        const expected = referenceLastRow(pattern, text, true)
          .map((distance, j) => [j + 1, distance])
          .filter(([, distance]) => distance <= maxDistance);
        const found: number[][] = [];
        new BitParallelPattern(pattern).searchEnds(text, 0, text.length, maxDistance, (end, distance) => {
          found.push([end, distance]);
          return maxDistance;
        });
        assert.deepEqual(found, expected);
      }),
      fuzzParameters(400),
    );
  });

  it('gives the distance to every prefix of the text, forwards and backwards', () => {
    fc.assert(
      fc.property(word(1, 90), word(1, 120), (pattern, text) => {
        const matcher = new BitParallelPattern(pattern);
        assert.deepEqual([...matcher.prefixDistances(text, 0, 1, text.length)], referenceLastRow(pattern, text, false));
        const reversedPattern = new BitParallelPattern([...pattern].reverse().join(''));
        const reversedText = [...text].reverse().join('');
        assert.deepEqual([...reversedPattern.prefixDistances(text, text.length - 1, -1, text.length)], referenceLastRow([...pattern].reverse().join(''), reversedText, false));
      }),
      fuzzParameters(300),
    );
  });

  it('resumes a search cut into stretches exactly where it stopped', () => {
    fc.assert(
      fc.property(word(1, 80), word(0, 150), fc.integer({ min: 0, max: 30 }), fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 6 }), (pattern, text, maxDistance, cuts) => {
        const whole: number[][] = [];
        new BitParallelPattern(pattern).searchEnds(text, 0, text.length, maxDistance, (end, distance) => {
          whole.push([end, distance]);
          return maxDistance;
        });
        const bounds = [...new Set([0, ...cuts.map((cut) => Math.min(cut, text.length)), text.length])].sort((a, b) => a - b);
        const pieces: number[][] = [];
        const matcher = new BitParallelPattern(pattern);
        matcher.startSearch();
        for (let i = 0; i + 1 < bounds.length; i++) {
          matcher.continueSearch(text, bounds[i], bounds[i + 1], maxDistance, (end, distance) => {
            pieces.push([end, distance]);
            return maxDistance;
          });
        }
        assert.deepEqual(pieces, whole);
      }),
      fuzzParameters(300),
    );
  });

  it('lets the caller narrow the search as it goes, and costs one step per block per character', () => {
    const matcher = new BitParallelPattern('x'.repeat(70));
    assert.equal(matcher.blocks, 3);
    assert.equal(matcher.searchCost(1000), 3000);
    const ends: number[] = [];
    matcher.searchEnds('x'.repeat(100), 0, 100, 5, (end, distance) => {
      ends.push(distance);
      return distance - 1;
    });
    assert.deepEqual(ends, [5, 4, 3, 2, 1, 0]);
  });
});
