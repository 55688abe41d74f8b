// Summarises a V8 CPU profile (node --cpu-prof): self time per function and
// per source file, mapped back to the TypeScript sources through the
// bundle's source map, optionally only for samples inside time windows
// (microseconds on the monotonic clock, as process.hrtime gives them).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSourceMap } from './sourceMap.mjs';

const maps = new Map();
function sourceMapFor(url) {
  if (!url.startsWith('file://')) return undefined;
  if (!maps.has(url)) {
    const file = fileURLToPath(url);
    const mapFile = `${file}.map`;
    maps.set(url, existsSync(mapFile) ? { lookup: loadSourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))), folder: dirname(mapFile) } : undefined);
  }
  return maps.get(url);
}

/** Where a call frame's code came from: a TypeScript source line, a package, or Node itself. */
function locate(frame, repoRoot) {
  const { url, lineNumber, columnNumber } = frame;
  if (!url) return { file: '(native)', where: '(native)' };
  const map = sourceMapFor(url);
  const mapped = map?.lookup(lineNumber, columnNumber);
  if (mapped) {
    const file = relative(repoRoot, join(map.folder, mapped.source));
    return { file, where: `${file}:${mapped.line}` };
  }
  if (url.startsWith('node:')) return { file: url, where: url };
  const path = url.startsWith('file://') ? relative(repoRoot, fileURLToPath(url)) : url;
  return { file: path, where: `${path}:${lineNumber + 1}` };
}

/** Collapses node_modules paths to the package name. */
function groupOf(file) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return match ? `package ${match[1]}` : file;
}

export function summariseCpuProfile(profilePath, { repoRoot, windows, top = 15 } = {}) {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  let time = profile.startTime;
  let totalUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (windows && !windows.some((w) => time >= w.start && time <= w.end)) continue;
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
    totalUs += delta;
  }
  const byFunction = new Map();
  const byFile = new Map();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id).callFrame;
    if (frame.functionName === '(idle)') idleUs += us;
    const { file, where } = locate(frame, repoRoot);
    const name = frame.functionName || '(anonymous)';
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    const group = name === '(garbage collector)' ? '(garbage collector)' : name === '(idle)' ? '(idle)' : groupOf(file);
    byFile.set(group, (byFile.get(group) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const share = (us) => Math.round((1000 * us) / Math.max(1, busyUs)) / 10;
  return {
    profile: relative(repoRoot, profilePath),
    windowed: Boolean(windows),
    totalMs: Math.round(totalUs / 1000),
    busyMs: Math.round(busyUs / 1000),
    topFunctions: [...byFunction.values()].filter((e) => e.name !== '(idle)').sort((a, b) => b.us - a.us).slice(0, top).map((e) => ({ selfMs: Math.round(e.us / 1000), percent: share(e.us), function: e.name, where: e.where })),
    topFiles: [...byFile].filter(([file]) => file !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 10).map(([file, us]) => ({ selfMs: Math.round(us / 1000), percent: share(us), file })),
  };
}

export function formatProfileSummary(title, summary) {
  const lines = [`${title}: ${summary.busyMs} ms of CPU${summary.windowed ? ' in the measured window' : ''} (${summary.profile})`, '  self ms      %  function (source)'];
  for (const f of summary.topFunctions) lines.push(`  ${String(f.selfMs).padStart(7)} ${f.percent.toFixed(1).padStart(6)}  ${f.function} (${f.where})`);
  lines.push('  by file:');
  for (const f of summary.topFiles) lines.push(`  ${String(f.selfMs).padStart(7)} ${f.percent.toFixed(1).padStart(6)}  ${f.file}`);
  return lines.join('\n');
}
