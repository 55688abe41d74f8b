/**
 * `agreement` loads every other coder's folder on a worker thread: what the
 * worker hands back equals a load in process, limits apply there too, and a
 * worker that fails leaves the report unchanged (the folder loads in process).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { URI } from 'vscode-uri';
import type { CliContext } from '../../server/src/cli/cliContext';
import { runCli } from '../../server/src/cli/runCli';
import { loadCoderAnnotations } from '../../server/src/core/agreement';
import { loadAgreementCoderOnWorker, PRESTARTED_WORKER } from '../../server/src/node/agreementLoader';
import { GitCatFileReader } from '../../server/src/node/gitCatFile';
import { NodeFileHost } from '../../server/src/node/nodeFileHost';
import { runGit } from '../../server/src/node/runGit';
import { ANN, BOB } from '../helpers/agreementCoders';
import { commitAll, git } from '../helpers/gitRepo';
import { createTempWorkspace, REPO_ROOT } from '../helpers/tempWorkspace';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';

const WORKER = path.join(REPO_ROOT, 'out/server/src/node/agreementWorker.js');
const ARTICLE = threeActorsArticle();

function workspace(claims: string[]) {
  return createTempWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': threeActorsYaml(), 'annotations/a.yaml': ['text: texts/a.txt', 'claims:', ...claims, ''].join('\n') });
}

function context(loadAgreementCoder: CliContext['loadAgreementCoder']) {
  let out = '';
  const value: CliContext = {
    cwd: REPO_ROOT,
    version: 'test',
    createHost: (folders) => new NodeFileHost(folders),
    git: runGit,
    openGitBlobReader: async (cwd) => new GitCatFileReader(cwd),
    loadAgreementCoder,
    io: { stdout: (text) => (out += text), stderr: (text) => (out += text), isTTY: false, env: {} },
  };
  return { value, output: () => out };
}

describe('agreement on a worker thread', () => {
  const ann = workspace(['  - {id: c1, claimant: isi, stance: supports, about: [taliban], quote: The ISI backs the Taliban.}', '  - {id: c2, claimant: imran-khan, quote: the Taliban are “normal civilians.”}']);
  const bob = workspace(['  - {id: b1, claimant: isi, stance: rejects, quote: ISI backs the Taliban}']);
  const empty = createTempWorkspace({ 'notes.txt': 'nothing to annotate' });
  after(() => [ann, bob, empty].forEach((w) => w.dispose()));
  const onWorker = loadAgreementCoderOnWorker(WORKER);

  it('hands back what a load in process reads', async () => {
    const here = await loadCoderAnnotations(new NodeFileHost([bob.dir]), URI.file(bob.dir).toString(), 'bob');
    assert.ok(here && here.texts.length === 1 && here.texts[0].claims.length === 1);
    assert.deepEqual(await onWorker({ folder: bob.dir, name: 'bob' }), here);
  });

  it('takes the worker that bin/policy-annotator.js started ahead, once, and starts its own when that one failed', async () => {
    const here = await loadCoderAnnotations(new NodeFileHost([bob.dir]), URI.file(bob.dir).toString(), 'bob');
    const store = globalThis as { [PRESTARTED_WORKER]?: { script: string; worker: Worker; failed: boolean } };
    const prestarted = { script: WORKER, worker: new Worker(WORKER), failed: false };
    prestarted.worker.unref();
    store[PRESTARTED_WORKER] = prestarted;
    assert.deepEqual(await onWorker({ folder: bob.dir, name: 'bob' }), here);
    assert.equal(store[PRESTARTED_WORKER], undefined, 'taken');
    // One that failed before it was taken is dropped: the loader starts a worker of its own.
    store[PRESTARTED_WORKER] = { ...prestarted, failed: true };
    assert.deepEqual(await onWorker({ folder: bob.dir, name: 'bob' }), here);
    assert.equal(store[PRESTARTED_WORKER], undefined);
  });

  it('hands the texts on a few at a time, in path order, as they are read', async () => {
    const files: Record<string, string> = { 'annotations/actors.yaml': threeActorsYaml() };
    // More texts than one message holds (20), named so that path order is not the order of creation.
    for (let i = 0; i < 130; i++) {
      const name = `t${String((i * 37) % 130).padStart(3, '0')}`;
      files[`annotations/texts/${name}.txt`] = ARTICLE;
      files[`annotations/${name}.yaml`] = `text: texts/${name}.txt\nclaims:\n  - {claimant: isi, quote: The ISI backs the Taliban.}\n`;
    }
    const many = createTempWorkspace(files);
    try {
      const batches: string[][] = [];
      const coder = await onWorker({ folder: many.dir, name: 'many' }, (texts) => batches.push(texts.map((t) => t.path)));
      const here = await loadCoderAnnotations(new NodeFileHost([many.dir]), URI.file(many.dir).toString(), 'many');
      // Through JSON: a claim without an id has none (undefined) here.
      assert.equal(JSON.stringify(coder), JSON.stringify(here));
      assert.deepEqual(batches.map((b) => b.length), [20, 20, 20, 20, 20, 20, 10]);
      assert.deepEqual(batches.flat(), here!.texts.map((t) => t.path));
      assert.deepEqual(batches.flat(), [...batches.flat()].sort());
    } finally {
      many.dispose();
    }
  });

  it('gives the same report with the worker as without for coders whose texts and registries differ (the work shared only where it fits)', async () => {
    const [first, second] = [createTempWorkspace(ANN), createTempWorkspace(BOB)];
    try {
      for (const folders of [
        [first.dir, second.dir],
        [second.dir, first.dir],
        [first.dir, first.dir],
      ]) {
        const outputs = [onWorker, undefined].map(async (load) => {
          const run = context(load);
          assert.equal(await runCli(['agreement', ...folders, '--coder', 'x', '--coder', 'y', '--format', 'json'], run.value), 0, run.output());
          return run.output();
        });
        const [withWorker, without] = await Promise.all(outputs);
        assert.equal(withWorker, without);
        assert.match(without, /"disagreements"/);
      }
    } finally {
      first.dispose();
      second.dispose();
    }
  });

  it('applies the limits of the command line and the options', async () => {
    const limited = await onWorker({ folder: bob.dir, name: 'bob', limits: { annotationFileSize: 1 << 20, textSize: 10 } });
    assert.deepEqual(limited?.texts, [], 'the text is over the limit: not analysed');
    const narrowed = await onWorker({ folder: bob.dir, name: 'bob', fields: ['stance'], texts: ['annotations/other'] });
    assert.deepEqual(narrowed, { name: 'bob', claimFields: ['stance'], texts: [] });
  });

  it('answers undefined for a folder without annotation files, and rejects when the worker cannot run', async () => {
    assert.equal(await onWorker({ folder: empty.dir, name: 'x' }), undefined);
    await assert.rejects(loadAgreementCoderOnWorker(path.join(REPO_ROOT, 'out/no-such-worker.js'))({ folder: bob.dir, name: 'bob' }));
  });

  it('gives the same report with the worker, without it, and when it fails, for folders and --ref; refuses an empty folder', async () => {
    const args = ['agreement', ann.dir, bob.dir, '--coder', 'ann', '--coder', 'bob', '--format', 'json'];
    const reports: string[] = [];
    let calls = 0;
    const failing: CliContext['loadAgreementCoder'] = async () => {
      calls++;
      throw new Error('worker died');
    };
    // A worker that fails after it handed some texts on (all of them, or the first only): those were compared already.
    const halfway: CliContext['loadAgreementCoder'] = async (request, onTexts) => {
      calls++;
      await onWorker(request, onTexts);
      throw new Error('worker died at the end');
    };
    const early: CliContext['loadAgreementCoder'] = async (request, onTexts) => {
      calls++;
      const coder = await onWorker(request);
      onTexts?.(coder!.texts.slice(0, 1));
      throw new Error('worker died after one text');
    };
    for (const load of [onWorker, undefined, failing, halfway, early]) {
      const run = context(load);
      assert.equal(await runCli(args, run.value), 0, run.output());
      reports.push(run.output());
    }
    assert.equal(reports[3], reports[0]);
    assert.equal(reports[4], reports[0]);
    calls -= 2;
    assert.equal(calls, 1, 'the second coder was offered to the worker');
    assert.match(reports[0], /"stance"/);
    assert.equal(reports[1], reports[0]);
    assert.equal(reports[2], reports[0]);
    // The --ref form: the same report, each revision read through git (on the worker for the second).
    const repo = workspace([]);
    try {
      git(repo.dir, 'init', '-q');
      for (const coder of [ann, bob]) {
        repo.write('annotations/a.yaml', readFileSync(path.join(coder.dir, 'annotations/a.yaml'), 'utf8'));
        commitAll(repo.dir, 'annotator');
        git(repo.dir, 'branch', coder === ann ? 'ann' : 'bob');
      }
      for (const load of [onWorker, undefined, failing]) {
        const run = context(load);
        run.value.cwd = repo.dir;
        assert.equal(await runCli(['agreement', '--ref', 'ann', '--ref', 'bob', '--format', 'json'], run.value), 0, run.output());
        assert.equal(run.output(), reports[0]);
      }
      assert.equal(calls, 2);
    } finally {
      repo.dispose();
    }
    const refused = context(onWorker);
    assert.equal(await runCli(['agreement', ann.dir, empty.dir], refused.value), 2);
    assert.match(refused.output(), /holds no annotation files/);
  });
});
