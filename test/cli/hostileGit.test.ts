import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { GitBlobReader } from '../../server/src/cli/gitBlobReader';
import { runCli, type CliContext } from '../../server/src/cli/runCli';
import { GitCatFileReader } from '../../server/src/node/gitCatFile';
import { NodeFileHost } from '../../server/src/node/nodeFileHost';
import { findGitExecutable, runGit } from '../../server/src/node/runGit';
import { commitAll, git } from '../helpers/gitRepo';
import { threeActorsYaml } from '../helpers/threeActors';
import { createTempWorkspace, runCliProcess } from '../helpers/tempWorkspace';

const run = runCliProcess;

/** Issue 13 item 3: a revision a user or a workflow passes on is never an option to git. */
describe('revisions are never options to git', () => {
  const repo = createTempWorkspace({ 'annotations/texts/a.txt': 'The ISI backs the Taliban.\n', 'annotations/actors.yaml': threeActorsYaml(), 'annotations/a.yaml': 'text: texts/a.txt\n' });
  after(() => repo.dispose());
  commitAll(repo.dir, 'base', true);

  it('check --changed-since=--output=<file> is refused as an unknown revision, and git writes no file', () => {
    const target = path.join(repo.dir, 'written-by-git.diff');
    const result = run(['check', `--changed-since=--output=${target}`], repo.dir);
    assert.equal(result.code, 2, result.stdout);
    assert.match(result.stderr, /--changed-since --output=.*: that is not a git revision here/);
    assert.ok(!existsSync(target), 'git did not take the value as --output');
  });

  it('diff -- --output=<file> is refused the same way', () => {
    const target = path.join(repo.dir, 'diff-output.txt');
    const result = run(['diff', '--', `--output=${target}`], repo.dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /`--output=.*` is not a git revision here/);
    assert.ok(!existsSync(target));
  });

  it('--changed-since still takes branch names and revision expressions', () => {
    repo.write('annotations/a.yaml', 'text: texts/a.txt\nclaims:\n  - {id: c1, claimant: ghost, quote: The ISI}\n');
    const result = run(['check', '--format', 'json', '--changed-since', 'main~0'], repo.dir);
    assert.equal(result.code, 1, result.stderr);
    assert.ok((JSON.parse(result.stdout) as { code: string }[]).some((row) => row.code === 'unknown-actor'));
  });
});

