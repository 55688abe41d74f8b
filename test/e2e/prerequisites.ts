import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root (this file runs from out/e2e/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export const CODE_SERVER_VERSION = process.env.POLICY_ANNOTATOR_E2E_CODE_SERVER_VERSION ?? '4.139.1';
export const NODE_VERSION = process.env.POLICY_ANNOTATOR_E2E_NODE_VERSION ?? '24.22.3';
export const CHROMIUM = process.env.POLICY_ANNOTATOR_E2E_CHROMIUM ?? '/usr/bin/chromium';

export interface Prerequisites {
  /** Node 24, which code-server needs (the project itself runs on the machine's Node). */
  nodeBin: string;
  codeServer: string;
  chromium: string;
}

/**
 * Installs (or finds in the cache) Chromium, Node 24 and code-server, by
 * running install-prerequisites.sh, which is idempotent and fast once cached.
 */
export function ensurePrerequisites(): Prerequisites {
  const script = path.join(REPO_ROOT, 'test', 'e2e', 'install-prerequisites.sh');
  const output = execFileSync('bash', [script], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, POLICY_ANNOTATOR_E2E_NODE_VERSION: NODE_VERSION, POLICY_ANNOTATOR_E2E_CODE_SERVER_VERSION: CODE_SERVER_VERSION } });
  const cache = output.trim().split('\n').pop()!;
  const prerequisites = {
    nodeBin: path.join(cache, `node-${NODE_VERSION}`, 'bin'),
    codeServer: path.join(cache, `code-server-${CODE_SERVER_VERSION}`, 'bin', 'code-server'),
    chromium: CHROMIUM,
  };
  for (const file of [path.join(prerequisites.nodeBin, 'node'), prerequisites.codeServer, prerequisites.chromium]) {
    if (!existsSync(file)) throw new Error(`${file} is missing after install-prerequisites.sh`);
  }
  return prerequisites;
}

/** Builds the .vsix users install (production bundles), into `outFile`. */
export function buildVsix(outFile: string): string {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'client', 'scripts', 'package-vsix.mjs'), '--out', outFile], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(outFile)) throw new Error(`npm run package did not write ${outFile}`);
  return outFile;
}
