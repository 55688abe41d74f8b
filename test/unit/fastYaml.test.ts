// The fast reader of the block YAML subset (server/src/core/fastYaml.ts)
// against the full `yaml` parser: wherever the fast reader gives a tree, it
// must be the tree parseDocument gives (classes, values, sources, types and
// all three range offsets), and parseAnnotationFile must give the same model
// and diagnostics either way. Annotation files people and the benchmark
// generator write must take the fast path, or it gains nothing.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { DEFAULT_VOCABULARY, parseAnnotationFile, parseConfig } from '../../server/src/core';
import { parseBlockYaml } from '../../server/src/core/syntax/fastYaml';
import { blockReaderDisagreement } from '../../server/src/core/syntax/blockReaderCheck';
import { REPO_ROOT } from '../helpers/tempWorkspace';
import { fuzzParameters, mutateAll, mutationArbitrary } from '../robustness/fuzzSupport';
import type * as GeneratorModule from '../../bench/generator/generateCorpus.mjs' with { 'resolution-mode': 'import' };

type Generator = typeof GeneratorModule;

function loadGenerator(): Promise<Generator> {
  const file = path.resolve(__dirname, '..', '..', '..', 'bench', 'generator', 'generateCorpus.mjs');
  return import(pathToFileURL(file).href) as Promise<Generator>;
}

function yamlFilesUnder(relative: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(REPO_ROOT, dir)).sort()) {
      const child = `${dir}/${name}`;
      let stat;
      try {
        stat = statSync(path.join(REPO_ROOT, child));
      } catch {
        continue; // a dangling or looping symlink among the bad-input fixtures
      }
      if (stat.isDirectory()) walk(child);
      else if (name.endsWith('.yaml') || name.endsWith('.yml')) files[child] = readFileSync(path.join(REPO_ROOT, child), 'utf8');
    }
  };
  walk(relative);
  return files;
}

const SAMPLE = yamlFilesUnder('annotations');
const FIXTURES = yamlFilesUnder('test/fixtures');

/**
 * The fast reader agrees with parseDocument: when it gives a tree, the full
 * parser reports no error and gives the same tree (the comparison paranoid
 * mode makes too). Returns whether it did.
 */
function assertAgrees(text: string, label = JSON.stringify(text.slice(0, 200))): boolean {
  const fast = parseBlockYaml(text);
  if (fast === undefined) return false;
  assert.equal(blockReaderDisagreement(text, fast), undefined, `the same tree: ${label}`);
  return true;
}

/** parseAnnotationFile (and parseConfig) give the same with and without the fast path. */
function assertSameModel(text: string, uri = 'file:///ws/annotations/a.yaml'): void {
  const fast = parseAnnotationFile(uri, text, DEFAULT_VOCABULARY, { fastPath: true });
  const full = parseAnnotationFile(uri, text, DEFAULT_VOCABULARY, { fastPath: false });
  assert.deepEqual(fast, full);
  const configUri = 'file:///ws/policy-annotator.yaml';
  assert.deepEqual(parseConfig(configUri, text, undefined, { fastPath: true }), parseConfig(configUri, text, undefined, { fastPath: false }));
}

function check(text: string): boolean {
  const took = assertAgrees(text);
  assertSameModel(text);
  return took;
}

let GENERATED: Record<string, string> = {};

before(async () => {
  const generator = await loadGenerator();
  const { files } = generator.generateCorpusInMemory(generator.corpusSpec(1));
  GENERATED = Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.yaml')));
});

