// How fast annotation files are read (issue 7): `yaml.parseDocument` alone,
// parseAnnotationFile on the full `yaml` path, and parseAnnotationFile with
// the fast reader of the block subset (server/src/core/syntax/fastYaml.ts), over
// the annotation files of a generated corpus, in MB of UTF-8 per second.
//
//   node bench/parseSpeed.mjs [scale, default 1] [passes, default 7]
//
// The core is bundled from source with esbuild (as scripts/build.mjs does),
// so no build is needed first. Each figure is the median of the passes after
// two warm-up passes.

import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { corpusSpec, generateCorpusInMemory } from './generator/generateCorpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scale = Number(process.argv[2] ?? 1);
const passes = Number(process.argv[3] ?? 7);

async function loadCore() {
  const result = await build({
    absWorkingDir: root,
    stdin: {
      contents: "export { parseAnnotationFile, DEFAULT_VOCABULARY } from './server/src/core';\nexport { parseBlockYaml } from './server/src/core/syntax/fastYaml';\n",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'warning',
    define: { POLICY_ANNOTATOR_VERSION: '"bench"' },
  });
  const folder = mkdtempSync(join(tmpdir(), 'parse-speed-'));
  try {
    const file = join(folder, 'core.cjs');
    writeFileSync(file, result.outputFiles[0].text);
    return createRequire(import.meta.url)(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const core = await loadCore();
const { files } = generateCorpusInMemory(corpusSpec(scale));
const sources = Object.entries(files)
  .filter(([path]) => path.endsWith('.yaml'))
  .map(([path, content]) => ({ uri: `file:///bench/${path}`, content }));
const bytes = sources.reduce((sum, source) => sum + Buffer.byteLength(source.content, 'utf8'), 0);

const fellBack = sources.filter((source) => core.parseBlockYaml(source.content) === undefined).length;

const variants = {
  'yaml.parseDocument': (source) => parseDocument(source.content, { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false }),
  'parseAnnotationFile, full yaml path': (source) => core.parseAnnotationFile(source.uri, source.content, core.DEFAULT_VOCABULARY, { fastPath: false }),
  'parseAnnotationFile, fast path': (source) => core.parseAnnotationFile(source.uri, source.content, core.DEFAULT_VOCABULARY, { fastPath: true }),
  'parseBlockYaml alone': (source) => core.parseBlockYaml(source.content),
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const results = {};
for (const [name, run] of Object.entries(variants)) {
  const times = [];
  for (let pass = -1; pass <= passes; pass++) {
    const started = performance.now();
    for (const source of sources) run(source);
    if (pass > 0) times.push(performance.now() - started);
  }
  const ms = median(times);
  results[name] = { ms, mbPerSecond: bytes / 1e6 / (ms / 1000) };
}

console.log(`${sources.length} annotation files, ${(bytes / 1e6).toFixed(2)} MB (scale ${scale}); ${fellBack} fell back to the full parser; median of ${passes} passes`);
for (const [name, { ms, mbPerSecond }] of Object.entries(results)) {
  console.log(`${name.padEnd(38)} ${mbPerSecond.toFixed(1).padStart(7)} MB/s  ${ms.toFixed(0).padStart(6)} ms`);
}
const base = results['yaml.parseDocument'].ms;
console.log(`fast parseAnnotationFile is ${(base / results['parseAnnotationFile, fast path'].ms).toFixed(1)}x as fast as yaml.parseDocument, ${(results['parseAnnotationFile, full yaml path'].ms / results['parseAnnotationFile, fast path'].ms).toFixed(1)}x as fast as the full path`);
