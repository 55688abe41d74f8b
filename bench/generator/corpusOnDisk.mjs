// Writes a generated corpus to disk (bench/corpus/<scale>x/ by default) with
// its manifest beside it. A corpus whose manifest matches the generator
// version, seed and spec is reused instead of being written again.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { corpusSpec, generateCorpus, GENERATOR_VERSION } from './generateCorpus.mjs';

export function corpusLocation(corpusRoot, scale) {
  return {
    workspace: join(corpusRoot, `${scale}x`),
    manifestPath: join(corpusRoot, `${scale}x.manifest.json`),
    /** Where warm checks keep the CLI's parse cache, when the CLI takes --cache-dir. */
    checkCache: join(corpusRoot, `${scale}x.check-cache`),
  };
}

function matches(manifest, scale, seed) {
  return manifest.generatorVersion === GENERATOR_VERSION && manifest.seed === seed && JSON.stringify(manifest.spec) === JSON.stringify(corpusSpec(scale));
}

/** The corpus of a scale on disk: reused when it is complete and current, otherwise (re)generated. */
export function prepareCorpus(corpusRoot, scale, seed) {
  const { workspace, manifestPath } = corpusLocation(corpusRoot, scale);
  if (existsSync(manifestPath) && existsSync(workspace)) {
    try {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      if (matches(manifest, scale, seed)) return { workspace, manifest, reused: true, generateMs: 0 };
    } catch {
      // An unreadable manifest: generate again.
    }
  }
  removeCorpus(corpusRoot, scale);
  const started = performance.now();
  const made = new Set();
  const manifest = generateCorpus(corpusSpec(scale), (path, content) => {
    const full = join(workspace, ...path.split('/'));
    const folder = dirname(full);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(full, content);
  }, { seed });
  // The manifest is written last: its presence means the corpus is complete.
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { workspace, manifest, reused: false, generateMs: performance.now() - started };
}

export function removeCorpus(corpusRoot, scale) {
  const { workspace, manifestPath, checkCache } = corpusLocation(corpusRoot, scale);
  rmSync(manifestPath, { force: true });
  rmSync(workspace, { recursive: true, force: true });
  rmSync(checkCache, { recursive: true, force: true });
}