describe('the fast YAML reader on real files', () => {
  it('agrees with parseDocument on every file of annotations/ and test/fixtures, and gives the same model and diagnostics', () => {
    assert.ok(Object.keys(SAMPLE).length >= 3 && Object.keys(FIXTURES).length >= 30);
    for (const [name, text] of Object.entries({ ...SAMPLE, ...FIXTURES })) {
      assertAgrees(text, name);
      assertSameModel(text, `file:///ws/${name}`);
    }
  });

  it('agrees on every file of a generated 1x benchmark corpus', () => {
    assert.ok(Object.keys(GENERATED).length > 100, `${Object.keys(GENERATED).length} generated annotation files`);
    for (const [name, text] of Object.entries(GENERATED)) {
      assertAgrees(text, name);
      assertSameModel(text, `file:///ws/${name}`);
    }
  });

  it('reads every file of annotations/ and of the generated corpus without falling back', () => {
    const fellBack = Object.entries({ ...SAMPLE, ...GENERATED })
      .filter(([, text]) => parseBlockYaml(text) === undefined)
      .map(([name]) => name);
    assert.deepEqual(fellBack, []);
  });

  it('reads the same files with CRLF line ends and a byte order mark', () => {
    for (const [name, text] of Object.entries(SAMPLE)) {
      const crlf = `\ufeff${text.replace(/\n/g, '\r\n')}`;
      assert.ok(assertAgrees(crlf, name), `${name} with CRLF takes the fast path`);
      assertSameModel(crlf, `file:///ws/${name}`);
    }
  });
});

/** YAML punctuation and other characters that change the meaning of a line. */
const PUNCTUATION = [':', ': ', '-', '- ', '#', ' #', '"', "'", ' ', '  ', '\t', '\n', '\r\n', '\r', '[', ']', '{', '}', ',', '|', '>', '|-', '>+', '&', '*', '!', '?', '%', '@', '\\', '\\"', "''", '~', 'null', 'true', '1', '0x1', '1.5', '.inf', '\ufeff', '\u00a0', '\u2028', '\u0085', '\u{1F600}', '\ud800', '---', '...'];

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number } | { kind: 'replace'; at: number; text: string } | { kind: 'line'; line: number; action: 'delete' | 'duplicate' | 'swap' | 'indent' | 'dedent' };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...PUNCTUATION), fc.string({ maxLength: 6, unit: fc.constantFrom(...PUNCTUATION) })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.constantFrom(...PUNCTUATION) }),
  fc.record({ kind: fc.constant('line' as const), line: fc.nat(), action: fc.constantFrom('delete' as const, 'duplicate' as const, 'swap' as const, 'indent' as const, 'dedent' as const) }),
);

function applyEdit(text: string, edit: Edit): string {
  if (edit.kind === 'line') {
    const lines = text.split('\n');
    const n = edit.line % lines.length;
    switch (edit.action) {
      case 'delete':
        lines.splice(n, 1);
        break;
      case 'duplicate':
        lines.splice(n, 0, lines[n]);
        break;
      case 'swap':
        if (n + 1 < lines.length) [lines[n], lines[n + 1]] = [lines[n + 1], lines[n]];
        break;
      case 'indent':
        lines[n] = `  ${lines[n]}`;
        break;
      case 'dedent':
        lines[n] = lines[n].replace(/^ {1,2}/, '');
        break;
    }
    return lines.join('\n');
  }
  const at = edit.at % (text.length + 1);
  if (edit.kind === 'insert') return text.slice(0, at) + edit.text + text.slice(at);
  if (edit.kind === 'delete') return text.slice(0, at) + text.slice(at + edit.length);
  return text.slice(0, at) + edit.text + text.slice(at + 1);
}

/** A small window of a file (some lines from somewhere), so that edits land near each other. */
function window(text: string, start: number, count: number): string {
  const lines = text.split('\n');
  const from = start % lines.length;
  return lines.slice(from, from + count).join('\n');
}

