// The discourse network benchmark (issue 16): a one-mode network of the
// benchmark corpus must take at most 1 s at 16× (40,000 claims).
//
// Generates (or reuses) the corpus of a scale, loads it once into the core's
// workspace as the CLI does, then computes networks with the engine
// (core/network: statements, duplicates, matrix) and prints, per network,
// the wall time of each repetition, the median, the statements and the
// matrix's size; the verdict compares the median one-mode `ignore` network
// with the 1 s target. Loading the workspace (reading and parsing the files)
// is the `check` benchmark's business, not this one's; its time is printed
// apart.
//
//   npm run typecheck && node bench/network.mjs               # 16×, 5 repetitions
//   node bench/network.mjs --scale 1 --reps 3
//
// Options: --scale N (default 16), --reps N (default 5), --corpus DIR
// (default bench/corpus; kept there for the next run), --seed TEXT.
// Exits 0 even when the target is missed (prints MISSED), as bench/run.mjs.

import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareCorpus } from './generator/corpusOnDisk.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_MS = 1000;

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '16' },
    reps: { type: 'string', default: '5' },
    corpus: { type: 'string', default: join(repoRoot, 'bench', 'corpus') },
    seed: { type: 'string', default: 'policy-annotator-bench' },
  },
});
const scale = Number(values.scale);
const reps = Number(values.reps);
if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(reps) || reps < 1) {
  console.error('--scale and --reps take whole numbers of at least 1.');
  process.exit(2);
}

const out = join(repoRoot, 'out', 'server', 'src');
if (!existsSync(join(out, 'core', 'network', 'index.js'))) {
  console.error(`${out}/core/network does not exist: run npm run typecheck (tsc -b) first.`);
  process.exit(2);
}
const require = createRequire(pathToFileURL(join(out, 'index.js')));
const { loadWorkspace } = require(join(out, 'core', 'index.js'));
const { computeNetwork, DEFAULT_NETWORK_OPTIONS } = require(join(out, 'core', 'network', 'index.js'));
const { NodeFileHost } = require(join(out, 'node', 'nodeFileHost.js'));

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

const corpus = prepareCorpus(values.corpus, scale, values.seed);
console.log(`Corpus ${scale}×: ${corpus.workspace}${corpus.reused ? ' (reused)' : ` (generated in ${ms(corpus.generateMs)})`}`);
let started = performance.now();
const { index } = await loadWorkspace(new NodeFileHost([corpus.workspace]), pathToFileURL(corpus.workspace).toString());
console.log(`Workspace loaded in ${ms(performance.now() - started)} (not part of the target).`);

const networks = [
  ['one-mode ignore', { type: 'onemode' }],
  ['one-mode congruence, jaccard', { type: 'onemode', qualifierAggregation: 'congruence', normalization: 'jaccard' }],
  ['one-mode subtract, duplicates per document', { type: 'onemode', qualifierAggregation: 'subtract', duplicates: 'document' }],
  ['two-mode ignore', { type: 'twomode' }],
];
const figures = [];
for (const [name, options] of networks) {
  const times = [];
  const cpuTimes = [];
  let result;
  for (let rep = 0; rep < reps; rep++) {
    started = performance.now();
    const cpu = process.cpuUsage();
    result = computeNetwork(index, { ...DEFAULT_NETWORK_OPTIONS, ...options });
    const used = process.cpuUsage(cpu);
    times.push(performance.now() - started);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const [matrix] = result.matrices;
  figures.push({ name, median: median(times), cpu: median(cpuTimes), times, statements: matrix.statements, rows: matrix.rows.length, columns: matrix.columns.length, cells: matrix.cellValues.length });
}

console.log('');
console.log('network                                      median     CPU    runs                          statements  matrix          non-zero cells');
for (const f of figures) {
  console.log(`${f.name.padEnd(45)}${ms(f.median).padStart(8)}${ms(f.cpu).padStart(8)}    ${f.times.map((t) => t.toFixed(0)).join(', ').padEnd(30)}${String(f.statements).padStart(10)}  ${`${f.rows} × ${f.columns}`.padEnd(16)}${String(f.cells).padStart(14)}`);
}
const oneMode = figures[0];
console.log(`Median wall time per network and its CPU time (user + system; steadier on a loaded machine). Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')}.`);
const verdict = oneMode.median <= TARGET_MS ? 'MET' : 'MISSED';
console.log('');
console.log(`Target: a one-mode network at ${scale}× in at most ${ms(TARGET_MS)}: median ${ms(oneMode.median)} — ${verdict}${scale !== 16 ? ' (the target is set at 16×)' : ''}.`);
