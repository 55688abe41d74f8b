// `npm run bench`: the performance benchmark of issue 7.
//
// For each scale (1×, 4×, 16× by default) it generates a deterministic
// synthetic corpus, checks that it is clean, and measures (a) a cold
// `check`, (b) the parse floor, (c) a warm `check`, and (d) the language
// server over stdio; then prints a table with a verdict per target, writes
// bench/results.json and draws bench/chart.svg. `npm run bench -- --help`
// lists the options. It never runs as part of `npm test`.

import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareCorpus, removeCorpus, corpusLocation } from './generator/corpusOnDisk.mjs';
import { cliCacheFlags, CorpusNotCleanError, runCheck, runFloor } from './measure/checkRuns.mjs';
import { runLanguageServerSession } from './measure/languageServerRun.mjs';
import { installCleanup, killAllChildren, rssMethod, runNode } from './measure/processes.mjs';
import { latencySummary, maximum, median } from './measure/stats.mjs';
import { OptionsError, parseOptions, USAGE } from './options.mjs';
import { formatProfileSummary, summariseCpuProfile } from './profile/cpuProfileSummary.mjs';
import { writeChart } from './report/chart.mjs';
import { formatBytes, formatMs } from './report/format.mjs';
import { formatReport } from './report/table.mjs';
import { judgeTargets } from './report/targets.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(repoRoot, 'dist', 'cli.js');
const SERVER = join(repoRoot, 'dist', 'server.js');
const FLOOR = join(repoRoot, 'bench', 'floor.mjs');
const MINUTE = 60_000;

const log = (message) => console.log(message);

/** The commit measured, and whether the code that is measured differs from it. */
function gitState() {
  const git = (args) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
  const head = git(['rev-parse', 'HEAD']);
  if (head.status !== 0) return undefined;
  const status = git(['status', '--porcelain', '--', 'server', 'scripts', 'package.json', 'package-lock.json']);
  return { commit: head.stdout.trim(), uncommittedChanges: status.stdout.trim() !== '' };
}

function machineInfo() {
  const cpuList = cpus();
  return {
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version.replace(/^v/, ''),
    os: `${platform()} ${release()} ${arch()}`,
    rssMeasuredWith: rssMethod() === 'gnu-time' ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS (preload)',
  };
}

/** Generous limits that grow with the corpus: a hung process is killed, never waited on forever. */
function timeoutsFor(scale) {
  return {
    processMs: Math.max(5, 2 * scale) * MINUTE,
    indexMs: Math.max(5, 2 * scale) * MINUTE,
    requestMs: 2 * MINUTE,
    changeMs: Math.max(1, scale / 2) * MINUTE,
  };
}

async function measureCheck(scale, workspace, corpusDir, runs) {
  const timeouts = timeoutsFor(scale);
  const flags = await cliCacheFlags(CLI, workspace);
  const { checkCache } = corpusLocation(corpusDir, scale);
  const coldArgs = flags.noCache ? ['--no-cache'] : [];
  const warmArgs = flags.cacheDir ? ['--cache-dir', checkCache] : [];

  // First a check that proves the corpus clean (and warms the page cache); not timed.
  const validation = await runCheck(CLI, workspace, { extraArgs: coldArgs, timeoutMs: timeouts.processMs });
  log(`  corpus checks clean: 0 errors, ${validation.bySeverity.warning} warnings, ${validation.bySeverity.info} info, ${validation.bySeverity.hint} hints`);
  const cold = [];
  const floor = [];
  for (let run = 0; run < runs; run++) {
    cold.push(await runCheck(CLI, workspace, { extraArgs: coldArgs, timeoutMs: timeouts.processMs }));
    floor.push(await runFloor(FLOOR, workspace, { timeoutMs: timeouts.processMs }));
    log(`  run ${run + 1}/${runs}: cold check ${formatMs(cold.at(-1).wallMs)} (CPU ${formatMs(cold.at(-1).cpuMs)}, ${formatBytes(cold.at(-1).maxRssBytes)}), floor ${formatMs(floor.at(-1).wallMs)} (CPU ${formatMs(floor.at(-1).cpuMs)})`);
  }
  rmSync(checkCache, { recursive: true, force: true });
  await runCheck(CLI, workspace, { extraArgs: warmArgs, timeoutMs: timeouts.processMs });
  const warm = [];
  for (let run = 0; run < runs; run++) warm.push(await runCheck(CLI, workspace, { extraArgs: warmArgs, timeoutMs: timeouts.processMs }));
  log(`  warm check: ${warm.map((w) => formatMs(w.wallMs)).join(', ')}`);

  const figure = (list) => ({
    medianMs: median(list.map((r) => r.wallMs)),
    runsMs: list.map((r) => Math.round(r.wallMs)),
    // CPU time of all threads: steadier than wall time on a busy machine, but not what the targets judge.
    cpuMedianMs: median(list.map((r) => r.cpuMs)),
    maxRssBytes: median(list.map((r) => r.maxRssBytes)),
  });
  const result = {
    noCacheFlag: flags.noCache,
    cacheDirFlag: flags.cacheDir,
    diagnostics: validation.bySeverity,
    cold: figure(cold),
    floor: { ...figure(floor), files: floor[0].files, yamlFiles: floor[0].yamlFiles, chars: floor[0].chars },
    warm: figure(warm),
  };
  result.coldToFloor = result.cold.medianMs / result.floor.medianMs;
  result.warmToFloor = result.warm.medianMs / result.floor.medianMs;
  result.coldToFloorCpu = result.cold.cpuMedianMs / result.floor.cpuMedianMs;
  result.warmToFloorCpu = result.warm.cpuMedianMs / result.floor.cpuMedianMs;
  return result;
}

