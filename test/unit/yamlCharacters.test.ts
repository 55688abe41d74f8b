// plainCharacters decides which files the fast block reader may read at all:
// it must refuse exactly the characters its comment lists, wherever they are.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { plainCharacters } from '../../server/src/core/syntax/yamlCharacters';
import { fuzzParameters } from '../robustness/fuzzSupport';

/** The rule, character by character, written as its comment states it. */
function allowedAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x09 || c === 0x0a || (c >= 0x20 && c < 0x7f)) return true;
  if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a;
  if (c < 0xa0) return false; // other C0 controls, DEL and C1 controls
  if (c >= 0xd800 && c <= 0xdbff) return i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff && allowedAt(text, i - 1);
  if (c === 0x2028 || c === 0x2029 || c === 0xfffe || c === 0xffff) return false;
  return c !== 0xfeff || i === 0;
}

function reference(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!allowedAt(text, i)) return false;
  return true;
}

const UNITS = ['a', ' ', '\t', '\n', '\r', '\r\n', '#', '\x00', '\x1f', '\x7f', '\x85', '\xa0', 'é', '\ud83d', '\ude00', '\ud83d\ude00', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', 'ü', '\u3042'];

describe('plainCharacters', () => {
  it('accepts printable text, tabs, LF and CRLF line ends, astral characters and a leading byte order mark', () => {
    assert.equal(plainCharacters('\ufeffid: a\r\nname: "Zoë 😀"\n\tx\n'), true);
    assert.equal(plainCharacters(''), true);
  });

  it('refuses control characters, a lone CR, unpaired surrogates, separators, non-characters and a later byte order mark', () => {
    for (const bad of ['\x00', '\x1b', '\x7f', '\x85', 'a\rb', '\ud83d', '\ud83dx', '\ude00', 'x\ude00\ud83d', '\u2028', '\u2029', '\ufffe', '\uffff', 'a\ufeff']) {
      assert.equal(plainCharacters(`id: a\n${bad}\nname: b`), false, JSON.stringify(bad));
    }
    assert.equal(plainCharacters('id: a\r'), false, 'a CR at the very end');
  });

  it('agrees with the rule character by character on random text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        assert.equal(plainCharacters(text), reference(text), JSON.stringify(text));
      }),
      fuzzParameters(2000),
    );
  });
});
