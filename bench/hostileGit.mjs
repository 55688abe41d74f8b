// `diff` over many files (issue 13 item 12): it used to start one `git show`
// per file (43 s at 10,000 files, over 600 s at 100,000). Builds a repository
// of N files (half texts, half annotation files) with git fast-import, changes
// one annotation file in a second commit, and times `policy-annotator diff
// HEAD~1 HEAD` with the built CLI (run `node scripts/build.mjs` first).
//
//   node bench/hostileGit.mjs [file counts…]     (default: 10000 100000)
//
// Prints one line per count, then one line of JSON with every figure.
// Target: under 10 s at 10,000 files.

import { Buffer } from 'node:buffer';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'policy-annotator.js');
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

const results = [];
for (const files of counts) {
  const repo = mkdtempSync(join(tmpdir(), 'policy-annotator-bench-git-'));
  try {
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);
    execFileSync('git', ['fast-import', '--quiet'], { cwd: repo, input: importStream(files), maxBuffer: 1 << 30 });
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [cli, 'diff', 'HEAD~1', 'HEAD', '--format', 'json'], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (result.status !== 0) throw new Error(`diff exited ${result.status}: ${result.stderr}`);
    const changed = JSON.parse(result.stdout).claims.map((c) => `${c.status} ${c.id}`);
    if (changed.join() !== 'changed c0') throw new Error(`diff found ${changed.join(', ')}, not the one changed claim`);
    results.push({ files, seconds: Number(seconds.toFixed(2)) });
    console.log(`diff HEAD~1 HEAD over ${files.toLocaleString('en')} files: ${seconds.toFixed(2)} s${files === 10000 ? (seconds < 10 ? ' (target < 10 s: met)' : ' (target < 10 s: MISSED)') : ''}`);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
console.log(JSON.stringify({ benchmark: 'diff over many files', results }));