const SESSION_LOAD = { hoverTexts: 25, textChanges: 10, actorsChanges: 5, maxIndexingProbes: 20_000 };

async function measureServer(scale, workspace, manifest, runs, diagnosticsMode) {
  const sessions = [];
  for (let session = 0; session < runs; session++) {
    log(`  server session ${session + 1}/${runs}`);
    sessions.push(await runLanguageServerSession({
      serverPath: SERVER,
      workspace,
      manifest,
      session,
      log,
      options: { ...SESSION_LOAD, diagnosticsMode, timeouts: timeoutsFor(scale) },
    }));
  }
  const pooled = (key) => sessions.flatMap((s) => s[key].samples);
  return {
    mode: sessions[0].mode,
    sessions: sessions.length,
    startupMs: median(sessions.map((s) => s.startupMs)),
    firstDiagnosticsMs: median(sessions.map((s) => s.firstDiagnosticsMs)),
    firstDiagnosticsRunsMs: sessions.map((s) => Math.round(s.firstDiagnosticsMs)),
    initialProblems: sessions[0].initialProblems,
    indexing: {
      ...latencySummary(pooled('indexing')),
      requests: sessions.reduce((n, s) => n + s.indexing.requests, 0),
      answeredWithCard: sessions.reduce((n, s) => n + s.indexing.answeredWithCard, 0),
      batchMaxMs: maximum(sessions.map((s) => s.indexing.batchMaxMs)),
      perSessionMaxMs: sessions.map((s) => Math.round(s.indexing.max)),
    },
    hover: { ...latencySummary(pooled('hover')), misses: sessions.reduce((n, s) => n + s.hover.misses, 0) },
    textChange: latencySummary(pooled('textChange')),
    actorsChange: latencySummary(pooled('actorsChange')),
    maxRssBytes: median(sessions.map((s) => s.maxRssBytes)),
    maxRssRunsBytes: sessions.map((s) => s.maxRssBytes),
    consistentAfterEdits: sessions.every((s) => s.consistentAfterEdits),
    serverLog: sessions[0].logMessages,
  };
}

/** CPU profiles of a cold check and of actors-file edits in the server, summarised by self time. */
async function profile(scale, workspace, manifest, corpusDir, diagnosticsMode) {
  const folder = join(corpusDir, 'profiles', `${scale}x`);
  rmSync(folder, { recursive: true, force: true });
  const checkFolder = join(folder, 'check');
  const serverFolder = join(folder, 'server');
  mkdirSync(checkFolder, { recursive: true });
  mkdirSync(serverFolder, { recursive: true });
  const flags = await cliCacheFlags(CLI, workspace);
  log(`  profiling a cold check at ${scale}×`);
  const run = await runNode(['--cpu-prof', '--cpu-prof-dir', checkFolder, CLI, 'check', '--format', 'json', ...(flags.noCache ? ['--no-cache'] : [])], { cwd: workspace, timeoutMs: timeoutsFor(scale).processMs });
  if (run.code !== 0) throw new Error(`The profiled check failed (exit ${run.code}).`);
  const checkProfiles = readdirSync(checkFolder).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(checkFolder, f));
  const checkSummaries = checkProfiles.map((file) => summariseCpuProfile(file, { repoRoot }));

  log(`  profiling a server session at ${scale}×`);
  const session = await runLanguageServerSession({
    serverPath: SERVER,
    workspace,
    manifest,
    session: 99,
    log,
    options: { ...SESSION_LOAD, maxIndexingProbes: 0, diagnosticsMode, profileDir: serverFolder, timeouts: timeoutsFor(scale) },
  });
  // node --cpu-prof writes one profile per thread, CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile; the main thread is 0.
  const threadOf = (file) => basename(file).split('.')[4];
  const serverProfiles = readdirSync(serverFolder).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(serverFolder, f));
  const serverMain = serverProfiles.find((file) => threadOf(file) === '0') ?? serverProfiles[0];
  const phases = [
    ['indexing', 'start to first diagnostics'],
    ['hover', `${session.hover.count} hovers`],
    ['textChange', `${session.textChange.count} text edits and undos`],
    ['actorsChange', `${session.actorsChange.count} actors-file edits and undos`],
  ];
  const server = Object.fromEntries(phases.map(([phase]) => [phase, serverMain && summariseCpuProfile(serverMain, { repoRoot, windows: session.phases[phase] })]));
  for (const [k, summary] of checkSummaries.entries()) log(`\n${formatProfileSummary(`Cold check at ${scale}×, thread ${threadOf(checkProfiles[k])}`, summary)}`);
  for (const [phase, what] of phases) if (server[phase]) log(`\n${formatProfileSummary(`Server at ${scale}×: ${what}`, server[phase])}`);
  const summaries = {
    check: checkSummaries,
    server,
    serverOtherThreads: serverProfiles.filter((file) => file !== serverMain).map((file) => summariseCpuProfile(file, { repoRoot })),
  };
  return summaries;
}