// YAML-like documents from lines: keys, items, scalars of every kind, comments and blank lines at assorted indentation.
const KEYS = ['id', 'name', 'quote', 'about', 'text', 'a', 'b', 'note', 'kind', 'x-y', 'k.1', '1', 'true', 'null'];
const VALUES = ['plain text', 'Q843', '2022-07-02', '1', '-1', '0o7', '0x1F', '1.5', '1e3', '.inf', '.NaN', 'true', 'False', 'null', '~', 'NULL', 'yes', 'a:b', 'http://x.y/z', 'x #y', '"double"', '"esc \\" \\\\ \\n \\t \\u00e9 \\x41"', '"bad \\q"', "'single'", "'it''s'", '[a, b]', '[ "x" , \'y\' ]', '[]', '[a,]', '[1, true, ~]', '[a, [b]]', '{a: 1}', '&anchor v', '*alias', '!tag v', '|', '>', '|-', '>+', '|2', '"unclosed', "'unclosed", '- x', 'a: b', '-x', '@x', '`x`', '%x'];
const lineArbitrary = fc.oneof(
  fc.tuple(fc.constantFrom('', '  ', '    ', '      ', ' '), fc.constantFrom(...KEYS), fc.constantFrom(':', ': ', ':  ', ' :'), fc.option(fc.constantFrom(...VALUES)), fc.option(fc.constantFrom(' # c', '  #c', '#c'))).map(([indent, key, colon, value, comment]) => `${indent}${key}${colon}${value ?? ''}${comment ?? ''}`),
  fc.tuple(fc.constantFrom('', '  ', '    ', '      '), fc.constantFrom('- ', '-  ', '-'), fc.option(fc.constantFrom(...VALUES, ...KEYS.map((k) => `${k}: v`)))).map(([indent, dash, value]) => `${indent}${dash}${value ?? ''}`),
  fc.tuple(fc.constantFrom('', '  ', '    ', '      ', '        '), fc.constantFrom('text', 'more text', '# comment', '#', '', '\t', 'x: y')).map(([indent, body]) => `${indent}${body}`),
  fc.constantFrom('', '', '# comment', '---', '...'),
);
const documentArbitrary = fc.tuple(fc.array(lineArbitrary, { minLength: 1, maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, finalEol]) => lines.join(eol) + (finalEol ? eol : ''));

// Well-formed documents in the subset, with comment and blank lines of every indentation between any two lines:
// where the full parser attaches those lines decides the ranges of values and collections.
type Tree = { kind: 'scalar'; text: string } | { kind: 'block'; header: string; lines: string[] } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[]; sameIndent: boolean };
const SCALARS = ['plain', 'two words', '1', 'true', '~', '"dq"', "'sq'", '[a, "b"]', '[]', 'x # trailing', '"q"  # trailing', '2020-01-01'];
const treeArbitrary: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SCALARS).map((text): Tree => ({ kind: 'scalar', text })),
    fc.record({ kind: fc.constant('block' as const), header: fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '| # h'), lines: fc.array(fc.constantFrom('text', 'more', '', '  indented', '# not a comment'), { minLength: 1, maxLength: 4 }) }).filter((b) => b.lines.some((l) => l !== '' )),
    fc.record({ kind: fc.constant('map' as const), entries: fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'id', 'quote', 'about'), tie('tree')), { minLength: 1, maxLength: 3, selector: ([key]) => key }) }),
    fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }), sameIndent: fc.boolean() }),
  ),
})).tree;

function renderTree(tree: Tree, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (tree.kind !== 'map') throw new Error('render maps only at the top');
  for (const [key, value] of tree.entries) {
    if (value.kind === 'scalar') out.push(`${pad}${key}: ${value.text}`);
    else if (value.kind === 'block') {
      out.push(`${pad}${key}: ${value.header}`);
      for (const line of value.lines) out.push(line === '' ? '' : `${pad}  ${line}`);
    } else if (value.kind === 'map') {
      out.push(`${pad}${key}:`);
      renderTree(value, indent + 2, out);
    } else {
      out.push(`${pad}${key}:`);
      renderSeq(value, value.sameIndent ? indent : indent + 2, out);
    }
  }
}

function renderSeq(seq: Extract<Tree, { kind: 'seq' }>, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const item of seq.items) {
    if (item.kind === 'scalar') out.push(`${pad}- ${item.text}`);
    else if (item.kind === 'block') {
      out.push(`${pad}- ${item.header}`);
      for (const line of item.lines) out.push(line === '' ? '' : `${pad}  ${line}`);
    } else if (item.kind === 'map') {
      const lines: string[] = [];
      renderTree(item, indent + 2, lines);
      lines[0] = `${pad}- ${lines[0].slice(indent + 2)}`;
      out.push(...lines);
    } else {
      out.push(`${pad}- x`);
    }
  }
}

const structuredArbitrary = fc
  .tuple(
    fc.record({ kind: fc.constant('map' as const), entries: fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'text', 'claims', 'actors'), treeArbitrary), { minLength: 1, maxLength: 4, selector: ([key]) => key }) }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '', '#', '# c', '  # c', '    # c', '      # c', '        # c', '          # c', ' # c', '   # c', '     # c')), { maxLength: 6 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([tree, trivia, eol, finalEol]) => {
    const lines: string[] = [];
    renderTree(tree, 0, lines);
    for (const [at, line] of trivia) lines.splice(at % (lines.length + 1), 0, line);
    return lines.join(eol) + (finalEol ? eol : '');
  });

