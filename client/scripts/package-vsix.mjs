// Builds the extension's .vsix with @vscode/vsce:
//
//   node client/scripts/package-vsix.mjs          production build, then policy-annotator-<version>.vsix
//   node client/scripts/package-vsix.mjs --ls     production build, then list the files the .vsix would hold
//   ... --out <file>                              where to write the .vsix
//   ... --no-build                                use dist/ as it is (the tests list files this way)
//
// The package.json at the root also describes the npm package of the CLI,
// whose `files` list vsce refuses to combine with .vscodeignore. So vsce runs
// in a staging copy of the project whose package.json is the extension
// manifest alone (no `files`, `bin`, scripts or dependencies: everything is
// bundled), and .vscodeignore decides what ships.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const stage = join(root, 'out', 'vsix-stage');
const args = process.argv.slice(2);
const listOnly = args.includes('--ls');
const outIndex = args.indexOf('--out');

/** Not copied into the stage: never shipped, and some are large. */
const NOT_STAGED = new Set(['node_modules', '.git', 'out', 'test-results', '.vscode-test', 'bench', '.policy-annotator-cache']);
/** Fields of package.json that describe the npm package or the build, not the extension. */
const NOT_IN_MANIFEST = ['files', 'bin', 'scripts', 'dependencies', 'devDependencies', 'allowScripts'];

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, stdio: ['ignore', listOnly ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    console.error(`${command} ${commandArgs.join(' ')} failed with exit code ${result.status}`);
    process.exit(1);
  }
  return result.stdout ?? '';
}

if (!args.includes('--no-build')) run(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], root);

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const entry of readdirSync(root)) {
  if (NOT_STAGED.has(entry) || entry.endsWith('.vsix') || entry === 'package.json') continue;
  cpSync(join(root, entry), join(stage, entry), { recursive: true });
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const field of NOT_IN_MANIFEST) delete manifest[field];
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
if (!existsSync(vsce)) {
  console.error('@vscode/vsce is not installed: run npm install.');
  process.exit(1);
}
if (listOnly) {
  process.stdout.write(run(process.execPath, [vsce, 'ls', '--no-dependencies'], stage));
} else {
  const out = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(root, `${manifest.name}-${manifest.version}.vsix`);
  // No repository URL yet: say so instead of being asked interactively.
  // Relative links in the README stay relative; the screenshots they show ship in docs/images.
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], stage);
  console.log(out);
}
