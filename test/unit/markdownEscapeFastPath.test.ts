import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emphasis, paragraph, renderMarkdown, strong } from '../../server/src/core/features/card';
import { oneLine } from '../../server/src/core/features/markdown';
import { markdownCode, markdownText, plainText, safeLinkTarget } from '../../server/src/core/markdownEscape';

// The escapers skip their regular-expression passes when a string needs none
// (issue 12: hover cost). These tests hold them to the output of the plain
// passes, written out here as the rules say them, on strings made of the
// characters every rule looks at.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const flattenAlways = (text: string) => text.replace(/\s+/g, ' ').replace(CONTROL, '\uFFFD');

const expected = {
  markdownText(text: string): string {
    const escaped = flattenAlways(text)
      .replace(/@/g, '@\u2060')
      .replace(/:(?=\/)/g, ':\u2060')
      .replace(/\b(www)(?=\.)/gi, '$1\u2060')
      .replace(/[\\`*_[\]<>|~&$!#]/g, (ch) => `\\${ch}`);
    return escaped.replace(/^( ?)([-+=])/, '$1\\$2').replace(/^( ?\d{1,9})([.)])/, '$1\\$2');
  },
  markdownCode(text: string, inTable: boolean): string {
    let content = flattenAlways(text).trim();
    if (content === '') return '(empty)';
    if (inTable) content = content.replace(/\|/g, '\\|');
    const fence = '`'.repeat(Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length)) + 1);
    const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${content}${pad}${fence}`;
  },
  safeLinkTarget(target: string): string | undefined {
    if (!/^(https:\/\/[^/\s]|file:\/\/)/i.test(target)) return undefined;
    return target.replace(/[\s()<>\\`"'[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  },
  oneLine(text: string, max: number): string {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
  },
  wrap(marker: string, inner: string): string {
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
    return match[2] === '' ? inner : `${match[1]}${marker}${match[2]}${marker}${match[3]}`;
  },
};

/** Pieces every rule reacts to: spaces of all kinds, controls, markup, autolink starts, list markers, digits, astral and combining characters. */
const PIECES = [
  'a', 'Z', 'w', 'W', 'www', 'WwW', '.', ':', '/', '//', '@', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u2028', '\u3000', '\ufeff',
  '\u0000', '\u0007', '\u000b', '\u001f', '\u007f', '\u0085', '\u009f', '-', '+', '=', '1', '9', '0', '1234567890', ')', '`', '``',
  '*', '_', '[', ']', '<', '>', '|', '~', '&', '$', '!', '#', '\\', '"', "'", '(', 'é', 'e\u0301', '\ud83d\ude00', '\ud800', 'https://', 'file://',
];

/** A deterministic stream of strings from PIECES (a linear congruential generator: the same cases on every run). */
function* strings(count: number, seed: number): Generator<string> {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let length = next(9); length > 0; length--) text += PIECES[next(PIECES.length)];
    yield text;
  }
}

describe('escaping with a fast path gives the output of the full passes', () => {
  it('markdownText and plainText', () => {
    for (const text of strings(20_000, 1)) {
      assert.equal(markdownText(text), expected.markdownText(text), JSON.stringify(text));
      assert.equal(plainText(text), flattenAlways(text), JSON.stringify(text));
    }
  });

  it('markdownCode, in running text and in a table cell', () => {
    for (const text of strings(20_000, 2)) {
      assert.equal(markdownCode(text), expected.markdownCode(text, false), JSON.stringify(text));
      assert.equal(markdownCode(text, { inTable: true }), expected.markdownCode(text, true), JSON.stringify(text));
    }
  });

  it('safeLinkTarget', () => {
    for (const text of strings(20_000, 3)) {
      for (const target of [text, `https://x${text}`, `file://${text}`]) assert.equal(safeLinkTarget(target), expected.safeLinkTarget(target), JSON.stringify(target));
    }
  });

  it('oneLine', () => {
    for (const text of strings(20_000, 4)) {
      for (const max of [3, 80]) assert.equal(oneLine(text, max), expected.oneLine(text, max), JSON.stringify(text));
    }
  });

  it('emphasis and strong markers placed inside the spaces around their content', () => {
    for (const text of strings(20_000, 5)) {
      for (const inner of [text, ` ${text}`, `${text} `]) {
        assert.equal(renderMarkdown({ blocks: [paragraph(emphasis(inner))] }), expected.wrap('*', markdownText(inner)), JSON.stringify(inner));
        assert.equal(renderMarkdown({ blocks: [paragraph(strong(inner))] }), expected.wrap('**', markdownText(inner)), JSON.stringify(inner));
      }
    }
  });
});
