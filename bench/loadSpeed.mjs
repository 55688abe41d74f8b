// How much CPU loading a workspace takes (issue 17, the loading part of
// agreement): in process, over the annotation files of bench/corpus/<scale>x
// (made by bench/agreement.mjs or bench/run.mjs), the CPU time of
//   - the block reader alone (`parseBlockYaml`, the YAML tree),
//   - `parseAnnotationFile` (tree and model) over every annotation file,
//   - `loadWorkspace(…, { analysesOnly: true })` of the folder, as agreement
//     loads each annotator (files read as the command reads them, parsed,
//     indexed, texts read; the texts are analysed later, on demand, and that
//     is not timed here).
// Each figure is the median of the passes after one warm-up pass, with the
// spread, and the warm-up pass itself: loadWorkspace's runs first, with all
// the code cold, as each of agreement's threads loads its workspace once. The core is bundled from source with esbuild, so no build is needed.
//
//   node bench/loadSpeed.mjs [scale, default 4] [passes, default 5] [--source <checkout>] [--no-inlining]
//
// --source bundles the core from another checkout (an export of an older
// commit, to compare before and after on the same corpus at the same load).
// --no-inlining runs without TurboFan's inlining, as `agreement` does
// (bin/policy-annotator.js): the cold pass is then what each of its threads pays.

import { buildSync } from 'esbuild';
import { Buffer } from 'node:buffer';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const noInliningAt = args.indexOf('--no-inlining');
if (noInliningAt >= 0) {
  args.splice(noInliningAt, 1);
  setFlagsFromString('--no-turbo-inlining');
}
const sourceAt = args.indexOf('--source');
const source = sourceAt >= 0 ? args.splice(sourceAt, 2)[1] : root;
const scale = Number(args[0] ?? 4);
const passes = Number(args[1] ?? 5);
const workspace = join(root, 'bench', 'corpus', `${scale}x`);
if (!existsSync(workspace)) {
  console.error(`${workspace} does not exist: run \`npm run build && node bench/agreement.mjs ${scale} 1 --keep\` first.`);
  process.exit(1);
}

function loadCore() {
  const folder = mkdtempSync(join(tmpdir(), 'load-speed-'));
  try {
    const outfile = join(folder, 'core.cjs');
    const entry = [
      "export { parseAnnotationFile, loadWorkspace, DEFAULT_VOCABULARY } from './server/src/core';",
      "export { parseBlockYaml } from './server/src/core/syntax/fastYaml';",
      "export { BatchReadingFileHost } from './server/src/node/batchFileHost';",
    ];
    const stdin = { contents: entry.join('\n'), resolveDir: source, loader: 'ts' };
    buildSync({ absWorkingDir: source, stdin, bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning', define: { POLICY_ANNOTATOR_VERSION: '"bench"' } });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function yamlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) && name !== 'policy-annotator.yaml' ? [full] : [];
  });
}

const cpuMs = (before) => {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

/** CPU ms of each pass after one warm-up pass (the warm-up's first, as `cold`). */
async function measure(run) {
  const before = process.cpuUsage();
  await run();
  const times = [];
  times.cold = cpuMs(before);
  for (let pass = 0; pass < passes; pass++) {
    const before = process.cpuUsage();
    await run();
    times.push(cpuMs(before));
  }
  const cold = times.cold;
  times.sort((a, b) => a - b);
  times.cold = cold;
  return times;
}

const show = (label, times) => console.log(`  ${label}: CPU ${times[Math.floor(times.length / 2)].toFixed(0)} ms (median of ${times.length}; ${times[0].toFixed(0)}–${times[times.length - 1].toFixed(0)} ms); the first, cold pass ${times.cold.toFixed(0)} ms`);

const core = loadCore();
const sources = yamlFiles(workspace).map((path) => ({ uri: pathToFileURL(path).href, content: readFileSync(path, 'utf8') }));
const megabytes = sources.reduce((sum, source) => sum + Buffer.byteLength(source.content), 0) / 1e6;
console.log(`loading at ${scale}x, the core of ${source}${noInliningAt >= 0 ? ' (no inlining)' : ''}: ${sources.length} annotation files, ${megabytes.toFixed(1)} MB; load average ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
// loadWorkspace first: its first pass runs the code cold, as each of agreement's threads does.
const folderUri = pathToFileURL(workspace).href;
show('loadWorkspace(analysesOnly)', await measure(() => core.loadWorkspace(new core.BatchReadingFileHost([workspace]), folderUri, { analysesOnly: true })));
show('parseAnnotationFile', await measure(() => sources.forEach((source) => core.parseAnnotationFile(source.uri, source.content, core.DEFAULT_VOCABULARY))));
show('block reader alone (parseBlockYaml)', await measure(() => sources.forEach((source) => core.parseBlockYaml(source.content))));
const fellBack = sources.filter((source) => core.parseBlockYaml(source.content) === undefined).length;
console.log(`  ${fellBack} of the files outside the block reader's subset; load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(', ')}`);
