// Runs the API-level scenarios (./suite) in a desktop VS Code with
// @vscode/test-electron. VS Code cannot be downloaded on every machine (it
// cannot on ours), so the suite runs only against an installed VS Code that
// VSCODE_EXECUTABLE_PATH names:
//
//   VSCODE_EXECUTABLE_PATH=/path/to/code npm run test:electron
//
// Without it, the suite says it did not run and exits with code 2: it never
// reports a pass it did not earn.
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const NOT_RUN_EXIT_CODE = 2;

function makeWritable(dir: string): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) makeWritable(full);
    else chmodSync(full, 0o644);
  }
}

async function main(): Promise<number> {
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (!executable) {
    console.log('NOT RUN: the @vscode/test-electron suite needs a desktop VS Code. Set VSCODE_EXECUTABLE_PATH to its executable (for example /usr/share/code/code, or "Visual Studio Code.app/Contents/MacOS/Electron") and run npm run test:electron again. No test has run, and none has passed.');
    return NOT_RUN_EXIT_CODE;
  }
  if (!existsSync(executable)) {
    console.log(`NOT RUN: VSCODE_EXECUTABLE_PATH is ${executable}, which does not exist. No test has run.`);
    return NOT_RUN_EXIT_CODE;
  }
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'client.js')) || !existsSync(path.join(REPO_ROOT, 'dist', 'server.js'))) {
    console.log('NOT RUN: dist/ has no client and server bundles; run npm run build first.');
    return NOT_RUN_EXIT_CODE;
  }
  const root = mkdtempSync(path.join(tmpdir(), 'policy-annotator-electron-'));
  const workspace = path.join(root, 'corpus');
  cpSync(path.join(REPO_ROOT, 'annotations'), path.join(workspace, 'annotations'), { recursive: true });
  makeWritable(workspace);
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      extensionTestsEnv: { POLICY_ANNOTATOR_TEST_WORKSPACE: workspace },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', path.join(root, 'user-data')],
    });
  } catch (error) {
    console.error(`The electron suite failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
