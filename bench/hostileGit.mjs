// `diff` over many files (issue 13 item 12): it used to start one `git show`
// per file (43 s at 10,000 files, over 600 s at 100,000). Builds a repository
// of N files (half texts, half annotation files) with git fast-import, changes
// one annotation file in a second commit, and times `policy-annotator diff
// HEAD~1 HEAD` with the built CLI (run `node scripts/build.mjs` first), with
// the command's peak resident memory. With `--agreement` it also times
// `agreement --ref HEAD~1 --ref HEAD` over the same repository (it reads
// every file of both revisions: the target there is linear and bounded).
//
//   node bench/hostileGit.mjs [--keep] [--agreement] [file counts…]   (default: 10000 100000)
//
// `--keep` leaves the repositories in the temporary folder (for profiling:
// `node --cpu-prof bin/policy-annotator.js diff HEAD~1 HEAD --format json` there).
// Prints one line per count, then one line of JSON with every figure.
// Targets: under 10 s and 1 GB at 10,000 files and at 100,000 files.

import { Buffer } from 'node:buffer';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'policy-annotator.js');
const flags = new Set(process.argv.slice(2).filter((a) => a.startsWith('--')));
const keep = flags.has('--keep');
const agreement = flags.has('--agreement');
const counts = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n >= 2);
if (counts.length === 0) counts.push(10000, 100000);

// The actors file the tests share (test/fixtures/three-actors.txtar: `-- path --` lines start its files).
const fixture = readFileSync(join(root, 'test', 'fixtures', 'three-actors.txtar'), 'utf8').split(/^-- (.+) --\n/m);
const ACTORS = fixture[fixture.indexOf('annotations/actors.yaml') + 1];
const text = (i) => `Text ${i}. The ISI backs the Taliban, the report says.\n`;
const annotation = (i, claimant) => `text: texts/t${i}.txt\nclaims:\n  - id: c${i}\n    claimant: ${claimant}\n    quote: The ISI backs the Taliban\n`;

/** A fast-import stream: a base commit with every file, and a head commit that changes one annotation file. */
function importStream(files) {
  const parts = [];
  const file = (path, content) => parts.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
  // The second commit on the branch follows the first: fast-import chains them.
  const commit = (message) => parts.push(`commit refs/heads/main\ncommitter Bench <bench@example.org> 1700000000 +0000\ndata ${message.length}\n${message}\n`);
  commit('base');
  file('annotations/actors.yaml', ACTORS);
  for (let i = 0; i < files / 2; i++) {
    file(`annotations/texts/t${i}.txt`, text(i));
    file(`annotations/a${i}.yaml`, annotation(i, 'isi'));
  }
  commit('head');
  file('annotations/a0.yaml', annotation(0, 'taliban'));
  return parts.join('');
}

/**
 * Runs the CLI in `cwd` under GNU time: wall-clock seconds, CPU seconds (user and system, git included: a
 * figure that a busy machine changes less than the wall clock) and peak resident memory (MB).
 */
function timed(args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) throw new Error(`could not run /usr/bin/time (GNU time is needed for the memory figure): ${result.error.message}`);
  const lines = result.stderr.trimEnd().split('\n');
  const [user, system, rssKb] = lines.pop().split(' ').map(Number);
  if (result.status !== 0) throw new Error(`${args[0]} exited ${result.status}: ${lines.join('\n')}`);
  return { seconds, cpuSeconds: user + system, rssMb: rssKb / 1024, stdout: result.stdout };
}

const verdict = (seconds, rssMb) => (seconds < 10 && rssMb < 1024 ? ' (target < 10 s, < 1 GB: met)' : ' (target < 10 s, < 1 GB: MISSED)');

const results = [];
for (const files of counts) {
  const repo = mkdtempSync(join(tmpdir(), 'policy-annotator-bench-git-'));
  try {
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: importStream(files), maxBuffer: 1 << 30 });
    const diff = timed(['diff', 'HEAD~1', 'HEAD', '--format', 'json'], repo);
    const changed = JSON.parse(diff.stdout).claims.map((c) => `${c.status} ${c.id}`);
    if (changed.join() !== 'changed c0') throw new Error(`diff found ${changed.join(', ')}, not the one changed claim`);
    const figures = { files, seconds: Number(diff.seconds.toFixed(2)), cpuSeconds: Number(diff.cpuSeconds.toFixed(2)), rssMb: Math.round(diff.rssMb) };
    console.log(`diff HEAD~1 HEAD over ${files.toLocaleString('en')} files: ${diff.seconds.toFixed(2)} s (CPU ${diff.cpuSeconds.toFixed(2)} s), ${Math.round(diff.rssMb)} MB${verdict(diff.seconds, diff.rssMb)}`);
    if (agreement) {
      const run = timed(['agreement', '--ref', 'HEAD~1', '--ref', 'HEAD', '--format', 'json'], repo);
      figures.agreementSeconds = Number(run.seconds.toFixed(2));
      figures.agreementCpuSeconds = Number(run.cpuSeconds.toFixed(2));
      figures.agreementRssMb = Math.round(run.rssMb);
      console.log(`agreement --ref HEAD~1 --ref HEAD over ${files.toLocaleString('en')} files: ${run.seconds.toFixed(2)} s (CPU ${run.cpuSeconds.toFixed(2)} s), ${Math.round(run.rssMb)} MB (target: linear in the file count)`);
    }
    results.push(figures);
    if (keep) console.log(`kept ${repo}`);
  } finally {
    if (!keep) rmSync(repo, { recursive: true, force: true });
  }
}
console.log(JSON.stringify({ benchmark: 'diff over many files', results }));
