// The times behind the input limits, which the unit tests check by counts
// (test/unit/limits.test.ts, test/robustness/parserLimits.test.ts) and by
// finishing at all (test/cli/badInput.test.ts): reading an alias bomb,
// reading 60,000 keys with one duplicate, and `policy-annotator check` on a
// workspace holding a 50 MB text and a 20 MB annotation file (both over the
// default limits, so refused without being read).
//
//   npx tsc -b && node scripts/build.mjs && node bench/inputLimits.mjs [passes, default 5]
//
// Prints one line per case (median of the passes), then one line of JSON.
// Targets (the bounds the tests used to time): under 1 s for the alias bomb, under 8 s for the
// keys (the parser's own check took about 15 s), under 20 s for the check.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passes = Number(process.argv[2] ?? 5);
const core = createRequire(import.meta.url)(join(root, 'out', 'server', 'src', 'core', 'index.js'));
const MB = 1024 * 1024;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(run) {
  const times = [];
  for (let i = 0; i < passes; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const parse = (text) => core.parseAnnotationFile('file:///bench/annotations/a.yaml', text, core.DEFAULT_VOCABULARY);
const list = (item) => `[${Array(9).fill(item).join(', ')}]`;
const bomb = `a: &a ${list('x')}\nb: &b ${list('*a')}\nc: &c ${list('*b')}\nd: &d ${list('*c')}\nactors: ${list('*d')}\n`;
const keys = `${Array.from({ length: 60_000 }, (_, i) => `k${i}: v`).join('\n')}\nk7: again\n`;

function checkBigFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'policy-annotator-bench-limits-'));
  try {
    mkdirSync(join(dir, 'annotations', 'texts'), { recursive: true });
    writeFileSync(join(dir, 'annotations', 'texts', 'big.txt'), 'The ISI backs the Taliban. '.repeat(Math.ceil((50 * MB) / 27)));
    writeFileSync(join(dir, 'annotations', 'big.yaml'), `actors:\n${'  - {id: a, name: A, kind: person}\n'.repeat(Math.ceil((20 * MB) / 36))}`);
    writeFileSync(join(dir, 'annotations', 'a.yaml'), 'text: texts/big.txt\n');
    return timed(() => {
      const result = spawnSync(process.execPath, [join(root, 'bin', 'policy-annotator.js'), 'check', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * MB });
      if (result.status !== 1) throw new Error(`check exited ${result.status}: ${result.stderr}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const figures = {
  aliasBombMs: timed(() => parse(bomb)),
  sixtyThousandKeysMs: timed(() => parse(keys)),
  checkWith50MbTextAnd20MbYamlMs: checkBigFiles(),
};
console.log(`alias bomb (9^5 values if expanded): ${figures.aliasBombMs.toFixed(1)} ms`);
console.log(`60,000 keys with one duplicate:      ${figures.sixtyThousandKeysMs.toFixed(1)} ms`);
console.log(`check with 50 MB text, 20 MB YAML:   ${figures.checkWith50MbTextAnd20MbYamlMs.toFixed(0)} ms`);
console.log(JSON.stringify(figures));
