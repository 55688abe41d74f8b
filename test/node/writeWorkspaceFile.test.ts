import assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { writeWorkspaceFile } from '../../server/src/node/writeWorkspaceFile';

describe('writeWorkspaceFile (check --fix) on an untrusted workspace', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'policy-annotator-write-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;

  /** A fresh workspace with annotations/a.yaml, and a file outside it. */
  function setup(): { workspace: string; file: string; uri: string; outside: string } {
    const base = path.join(root, String(count++));
    const workspace = path.join(base, 'ws');
    mkdirSync(path.join(workspace, 'annotations'), { recursive: true });
    const file = path.join(workspace, 'annotations', 'a.yaml');
    writeFileSync(file, 'text: texts/a.txt\n');
    const outside = path.join(base, 'outside.txt');
    writeFileSync(outside, 'precious\n');
    return { workspace, file, uri: URI.file(file).toString(), outside };
  }

  it('never writes through a link planted at the temporary file\'s name (regression: issue 13)', async () => {
    const { workspace, file, uri, outside } = setup();
    // The names the old code used, and the obvious variants.
    const planted = [`${file}.${process.pid}.policy-annotator.tmp`, `${file}.tmp`, `${file}.policy-annotator.tmp`];
    for (const name of planted) symlinkSync(outside, name);
    await writeWorkspaceFile(workspace, uri, 'text: texts/b.txt\n');
    assert.equal(readFileSync(outside, 'utf8'), 'precious\n', 'the outside file is untouched');
    assert.ok(lstatSync(file).isFile(), 'the annotation file is still a regular file, not a link');
    assert.equal(readFileSync(file, 'utf8'), 'text: texts/b.txt\n');
    for (const name of planted) assert.equal(readlinkSync(name), outside, 'the planted links are left as they were');
    assert.deepEqual(readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp') && !planted.includes(path.join(path.dirname(file), name))), [], 'no temporary file is left');
  });

  it('refuses an annotation file that is a link leading out of the workspace', async () => {
    const { workspace, file, uri, outside } = setup();
    rmSync(file);
    symlinkSync(outside, file);
    await assert.rejects(writeWorkspaceFile(workspace, uri, 'changed\n'), /leads outside the workspace/);
    assert.equal(readFileSync(outside, 'utf8'), 'precious\n');
    assert.ok(lstatSync(file).isSymbolicLink());
  });

  it('writes the target of a link that stays inside the workspace, and keeps the link', async () => {
    const { workspace, file, uri } = setup();
    const real = path.join(workspace, 'annotations', 'real.yaml');
    writeFileSync(real, 'old\n');
    rmSync(file);
    symlinkSync(real, file);
    await writeWorkspaceFile(workspace, uri, 'new\n');
    assert.ok(lstatSync(file).isSymbolicLink());
    assert.equal(readFileSync(real, 'utf8'), 'new\n');
  });

  it('keeps the file mode and the byte-order mark; line endings are the content\'s', async () => {
    const { workspace, file, uri } = setup();
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 1\r\n')]));
    chmodSync(file, 0o640);
    await writeWorkspaceFile(workspace, uri, 'a: 2\r\n', 'a: 1\r\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readFileSync(file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 2\r\n')]));
  });

  it('leaves a file alone that changed after it was read', async () => {
    const { workspace, file, uri } = setup();
    await assert.rejects(writeWorkspaceFile(workspace, uri, 'x: 1\n', 'what it was before\n'), /changed after it was read/);
    assert.equal(readFileSync(file, 'utf8'), 'text: texts/a.txt\n');
  });

  it('refuses a path outside the workspace and one that does not exist', async () => {
    const { workspace, outside } = setup();
    await assert.rejects(writeWorkspaceFile(workspace, URI.file(outside).toString(), 'x\n'), /leads outside the workspace/);
    await assert.rejects(writeWorkspaceFile(workspace, URI.file(path.join(workspace, 'annotations', 'new.yaml')).toString(), 'x\n'), /does not exist/);
    assert.equal(readFileSync(outside, 'utf8'), 'precious\n');
  });
});
