import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core';

describe('LineIndex', () => {
  it('converts offsets and positions across LF, CRLF and lone CR line breaks', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const lines = new LineIndex(text);
    assert.equal(lines.lineCount, 4);
    for (let offset = 0; offset <= text.length; offset++) {
      const position = lines.positionAt(offset);
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // between \r and \n: not a position
      assert.equal(lines.offsetAt(position), offset, `offset ${offset}`);
    }
    assert.deepEqual(lines.positionAt(text.indexOf('e')), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(text.indexOf('h')), { line: 3, character: 1 });
    assert.equal(lines.lineText(1), 'cd');
  });

  it('counts characters in UTF-16 code units, as LSP does', () => {
    const lines = new LineIndex('x\n😀ISI');
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 2 });
    assert.equal(lines.offsetAt({ line: 1, character: 2 }), 4);
  });

  it('clamps positions outside the text', () => {
    const lines = new LineIndex('ab\ncd');
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.offsetAt({ line: 9, character: 0 }), 5);
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 2 });
  });
});
