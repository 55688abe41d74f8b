#!/usr/bin/env node
// Removes compiled files in out/ whose TypeScript source no longer exists.
// `tsc -b` never deletes the output of a deleted or moved source, so a test
// removed from test/ kept running (and failing) from out/test/ in a
// developer's checkout. Run after `tsc -b`, before the tests.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Each output folder and the source folder it is compiled from (the tsconfig files' outDir and rootDir). */
const ROOTS = [
  ['out/server/src', 'server/src'],
  ['out/client/src', 'client/src'],
  ['out/test', 'test'],
  ['out/e2e', 'test/e2e'],
  ['out/electron', 'test/electron'],
];
const COMPILED = /(\.d\.ts\.map|\.d\.ts|\.js\.map|\.js)$/;

let removed = 0;
function prune(outDir, srcDir, nested) {
  if (!existsSync(outDir)) return;
  for (const entry of readdirSync(outDir, { withFileTypes: true })) {
    const outPath = join(outDir, entry.name);
    if (entry.isDirectory()) {
      // out/test/e2e would be test/e2e's own output folder if it existed; those have their own roots.
      if (!nested.has(relative(REPO, outPath))) prune(outPath, join(srcDir, entry.name), nested);
      continue;
    }
    const match = COMPILED.exec(entry.name);
    if (!match || !entry.isFile()) continue;
    const source = join(srcDir, entry.name.slice(0, -match[1].length) + '.ts');
    if (!existsSync(source)) {
      rmSync(outPath);
      removed++;
    }
  }
}

const outRoots = new Set(ROOTS.map(([out]) => out));
for (const [out, src] of ROOTS) prune(join(REPO, out), join(REPO, src), outRoots);
if (removed > 0) console.log(`prune-out: removed ${removed} compiled file(s) whose source is gone`);
