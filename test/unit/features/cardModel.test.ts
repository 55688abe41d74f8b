import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { code, emphasis, joined, paragraph, renderMarkdown, renderPlainText, stackCards, strong, type CardDocument } from '../../../server/src/core/features/card';

describe('card model', () => {
  it('joins parts with the separator between every two, empty parts included', () => {
    assert.deepEqual(joined([['a'], ['b', 'c'], ['d']]), ['a', ', ', 'b', 'c', ', ', 'd']);
    assert.deepEqual(joined([[], ['a'], []], ' — '), [' — ', 'a', ' — ']);
    assert.deepEqual(joined([]), []);
  });

  it('stacks cards with a rule between each two', () => {
    const one: CardDocument = { blocks: [paragraph('one')] };
    const two: CardDocument = { blocks: [paragraph('two'), paragraph('2')] };
    assert.equal(renderMarkdown(stackCards([one, two, one])), 'one\n\n---\n\ntwo\n\n2\n\n---\n\none');
    assert.equal(renderPlainText(stackCards([one])), 'one');
    assert.deepEqual(stackCards([]).blocks, []);
  });

  it('keeps a space between code spans that meet, also across content that renders empty', () => {
    assert.equal(renderMarkdown({ blocks: [paragraph(code('a'), code('b'))] }), '`a` `b`');
    assert.equal(renderMarkdown({ blocks: [paragraph(code('a'), strong(''), emphasis(' '), code('b'))] }), '`a` `b`');
    assert.equal(renderMarkdown({ blocks: [paragraph(code('a'), 'x', code('b'))] }), '`a`x`b`');
    assert.equal(renderMarkdown({ blocks: [paragraph(strong(code('a')), code('b'))] }), '**`a`**`b`');
    assert.equal(renderMarkdown({ blocks: [paragraph(code('a'), emphasis(code('b')))] }), '`a`*`b`*');
  });
});
