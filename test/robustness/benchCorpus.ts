// The benchmark's synthetic corpus (bench/generator), written into a
// temporary folder, for tests that need a big workspace.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/tempWorkspace';
import type * as GeneratorModule from '../../bench/generator/generateCorpus.mjs' with { 'resolution-mode': 'import' };

export type CorpusManifest = ReturnType<typeof GeneratorModule.generateCorpus>;
export type CorpusSpec = ReturnType<typeof GeneratorModule.corpusSpec>;

export interface GeneratedCorpus {
  dir: string;
  manifest: CorpusManifest;
  dispose(): void;
}

/** The generator is an ES module run by plain node; the tests are compiled to CommonJS. */
function loadGenerator(): Promise<typeof GeneratorModule> {
  return import(pathToFileURL(path.join(REPO_ROOT, 'bench', 'generator', 'generateCorpus.mjs')).href) as Promise<typeof GeneratorModule>;
}

/** Generates the corpus at a scale of issue 7 (1, 4, 16), or with spec overrides, into a fresh temporary folder. */
export async function generateBenchCorpus(scale: number, overrides: Partial<CorpusSpec> = {}): Promise<GeneratedCorpus> {
  const generator = await loadGenerator();
  const dir = mkdtempSync(path.join(tmpdir(), `policy-annotator-${scale}x-`));
  const made = new Set<string>();
  const manifest = generator.generateCorpus({ ...generator.corpusSpec(scale), ...overrides }, (relative, content) => {
    const full = path.join(dir, ...relative.split('/'));
    const folder = path.dirname(full);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    writeFileSync(full, content);
  });
  return { dir, manifest, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
