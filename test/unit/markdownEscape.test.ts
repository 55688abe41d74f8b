import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownCode, markdownLink, markdownText, plainText, safeLinkTarget } from '../../server/src/core/markdownEscape';
import { AUTOLINK_PATTERN, readMarkdown } from '../helpers/markdownSafety';

const JOINER = /\u2060/g;

/** Strings a hostile or careless workspace could hold. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<details><summary>open me</summary>',
  '<!-- hide the rest',
  '![tracker](https://evil.example/pixel.png)',
  '[click](command:workbench.action.terminal.new)',
  '[x]: https://evil.example/ref',
  '<https://evil.example>',
  'see https://evil.example/a_b and www.evil.example',
  'mail admin@example.org or ping @octocat and @github/security',
  '**bold** _em_ ~~gone~~ `code` $x^2$',
  '&lt;script&gt; &#x3C;b&#x3E;',
  '# heading',
  '- item',
  '1. ordered',
  '> quoted',
  'a | b | c',
  'back\\slash\\',
  'line\nbreak\r\n\n---\n',
];

describe('markdownText', () => {
  for (const value of HOSTILE) {
    it(`reads back as the same text, with no markup: ${JSON.stringify(value)}`, () => {
      const read = readMarkdown(`Name: ${markdownText(value)}`);
      assert.deepEqual(read.links, []);
      assert.deepEqual(read.images, []);
      assert.deepEqual(read.html, []);
      assert.deepEqual(read.code, []);
      assert.equal(read.emphasis, 0);
      assert.equal(read.text.replace(JOINER, ''), `Name: ${value.replace(/\s+/g, ' ')}`.trimEnd());
      assert.doesNotMatch(read.prose, AUTOLINK_PATTERN);
    });
  }

  it('escapes block markers when the value starts a paragraph', () => {
    for (const value of ['# heading', '- item', '+ item', '1. ordered', '2) ordered', '> quoted', '=== setext', '    indented']) {
      const read = readMarkdown(markdownText(value));
      assert.equal(read.text, value.trim(), value);
    }
  });

  it('stays in its table cell', () => {
    const read = readMarkdown(`| a | b |\n|---|---|\n| ${markdownText('x | y\nz')} | ${markdownCode('p|q', { inTable: true })} |`);
    assert.deepEqual(read.tableCells[1], ['x | y z', 'p|q']);
  });

  it('shows control characters as the replacement character', () => {
    assert.equal(plainText('a\u001b[31mb\u0007'), 'a\uFFFD[31mb\uFFFD');
    assert.equal(readMarkdown(markdownText('a\u0000b')).text, 'a\uFFFDb');
  });
});

describe('markdownCode', () => {
  for (const value of ['plain-id', 'a`b', 'a``b', '``double``', '`', 'x ``` y', '<b>not html</b>', '@octocat']) {
    it(`is one code span holding exactly ${JSON.stringify(value)}`, () => {
      const read = readMarkdown(`id ${markdownCode(value)} end`);
      assert.deepEqual(read.code, [value]);
      assert.deepEqual(read.html, []);
      assert.equal(read.text, `id ${value} end`);
    });
  }
});

describe('links', () => {
  it('links https: and file: targets only', () => {
    assert.equal(safeLinkTarget('https://www.wikidata.org/wiki/Q1'), 'https://www.wikidata.org/wiki/Q1');
    assert.equal(safeLinkTarget('file:///ws/a.yaml#L3'), 'file:///ws/a.yaml#L3');
    for (const target of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'data:text/html,x', 'http://plain.example', 'vscode://x', ' https://x', 'https:evil']) {
      assert.equal(safeLinkTarget(target), undefined, target);
      assert.deepEqual(readMarkdown(markdownLink('label', target)).links, [], target);
    }
  });

  it('keeps a target with brackets, spaces and quotes inside its link', () => {
    const read = readMarkdown(markdownLink('a](command:x) [b', 'https://example.org/a (b)"c"<d>'));
    assert.deepEqual(read.links, ['https://example.org/a%20%28b%29%22c%22%3Cd%3E']);
    assert.equal(read.text, 'a](command:x) [b');
  });
});
