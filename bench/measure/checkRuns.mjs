// Figures (a) to (c) of issue 7: a cold `check` from the CLI, the parse
// floor, and a warm `check` (nothing changed since the previous run). Every
// check's JSON output is read back: a corpus that does not check clean
// stops the benchmark, so a broken generator can never produce numbers.

import { runNode } from './processes.mjs';

export class CorpusNotCleanError extends Error {}

let cacheFlags;
/**
 * Which cache options this CLI's `check` has, read from its help at run
 * time: { noCache, cacheDir } (`--no-cache`, `--cache-dir <dir>`).
 */
export async function cliCacheFlags(cliPath, cwd) {
  if (cacheFlags === undefined) {
    const help = await runNode([cliPath, 'check', '--help'], { cwd, timeoutMs: 60_000 });
    const text = `${help.stdout}\n${help.stderr}`;
    cacheFlags = { noCache: /--no-cache\b/.test(text), cacheDir: /--cache-dir\b/.test(text) };
  }
  return cacheFlags;
}

function summariseRows(rows) {
  const bySeverity = { error: 0, warning: 0, info: 0, hint: 0 };
  const byCode = {};
  for (const row of rows) {
    bySeverity[row.severity] = (bySeverity[row.severity] ?? 0) + 1;
    byCode[row.code] = (byCode[row.code] ?? 0) + 1;
  }
  return { bySeverity, byCode };
}

/** One `check --format json` run; throws unless it exits 0 with no errors. */
export async function runCheck(cliPath, workspace, { extraArgs = [], timeoutMs }) {
  const args = [cliPath, 'check', '--format', 'json', ...extraArgs];
  const run = await runNode(args, { cwd: workspace, timeoutMs });
  let rows;
  try {
    rows = JSON.parse(run.stdout);
  } catch {
    throw new Error(`\`policy-annotator ${args.slice(1).join(' ')}\` exited with ${run.code} and did not print JSON:\n${run.stderr.slice(-3000)}`);
  }
  const summary = summariseRows(rows);
  if (run.code !== 0 || summary.bySeverity.error > 0) {
    const examples = rows.filter((r) => r.severity === 'error').slice(0, 5).map((r) => `  ${r.file}:${r.line}:${r.column} ${r.code} ${r.message}`).join('\n');
    throw new CorpusNotCleanError(`The generated corpus does not check clean (exit ${run.code}, ${summary.bySeverity.error} errors):\n${examples}\n${run.stderr.slice(-2000)}`);
  }
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssBytes: run.maxRssBytes, ...summary };
}

/** The floor: bench/floor.mjs reads every file and parses every YAML file, nothing else. */
export async function runFloor(floorPath, workspace, { timeoutMs }) {
  const run = await runNode([floorPath, workspace], { cwd: workspace, timeoutMs });
  if (run.code !== 0) throw new Error(`bench/floor.mjs failed (exit ${run.code}):\n${run.stderr.slice(-2000)}`);
  const counts = JSON.parse(run.stdout.trim().split('\n').at(-1));
  if (counts.parseErrors > 0) throw new CorpusNotCleanError(`The floor found ${counts.parseErrors} YAML parse errors in the generated corpus.`);
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssBytes: run.maxRssBytes, ...counts };
}
