'use strict';
// Runs one of the bundles in dist/ as Node's `require` would, but compiled with a V8 code cache when one that
// fits lies beside it (`<bundle>.v8cache`, written by `npm run build`, never at run time): the functions the
// command runs are then deserialised instead of parsed and compiled again on every start (about 0.1 s of CPU
// for `agreement`, whose two threads each compile a bundle). A cache that does not fit this bundle byte for
// byte, this Node or its flags is ignored, and the bundle compiles as without one.
//
// The cache lives in the bundle's own folder, which whoever can write could as well rewrite the bundle: it is
// never read from or written to a shared temporary folder, nor anywhere a workspace decides.
const { Buffer } = require('node:buffer');
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** The cache file starts with the SHA-256 of the bundle it was made from: V8 itself only checks the source's length. */
const HASH_BYTES = 32;
/** Set (to 1) only by the build's training run, which writes the caches. */
const WRITE_ENV = 'POLICY_ANNOTATOR_WRITE_CODE_CACHE';
/**
 * The V8 flags every command but `lsp` runs with (policy-annotator.js), set before any bundle compiles: a
 * command runs its code once, cold, and TurboFan's inlining costs more to compile than it saves there. A
 * code cache records the flags it was made with and fits only a process with the same ones.
 */
const COMMAND_V8_FLAGS = '--no-turbo-inlining';

function cachePath(bundle) {
  return `${bundle}.v8cache`;
}

/** The cached data for `source` if the file beside `bundle` was made from exactly it. */
function readCache(bundle, hash) {
  let bytes;
  try {
    bytes = fs.readFileSync(cachePath(bundle));
  } catch {
    return undefined;
  }
  if (bytes.length <= HASH_BYTES || !bytes.subarray(0, HASH_BYTES).equals(hash)) return undefined;
  return bytes.subarray(HASH_BYTES);
}

/** Writes the cache through a new file renamed over the old one, so that a reader never sees half of it. */
function writeCache(bundle, hash, data) {
  const target = cachePath(bundle);
  const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([hash, data]), { flag: 'wx', mode: 0o644 });
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    process.stderr.write(`policy-annotator: could not write the code cache ${target}: ${error.message}\n`);
  }
}

/**
 * Runs `bundle` (a CommonJS file) as a module of its own and returns its exports. `state.used` says whether a
 * cache was used; `state.save()` writes one from what has been compiled so far, when the build's training run
 * asks for it (`POLICY_ANNOTATOR_WRITE_CODE_CACHE=1`), and does nothing otherwise.
 */
function runBundle(bundle, state = {}) {
  const file = path.resolve(bundle);
  const source = fs.readFileSync(file, 'utf8');
  const hash = crypto.createHash('sha256').update(source).digest();
  const cachedData = readCache(file, hash);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  state.used = cachedData !== undefined && !script.cachedDataRejected;
  state.save = process.env[WRITE_ENV] === '1' ? () => writeCache(file, hash, script.createCachedData()) : () => {};
  const module = new Module(file, require.main);
  module.filename = file;
  const wrapper = script.runInThisContext();
  wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  module.loaded = true;
  return module.exports;
}

module.exports = { runBundle, cachePath, WRITE_ENV, COMMAND_V8_FLAGS };
