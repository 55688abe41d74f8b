// How long `policy-annotator agreement` takes (issue 17): the corpus of a
// scale (default 4x, generated as bench/run.mjs does and reused from
// bench/corpus/) against a perturbed copy of it, as a second annotator:
// about one stance in ten flipped, one type in ten changed, and one quote in
// seven shortened by its first word (so its span moves). The CLI runs as a
// process with --format json; the figures are the median wall time of the
// runs and, beside it, the median CPU time of the process (user + system, of
// every thread: workers included), which a loaded machine inflates far less
// than the wall time.
// Target: at most 2 s at 4x. Reported, not enforced. For scale, the same
// figure for a cold `check --no-cache` of the corpus (one workspace, where
// agreement loads two), and, in process (the core bundled from source with
// esbuild), the time to load and analyse each workspace as the command does
// (one after the other, on this thread; the command loads the second on a
// worker thread meanwhile), the first once more as the command's main thread
// reads it (taking the normalised texts and alias matches the second's
// reading handed on), and the time of the comparison itself once both are
// loaded.
//
//   npm run build && node bench/agreement.mjs [scale, default 4] [runs, default 3] [--keep]

import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prepareCorpus } from './generator/corpusOnDisk.mjs';
import { DEFAULT_SEED } from './generator/generateCorpus.mjs';
import { createRandom } from './generator/random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
/** --keep: the perturbed copy stays at bench/corpus/<scale>x-second, to profile the command on the two folders. */
const keep = args.includes('--keep');
const positional = args.filter((a) => !a.startsWith('--'));
const scale = Number(positional[0] ?? 4);
const runs = Number(positional[1] ?? 3);
const cli = join(root, 'bin', 'policy-annotator.js');

function annotationFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return annotationFiles(full);
    return /\.yaml$/.test(name) && !/^(actors|concepts)/.test(name) ? [full] : [];
  });
}

/** The second annotator: a seeded rewrite of the claims' lines. */
function perturb(yaml, random) {
  return yaml
    .replace(/^( +stance: )(supports|rejects)$/gm, (line, key, stance) => (random() < 0.1 ? `${key}${stance === 'supports' ? 'rejects' : 'supports'}` : line))
    .replace(/^( +type: )(\S+)$/gm, (line, key, type) => (random() < 0.1 ? `${key}${type === 'belief' ? 'prediction' : 'belief'}` : line))
    .replace(/^( +quote: )(\S+ )(\S+ \S+.*)$/gm, (line, key, _first, rest) => (random() < 1 / 7 ? `${key}${rest}` : line));
}

