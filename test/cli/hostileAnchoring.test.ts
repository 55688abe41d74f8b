// `policy-annotator check` as a process on the hostile anchoring cases of
// issue 13 at a twentieth of their size: it exits 0 or 1 with a report whose
// size does not grow with the number of occurrences. Full-size timings are
// in bench/hostile.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CLI, createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import type * as HostileModule from '../../bench/generator/hostileAnchoring.mjs' with { 'resolution-mode': 'import' };

async function workspaceOf(name: HostileModule.HostileCaseName, scale: number): Promise<TempWorkspace> {
  const file = path.resolve(__dirname, '..', '..', '..', 'bench', 'generator', 'hostileAnchoring.mjs');
  const generator = (await import(pathToFileURL(file).href)) as typeof HostileModule;
  return createTempWorkspace(generator.hostileAnchoringCase(name, scale).files);
}

function check(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'check', '--no-cache', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('policy-annotator check on hostile anchoring input', () => {
  const workspaces: TempWorkspace[] = [];
  after(() => workspaces.forEach((workspace) => workspace.dispose()));

  it('a quote that occurs 50,000 times: exit 1, and a report of a few kilobytes whatever the count', async () => {
    const workspace = await workspaceOf('ambiguous-a', 0.05);
    workspaces.push(workspace);
    const result = check(workspace.dir, '--format', 'json');
    assert.equal(result.status, 1, result.stderr);
    const rows = JSON.parse(result.stdout) as { code: string; message: string }[];
    assert.equal(rows.length, 6);
    for (const row of rows) {
      assert.equal(row.code, 'quote-ambiguous');
      assert.match(row.message, /occurs 50000 times .*…and 49980 more/);
    }
    assert.ok(result.stdout.length < 10_000, `${result.stdout.length} bytes of report`);
  });

  it('3,500 distinct quotes that all occur: exit 0 and no problems', async () => {
    const workspace = await workspaceOf('many-claims', 0.05);
    workspaces.push(workspace);
    const result = check(workspace.dir);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /No problems/);
  });

  it('200 lost quotes in a 50 kB text: exit 1 with one report per quote', async () => {
    const workspace = await workspaceOf('lost-quotes', 0.05);
    workspaces.push(workspace);
    const result = check(workspace.dir, '--format', 'json');
    assert.equal(result.status, 1, result.stderr);
    const rows = JSON.parse(result.stdout) as { code: string }[];
    assert.equal(rows.length, 200);
    assert.ok(rows.every((row) => row.code === 'quote-not-found' || row.code === 'quote-stale'));
  });
});
