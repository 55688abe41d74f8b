// Resource limits of the YAML reader beyond those in test/unit/limits.test.ts:
// shapes of hostile input that used to throw, stall or flood, each refused
// or bounded with a diagnostic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { DEFAULT_VOCABULARY, excessiveNesting, MAX_DIAGNOSTICS_PER_FILE, parseAnnotationFile, parseConfig } from '../../server/src/core';

const parse = (text: string) => parseAnnotationFile('file:///ws/annotations/a.yaml', text, DEFAULT_VOCABULARY);

describe('the YAML reader bounds what hostile input can cost', () => {
  it('never throws on nesting the pre-scan does not count: implicit keys inside a flow mapping exhaust the parser’s stack', () => {
    for (const text of [`{${'a: '.repeat(20_000)}}`, `{${'"a": '.repeat(20_000)}}`, `actors: [{${'a: '.repeat(20_000)}}]`]) {
      const file = parse(text);
      assert.deepEqual(file.diagnostics.map((d) => d.code), ['file-unreadable']);
      assert.match(file.diagnostics[0].message, /nested too deeply .* so it was not read\. Flatten it\./);
    }
    assert.doesNotThrow(() => parseConfig('file:///ws/policy-annotator.yaml', `{${'a: '.repeat(20_000)}}`));
  });

  it('counts compact nesting (`- - - x`, `? ? x`) like indentation, and refuses it before parsing', () => {
    for (const indicator of ['- ', '? ', ': ']) {
      const text = `actors:\n  ${indicator.repeat(20_000)}x\n`;
      assert.equal(excessiveNesting(text)?.what, 'indentation', JSON.stringify(indicator));
      const file = parse(text);
      assert.deepEqual(file.diagnostics.map((d) => d.code), ['file-unreadable']);
      assert.match(file.diagnostics[0].message, /nests indentation deeper than 256 levels/);
    }
    assert.equal(excessiveNesting('actors:\n  - - a\n    - b\n---\n- -1\n'), undefined, 'ordinary compact lists and document markers pass');
  });

  it('finds duplicate keys in block and flow mappings at any depth, in one pass over the keys', { timeout: 120_000 }, () => {
    const text = 'actors:\n  - id: a\n    id: b\n    aliases: {x: 1, &k x: 2, ? [x] : 3, ? [x] : 4}\ntext: t.txt\n"text": u.txt\n1: a\n"1": b\n';
    const file = parse(text);
    const duplicates = file.diagnostics.filter((d) => /keys must be unique/.test(d.message));
    assert.deepEqual(duplicates.map((d) => [d.code, d.range.start]), [['yaml-syntax', text.indexOf('id: b')], ['yaml-syntax', text.indexOf('x: 2')], ['yaml-syntax', text.indexOf('"text"')]]);
    assert.match(duplicates[0].message, /remove or rename one of them/);
    const parsersOwn = parseDocument(text, { uniqueKeys: true }).errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]);
    assert.deepEqual(duplicates.map((d) => d.range.start), parsersOwn, 'the same keys as the parser’s own check');
    // The parser's own check compares each key with every earlier one (60,000 keys took about 15 s); ours keeps a set per
    // mapping. Here 60,000 keys finish at all and find their one duplicate; bench/inputLimits.mjs prints the time.
    const keys = `${Array.from({ length: 60_000 }, (_, i) => `k${i}: v`).join('\n')}\nk7: again\n`;
    const many = parse(keys).diagnostics.filter((d) => /keys must be unique/.test(d.message));
    assert.deepEqual(many.map((d) => [d.code, d.range.start]), [['yaml-syntax', keys.indexOf('k7: again')]]);
  });

  it('reports at most a thousand problems per file, and says that the rest were left out', () => {
    const file = parse(Array.from({ length: 5_000 }, (_, i) => `unknown-${i}: v`).join('\n'));
    assert.equal(file.diagnostics.length, MAX_DIAGNOSTICS_PER_FILE + 1);
    assert.match(file.diagnostics.at(-1)!.message, /more than 1000 problems; only the first 1000 are shown/);
    const anchors = parse(`${'&a '.repeat(20_000)}x\n`);
    assert.equal(anchors.diagnostics.length, MAX_DIAGNOSTICS_PER_FILE + 1);
  });
});
