import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { LoadedWorkspace } from '../../server/src/core';
import { loadMemoryWorkspace } from './memoryWorkspace';
import { REPO_ROOT } from './tempWorkspace';

/** The sample corpus (annotations/), as workspace-relative paths and contents, in path order. */
export function readCorpus(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(REPO_ROOT, relative)).sort()) {
      const child = `${relative}/${name}`;
      if (statSync(path.join(REPO_ROOT, child)).isDirectory()) walk(child);
      else files[child] = readFileSync(path.join(REPO_ROOT, child), 'utf8');
    }
  };
  walk('annotations');
  return files;
}

/** The sample corpus in an in-memory workspace at file:///ws. */
export function loadSampleCorpus(): Promise<LoadedWorkspace> {
  return loadMemoryWorkspace(readCorpus());
}
