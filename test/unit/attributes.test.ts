import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, parseAnnotationFile, planFixes } from '../../server/src/core';
import { loadIndex } from '../helpers/fixture';
import { uriOf, yaml } from '../helpers/memoryWorkspace';

const TEXT_FILE = yaml(
  'text: texts/a.txt',
  'attributes:',
  '  source: The Paper',
  '  pages: 12',
  '  checked: true',
  '  "date-time": "2021-08-10T14:30:00Z"',
  'claims:',
  '  - id: isi-denies',
  '    claimant: isi',
  '    quote: The ISI denies it',
  '    attributes: {coder: Second coder}',
);

describe('attributes: mappings', () => {
  it('are read on a text annotation and on a claim, keys free, scalar values kept as written', () => {
    const file = parseAnnotationFile(uriOf('annotations/a.yaml'), TEXT_FILE, DEFAULT_VOCABULARY);
    assert.deepEqual(file.diagnostics, []);
    const pairs = (list: { key: { value: string }; value: { value: string } }[]) => list.map((a) => [a.key.value, a.value.value]);
    assert.deepEqual(pairs(file.textAnnotation!.attributes), [['source', 'The Paper'], ['pages', '12'], ['checked', 'true'], ['date-time', '2021-08-10T14:30:00Z']]);
    assert.deepEqual(pairs(file.textAnnotation!.claims[0].attributes), [['coder', 'Second coder']]);
    const source = file.textAnnotation!.attributes[0];
    assert.equal(TEXT_FILE.slice(source.value.range.start, source.value.range.end), 'The Paper');
    assert.equal(TEXT_FILE.slice(source.key.range.start, source.key.range.end), 'source');
  });

  it('report a list or mapping as a value, or attributes that are not a mapping, and read the rest', () => {
    const text = yaml('text: a.txt', 'attributes:', '  source: [a, b]', '  section: Politics', 'claims:', '  - id: c', '    claimant: isi', '    quote: q', '    attributes: [coder]');
    const file = parseAnnotationFile(uriOf('annotations/a.yaml'), text, DEFAULT_VOCABULARY);
    assert.deepEqual(file.diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end)]), [['invalid-value', '[a, b]'], ['invalid-value', '[coder]']]);
    assert.deepEqual(file.textAnnotation!.attributes.map((a) => a.key.value), ['section']);
  });

  it('are left alone by check --fix: a fix elsewhere in the file changes only its own bytes', async () => {
    const files = {
      'annotations/actors.yaml': yaml('actors:', '  - id: isi', '    name: ISI', '    kind: intelligence-agency', '    aliases: [ISI]'),
      'annotations/texts/a.txt': 'The ISI denies it.',
      'annotations/a.yaml': TEXT_FILE.replace('claimant: isi', 'claimant: isii'),
    };
    const plan = planFixes(await loadIndex(files));
    assert.deepEqual(plan.applied.map((p) => p.diagnostic.code), ['unknown-actor']);
    assert.deepEqual(plan.files.map((f) => f.after), [TEXT_FILE]);
  });
});
