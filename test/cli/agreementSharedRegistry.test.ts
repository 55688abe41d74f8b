/**
 * `agreement` as a process sets aside the registry files the second coder
 * has alike (`core/agreement/sharedRegistry.ts`): whether the registries are
 * the same, differ in a file, or differ in a file only one coder has, in the
 * folders and the --ref form, the report is the one the coders' annotations,
 * each loaded alone in process, give.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { compareAnnotations, loadCoderAnnotations } from '../../server/src/core/agreement';
import { NodeFileHost } from '../../server/src/node/nodeFileHost';
import { commitAll, git } from '../helpers/gitRepo';
import { createTempWorkspace, runCliProcess as run } from '../helpers/tempWorkspace';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';

const ARTICLE = threeActorsArticle();
const ONLY_ANN = 'Imran Khan met the ISI, and the Taliban stayed away.\n';
const ANNOTATION = (stance: string) => ['text: texts/a.txt', 'claims:', `  - {id: c1, claimant: isi, stance: ${stance}, quote: The ISI backs the Taliban.}`, ''].join('\n');
/** A registry file that sorts first and gives the ISI's alias to another actor as well. */
const EARLY = ['actors:', '  - id: army', '    name: Army', '    kind: military', '    aliases: [ISI, Imran]', ''].join('\n');

type Files = Record<string, string>;
const ann: Files = {
  'annotations/texts/a.txt': ARTICLE,
  'annotations/texts/only.txt': ONLY_ANN,
  'annotations/actors.yaml': threeActorsYaml(),
  'annotations/a.yaml': ANNOTATION('supports'),
  'annotations/only.yaml': ['text: texts/only.txt', 'claims:', '  - {claimant: imran-khan, quote: met the ISI}', ''].join('\n'),
};
const PAIRS: [string, Files, Files][] = [
  ['the same registry', ann, { ...ann, 'annotations/a.yaml': ANNOTATION('rejects') }],
  ['a registry file that differs', ann, { ...ann, 'annotations/actors.yaml': threeActorsYaml(['Taliban', 'Khan']) }],
  ['a registry file only the second coder has', ann, { ...ann, 'annotations/a-early.yaml': EARLY }],
  ['a registry file only the first coder has', { ...ann, 'annotations/a-early.yaml': EARLY }, ann],
];

/** The report of the two folders' annotations, each loaded alone in process, as the command prints it. */
async function expectedJson(first: string, second: string): Promise<string> {
  const coders = await Promise.all([first, second].map((dir, i) => loadCoderAnnotations(new NodeFileHost([dir]), URI.file(dir).toString(), ['ann', 'bob'][i])));
  return `${JSON.stringify(compareAnnotations(coders.map((coder) => coder!)), null, 2)}\n`;
}

describe('agreement with a shared codebook', () => {
  const folders: { dispose(): void }[] = [];
  after(() => folders.forEach((folder) => folder.dispose()));

  for (const [name, first, second] of PAIRS) {
    it(`gives the report of the coders loaded alone: ${name}, in the folders and the --ref form`, async () => {
      const a = createTempWorkspace(first);
      const b = createTempWorkspace(second);
      const repo = createTempWorkspace({});
      folders.push(a, b, repo);
      const expected = await expectedJson(a.dir, b.dir);
      assert.match(expected, /"mention"/);
      const folderRun = run(['agreement', a.dir, b.dir, '--coder', 'ann', '--coder', 'bob', '--format', 'json'], repo.dir);
      assert.equal(folderRun.code, 0, folderRun.stderr);
      assert.equal(folderRun.stdout, expected);
      git(repo.dir, 'init', '-q');
      for (const [files, branch] of [
        [first, 'ann'],
        [second, 'bob'],
      ] as const) {
        git(repo.dir, 'rm', '-rq', '--ignore-unmatch', '.');
        for (const [file, content] of Object.entries(files)) repo.write(file, content);
        commitAll(repo.dir, branch);
        git(repo.dir, 'branch', branch);
      }
      const refRun = run(['agreement', '--ref', 'ann', '--ref', 'bob', '--format', 'json'], repo.dir);
      assert.equal(refRun.code, 0, refRun.stderr);
      assert.equal(refRun.stdout, expected);
    });
  }
});
