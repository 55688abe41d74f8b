// Child processes of the benchmark: started in their own process group so
// that they (and anything they start) are always killed, on a timeout, an
// error or an interrupted run; with their peak RSS measured by GNU time
// (`/usr/bin/time -v`) when it is installed, otherwise by a preload script
// that reports Node's own maxRSS as the process exits; CPU time likewise.

import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL } from 'node:url';

const PRELOAD = new URL('./reportMaxRss.mjs', import.meta.url).href;
const GNU_TIME = '/usr/bin/time';
const live = new Set();
let scratch;

function scratchDir() {
  scratch ??= mkdtempSync(join(tmpdir(), 'policy-annotator-bench-'));
  return scratch;
}

/** Kills every child process group still running. */
export function killAllChildren() {
  for (const child of live) killGroup(child);
  live.clear();
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

let cleanupInstalled = false;
/** Makes sure no child outlives the benchmark, however it ends. */
export function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    killAllChildren();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.error(`\nbench: interrupted (${signal}); stopping child processes.`);
      killAllChildren();
      process.exit(130);
    });
  }
}

let method;
/** How peak RSS is measured here: 'gnu-time' or 'preload'. */
export function rssMethod() {
  if (method) return method;
  const probe = existsSync(GNU_TIME) ? spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' }) : undefined;
  method = probe && probe.status === 0 && /Maximum resident set size/.test(probe.stderr) ? 'gnu-time' : 'preload';
  return method;
}

/** Peak RSS (bytes) and CPU time (user + system, ms) of a finished process, from what GNU time or the preload wrote. */
function readUsage(file, how) {
  try {
    const content = readFileSync(file, 'utf8');
    if (how === 'gnu-time') {
      const field = (label) => Number(new RegExp(`${label}: ([0-9.]+)`).exec(content)?.[1]);
      const cpuMs = (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000;
      const rssKb = field('Maximum resident set size \\(kbytes\\)');
      return { maxRssBytes: Number.isFinite(rssKb) ? rssKb * 1024 : undefined, cpuMs: Number.isFinite(cpuMs) ? cpuMs : undefined };
    }
    const usage = JSON.parse(content);
    return { maxRssBytes: usage.maxRssBytes, cpuMs: usage.cpuMs };
  } catch {
    return { maxRssBytes: undefined, cpuMs: undefined };
  } finally {
    rmSync(file, { force: true });
  }
}

let counter = 0;

/**
 * Starts `node <nodeArgs…>` with piped stdio in its own process group.
 * `exited` resolves with { code, signal, wallMs, maxRssBytes, cpuMs } (wall
 * time from spawn to the end of its output; CPU time of all its threads).
 */
export function startNode(nodeArgs, { cwd, env = process.env } = {}) {
  const how = rssMethod();
  const rssFile = join(scratchDir(), `rss-${process.pid}-${++counter}.txt`);
  const [command, args, childEnv] = how === 'gnu-time'
    ? [GNU_TIME, ['-v', '-o', rssFile, process.execPath, ...nodeArgs], env]
    : [process.execPath, ['--import', PRELOAD, ...nodeArgs], { ...env, BENCH_MAX_RSS_FILE: rssFile }];
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: childEnv, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  live.add(child);
  let running = true;
  const exited = new Promise((resolve, reject) => {
    child.on('error', (error) => {
      running = false;
      live.delete(child);
      reject(error);
    });
    child.on('close', (code, signal) => {
      running = false;
      live.delete(child);
      resolve({ code, signal, wallMs: performance.now() - started, ...readUsage(rssFile, how) });
    });
  });
  // Only a group that is still running is killed: its id is never reused while it runs.
  return { child, exited, kill: () => running && killGroup(child) };
}

/**
 * Runs `node <nodeArgs…>` to completion and returns its exit, output, wall
 * time and peak RSS. Kills it and throws after `timeoutMs`.
 */
export async function runNode(nodeArgs, { cwd, env, timeoutMs }) {
  const run = startNode(nodeArgs, { cwd, env });
  run.child.stdin.end();
  const stdout = [];
  const stderr = [];
  run.child.stdout.on('data', (chunk) => stdout.push(chunk));
  run.child.stderr.on('data', (chunk) => stderr.push(chunk));
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      run.kill();
      reject(new Error(`\`node ${nodeArgs.join(' ')}\` did not finish within ${Math.round(timeoutMs / 1000)} s; it was killed.`));
    }, timeoutMs);
  });
  try {
    const result = await Promise.race([run.exited, timeout]);
    return { ...result, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
  } finally {
    clearTimeout(timer);
    run.kill();
  }
}