/** The core and the Node file host, bundled from source into the scratch folder. */
function loadCore(folder) {
  const outfile = join(folder, 'agreement-core.cjs');
  const entry = [
    "export { codedTextReader, compareAnnotations, loadCoderAnnotations, loadCoderWorkspace, PartnerTextWork, readCoderSharing, selectedTexts } from './server/src/core/agreement';",
    "export { NodeFileHost } from './server/src/node/nodeFileHost';",
  ];
  const stdin = { contents: entry.join('\n'), resolveDir: root, loader: 'ts' };
  buildSync({ absWorkingDir: root, stdin, bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning', define: { POLICY_ANNOTATOR_VERSION: '"bench"' } });
  return createRequire(import.meta.url)(outfile);
}

function median(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the CLI; its wall time and, from bench/cpuUsage.mjs, the CPU time of the whole process, in ms. */
function timeProcess(args) {
  const cpuFile = join(scratch, 'cpu.json');
  rmSync(cpuFile, { force: true });
  const env = { ...process.env, POLICY_ANNOTATOR_BENCH_CPU: cpuFile };
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(join(root, 'bench', 'cpuUsage.mjs')).href, cli, ...args], { encoding: 'utf8', env, maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - started;
  const { user, system } = JSON.parse(readFileSync(cpuFile, 'utf8'));
  return { ms, cpu: (user + system) / 1000, result };
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

const corpus = prepareCorpus(join(root, 'bench', 'corpus'), scale, DEFAULT_SEED);
const scratch = mkdtempSync(join(tmpdir(), 'policy-annotator-agreement-'));
try {
  const second = keep ? join(root, 'bench', 'corpus', `${scale}x-second`) : join(scratch, `${scale}x-second`);
  rmSync(second, { recursive: true, force: true });
  cpSync(corpus.workspace, second, { recursive: true });
  const random = createRandom('agreement-bench').next;
  for (const file of annotationFiles(join(second, 'annotations'))) writeFileSync(file, perturb(readFileSync(file, 'utf8'), random));

  const times = [];
  const cpuTimes = [];
  const checkTimes = [];
  const checkCpuTimes = [];
  let report;
  for (let run = 0; run < runs; run++) {
    const { ms, cpu, result } = timeProcess(['agreement', corpus.workspace, second, '--coder', 'first', '--coder', 'second', '--format', 'json']);
    times.push(ms);
    cpuTimes.push(cpu);
    if (result.status !== 0) throw new Error(`agreement failed (${result.status}): ${result.stderr}`);
    report = JSON.parse(result.stdout);
    const check = timeProcess(['check', '--no-cache', '--format', 'json', '--workspace', corpus.workspace]);
    checkTimes.push(check.ms);
    checkCpuTimes.push(check.cpu);
  }

  const core = loadCore(scratch);
  const coders = [];
  const loads = [];
  for (const [name, folder] of [['first', corpus.workspace], ['second', second]]) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    coders.push(await core.loadCoderAnnotations(new core.NodeFileHost([folder]), pathToFileURL(folder).href, name));
    const cpu = process.cpuUsage(cpuBefore);
    loads.push(`${name} wall ${(performance.now() - started).toFixed(0)} ms, CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
  }
  // The first coder as the command's main thread reads it: behind the second, taking the text work it handed on.
  const secondCoder = await core.loadCoderWorkspace(new core.NodeFileHost([second]), pathToFileURL(second).href, 'second');
  const partner = new core.PartnerTextWork();
  const readSecond = core.codedTextReader(secondCoder, {});
  const handedTexts = [];
  const handedWork = [];
  for (const { path, uri } of core.selectedTexts(secondCoder, {})) {
    const text = readSecond(path, uri);
    if (!text) continue;
    handedTexts.push(text.coded);
    handedWork.push({ normalized: text.analysis.text.normalized, matches: text.analysis.aliasMatches });
  }
  partner.add(handedTexts, { work: handedWork, fingerprint: secondCoder.index.aliasFingerprint() });
  partner.end();
  const sharedStarted = performance.now();
  const sharedCpuBefore = process.cpuUsage();
  const firstCoder = await core.loadCoderWorkspace(new core.NodeFileHost([corpus.workspace]), pathToFileURL(corpus.workspace).href, 'first');
  await core.readCoderSharing(firstCoder, {}, partner);
  const sharedCpu = process.cpuUsage(sharedCpuBefore);
  loads.push(
    `first again, taking the second's text work as the command does (${partner.taken.normalized} normalised texts and ${partner.taken.matches} texts' alias matches taken) wall ${(performance.now() - sharedStarted).toFixed(0)} ms, CPU ${((sharedCpu.user + sharedCpu.system) / 1000).toFixed(0)} ms`,
  );
  const compareTimes = [];
  const compareCpuTimes = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    core.compareAnnotations(coders);
    const cpu = process.cpuUsage(cpuBefore);
    compareTimes.push(performance.now() - started);
    compareCpuTimes.push((cpu.user + cpu.system) / 1000);
  }

  const total = median(times);
  const f = (x) => (x === null ? '—' : x.toFixed(3));
  console.log(`agreement at ${scale}x: ${report.texts} texts, ${report.spans.claims.first} + ${report.spans.claims.second} claims, ${report.fields.mention.units} mention units, ${report.disagreements.length} disagreements`);
  console.log(`  alpha: stance ${f(report.fields.stance.alpha)}, type ${f(report.fields.type.alpha)}, claimant ${f(report.fields.claimant.alpha)}; unitizing ${f(report.spans.alphaU)}`);
  console.log(`  load average when the runs ended: ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  console.log(`  agreement, CLI process (median of ${runs}): wall ${seconds(total)} (target ≤ 2 s${total <= 2000 ? ', met' : ', NOT met'}), CPU ${seconds(median(cpuTimes))}; runs: wall ${times.map(seconds).join(', ')}; CPU ${cpuTimes.map(seconds).join(', ')}`);
  console.log(`  for scale: cold check --no-cache of one of the two workspaces: wall ${seconds(median(checkTimes))}, CPU ${seconds(median(checkCpuTimes))}`);
  console.log(`  in process, one after the other: loading and analysing each workspace as agreement does (once; the first loads cold): ${loads.join('; ')}`);
  console.log(`  the comparison alone, in process, both workspaces loaded and analysed (median of ${runs}): wall ${median(compareTimes).toFixed(0)} ms, CPU ${median(compareCpuTimes).toFixed(0)} ms`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