describe('the fast YAML reader under fuzzing', () => {
  it('agrees with the full parser on random edits of annotation files', () => {
    const files = () => ({ ...SAMPLE, ...Object.fromEntries(Object.entries(GENERATED).slice(0, 40)) });
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(files())), fc.nat(), fc.integer({ min: 3, max: 40 }), fc.array(editArbitrary, { minLength: 1, maxLength: 5 }), (name, start, count, edits) => {
        const text = edits.reduce(applyEdit, window(files()[name], start, count));
        check(text);
      }),
      fuzzParameters(300),
    );
  });

  it('agrees with the full parser on the robustness suite\'s mutations of whole files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(SAMPLE)), fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), (name, mutations) => {
        check(mutateAll(SAMPLE[name], mutations));
      }),
      fuzzParameters(60),
    );
  });

  it('agrees with the full parser on generated YAML-like documents', () => {
    let took = 0;
    fc.assert(
      fc.property(documentArbitrary, (text) => {
        if (check(text)) took++;
      }),
      fuzzParameters(600),
    );
    assert.ok(took > 0, 'some generated documents take the fast path');
  });

  it('agrees with the full parser on well-formed documents with comment and blank lines anywhere', () => {
    let took = 0;
    let runs = 0;
    fc.assert(
      fc.property(structuredArbitrary, (text) => {
        runs++;
        if (check(text)) took++;
      }),
      fuzzParameters(400),
    );
    assert.ok(took > runs / 2, `${took} of ${runs} well-formed documents take the fast path`);
  });
});

