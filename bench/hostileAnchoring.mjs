#!/usr/bin/env node
// Runs `policy-annotator check` as a process on the hostile anchoring cases
// of issue 13 (items 4, 6, 7, 11) at the full sizes, and prints wall
// time, CPU time and peak RSS against the targets (with --no-cache, so that
// every run does the work): under 10 s, under 1 GB,
// exit code 0 or 1 with a report.
//
//   node scripts/build.mjs && node bench/hostileAnchoring.mjs [--scale 1] [--case many-claims]

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HOSTILE_CASES, hostileAnchoringCase } from './generator/hostileAnchoring.mjs';
import { installCleanup, rssMethod, runNode } from './measure/processes.mjs';

const TARGET_SECONDS = 10;
const TARGET_RSS_BYTES = 1024 ** 3;
const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'policy-annotator.js');

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, case: { type: 'string', multiple: true } } });
const scale = Number(values.scale);
const cases = values.case ?? HOSTILE_CASES;
installCleanup();

console.log(`Hostile anchoring cases at scale ${scale}; peak RSS by ${rssMethod()}. Targets: < ${TARGET_SECONDS} s, < 1 GB, exit 0 or 1.`);
console.log('case              exit   wall s    cpu s   peak MB  report lines  verdict');
let failed = 0;
for (const name of cases) {
  const dir = mkdtempSync(join(tmpdir(), `hostile-${name}-`));
  try {
    const { files } = hostileAnchoringCase(name, scale);
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const result = await runNode([CLI, 'check', '--no-cache'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, timeoutMs: 300_000 });
    const seconds = result.wallMs / 1000;
    const lines = result.stdout.split('\n').filter((line) => line.trim() !== '').length;
    const ok = (result.code === 0 || result.code === 1) && lines > 0 && seconds < TARGET_SECONDS && (result.maxRssBytes ?? 0) < TARGET_RSS_BYTES;
    if (!ok) failed++;
    const megabytes = result.maxRssBytes === undefined ? '?' : (result.maxRssBytes / 1024 ** 2).toFixed(0);
    const cpu = result.cpuMs === undefined ? '?' : (result.cpuMs / 1000).toFixed(2);
    console.log(`${name.padEnd(16)} ${String(result.code).padStart(5)} ${seconds.toFixed(2).padStart(8)} ${cpu.padStart(8)} ${megabytes.padStart(9)} ${String(lines).padStart(13)}  ${ok ? 'ok' : 'MISSED'}`);
    if (result.stderr.trim()) console.log(`  stderr: ${result.stderr.trim().split('\n').slice(0, 3).join(' | ')}`);
  } catch (error) {
    failed++;
    console.log(`${name.padEnd(16)} failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(failed === 0 ? 'Every case met the targets.' : `${failed} case(s) missed a target.`);
process.exitCode = failed === 0 ? 0 : 1;
