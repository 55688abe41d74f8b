// The pieces of the check report cache that a spawned CLI cannot reach: the
// synchronous reader must answer exactly as NodeFileHost.readBytes does (a
// warm check compares its answers with those a cold check recorded), and a
// report is never reused by another version of the tool.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { runCli, type CliContext } from '../../server/src/cli/runCli';
import { openCheckCache } from '../../server/src/node/checkCache';
import { NodeFileHost } from '../../server/src/node/nodeFileHost';
import { runGit } from '../../server/src/node/runGit';
import { fixtureOnDisk } from '../helpers/fixture';

describe('SyncBytesReader', () => {
  const outside = fixtureOnDisk('-- secret.txt --\nTOP SECRET\n');
  const workspace = fixtureOnDisk(
    `
-- plain.txt --
plain text
-- folder/inner.txt --
inside
-- empty.txt --
`,
    { 'big.txt': 'x'.repeat(2000) },
  );
  writeFileSync(path.join(workspace.dir, 'binary.bin'), Buffer.from([0x50, 0x4b, 0x00, 0x04]));
  writeFileSync(path.join(workspace.dir, 'large.txt'), Buffer.alloc(300_000, 0x61));
  symlinkSync(path.join(outside.dir, 'secret.txt'), path.join(workspace.dir, 'escape.txt'));
  symlinkSync(path.join(workspace.dir, 'plain.txt'), path.join(workspace.dir, 'link.txt'));
  symlinkSync(path.join(workspace.dir, 'folder'), path.join(workspace.dir, 'linked-folder'));
  symlinkSync(outside.dir, path.join(workspace.dir, 'outside-folder'));
  symlinkSync(path.join(workspace.dir, 'loop-b.txt'), path.join(workspace.dir, 'loop-a.txt'));
  symlinkSync(path.join(workspace.dir, 'loop-a.txt'), path.join(workspace.dir, 'loop-b.txt'));
  mkdirSync(path.join(workspace.dir, 'empty-folder'));
  let fifo = false;
  try {
    execFileSync('mkfifo', [path.join(workspace.dir, 'pipe.txt')]);
    fifo = true;
  } catch {
    // No mkfifo here: the FIFO case is skipped.
  }
  after(() => {
    workspace.dispose();
    outside.dispose();
  });

  it('gives the answers of readBytes for every kind of file', async () => {
    const host = new NodeFileHost([workspace.dir]);
    const reader = await host.syncReader();
    const names = ['plain.txt', 'big.txt', 'empty.txt', 'folder/inner.txt', 'binary.bin', 'large.txt', 'escape.txt', 'link.txt', 'linked-folder/inner.txt', 'outside-folder/secret.txt', 'loop-a.txt', 'empty-folder', 'missing.txt', 'missing/inner.txt', 'plain.txt/inner.txt', ...(fifo ? ['pipe.txt'] : [])];
    for (const name of names) {
      const uri = URI.file(path.join(workspace.dir, name)).toString();
      for (const limit of [1000, 1_000_000]) {
        const expected = await host.readBytes(uri, limit);
        const actual = reader.read(uri, limit);
        const plain = (read: typeof actual) => ('bytes' in read ? { bytes: Buffer.from(read.bytes).toString('hex') } : read);
        assert.deepEqual(plain(actual), plain(expected), `${name} (limit ${limit})`);
      }
    }
    const outsideUri = URI.file(path.join(outside.dir, 'secret.txt')).toString();
    assert.deepEqual(reader.read(outsideUri, 1000), { problem: { kind: 'outside-workspace' } });
  });
});

describe('the check report cache across versions', () => {
  const workspace = fixtureOnDisk(`
-- annotations/texts/a.txt --
The ISI backs the Taliban.
-- annotations/a.yaml --
text: texts/a.txt
claims:
  - {id: c1, claimant: isi, quote: The ISI backs the Taliban.}
`);
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'policy-annotator-report-cache-'));
  after(() => {
    workspace.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  /** A check by this version of the tool; a hit leaves the removed stored diagnostics (results.json) removed. */
  const check = async (version: string): Promise<{ stdout: string; code: number; hit: boolean }> => {
    rmSync(path.join(cacheDir, 'results.json'), { force: true });
    let stdout = '';
    const context: CliContext = {
      cwd: workspace.dir,
      version,
      createHost: (folders) => new NodeFileHost(folders),
      git: runGit,
      openCache: (options) => openCheckCache(options, version, {}),
      io: { stdout: (text) => (stdout += text), stderr: () => undefined, isTTY: false, env: {} },
    };
    const code = await runCli(['check', '--format', 'json', '--cache-dir', cacheDir], context);
    return { stdout, code, hit: !existsSync(path.join(cacheDir, 'results.json')) };
  };

  it('reuses a report of the same version only', async () => {
    const first = await check('1.0.0');
    assert.equal(first.hit, false);
    assert.deepEqual(await check('1.0.0'), { ...first, hit: true });
    assert.deepEqual(await check('1.0.1'), { ...first, hit: false }, 'another version checks afresh');
  });
});
