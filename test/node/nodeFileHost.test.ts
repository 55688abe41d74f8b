import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { NodeFileHost } from '../../server/src/node/nodeFileHost';
import { createTempWorkspace } from '../helpers/tempWorkspace';

describe('reading files from disk', () => {
  const outside = createTempWorkspace({ 'secret.txt': 'TOP SECRET CONTENT' });
  const workspace = createTempWorkspace({
    'a.txt': '\ufeffwith a byte-order mark\r\nand CRLF',
    'big.txt': 'x'.repeat(2000),
    'binary.bin': '',
    'latin1.txt': '',
    'folder/inner.txt': 'inside',
  });
  writeFileSync(path.join(workspace.dir, 'binary.bin'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]));
  writeFileSync(path.join(workspace.dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x28, 0x6c, 0x61, 0x74, 0x69, 0x6e, 0x31, 0x29]));
  symlinkSync(path.join(outside.dir, 'secret.txt'), path.join(workspace.dir, 'escape.txt'));
  symlinkSync(path.join(workspace.dir, 'loop-b.txt'), path.join(workspace.dir, 'loop-a.txt'));
  symlinkSync(path.join(workspace.dir, 'loop-a.txt'), path.join(workspace.dir, 'loop-b.txt'));
  mkdirSync(path.join(workspace.dir, 'empty-folder'));
  after(() => {
    workspace.dispose();
    outside.dispose();
  });
  const host = new NodeFileHost([workspace.dir]);
  const uri = (relative: string) => URI.file(path.join(workspace.dir, relative)).toString();

  it('reads UTF-8 text, dropping a byte-order mark and keeping line endings', async () => {
    assert.deepEqual(await host.read(uri('a.txt'), 1000), { content: 'with a byte-order mark\r\nand CRLF' });
  });

  it('refuses each kind of unusable file with its reason and nothing of its content', async () => {
    const cases: [string, string][] = [
      ['big.txt', 'too-large'],
      ['binary.bin', 'binary'],
      ['latin1.txt', 'invalid-encoding'],
      ['escape.txt', 'outside-workspace'],
      ['loop-a.txt', 'symlink-loop'],
      ['folder', 'directory'],
      ['nope.txt', 'missing'],
    ];
    for (const [file, kind] of cases) {
      const read = await host.read(uri(file), 1000);
      assert.ok('problem' in read, file);
      assert.equal(read.problem.kind, kind, file);
      assert.ok(!JSON.stringify(read).includes('SECRET'), 'never echoes refused content');
    }
    const big = await host.read(uri('big.txt'), 1000);
    assert.deepEqual(big, { problem: { kind: 'too-large', size: 2000, limit: 1000 } });
    assert.equal(await host.readFile(uri('escape.txt')), undefined);
    assert.equal(await host.readFile(URI.file(path.join(outside.dir, 'secret.txt')).toString()), undefined);
  });

  it('lists files without following folders outside the tree', async () => {
    const listed = (await host.listFiles(URI.file(workspace.dir).toString())).map((u) => path.basename(URI.parse(u).fsPath));
    assert.ok(listed.includes('inner.txt'));
    assert.ok(!listed.includes('empty-folder'));
  });
});
