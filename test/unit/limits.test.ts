import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics, excessiveNesting, parseAnnotationFile, parseSize, DEFAULT_VOCABULARY } from '../../server/src/core';
import { loadMemoryWorkspace, uriOf, yaml } from '../helpers/memoryWorkspace';

describe('resource limits', () => {
  it('caps the problems of one file, checks included, at 1,000 and one that says the rest were left out', async () => {
    const actors = ['actors:', ...Array.from({ length: 1200 }, (_, i) => `  - { id: actor-${i}, name: Actor ${i}, kind: person, aliases: [Nobody ${i}] }`)].join('\n');
    const { index } = await loadMemoryWorkspace({
      'annotations/actors.yaml': `${actors}\n`,
      'annotations/a.yaml': 'text: texts/a.txt\n',
      'annotations/texts/a.txt': 'A text that names none of them.',
    });
    const diagnostics = annotationFileDiagnostics(index, uriOf('annotations/actors.yaml'));
    assert.equal(diagnostics.length, 1001);
    assert.match(diagnostics[1000].message, /only the first 1000 are shown/);
    assert.ok(diagnostics.slice(0, 1000).every((d) => d.code === 'alias-unused' || d.code === 'actor-unused'));
  });

  it('refuses pathologically nested YAML before parsing it', () => {
    const flow = `actors: ${'['.repeat(10000)}${']'.repeat(10000)}\n`;
    const file = parseAnnotationFile('file:///ws/a.yaml', flow, DEFAULT_VOCABULARY);
    assert.deepEqual(file.diagnostics.map((d) => d.code), ['file-unreadable']);
    assert.match(file.diagnostics[0].message, /deeper than 64 levels/);
    const indented = `a:\n${Array.from({ length: 400 }, (_, i) => `${' '.repeat(i + 1)}b${i}:`).join('\n')}\n`;
    assert.equal(excessiveNesting(indented)?.what, 'indentation');
  });

  it('does not mistake ordinary files for deep ones', () => {
    assert.equal(excessiveNesting(yaml('actors:', '  - {id: a, aliases: ["[[[[", x], note: "{{{{"}', "  - note: it's [fine] # [[[[[[")), undefined);
  });

  it('leaves alias bombs unexpanded', () => {
    const bomb = yaml('a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'actors: [*d, *d, *d, *d, *d, *d, *d, *d, *d]');
    const started = Date.now();
    const file = parseAnnotationFile('file:///ws/a.yaml', bomb, DEFAULT_VOCABULARY);
    assert.ok(Date.now() - started < 1000);
    assert.ok(file.diagnostics.some((d) => d.code === 'unknown-field'));
    assert.ok(file.diagnostics.some((d) => d.code === 'invalid-value' && /alias/.test(d.message)));
  });

  it('refuses texts and annotation files over the configured size, with a clear message', async () => {
    const { index } = await loadMemoryWorkspace({
      'policy-annotator.yaml': yaml('limits:', '  annotation-file-size: 2KB', '  text-size: 1KB'),
      'annotations/a.yaml': yaml('text: texts/big.txt'),
      'annotations/big.yaml': `actors: []\n# ${'x'.repeat(3000)}\n`,
      'annotations/texts/big.txt': 'word '.repeat(400),
    });
    const [text] = annotationFileDiagnostics(index, uriOf('annotations/a.yaml'));
    assert.equal(text.code, 'text-not-found');
    assert.match(text.message, /is 2 KB, above the limit of 1 KB, so it was not read\. Split it, or raise the limit in policy-annotator\.yaml \(`limits:` → /);
    const [big] = annotationFileDiagnostics(index, uriOf('annotations/big.yaml'));
    assert.equal(big.code, 'file-unreadable');
    assert.deepEqual(big.range, { start: 0, end: 0 });
    assert.ok(!big.message.includes('xxx'));
  });

  it('reads sizes written with units', () => {
    assert.equal(parseSize('5MB'), 5 * 1024 * 1024);
    assert.equal(parseSize('512 kb'), 512 * 1024);
    assert.equal(parseSize('1000'), 1000);
    assert.equal(parseSize('lots'), undefined);
  });
});
