#!/usr/bin/env node
'use strict';
// The `policy-annotator` command: the bundled CLI in dist/, built by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const { runBundle, WRITE_ENV, COMMAND_V8_FLAGS } = require('./loadBundle.js');
const dist = path.join(__dirname, '..', 'dist');
const bundle = path.join(dist, 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('policy-annotator: the CLI is not built yet. Run `npm run build` in ' + path.join(__dirname, '..') + '.\n');
  process.exit(2);
}
if (process.argv[2] !== 'lsp') {
  // Without TurboFan's inlining (V8's flags are the process's, so agreement's worker too): a command runs
  // its code once, cold, and optimising large inlined graphs costs more than they save (agreement at 4x
  // about 1 s less CPU, check --no-cache at 16x about 0.7 s; docs/performance.md, Agreement). Set before
  // any bundle is compiled: the code caches record the flags they were made with (the build's training
  // run comes through here too). Not for the language server, which runs for hours.
  require('node:v8').setFlagsFromString(COMMAND_V8_FLAGS);
}
// `agreement` loads a second workspace on a worker thread: started now, it boots while this thread
// compiles the CLI, which takes it (node/agreementLoader.ts); unreferenced until then, so that it
// keeps no process alive that does not use it. It runs its bundle as this thread runs the CLI's,
// with the code cache beside it (loadBundle.js); the build's training run has it write that cache
// when it posts its last message, since the command ends it then.
if (process.argv[2] === 'agreement') {
  const prestarted = { script: path.join(dist, 'agreementWorker.js'), worker: undefined, failed: false };
  const boot = [
    "const { parentPort } = require('node:worker_threads');",
    `const { runBundle, WRITE_ENV } = require(${JSON.stringify(path.join(__dirname, 'loadBundle.js'))});`,
    'const state = {};',
    "if (process.env[WRITE_ENV] === '1') {",
    '  const post = parentPort.postMessage.bind(parentPort);',
    "  parentPort.postMessage = (message, transfer) => { if (message && typeof message === 'object' && !('packed' in message)) state.save(); return post(message, transfer); };",
    '}',
    `runBundle(${JSON.stringify(prestarted.script)}, state);`,
  ].join('\n');
  try {
    prestarted.worker = new (require('node:worker_threads').Worker)(boot, { eval: true });
    prestarted.worker.unref();
    prestarted.worker.once('error', () => (prestarted.failed = true)).once('exit', () => (prestarted.failed = true));
    globalThis[Symbol.for('policy-annotator.agreementWorker')] = prestarted;
  } catch {
    // The command starts its own worker, or loads in process.
  }
}
const cli = {};
runBundle(bundle, cli);
if (process.env[WRITE_ENV] === '1') process.on('exit', () => cli.save());
