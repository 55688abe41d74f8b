import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core';
import { encodeSemanticTokens } from '../../server/src/lsp/handlers/semanticTokens';
import { semanticTokensLegend } from '../../server/src/lsp/semanticTokensLegend';

describe('semantic token encoding', () => {
  it('splits a claim that spans lines into one token per line, CRLF and astral characters included', () => {
    const text = 'a 😀 claim starts\r\nand ends here. ISI';
    const start = text.indexOf('claim');
    const tokens = encodeSemanticTokens(new LineIndex(text), [
      { span: { start, end: text.indexOf(' ISI') }, type: 'claim', modifiers: [] },
      { span: { start: text.indexOf('ISI'), end: text.length }, type: 'actorMention', modifiers: ['explicit', 'insideClaim'] },
    ]);
    assert.deepEqual(tokens, [
      0, 5, 12, 1, 0, // "claim starts": UTF-16 column 5, after the two-unit emoji
      1, 0, 14, 1, 0, // "and ends here."
      0, 15, 3, 0, 0b101, // "ISI", explicit (bit 0) and insideClaim (bit 2)
    ]);
  });

  it('declares custom token types, or their standard fallbacks when the editor asks for them', () => {
    assert.deepEqual(semanticTokensLegend(false).tokenTypes, ['actorMention', 'claim', 'entityMention']);
    assert.deepEqual(semanticTokensLegend(true).tokenTypes, ['class', 'string', 'enumMember']);
  });
});
