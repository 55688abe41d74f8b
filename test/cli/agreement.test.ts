import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'yaml';
import { AUTOLINK_PATTERN, readMarkdown } from '../helpers/markdownSafety';
import { commitAll, git } from '../helpers/gitRepo';
import { CLI, createTempWorkspace, REPO_ROOT, runCliProcess as run } from '../helpers/tempWorkspace';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';

const ARTICLE = threeActorsArticle();
const ANN = [
  'text: texts/a.txt',
  'claims:',
  '  - {id: c1, claimant: isi, stance: supports, quote: The ISI backs the Taliban.}',
  '  - {id: c2, claimant: imran-khan, quote: the Taliban are “normal civilians.”}',
  '',
].join('\n');
// The second annotator: another stance on c1 (with a hostile value), and no c2.
const BOB = ['text: texts/a.txt', 'claims:', '  - {id: b1, claimant: isi, stance: "rejects <img src=x> @octocat", quote: The ISI backs the Taliban.}', ''].join('\n');

function workspace(annotation: string) {
  return createTempWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': threeActorsYaml(), 'annotations/a.yaml': annotation });
}

describe('policy-annotator agreement DIR_A DIR_B', () => {
  const root = createTempWorkspace({});
  const ann = workspace(ANN);
  const bob = workspace(BOB);
  after(() => [root, ann, bob].forEach((w) => w.dispose()));

  it('json: the figures and each disagreement with its text, line and quote', () => {
    const result = run(['agreement', ann.dir, bob.dir, '--coder', 'ann', '--coder', 'bob', '--format', 'json'], root.dir);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.coders, ['ann', 'bob']);
    assert.equal(report.texts, 1);
    assert.deepEqual(Object.keys(report.fields), ['claimant', 'on-behalf-of', 'concept', 'stance', 'stance-score', 'type', 'evidence', 'about', 'mention']);
    assert.equal(report.fields.claimant.units, 2);
    assert.equal(report.fields.claimant.pairable, 1);
    assert.equal(report.fields.claimant.percent, 100);
    assert.ok('kappa' in report.fields.claimant);
    assert.deepEqual(report.disagreements.find((d: { field: string }) => d.field === 'stance'), {
      text: 'annotations/texts/a.txt',
      line: 1,
      quote: 'The ISI backs the Taliban.',
      field: 'stance',
      values: { ann: 'supports', bob: 'rejects <img src=x> @octocat' },
    });
    assert.deepEqual(report.disagreements.find((d: { field: string }) => d.field === 'claim').values, { ann: 'c2', bob: null });
    assert.equal(report.spans.pairs.length, 2);
  });

  it('markdown: a table, then each disagreement with the quoted words, everything escaped', () => {
    const result = run(['agreement', ann.dir, bob.dir, '--format', 'markdown', '--coder', 'ann', '--coder', '@bob'], root.dir);
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.match(md, /^<!-- policy-annotator-agreement -->/);
    assert.match(md, /\| stance \(nominal\) \| /);
    assert.match(md, /#### `stance` — annotations\/texts\/a\.txt:1\n\n> The ISI backs the Taliban\.\n/);
    assert.ok(md.includes('- `@bob`: `rejects <img src=x> @octocat`'));
    // Read as GitHub would: no image, link or HTML but the marker, no mention outside code.
    const read = readMarkdown(md);
    assert.deepEqual([read.images, read.links], [[], []]);
    assert.deepEqual(read.html.map((h) => h.trim()), ['<!-- policy-annotator-agreement -->']);
    assert.doesNotMatch(read.prose, AUTOLINK_PATTERN);
    assert.ok(read.code.includes('rejects <img src=x> @octocat'));
  });

  it('stylish by default; --fields and --text narrow the report', () => {
    const stylish = run(['agreement', ann.dir, bob.dir, '--fields', 'stance'], root.dir);
    assert.equal(stylish.code, 0, stylish.stderr);
    assert.match(stylish.stdout, /^Agreement between /);
    assert.match(stylish.stdout, /\n {2}stance +nominal/);
    assert.doesNotMatch(stylish.stdout, /claimant/);
    const none = JSON.parse(run(['agreement', ann.dir, bob.dir, '--format', 'json', '--text', 'annotations/texts/other.txt'], root.dir).stdout);
    assert.equal(none.texts, 0);
    assert.deepEqual(none.disagreements, []);
  });

  it('refuses bad command lines and folders that are not workspaces, with exit code 2', () => {
    const cases: [string[], RegExp][] = [
      [['agreement', ann.dir], /two or more coders/],
      [['agreement', ann.dir, bob.dir, '--coder', 'x'], /--coder once for each of the 2 folders/],
      [['agreement', ann.dir, bob.dir, '--coder', 'x', '--coder', 'x'], /Two coders are named `x`/],
      [['agreement', ann.dir, bob.dir, '--fields', 'stance,colour'], /Unknown field `colour`/],
      [['agreement', ann.dir, '--ref', 'HEAD'], /not both/],
      [['agreement', ann.dir, root.dir], /holds no annotation files/],
    ];
    for (const [args, message] of cases) {
      const result = run(args, root.dir);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stdout}`);
      assert.match(result.stderr, message);
    }
  });
});

describe('policy-annotator agreement --ref', () => {
  const repo = workspace(ANN);
  git(repo.dir, 'init', '-q');
  commitAll(repo.dir, 'ann');
  git(repo.dir, 'branch', 'ann');
  repo.write('annotations/a.yaml', BOB);
  commitAll(repo.dir, 'bob');
  git(repo.dir, 'branch', 'bob');
  // The working tree differs from both: --ref reads the revisions, not the files.
  repo.write('annotations/a.yaml', 'text: texts/a.txt\nclaims: []\n');
  after(() => repo.dispose());

  it('reads each revision with git and names the coders after them', () => {
    const result = run(['agreement', '--ref', 'ann', '--ref', 'bob', '--format', 'json'], repo.dir);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.coders, ['ann', 'bob']);
    assert.deepEqual(report.disagreements.find((d: { field: string }) => d.field === 'stance').values, { ann: 'supports', bob: 'rejects <img src=x> @octocat' });
  });

  it('never passes a revision to git as an option', () => {
    const result = run(['agreement', '--ref=--output=/tmp/pwned', '--ref', 'bob'], repo.dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /`--output=\/tmp\/pwned` is not a git revision here/);
  });
});

describe('the example workflow’s agreement job', () => {
  interface Step {
    run?: string;
    env?: Record<string, string>;
  }
  const workflow = parse(readFileSync(path.join(REPO_ROOT, 'examples/github-workflow.yml'), 'utf8')) as { jobs: Record<string, { if?: string; steps: Step[] }> };
  const job = workflow.jobs.agreement;

  it('is optional, and passes branch names to its scripts only as environment variables', () => {
    assert.match(job.if ?? '', /vars\.SECOND_ANNOTATOR_BRANCH != ''/);
    for (const step of job.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, `no expression is pasted into a script: ${step.run}`);
    assert.ok(job.steps.some((s) => s.env?.SECOND_BRANCH === '${{ vars.SECOND_ANNOTATOR_BRANCH }}'));
  });

  it('its agreement command runs as written, with a hostile branch name as a coder', () => {
    const repo = workspace(ANN);
    try {
      git(repo.dir, 'init', '-q');
      commitAll(repo.dir, 'base');
      git(repo.dir, 'checkout', '-q', '-b', 'second');
      repo.write('annotations/a.yaml', BOB);
      commitAll(repo.dir, 'second annotator');
      git(repo.dir, 'update-ref', 'refs/remotes/origin/second', 'HEAD');
      git(repo.dir, 'checkout', '-q', 'main');
      const step = job.steps.find((s) => /policy-annotator agreement/.test(s.run ?? ''))!;
      const script = step.run!.replace('npx --no-install policy-annotator', `"${process.execPath}" "${CLI}"`);
      const env = { ...process.env, HEAD_SHA: git(repo.dir, 'rev-parse', 'HEAD').trim(), HEAD_BRANCH: '`x` <b>@evil</b> $(touch pwned)', SECOND_BRANCH: 'second' };
      const result = spawnSync('bash', ['-c', script], { cwd: repo.dir, env, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      const md = readFileSync(path.join(repo.dir, 'policy-annotator-agreement.md'), 'utf8');
      assert.match(md, /^<!-- policy-annotator-agreement -->/);
      assert.match(md, /#### `stance`/);
      assert.ok(!existsSync(path.join(repo.dir, 'pwned')));
      const read = readMarkdown(md);
      assert.deepEqual(read.html.map((h) => h.trim()), ['<!-- policy-annotator-agreement -->']);
      assert.ok(read.code.includes('`x` <b>@evil</b> $(touch pwned)'));
    } finally {
      repo.dispose();
    }
  });
});
