import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument, visit } from 'yaml';
import { applyEdits, replaceScalar } from '../../server/src/core';

/** The range and value of the `quote:` scalar in a YAML text. */
function quoteScalar(text: string): { range: { start: number; end: number }; value: string } {
  const document = parseDocument(text);
  assert.deepEqual(document.errors, [], `fixture parses:\n${text}`);
  let found: { range: { start: number; end: number }; value: string } | undefined;
  visit(document, {
    Pair(_key, pair) {
      const key = pair.key as { value?: unknown } | null;
      const value = pair.value as { range?: [number, number, number]; value?: unknown } | null;
      if (key?.value === 'quote' && value?.range) found = { range: { start: value.range[0], end: value.range[1] }, value: String(value.value) };
    },
  });
  assert.ok(found, 'fixture has a quote');
  return found;
}

/** Replaces the quote and checks the file parses, reads back `value`, and keeps every other line. */
function replaceQuote(text: string, value: string): string {
  const located = quoteScalar(text);
  const edit = replaceScalar('file:///ws/a.yaml', text, located, value);
  const result = applyEdits(text, [edit]);
  const document = parseDocument(result);
  assert.deepEqual(document.errors.map((e) => e.message), [], `result parses:\n${result}`);
  assert.equal(quoteScalar(result).value, value, `reads back:\n${result}`);
  assert.equal(result.slice(0, located.range.start), text.slice(0, located.range.start), 'text before the scalar is untouched');
  assert.ok(result.endsWith(text.slice(edit.range.end)), 'text after the scalar is untouched');
  return result;
}

/** Every line the edit added sits deeper than the `quote:` key (the file's indentation is kept). */
function assertIndentedUnderKey(result: string) {
  const lines = result.split(/\r?\n/);
  const keyLine = lines.findIndex((line) => /^\s*(?:- )?quote:/.test(line));
  const keyColumn = lines[keyLine].indexOf('quote');
  for (let i = keyLine + 1; i < lines.length && lines[i].trim() !== '' && !/^\s*(?:- )?\w+:/.test(lines[i]); i++) {
    assert.ok(/^ */.exec(lines[i])![0].length > keyColumn, `continuation line ${JSON.stringify(lines[i])} is deeper than the key:\n${result}`);
  }
}

const STYLES: Record<string, string> = {
  plain: 'quote: The ISI backs the Taliban',
  'plain over two lines': 'quote: The ISI backs\n      the Taliban',
  single: "quote: 'The ISI backs the Taliban'",
  double: 'quote: "The ISI backs the Taliban"',
  literal: 'quote: |-\n      The ISI backs\n      the Taliban',
  folded: 'quote: >-\n      The ISI backs\n      the Taliban',
  'on its own line': 'quote:\n      "The ISI backs the Taliban"',
};

const VALUES: Record<string, string> = {
  'one line': 'Imran Khan said the Taliban are normal',
  'a line break': 'Imran Khan said the Taliban are\nnormal civilians, and the world has seen this film before',
  'a CRLF line break': 'Imran Khan said the Taliban are\r\nnormal civilians',
  'colon-space and hash': 'He said: the plan #2 works',
  'quotes of both kinds': 'the “normal civilians” and "so-called" \'leaders\'',
  backslashes: 'a path C:\\temp\\new and \\n literally',
  'leading space after a break': 'first line\n  indented second line',
  'trailing line break': 'ends with a break\n',
  'a value that looks typed': 'true',
  'a dash first': '- not a list',
};

function fileWith(field: string, eol = '\n'): string {
  return ['# claims', 'text: texts/a.txt', 'claims:', '  - id: c1   # keep', `    ${field.replace(/\n/g, eol)}`, '    about: [taliban]', ''].join(eol);
}

describe('replaceScalar: a new value that always parses, in every scalar style', () => {
  for (const [styleName, field] of Object.entries(STYLES)) {
    for (const [valueName, value] of Object.entries(VALUES)) {
      it(`${styleName} scalar, value with ${valueName}`, () => {
        const result = replaceQuote(fileWith(field), value);
        assertIndentedUnderKey(result);
        assert.ok(result.includes('  - id: c1   # keep') && result.includes('    about: [taliban]'));
      });
    }
  }

  it('a CRLF file keeps CRLF line breaks, also inside a new block scalar', () => {
    const result = replaceQuote(fileWith(STYLES.plain, '\r\n'), 'two\nlines');
    assert.ok(!/[^\r]\n/.test(result), `only CRLF:\n${JSON.stringify(result)}`);
    assert.match(result, /quote: \|-\r\n {6}two\r\n {6}lines\r\n/);
  });

  it('a multi-line value in a plain scalar becomes a literal block at the file\'s indentation (the reported bug)', () => {
    const long = 'The world has seen this film before, said the minister on Tuesday\nand the Taliban are normal civilians';
    const result = replaceQuote(fileWith(STYLES['plain over two lines']), long);
    assert.match(result, /quote: \|-\n {6}The world has seen this film before, said the minister on Tuesday\n {6}and the Taliban are normal civilians\n {4}about/);
  });

  it('a double-quoted scalar stays double-quoted on one line, with the line break escaped', () => {
    const result = replaceQuote(fileWith(STYLES.double), 'The world has seen this film before, said the minister on Tuesday\nand more');
    assert.match(result, /quote: "The world has seen this film before, said the minister on Tuesday\\nand more"\n/);
  });

  it('a scalar inside a flow mapping gets a form that is valid there', () => {
    const text = 'claims:\n  - {id: c1, quote: old words, about: [x]}\n';
    replaceQuote(text, 'new, with [brackets] and {braces}');
    replaceQuote(text, 'two\nlines');
  });

  it('the quote as the first key of a list item, and a list item that is the scalar itself', () => {
    const first = replaceQuote('claims:\n  - quote: old words\n    claimant: isi\n', 'two\nlines');
    assert.equal(first, 'claims:\n  - quote: |-\n      two\n      lines\n    claimant: isi\n');
    const item = 'aliases:\n  - quote: x\n';
    assert.equal(replaceQuote(item, 'a: b'), "aliases:\n  - quote: 'a: b'\n");
  });

  it('a scalar followed by a comment on its line', () => {
    const text = fileWith('quote: "old words"  # checked');
    const result = replaceQuote(text, 'two\nlines');
    assert.ok(result.includes('# checked'));
  });

  it('any value, in any style, in a LF or CRLF file: the result parses and reads back the value', () => {
    const piece = fc.constantFrom('a', 'word', ' ', '  ', '\n', '\r\n', '\t', ': ', ' #', '#', '"', "'", '\\', '|', '>', '-', '[', '{', ',', '“', 'é', '😀', '\u0085', '\u2028', '\u0007', 'true', '1');
    const value = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.constantFrom(...Object.values(STYLES)), value, fc.boolean(), (field, v, crlf) => {
      replaceQuote(fileWith(field, crlf ? '\r\n' : '\n'), v);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 500) });
  });
});
