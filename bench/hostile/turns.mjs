// How long the event loop's turns are held, for the in-process responsiveness
// benchmarks (bench/hostileSteps.mjs, bench/hostileEdits.mjs): a hover
// arriving during a turn waits for its end.

import { Buffer } from 'node:buffer';
import { Session } from 'node:inspector/promises';
import { openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * CPU time of this thread in ms: Linux's /proc/thread-self/schedstat (ns on
 * the CPU), so that neither the parse worker nor the garbage collector's
 * helper threads count; elsewhere the process's user + system time.
 */
export const cpuMs = (() => {
  let fd;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
  }
  const buffer = Buffer.alloc(128);
  return () => {
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return Number(buffer.toString('latin1', 0, length).split(' ')[0]) / 1e6;
  };
})();

export const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** What the language server passes as `yieldControl`: a few turns of the event loop. */
export async function yieldLikeTheServer() {
  for (let turn = 0; turn < 4; turn++) await nextTurn();
}

/**
 * Records every turn of the event loop until stopped: a setImmediate chain
 * runs once per turn, so the time between two of its runs is what the loop
 * did in between (one slice of indexing, a callback, …). The returned
 * function stops it and gives the longest turn (wall and thread CPU, ms),
 * the number of turns, and the longest turn's window (µs, monotonic clock).
 */
export function watchTurns() {
  let stopped = false;
  let lastWall = performance.now();
  let lastCpu = cpuMs();
  let lastClock = process.hrtime.bigint();
  const longest = { wallMs: 0, cpuMs: 0, turns: 0, window: undefined };
  const tick = () => {
    if (stopped) return;
    const wall = performance.now();
    const cpu = cpuMs();
    const clock = process.hrtime.bigint();
    longest.turns++;
    if (wall - lastWall > longest.wallMs) longest.window = { start: Number(lastClock / 1000n), end: Number(clock / 1000n) };
    longest.wallMs = Math.max(longest.wallMs, wall - lastWall);
    longest.cpuMs = Math.max(longest.cpuMs, cpu - lastCpu);
    lastWall = wall;
    lastCpu = cpu;
    lastClock = clock;
    setImmediate(tick);
  };
  setImmediate(tick);
  return () => {
    stopped = true;
    return longest;
  };
}

/** The call stacks (our functions only, outermost first) that the profile sampled most often inside a window (µs, monotonic clock). */
export function stacksIn(profile, window, top = 4) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const counts = new Map();
  let time = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (time < window.start || time > window.end) return;
    const frames = [];
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const frame = nodes.get(at).callFrame;
      if (frame.url.includes('/out/server/src/')) frames.unshift(`${frame.functionName || '(anonymous)'}@${frame.url.split('/out/server/src/')[1]}:${frame.lineNumber + 1}`);
    }
    const key = frames.slice(-6).join(' > ') || nodes.get(id).callFrame.functionName;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  });
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, top).map(([stack, n]) => `    ${((100 * n) / Math.max(1, total)).toFixed(0)}% ${stack}`);
}

/**
 * With `enabled` (--why): a CPU profiler of this process; `explain(window)`
 * stops it and gives the stacks sampled most in the window. Without, both do nothing.
 */
export async function whyProfiler(enabled) {
  if (!enabled) return { start: async () => {}, explain: async () => [] };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  return {
    start: () => session.post('Profiler.start'),
    explain: async (window) => {
      const { profile } = await session.post('Profiler.stop');
      return window ? stacksIn(profile, window) : [];
    },
  };
}

/**
 * The core's LiveWorkspace on a folder, from the compiled `out/server/src`,
 * set up as the language server sets it up: slices that yield to the event
 * loop, large annotation files parsed on a worker thread.
 */
export function liveWorkspaceLikeTheServer(out, dir) {
  const require = createRequire(pathToFileURL(join(out, 'index.js')));
  const { LiveWorkspace } = require(join(out, 'core/live/liveWorkspace.js'));
  const { canonicalUri } = require(join(out, 'core/uris.js'));
  const { NodeFileHost } = require(join(out, 'node/nodeFileHost.js'));
  const { OffThreadParser } = require(join(out, 'node/offThreadParser.js'));
  return new LiveWorkspace({
    folders: [canonicalUri(pathToFileURL(dir).toString())],
    createHost: (folders) => new NodeFileHost(folders.map((uri) => fileURLToPath(uri))),
    log: (message) => console.error(message),
    yieldControl: yieldLikeTheServer,
    largeFileParser: new OffThreadParser(join(out, 'node', 'parseWorker.js')),
  });
}
