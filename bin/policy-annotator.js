#!/usr/bin/env node
'use strict';
// The `policy-annotator` command: the bundled CLI in dist/, built by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('policy-annotator: the CLI is not built yet. Run `npm run build` in ' + path.join(__dirname, '..') + '.\n');
  process.exit(2);
}
// `agreement` loads a second workspace on a worker thread: started now, it boots while this thread
// compiles the CLI, which takes it (node/agreementLoader.ts); unreferenced until then, so that it
// keeps no process alive that does not use it.
if (process.argv[2] === 'agreement') {
  // Without TurboFan's inlining, for this thread and the worker (V8's flags are the process's): each
  // thread runs its code once, cold, so optimising large inlined graphs costs more than they save
  // (about 0.8 s less CPU at 4x in all; docs/performance.md, Agreement). Set before any code is optimised.
  require('node:v8').setFlagsFromString('--no-turbo-inlining');
  const prestarted = { script: path.join(__dirname, '..', 'dist', 'agreementWorker.js'), worker: undefined, failed: false };
  try {
    prestarted.worker = new (require('node:worker_threads').Worker)(prestarted.script);
    prestarted.worker.unref();
    prestarted.worker.once('error', () => (prestarted.failed = true)).once('exit', () => (prestarted.failed = true));
    globalThis[Symbol.for('policy-annotator.agreementWorker')] = prestarted;
  } catch {
    // The command starts its own worker, or loads in process.
  }
}
require(bundle);