async function main() {
  installCleanup();
  const options = parseOptions(process.argv.slice(2), {
    results: join(repoRoot, 'bench', 'results.json'),
    chart: join(repoRoot, 'bench', 'chart.svg'),
    corpusDir: join(repoRoot, 'bench', 'corpus'),
  });
  if (options.help) {
    log(USAGE);
    return 0;
  }
  for (const file of [CLI, SERVER]) {
    if (!existsSync(file)) throw new Error(`${relative(repoRoot, file)} is missing: run \`npm run build\` first (\`npm run bench\` does).`);
  }
  const machine = machineInfo();
  log(`Policy Annotator benchmark — ${machine.cpus} CPUs (${machine.cpuModel}), ${formatBytes(machine.memoryBytes)} RAM, Node ${machine.node}, ${machine.os}`);
  log(`Peak RSS via ${machine.rssMeasuredWith}. Scales: ${options.scales.map((s) => `${s}×`).join(', ')}.`);
  log(`Load average ${machine.loadAverageAtStart.join(', ')}: other work on this machine makes the figures noisier.`);
  const results = { generatedAt: new Date().toISOString(), git: gitState(), machine, scales: [] };
  const largest = options.scales.at(-1);

  try {
    for (const scale of options.scales) {
      const runs = options.runsFor(scale);
      const load = Math.round(loadavg()[0] * 100) / 100;
      log(`\n== ${scale}× (median of ${runs} runs; load average ${load}) ==`);
      const corpus = prepareCorpus(options.corpusDir, scale, options.seed);
      const counts = corpus.manifest.counts;
      log(`  corpus ${corpus.reused ? 'reused' : `generated in ${formatMs(corpus.generateMs)}`}: ${counts.texts} texts, ${counts.actors} actors (${counts.aliases} aliases in ${corpus.manifest.actorsFiles.length} files), ${counts.concepts} concepts, ${counts.claims} claims, ${counts.explicitMentions} explicit mentions; ${counts.selectorsWithContext} selectors need a prefix or suffix, ${counts.normalisedQuotes} quotes match only normalised; ${formatBytes(counts.bytes)} in ${relative(process.cwd(), corpus.workspace) || '.'}`);
      const scaleResult = { scale, runs, loadAverageAtStart: load, corpus: { ...counts, actorsFiles: corpus.manifest.actorsFiles.length, generateMs: Math.round(corpus.generateMs) } };
      results.scales.push(scaleResult);
      scaleResult.check = await measureCheck(scale, corpus.workspace, options.corpusDir, runs);
      if (options.server) scaleResult.server = await measureServer(scale, corpus.workspace, corpus.manifest, runs, options.diagnosticsMode);
      if (options.profile && scale === largest) results.profiles = { scale, ...(await profile(scale, corpus.workspace, corpus.manifest, options.corpusDir, options.diagnosticsMode)) };
      if (!options.keepCorpus) removeCorpus(options.corpusDir, scale);
    }
  } catch (error) {
    if (!options.keepCorpus) for (const scale of options.scales) removeCorpus(options.corpusDir, scale);
    throw error;
  }

  machine.loadAverageAtEnd = loadavg().map((l) => Math.round(l * 100) / 100);
  const verdicts = judgeTargets(results.scales);
  results.targets = verdicts.map(({ target, results: measured, status }) => ({ id: target.id, label: target.label, limit: target.limit, unit: target.unit, measured: measured.map(({ scale, value, pass, note }) => ({ scale, value, pass, ...(note ? { note } : {}) })), status }));
  mkdirSync(dirname(options.resultsPath), { recursive: true });
  writeFileSync(options.resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  const png = writeChart(results, options.chartPath);
  log(`\n${formatReport(results, verdicts)}`);
  log(`\nWrote ${relative(process.cwd(), options.resultsPath)} and ${relative(process.cwd(), options.chartPath)}${png ? ` (and ${relative(process.cwd(), png)})` : ''}.`);
  const missed = verdicts.some((v) => v.status.startsWith('MISSED'));
  return options.strict && missed ? 1 : 0;
}

// Exits explicitly, so that nothing left behind by a failure (a timer, a pipe) keeps the benchmark alive.
main().then(
  (code) => process.exit(code),
  (error) => {
    killAllChildren();
    if (error instanceof OptionsError) {
      console.error(`bench: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof CorpusNotCleanError) console.error(`bench: the generated corpus is not clean, so no figures were recorded.\n${error.message}`);
    else console.error(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
