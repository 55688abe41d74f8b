// The `yaml` package is pinned to one exact version: the fast block reader
// (server/src/core/syntax/fastYaml.ts) builds yaml's own nodes with the
// ranges, sources and types parseDocument gives them, so it mirrors the
// package's internals and a new version may change what it must give. An
// upgrade is a deliberate step:
//
//   npm install --save-exact yaml@<version>
//   npx --no-install tsc -b && FUZZ_RUNS=20000 node --test out/test/unit/fastYaml.test.js out/test/unit/yamlNodes.test.js
//
// and only once that passes (it compares the two readers on every file it
// can find and on fuzzed ones) is the new version committed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/tempWorkspace';

const UPGRADE = 'Upgrade yaml on purpose: `npm install --save-exact yaml@<version>`, then `FUZZ_RUNS=20000 node --test out/test/unit/fastYaml.test.js out/test/unit/yamlNodes.test.js` must pass (CONTRIBUTING.md, "Upgrading `yaml`").';

function json(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, relative), 'utf8')) as Record<string, unknown>;
}

describe('the yaml dependency', () => {
  it('is pinned to an exact version, the one package-lock.json and node_modules hold', () => {
    const wanted = (json('package.json').dependencies as Record<string, string>).yaml;
    assert.match(wanted, /^\d+\.\d+\.\d+$/, `package.json asks for yaml ${JSON.stringify(wanted)}, a range. ${UPGRADE}`);
    const lock = json('package-lock.json') as { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };
    assert.equal(lock.packages[''].dependencies?.yaml, wanted, `package-lock.json records another yaml range than package.json. ${UPGRADE}`);
    assert.equal(lock.packages['node_modules/yaml'].version, wanted, `package-lock.json locks another yaml version. ${UPGRADE}`);
    assert.equal((json('node_modules/yaml/package.json') as { version: string }).version, wanted, `node_modules holds another yaml version: run npm ci. ${UPGRADE}`);
  });
});
