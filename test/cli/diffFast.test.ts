import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { git } from '../helpers/gitRepo';
import { threeActorsYaml } from '../helpers/threeActors';
import { createTempWorkspace, runCliProcess } from '../helpers/tempWorkspace';

const claim = (id: string, claimant: string, quote: string) => `  - id: ${id}\n    claimant: ${claimant}\n    quote: ${quote}\n`;

const BASE: Record<string, string> = {
  'annotations/actors.yaml': threeActorsYaml(),
  'annotations/texts/t1.txt': 'The ISI backs the Taliban, the report says.\n',
  'annotations/texts/t2.txt': 'Imran Khan spoke. The ISI was silent.\n',
  'annotations/texts/t3.txt': 'The Taliban took Kabul.\n',
  'annotations/a1.yaml': `text: texts/t1.txt\nclaims:\n${claim('c1', 'isi', 'The ISI backs the Taliban')}${claim('dup', 'imran-khan', 'the report says')}`,
  'annotations/a2.yaml': `text: texts/t2.txt\nclaims:\n${claim('c2', 'imran-khan', 'Imran Khan spoke')}${claim('dup', 'isi', 'The ISI was silent')}`,
  'annotations/a3.yaml': `text: texts/t3.txt\ntitle: Kabul\nclaims:\n${claim('c3', 'taliban', 'The Taliban took Kabul')}`,
  // Under the annotation file limit the configuration sets, until a change takes it over.
  'annotations/big.yaml': `text: texts/t3.txt\nclaims:\n${claim('big', 'taliban', 'took Kabul')}`,
  'policy-annotator.yaml': 'limits:\n  annotation-file-size: 1KB\n',
};

/** Each change is a commit on its own branch from `base`: files to write (a string) or delete (null). */
const CHANGES: [string, Record<string, string | null>][] = [
  ['a claimant changed', { 'annotations/a1.yaml': BASE['annotations/a1.yaml'].replace('claimant: isi', 'claimant: taliban') }],
  ['a text changed, its annotation not', { 'annotations/texts/t3.txt': 'Yesterday:\nthe Taliban took Kabul.\n' }],
  ['a text edited so that its quote breaks', { 'annotations/texts/t1.txt': 'The ISI denies backing anyone.\n' }],
  ['an annotation file renamed', { 'annotations/a3.yaml': null, 'annotations/kabul/a3.yaml': BASE['annotations/a3.yaml'].replace('texts/', '../texts/') }],
  ['a text renamed and its annotation file with it', { 'annotations/texts/t3.txt': null, 'annotations/texts/kabul.txt': BASE['annotations/texts/t3.txt'], 'annotations/a3.yaml': BASE['annotations/a3.yaml'].replace('t3.txt', 'kabul.txt') }],
  ['an annotation file deleted', { 'annotations/a2.yaml': null }],
  ['a text deleted', { 'annotations/texts/t2.txt': null }],
  ['a duplicate claim id resolved', { 'annotations/a2.yaml': BASE['annotations/a2.yaml'].replace('id: dup', 'id: dup2') }],
  ['an annotation file that grows over the size limit', { 'annotations/big.yaml': `text: texts/t3.txt\nnote: ${'x'.repeat(2000)}\nclaims:\n${claim('big', 'taliban', 'took Kabul')}` }],
  ['the registry changed', { 'annotations/actors.yaml': threeActorsYaml(['Taliban', 'Kabul']) }],
  ['the configuration changed', { 'policy-annotator.yaml': 'roots: [elsewhere]\n' }],
];

/**
 * `diff BASE HEAD` between two commits compares only what the changed files
 * reach; `diff BASE` on HEAD's working tree compares everything. Both must
 * report the same.
 */
describe('diff between two commits equals the full comparison', () => {
  const repo = createTempWorkspace(BASE);
  after(() => repo.dispose());
  git(repo.dir, 'init', '-q');
  git(repo.dir, 'add', '-A');
  git(repo.dir, 'commit', '-q', '-m', 'base');
  git(repo.dir, 'tag', 'base');

  CHANGES.forEach(([name, change], i) => {
    it(name, () => {
      git(repo.dir, 'checkout', '-q', '-B', `change-${i}`, 'base');
      for (const [file, content] of Object.entries(change)) {
        if (content === null) rmSync(path.join(repo.dir, file));
        else repo.write(file, content);
      }
      git(repo.dir, 'add', '-A');
      git(repo.dir, 'commit', '-q', '-m', name);
      const between = runCliProcess(['diff', 'base', `change-${i}`, '--format', 'json'], repo.dir);
      const onTree = runCliProcess(['diff', 'base', '--format', 'json'], repo.dir);
      assert.equal(between.code, 0, between.stderr);
      assert.equal(onTree.code, 0, onTree.stderr);
      const { head: _head, ...fast } = JSON.parse(between.stdout) as Record<string, unknown>;
      const { head: _tree, ...full } = JSON.parse(onTree.stdout) as Record<string, unknown>;
      assert.deepEqual(fast, full);
      const { head: _none, ...nothing } = JSON.parse(runCliProcess(['diff', 'base', 'base', '--format', 'json'], repo.dir).stdout) as Record<string, unknown>;
      assert.notDeepEqual(full, nothing, 'the change shows in the diff');
    });
  });
});
