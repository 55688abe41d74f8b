// excessiveNesting reads most files from one bracket, quote or comment to the
// next (flowNesting) and only those in which a line could be indented past the
// limit line by line (nestingByLine); both must find the same, at the same
// offset, whatever the quotes, escapes, comments and line ends around them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { excessiveNesting, nestingByLine, NESTING_LIMITS } from '../../server/src/core/syntax/yamlNesting';
import { fuzzParameters } from '../robustness/fuzzSupport';

const UNITS = ['a', ' ', '  ', '\n', '\r', '\r\n', '\t', '#', ' #', '"', "'", '\\', '\\"', '[', ']', '{', '}', ',', ':', ': ', '- ', '? ', '-\t', '['.repeat(16), ']'.repeat(8), '{'.repeat(16), ' '.repeat(64), ' '.repeat(128), '- '.repeat(64), '\u00a0', '\u2028'];

describe('excessiveNesting', () => {
  it('finds flow nesting past the limit outside quotes and comments, and indentation past it', () => {
    const deep = '['.repeat(NESTING_LIMITS.flow + 1);
    assert.deepEqual(excessiveNesting(`a: ${deep}`), { offset: 3 + NESTING_LIMITS.flow, what: 'lists and mappings', limit: NESTING_LIMITS.flow });
    assert.equal(excessiveNesting(`a: "${deep}"\nb: '${deep}'\n# ${deep}\n`), undefined);
    assert.equal(excessiveNesting(`a: "\\"${deep}"`), undefined, 'an escaped quote does not close the quote');
    assert.equal(excessiveNesting(`a: it's ${deep}`)?.what, 'lists and mappings', 'an apostrophe inside a word opens no quote');
    const afterComment = `a: x # ${deep}\nb: ${deep}`;
    assert.equal(excessiveNesting(afterComment)?.offset, afterComment.indexOf('b: ') + 3 + NESTING_LIMITS.flow);
    assert.deepEqual(excessiveNesting(`a:\n${' '.repeat(NESTING_LIMITS.indentation + 1)}b: c\n`), { offset: 3 + NESTING_LIMITS.indentation, what: 'indentation', limit: NESTING_LIMITS.indentation });
    assert.equal(excessiveNesting(`a:\n${'- '.repeat(NESTING_LIMITS.indentation / 2 + 1)}b\n`)?.what, 'indentation');
    assert.equal(excessiveNesting(`a:\n${' '.repeat(NESTING_LIMITS.indentation)}b: c\n`), undefined);
  });

  it('finds what reading line by line finds, on random text', () => {
    const found = new Map<string, number>();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNITS), { maxLength: 60 }), (parts) => {
        // As it is, and followed by brackets past the limit (found unless a quote or comment is still open) and by a deep line.
        const text = parts.join('');
        for (const variant of [text, text + '['.repeat(NESTING_LIMITS.flow + 1), `${text}\n${' '.repeat(NESTING_LIMITS.indentation + 1)}x`]) {
          const result = excessiveNesting(variant);
          assert.deepEqual(result, nestingByLine(variant), JSON.stringify(variant));
          found.set(result?.what ?? 'nothing', (found.get(result?.what ?? 'nothing') ?? 0) + 1);
        }
      }),
      fuzzParameters(3000),
    );
    // The texts reach every outcome, so the comparison covers both ways of reading.
    assert.deepEqual([...found.keys()].sort(), ['indentation', 'lists and mappings', 'nothing'], JSON.stringify([...found]));
  });
});
