import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createTempWorkspace, runCliProcess } from '../helpers/tempWorkspace';

const ARTICLE = 'China signed the Treaty of Gwadar. The China-Pakistan Economic Corridor runs to Gwadar.\n';
const FILES = {
  'policy-annotator.yaml': 'vocabulary:\n  entity-kinds: [treaty]\n',
  'annotations/texts/a.txt': ARTICLE,
  'annotations/actors.yaml': 'actors:\n  - id: china\n    name: China\n    kind: state\n    aliases: [China]\n',
  'annotations/entities.yaml': [
    'entities:',
    '  - id: cpec',
    '    name: China-Pakistan Economic Corridor',
    '    kind: project',
    '    aliases: [China-Pakistan Economic Corridor]',
    '  - id: treaty-of-gwadar',
    '    name: Treaty of Gwadar',
    '    kind: treaty',
    '    aliases: [Treaty of Gwadar]',
    '  - id: gwadar',
    '    name: Gwadar',
    '    kind: place',
    '    aliases: [Gwadar]',
    '',
  ].join('\n'),
  'annotations/a.yaml': 'text: texts/a.txt\nclaims:\n  - id: corridor-runs\n    claimant: china\n    quote: The China-Pakistan Economic Corridor runs to Gwadar.\n    about: [cpec, gwadar]\n',
};

describe('policy-annotator with entities', () => {
  const workspace = createTempWorkspace(FILES);
  after(() => workspace.dispose());

  it('checks a workspace with entities (and an entity kind of its own) clean', () => {
    const result = runCliProcess(['check'], workspace.dir);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /No problems in 3 annotation files/);
  });

  it('reports an entity used as claimant, naming file, line and fix', () => {
    const broken = createTempWorkspace({ ...FILES, 'annotations/a.yaml': FILES['annotations/a.yaml'].replace('claimant: china', 'claimant: cpec') });
    try {
      const result = runCliProcess(['check'], broken.dir);
      assert.equal(result.code, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /annotations\/a\.yaml:4:\d+\s+error\s+unknown-actor\s+`cpec` is an entity .* entities are never claimants/);
    } finally {
      broken.dispose();
    }
  });

  it('exports entity mentions to brat typed by their kind, the project kind included', () => {
    const out = path.join(workspace.dir, 'brat-export');
    const result = runCliProcess(['export', '--format', 'brat', '--out', out], workspace.dir);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const ann = readFileSync(path.join(out, 'annotations', 'texts', 'a.ann'), 'utf8');
    assert.match(ann, /\tEntity-treaty \d+ \d+\tTreaty of Gwadar\n/);
    assert.match(ann, /\tEntity-project \d+ \d+\tChina-Pakistan Economic Corridor\n/);
    assert.match(ann, /\tstate 0 5\tChina\n/);
    assert.doesNotMatch(ann, /\tstate \d+ \d+\tChina\n[^]*\tstate \d+ \d+\tChina\n/, 'China inside the corridor is not a mention');
    const conf = readFileSync(path.join(out, 'annotation.conf'), 'utf8');
    assert.match(conf, /^Entity-treaty$/m);
  });
});