describe('the fast YAML reader, construct by construct', () => {
  const takes = (text: string) => assert.ok(check(text), `takes the fast path: ${JSON.stringify(text)}`);
  const bails = (text: string) => {
    assert.equal(parseBlockYaml(text), undefined, `falls back: ${JSON.stringify(text)}`);
    assertSameModel(text);
  };

  it('reads mappings, nested mappings and sequences, and compact mappings in sequences', () => {
    takes('a: 1\nb: two\n');
    takes('a:\n  b: 1\n  c:\n    d: x\ne: y');
    takes('list:\n  - a\n  - b\n');
    takes('list:\n- a\n- b\nnext: 1\n');
    takes('claims:\n  - id: c1\n    quote: x\n  - id: c2\n    about: [a, b]\n');
    takes('a:\n  -   k: v\n      l: w\n');
    takes('actors:\n  - id: a\n    relations:\n      - type: t\n        target: b\n');
  });

  it('reads empty values where the full parser puts them', () => {
    takes('a:\nb: 1');
    takes('a:   \nb: 1');
    takes('a:\n\n\nb: 1\n');
    takes('x:\n  a:\ny: 1');
    takes('a:');
  });

  it('reads comments, blank lines and where comment lines end collections', () => {
    takes('# head\n\na: b  # c\n\n# between\nc: d\n# tail\n');
    takes('a:\n  - x\n  # c\nb: 1');
    takes('a:\n  - x\n# c\nb: 1');
    takes('a:\n  - x\n      # deep\n\n      # deeper\nb: 1');
    takes('a:\n  - x\n\n  # c\n\nb: 1');
    takes('a:\n  b:\n    - x\n    # c\n  d: 1');
    takes('a:\n  - k: v\n    # c\n  - k: w\n');
    takes('a:\n  - k: v\n  # c\n  - k: w\n  # end\n');
    takes('a:\n  b:\n    c: 1\n    # c\n  # b\n# a\n');
    takes('a: x\n    # deep\nb: |\n  t\n    # in\n  # at\n # less\nc: 1');
    takes('a:   # about a\n  - 1\n');
  });

  it('reads plain scalars as the core schema types them', () => {
    takes('a: 1\nb: -2\nc: +3\nd: 0o17\ne: 0x1f\nf: 1.5\ng: 1e3\nh: .inf\ni: -.Inf\nj: .nan\nk: 1.50\n');
    takes('a: true\nb: False\nc: TRUE\nd: yes\ne: null\nf: ~\ng: Null\nh: nil\n');
    takes('published: 2022-07-02\nw: Q843\nu: http://example.org/a#b\nx: a:b\ny: -x\nz: text with ‘quotes’ and — dashes\n');
    takes('a: one two   \nb: x # comment\nc: x#y');
  });

  it('reads quoted scalars with escapes', () => {
    takes('a: "x"\nb: \'y\'\nc: "with \\"escapes\\" \\\\ \\n \\t \\u00e9 \\x41 \\U0001F600 \\/"\nd: \'it\'\'s\'\ne: ""\nf: \'\'');
    takes('a: "tab\there"   # c\n');
  });

  it('reads block scalars with chomping', () => {
    takes('a: |\n  line\n\n  more\n\n# c\nb: 1');
    takes('a: >-\n  folded\n  text\n\n  para\nb: 1');
    takes('a: >\n  x\n    more indented\n  y\n');
    takes('a: |+\n  keep\n\n\nb: 1');
    takes('a: |+\n  keep\n\n');
    takes('a: |-\n  strip\n\n');
    takes('a: >  # header comment\n  x\n  y');
    // Every line indented as the first (the common case, read without splitting on indentation), in each style.
    for (const header of ['|', '|-', '|+', '>', '>-', '>+']) {
      takes(`a: ${header}\n  one line \n  two: lines #\nb: 1`);
      takes(`a: ${header}\n  one\n  two`);
      takes(`a: ${header}\r\n  one\r\n  two\r\n`);
      takes(`a: ${header}\n  one\n   two\n`);
    }
    takes('- |\n a\n- >\n b\n'.replace(/^/, 'k:\n').replace(/\n- /g, '\n  - ').replace(/\n (a|b)/g, '\n    $1'));
  });

  it('reads single-line flow sequences of scalars', () => {
    takes('a: [x, y]\nb: [ "x" , \'y\' ]  # c\nc: []\nd: [1, true, ~]\ne: [x ,y ]');
  });

  it('reads CRLF line ends, a byte order mark, and empty and comment-only documents', () => {
    takes('a: 1\r\nb:\r\n  - x\r\n  # c\r\nc: |\r\n  t\r\n\r\n  u\r\n');
    takes('\ufeffa: 1\n');
    assert.equal(parseBlockYaml(''), null);
    assert.equal(parseBlockYaml('\n\n# only comments\n  # indented\n'), null);
    takes('');
    takes('# c\n');
  });

  it('falls back on everything outside the subset', () => {
    for (const text of [
      'a: &x 1\nb: *x',
      'a: !tag x',
      '? a\n: b',
      '"a": 1',
      "'a': 1",
      'a b: 1',
      '---\na: 1',
      'a: 1\n...\n',
      '%YAML 1.2\n---\na: 1',
      'a: 1\na: 2',
      'a:\n\tb: 1',
      'a: x\tb',
      'a: {b: 1}',
      'a: [b, [c]]',
      'a: [b,\n  c]',
      'a: [b,]',
      'a: "multi\n  line"',
      'a: plain\n  continued',
      'a: |2\n  x',
      'a: |\n  \n  x',
      'a: |\nb: 1',
      'a:   # comment\nb: 1',
      'a:\n  # comment\nb: 1',
      '- a\n- b',
      'just a scalar',
      '  a: 1',
      'a: "\\q"',
      'a: "x"y',
      'a: b: c',
      'a:\n  - \n  - b',
      'a:\n  - - b',
      'a: 1\n  b: 2',
      'a:\n  b: 1\n c: 2',
      'a: x\rb: y',
      'a: \u0001',
      'a: x\u2028y',
      'a: x\ufeff',
      'a: \ud800',
      '1: x',
      'true: x',
      'a: |\n  x\n\tb: 1',
    ]) {
      bails(text);
    }
  });

  it('never throws and is forced off by the fastPath option', () => {
    for (const text of ['\u0000', ':', '-', '[', '"', "'", '|', 'a: |', 'a: "\\u12"', 'a: [', 'a: ["x', 'a:\n  - k: [']) {
      assert.doesNotThrow(() => parseBlockYaml(text));
      assertSameModel(text);
    }
  });
});
