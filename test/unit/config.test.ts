import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics, DEFAULT_VOCABULARY, parseConfig } from '../../server/src/core';
import { loadMemoryWorkspace, uriOf, yaml } from '../helpers/memoryWorkspace';

describe('policy-annotator.yaml', () => {
  it('defaults to the annotations/ root and the default vocabulary', async () => {
    const { index, configUri } = await loadMemoryWorkspace({ 'annotations/a.yaml': 'actors: []\n', 'elsewhere/b.yaml': 'actors: []\n' });
    assert.equal(configUri, undefined);
    assert.deepEqual(index.annotationFiles().map((f) => f.uri), [uriOf('annotations/a.yaml')]);
    assert.deepEqual(index.config.vocabulary, DEFAULT_VOCABULARY);
  });

  it('changes the roots', async () => {
    const { index } = await loadMemoryWorkspace({
      'policy-annotator.yaml': yaml('roots: [corpus/yaml, extra]'),
      'annotations/a.yaml': 'actors: []\n', 'corpus/yaml/b.yaml': 'actors: []\n', 'extra/c.yml': 'actors: []\n', 'extra/notes.txt': 'x',
    });
    assert.deepEqual(index.annotationFiles().map((f) => f.uri), [uriOf('corpus/yaml/b.yaml'), uriOf('extra/c.yml')]);
  });

  it('extends the vocabularies without losing the defaults', async () => {
    const config = yaml(
      'vocabulary:',
      '  actor-kinds: [think-tank]',
      '  claim-types: [forecast]',
      '  relation-types:',
      '    - advises',
      '    - {id: mediates-between, symmetric: true, subject-kinds: [state]}',
    );
    const actors = yaml('actors:', '  - {id: carnegie, name: Carnegie, kind: think-tank, relations: [{type: advises, target: x}, {type: funds, target: x}]}', '  - {id: x, name: X, kind: state}');
    const { index, configDiagnostics } = await loadMemoryWorkspace({ 'policy-annotator.yaml': config, 'annotations/a.yaml': actors });
    assert.deepEqual(configDiagnostics, []);
    assert.ok(index.config.vocabulary.actorKinds.includes('person'));
    assert.ok(index.config.vocabulary.actorKinds.includes('think-tank'));
    assert.ok(index.config.vocabulary.claimTypes.includes('forecast'));
    assert.deepEqual(index.config.vocabulary.relationTypes.find((r) => r.id === 'mediates-between'), { id: 'mediates-between', symmetric: true, subjectKinds: ['state'] });
    assert.deepEqual(annotationFileDiagnostics(index, uriOf('annotations/a.yaml')).filter((d) => d.code !== 'actor-unused'), []);
  });

  it('overrides severities and turns codes off', async () => {
    const { index } = await loadMemoryWorkspace({
      'policy-annotator.yaml': yaml('severity:', '  unknown-field: warning', '  invalid-value: "off"'),
      'annotations/a.yaml': yaml('actors:', '  - {id: x, name: X, kind: nope, colour: red}'),
    });
    const diagnostics = annotationFileDiagnostics(index, uriOf('annotations/a.yaml'));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['actor-unused', 'hint'], ['unknown-field', 'warning']]);
  });

  it('reports its own mistakes: unknown keys and codes, bad severities, roots outside the workspace', () => {
    const text = yaml('root: [a]', 'roots: [/abs, ../up, ok]', 'severity:', '  quote-missing: warning', '  unknown-field: loud');
    const { config, diagnostics } = parseConfig('file:///ws/policy-annotator.yaml', text);
    const found = diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end)]);
    assert.deepEqual(found, [
      ['unknown-field', 'root'],
      ['invalid-value', '/abs'],
      ['invalid-value', '../up'],
      ['unknown-field', 'quote-missing'],
      ['invalid-value', 'loud'],
    ]);
    assert.match(diagnostics[0].message, /Did you mean `roots`\?/);
    assert.match(diagnostics[3].message, /Did you mean `quote-ambiguous`|quote-not-found/);
    assert.deepEqual(config.roots, ['ok']);
  });
});
