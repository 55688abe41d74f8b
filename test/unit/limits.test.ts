import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedLimits, annotationFileDiagnostics, DEFAULT_LIMITS, excessiveNesting, HARD_LIMITS, loadWorkspace, parseAnnotationFile, parseConfig, parseSize, DEFAULT_VOCABULARY, type Limits } from '../../server/src/core';
import { readEditorSettings } from '../../server/src/lsp/clientSettings';
import { InMemoryHost, loadMemoryWorkspace, uriOf, WORKSPACE, yaml } from '../helpers/memoryWorkspace';

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
    const file = parseAnnotationFile('file:///ws/a.yaml', bomb, DEFAULT_VOCABULARY);
    assert.ok(file.diagnostics.some((d) => d.code === 'unknown-field'));
    assert.ok(file.diagnostics.some((d) => d.code === 'invalid-value' && /alias/.test(d.message)));
    // Unexpanded: one problem per alias written in the list (9), none per value it would stand for (9^5); its time is in bench/inputLimits.mjs.
    assert.equal(file.diagnostics.filter((d) => d.code === 'invalid-value' && /alias/.test(d.message)).length, 9);
    assert.equal(file.actors.length, 0);
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
    assert.match(text.message, /is 2 KB, above the limit of 1 KB, so it was not read\. Split it, or raise the limit yourself \(a workspace's policy-annotator\.yaml may only lower it\)/);
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

const MB = 1024 * 1024;

/** Issue 13, "the workspace may not raise its own safety limits". */
describe('a workspace may lower limits, never raise them', () => {
  it('ignores a raise in policy-annotator.yaml, with a warning on its value that says how to raise it', () => {
    const text = yaml('limits:', '  text-size: 4GB', '  annotation-file-size: 1KB');
    const { config, diagnostics } = parseConfig(uriOf('policy-annotator.yaml'), text);
    assert.equal(config.limits.textSize, DEFAULT_LIMITS.textSize);
    assert.equal(config.limits.annotationFileSize, 1024, 'lowering applies');
    assert.equal(diagnostics.length, 1);
    const [warning] = diagnostics;
    assert.equal(warning.code, 'limit-ignored');
    assert.equal(warning.severity, 'warning');
    assert.equal(text.slice(warning.range.start, warning.range.end), '4GB');
    assert.match(warning.message, /^`text-size: 4GB` is ignored: a workspace's policy-annotator\.yaml may only lower a limit, and 20MB applies here\. To read larger files, raise it yourself: the user setting policyAnnotator\.limits\.textSize or the CLI flag --max-text-size \(at most 64MB\)\.$/);
  });

  it('never reads a text over the default however high the workspace sets the limit', async () => {
    const { index, configDiagnostics } = await loadMemoryWorkspace({
      'policy-annotator.yaml': yaml('limits:', '  text-size: 4GB'),
      'annotations/a.yaml': yaml('text: texts/big.txt'),
      'annotations/texts/big.txt': 'x'.repeat(DEFAULT_LIMITS.textSize + 1),
    });
    assert.deepEqual(configDiagnostics.map((d) => d.code), ['limit-ignored']);
    const [text] = annotationFileDiagnostics(index, uriOf('annotations/a.yaml'));
    assert.equal(text.code, 'text-not-found');
    assert.match(text.message, /above the limit of 20\.0 MB, so it was not read/);
    assert.equal(index.content(uriOf('annotations/texts/big.txt')), undefined);
  });

  it('measures the workspace against what the user allows: their raise applies, and the workspace may lower it', async () => {
    const raised: Limits = { ...DEFAULT_LIMITS, textSize: 40 * MB };
    assert.equal(parseConfig('file:///ws/policy-annotator.yaml', 'limits: {text-size: 30MB}\n', raised).config.limits.textSize, 30 * MB);
    const above = parseConfig('file:///ws/policy-annotator.yaml', 'limits: {text-size: 50MB}\n', raised);
    assert.equal(above.config.limits.textSize, 40 * MB);
    assert.match(above.diagnostics[0].message, /and 40MB applies here/);

    class RaisingHost extends InMemoryHost {
      async allowedLimits(): Promise<Limits> {
        return raised;
      }
    }
    const files = { 'annotations/a.yaml': yaml('text: texts/big.txt'), 'annotations/texts/big.txt': 'x'.repeat(25 * MB) };
    const { index } = await loadWorkspace(new RaisingHost(files), WORKSPACE);
    assert.equal(index.config.limits.textSize, 40 * MB, 'without a policy-annotator.yaml the limits the user allows apply');
    assert.equal(index.content(uriOf('annotations/texts/big.txt'))?.length, 25 * MB);
  });

  it('caps what the user asks for at the hard ceilings, and refuses what is not a size', () => {
    const problems: string[] = [];
    const limits = allowedLimits({ textSize: '1GB', annotationFileSize: 'lots' }, (message) => problems.push(message), 'setting');
    assert.deepEqual(limits, { textSize: HARD_LIMITS.textSize, annotationFileSize: DEFAULT_LIMITS.annotationFileSize });
    assert.deepEqual(problems, [
      'The setting policyAnnotator.limits.annotationFileSize is "lots", which is not a size: write a number of bytes or a size such as 40MB. The default 5MB applies.',
      'The setting policyAnnotator.limits.textSize asks for 1024MB, above the hard ceiling of 64MB, beyond which nothing is read; 64MB applies.',
    ]);
    assert.deepEqual(allowedLimits({ textSize: 48 * MB }, () => assert.fail('a valid raise'), 'flag'), { ...DEFAULT_LIMITS, textSize: 48 * MB });
  });

  it('takes the limits from the editor settings the client sends', () => {
    const warnings: string[] = [];
    assert.deepEqual(readEditorSettings({ limits: { textSize: '40MB' } }, (w) => warnings.push(w)).limits, { ...DEFAULT_LIMITS, textSize: 40 * MB });
    assert.deepEqual(readEditorSettings({ limits: { textSize: '100GB' } }, (w) => warnings.push(w)).limits.textSize, HARD_LIMITS.textSize);
    assert.match(warnings.join('\n'), /policyAnnotator\.limits\.textSize asks for 102400MB, above the hard ceiling of 64MB/);
    assert.deepEqual(readEditorSettings(undefined).limits, DEFAULT_LIMITS);
  });
});
