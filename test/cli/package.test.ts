import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import * as path from 'node:path';
import { createTempWorkspace, REPO_ROOT } from '../helpers/tempWorkspace';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the published package', () => {
  const project = createTempWorkspace({ 'package.json': JSON.stringify({ name: 'analyst-project', version: '1.0.0', private: true }) }, { withCorpus: true });
  after(() => project.dispose());

  it('runs as `npx policy-annotator` once installed from its tarball', () => {
    const packed = execFileSync(npm, ['pack', REPO_ROOT, '--silent', '--pack-destination', project.dir], { cwd: project.dir, encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=dev', path.join(project.dir, packed)], { cwd: project.dir, stdio: 'pipe' });
    const result = spawnSync('npx', ['--no-install', 'policy-annotator', 'check', '--summary'], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /No problems in \d+ annotation files/);
    assert.match(result.stdout, /pakistan-taliban-qa\.txt/);
  });
});