/** Issue 13 item 12: diff read every file with its own `git show`. */
describe('diff reads blobs through one git process per revision', () => {
  const files: Record<string, string> = { 'annotations/actors.yaml': threeActorsYaml() };
  for (let i = 0; i < 60; i++) {
    files[`annotations/texts/t${i}.txt`] = `Text ${i}: the ISI backs the Taliban.\n`;
    files[`annotations/a${i}.yaml`] = `text: texts/t${i}.txt\nclaims:\n  - {id: c${i}, claimant: isi, quote: the ISI backs the Taliban}\n`;
  }
  const repo = createTempWorkspace(files);
  after(() => repo.dispose());
  commitAll(repo.dir, 'base', true);
  repo.write('annotations/a7.yaml', 'text: texts/t7.txt\nclaims:\n  - {id: c7, claimant: taliban, quote: the ISI backs the Taliban}\n');
  commitAll(repo.dir, 'head');

  it('starts git a fixed number of times for 121 files, and reads each annotation file once and only the texts a change reaches', async () => {
    const counted = countingContext(repo.dir);
    const code = await runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], counted.context);
    assert.equal(code, 0, counted.output());
    const diff = JSON.parse(counted.output()) as { claims: { id: string; status: string }[] };
    assert.deepEqual(diff.claims.map((c) => `${c.status} ${c.id}`), ['changed c7']);
    assert.ok(counted.commands.length <= 6, `git ran ${counted.commands.length} times: ${counted.commands.join(', ')}`);
    assert.ok(!counted.commands.includes('show'), 'no git show per file');
    assert.equal(counted.readers(), 2, 'one cat-file --batch per revision');
    // Every annotation file once (the changed one once per revision) to learn what the change reaches, then, per revision,
    // the registry, the changed file and its text: not the 59 texts and 59 annotation files the change cannot reach.
    assert.equal(counted.blobs(), 61 + 1 + 2 * 3, 'the annotation files once, then only what the change reaches');
  });

  it('refuses a blob over the text limit from its size in the tree, without reading it', async () => {
    const big = createTempWorkspace({ 'annotations/actors.yaml': threeActorsYaml(), 'annotations/a.yaml': 'text: texts/big.txt\n', 'annotations/texts/big.txt': 'word '.repeat(5000), 'policy-annotator.yaml': 'limits:\n  text-size: 1KB\n' });
    try {
      commitAll(big.dir, 'base', true);
      // A change to the text's annotation file, so that the text is one the diff must load.
      big.write('annotations/a.yaml', 'text: texts/big.txt\ntitle: Big\n');
      commitAll(big.dir, 'head');
      const counted = countingContext(big.dir);
      assert.equal(await runCli(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], counted.context), 0, counted.output());
      assert.deepEqual((JSON.parse(counted.output()) as { texts: { status: string }[] }).texts.map((t) => t.status), ['changed']);
      // The configuration and the annotation files (the changed one once per revision) to learn what the change reaches,
      // then the configuration, the registry and the changed file per revision: never the text.
      assert.equal(counted.blobs(), 3 + 1 + 2 * 3, 'the configuration and the annotation files, not the text');
    } finally {
      big.dispose();
    }
  });
});

/** A CLI context over the real git that counts git runs, blob readers and blobs read. */
function countingContext(cwd: string) {
  const commands: string[] = [];
  let readers = 0;
  let blobs = 0;
  let out = '';
  const context: CliContext = {
    cwd,
    version: 'test',
    createHost: (folders) => new NodeFileHost(folders),
    git: (args, dir) => {
      commands.push(args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? args[0]);
      return runGit(args, dir);
    },
    openGitBlobReader: async (dir): Promise<GitBlobReader> => {
      readers++;
      const reader = new GitCatFileReader(dir);
      return { read: (oid) => (blobs++, reader.read(oid)), close: () => reader.close() };
    },
    io: { stdout: (text) => (out += text), stderr: (text) => (out += text), isTTY: false, env: {} },
  };
  return { context, commands, readers: () => readers, blobs: () => blobs, output: () => out };
}

/** Windows starts a `git.exe` in the working folder (the workspace) before the PATH. */
describe('git is found once, by an absolute path from the PATH', () => {
  const everything = () => true;

  it('skips empty and relative PATH entries and the current folder, on Windows', () => {
    const found = findGitExecutable('.;C:\\Repo;;relative\\bin;"C:\\Program Files\\Git\\cmd"', 'win32', 'c:\\repo', everything);
    assert.equal(found, 'C:\\Program Files\\Git\\cmd\\git.exe');
  });

  it('skips them on POSIX too (an empty entry means the current folder there)', () => {
    assert.equal(findGitExecutable(':.:/work/repo:bin:/usr/bin', 'linux', '/work/repo', everything), '/usr/bin/git');
  });

  it('takes the first entry that holds git, and nothing when none does', () => {
    const only = (file: string) => file === '/opt/git/bin/git';
    assert.equal(findGitExecutable('/usr/local/bin:/opt/git/bin:/usr/bin', 'linux', '/home/me', only), '/opt/git/bin/git');
    assert.equal(findGitExecutable('/usr/local/bin', 'linux', '/home/me', only), undefined);
  });

  it('finds the real git here', () => {
    const found = findGitExecutable(process.env.PATH, process.platform, process.cwd());
    assert.ok(found && path.isAbsolute(found));
    assert.match(git(process.cwd(), '--version'), /^git version/);
  });
});
