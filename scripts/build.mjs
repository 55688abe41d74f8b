// Bundles the CLI, the language server and the VS Code client with esbuild.
// Type checking is separate (`tsc -b`); this only produces dist/.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const production = process.argv.includes('--production');

const entries = [
  { in: 'server/src/node/cliMain.ts', out: 'cli' },
  { in: 'server/src/node/serverMain.ts', out: 'server' },
  { in: 'server/src/node/parseWorker.ts', out: 'parseWorker' },
  { in: 'server/src/node/agreementWorker.ts', out: 'agreementWorker' },
  { in: 'client/src/extension.ts', out: 'client' },
].filter((entry) => existsSync(join(root, entry.in)));

await build({
  absWorkingDir: root,
  entryPoints: entries.map((entry) => ({ in: entry.in, out: entry.out })),
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { POLICY_ANNOTATOR_VERSION: JSON.stringify(pkg.version) },
});

// The Actor network webview's script runs in the browser: its own bundle (the controls, and the drawing's fallback on the page), loaded by
// the panel. The drawing (Canvas 2D on an OffscreenCanvas) and the ForceAtlas2 layout run in a dedicated worker, bundled first and put into
// the view's bundle as a string: a webview cannot start a worker from its resource URLs, so the page starts it from a blob: URL.
const networkView = 'client/src/network/webview/main.ts';
const networkWorker = 'client/src/network/webview/draw/worker.ts';
if (existsSync(join(root, networkView))) {
  const browser = { absWorkingDir: root, bundle: true, platform: 'browser', target: 'chrome120', minify: production, legalComments: 'none', logLevel: 'warning' };
  const worker = await build({ ...browser, entryPoints: [networkWorker], format: 'iife', write: false, sourcemap: false });
  await build({
    ...browser,
    entryPoints: [{ in: networkView, out: 'networkView' }],
    outdir: 'dist',
    format: 'iife',
    sourcemap: production ? false : 'linked',
    define: { NETWORK_WORKER_SOURCE: JSON.stringify(worker.outputFiles[0].text) },
  });
}

// The CLI reads and writes DNA databases with sql.js, whose SQLite is WebAssembly: the bundle loads it from beside itself.
mkdirSync(join(root, 'dist'), { recursive: true });
copyFileSync(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm'), join(root, 'dist', 'sql-wasm.wasm'));

// V8 code caches for the command's two bundles (bin/loadBundle.js): a short `agreement` of the sample corpus
// against itself runs the code the command runs, and each thread writes what it compiled beside its bundle.
// Without them (a failed run, another Node) the command compiles its bundles as usual.
for (const name of ['cli.js', 'agreementWorker.js']) rmSync(join(root, 'dist', `${name}.v8cache`), { force: true });
const training = spawnSync(process.execPath, [join(root, 'bin', 'policy-annotator.js'), 'agreement', root, root, '--coder', 'a', '--coder', 'b', '--format', 'json'], {
  cwd: root,
  env: { ...process.env, POLICY_ANNOTATOR_WRITE_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
if (training.status !== 0) process.stderr.write(`build: no code cache for the CLI (the training run ${training.error ? `failed: ${training.error.message}` : `exited with ${training.status}`})\n${training.stderr ?? ''}`);
