import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { after, describe, it } from 'node:test';

interface BundleState {
  used?: boolean;
  save?: () => void;
}
interface LoadBundle {
  runBundle(bundle: string, state?: BundleState): unknown;
  cachePath(bundle: string): string;
  WRITE_ENV: string;
  COMMAND_V8_FLAGS: string;
}

const root = path.join(__dirname, '..', '..', '..');
const loadBundle = createRequire(__filename)(path.join(root, 'bin', 'loadBundle.js')) as LoadBundle;
/** How Node wraps a CommonJS file, as the loader compiles it. */
const wrapModule = (createRequire(__filename)('node:module') as { wrap(source: string): string }).wrap;

/** Runs `bundle` through the loader in a process of its own (the cache is written, or read, as the command does); prints its exports and whether a cache was used. */
function runInProcess(bundle: string, write = false): { exports: unknown; used: boolean; stderr: string } {
  const script = `const s = {}; const e = require(${JSON.stringify(path.join(root, 'bin', 'loadBundle.js'))}).runBundle(${JSON.stringify(bundle)}, s); s.save(); process.stdout.write(JSON.stringify({ exports: e, used: s.used }));`;
  const env = { ...process.env, [loadBundle.WRITE_ENV]: write ? '1' : '' };
  const result = spawnSync(process.execPath, ['-e', script], { env, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return { ...(JSON.parse(result.stdout) as { exports: unknown; used: boolean }), stderr: result.stderr };
}

describe('running a bundle with a V8 code cache beside it (bin/loadBundle.js)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'load-bundle-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const bundle = path.join(dir, 'bundle.js');
  const source = (n: number) => `'use strict';\nfunction double(x) { return 2 * x; }\nmodule.exports = { value: double(${n}), file: __filename, dir: __dirname, required: typeof require('node:path').join };\n`;

  it('runs the bundle as a module of its own, without a cache at first', () => {
    writeFileSync(bundle, source(1));
    const first = runInProcess(bundle);
    assert.deepEqual(first.exports, { value: 2, file: bundle, dir, required: 'function' });
    assert.equal(first.used, false);
    assert.equal(existsSync(loadBundle.cachePath(bundle)), false, 'nothing is written unless the build asks');
  });

  it('writes a cache only when asked, through a file renamed into place, and uses it on the next start', () => {
    writeFileSync(bundle, source(1));
    runInProcess(bundle, true);
    assert.ok(existsSync(loadBundle.cachePath(bundle)));
    assert.deepEqual(readdirSync(dir).sort(), ['bundle.js', 'bundle.js.v8cache'], 'no temporary file is left');
    const again = runInProcess(bundle);
    assert.equal(again.used, true);
    assert.deepEqual(again.exports, { value: 2, file: bundle, dir, required: 'function' });
  });

  it('ignores a cache made from another bundle of the same length, which V8 alone would take', () => {
    writeFileSync(bundle, source(1));
    runInProcess(bundle, true);
    writeFileSync(bundle, source(7));
    // V8's own check: the cached data of the old bundle is not rejected for the new one (it only compares lengths).
    const cached = readFileSync(loadBundle.cachePath(bundle)).subarray(32);
    const v8Alone = new Script(wrapModule(readFileSync(bundle, 'utf8')), { cachedData: cached });
    assert.equal(v8Alone.cachedDataRejected, false, 'if V8 ever checks more than the length, the hash beside the cache is no longer needed');
    const run = runInProcess(bundle);
    assert.equal(run.used, false);
    assert.deepEqual(run.exports, { value: 14, file: bundle, dir, required: 'function' });
  });

  it('compiles as usual when the cache is damaged, and says nothing', () => {
    writeFileSync(bundle, source(3));
    const hash = createHash('sha256').update(source(3)).digest();
    writeFileSync(loadBundle.cachePath(bundle), Buffer.concat([hash, Buffer.from('not a code cache at all, just bytes')]));
    const run = runInProcess(bundle);
    assert.equal(run.used, false);
    assert.deepEqual(run.exports, { value: 6, file: bundle, dir, required: 'function' });
    assert.equal(run.stderr, '');
    writeFileSync(loadBundle.cachePath(bundle), 'short');
    assert.equal(runInProcess(bundle).used, false);
  });

  it('the build leaves a cache that fits each of the command’s two bundles, under the flags the command sets', () => {
    // As bin/policy-annotator.js does (this file's tests run in a process of their own); undone after.
    setFlagsFromString(loadBundle.COMMAND_V8_FLAGS);
    try {
      for (const name of ['cli.js', 'agreementWorker.js']) {
        const file = path.join(root, 'dist', name);
        const cache = readFileSync(loadBundle.cachePath(file));
        const text = readFileSync(file, 'utf8');
        assert.ok(cache.subarray(0, 32).equals(createHash('sha256').update(text).digest()), `${name}'s cache was made from it`);
        const script = new Script(wrapModule(text), { filename: file, cachedData: cache.subarray(32) });
        assert.equal(script.cachedDataRejected, false, `${name}'s cache fits this Node and the command's flags`);
      }
    } finally {
      setFlagsFromString(loadBundle.COMMAND_V8_FLAGS.replace('--no-', '--'));
    }
  });
});
