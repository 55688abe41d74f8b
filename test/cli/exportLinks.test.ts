import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { writeExportFiles } from '../../server/src/node/exportWriter';
import { ExportRefused } from '../../server/src/core/export/exportWriting';
import { threeActorsYaml } from '../helpers/threeActors';
import { createTempWorkspace, listTree, runCliProcess } from '../helpers/tempWorkspace';

const MANIFEST = '.policy-annotator-export.json';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const run = runCliProcess;


const noStackTrace = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at |Error: E[A-Z]+|internal failure/, stderr);

/**
 * Issue 13 items 2 and 16: a reviewed repository may commit an export folder
 * whose manifest and links aim outside. Each case here wrote or deleted
 * outside --out, or crashed, before the export writer was rewritten.
 */
describe('export never follows a link under --out, and is all or nothing', () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'policy-annotator-outside-'));
  const workspace = createTempWorkspace({
    'annotations/texts/a.txt': 'The ISI backs the Taliban.\n',
    'annotations/actors.yaml': threeActorsYaml(),
    'annotations/a.yaml': 'text: texts/a.txt\n',
  });
  after(() => {
    rmSync(outside, { recursive: true, force: true });
    workspace.dispose();
  });
  const exportBrat = (out: string) => run(['export', '--format', 'brat', '--out', out], workspace.dir);
  const manifest = (files: Record<string, string>) => JSON.stringify({ tool: 'policy-annotator export', format: 'brat', files });

  it('refuses a committed export folder whose subfolder links outside, and writes nothing there', () => {
    const target = path.join(outside, 'write-target');
    mkdirSync(target);
    const out = path.join(workspace.dir, 'export-1');
    mkdirSync(out);
    writeFileSync(path.join(out, MANIFEST), manifest({}));
    symlinkSync(target, path.join(out, 'annotations'));
    const result = exportBrat('export-1');
    assert.equal(result.code, 2, result.stdout);
    assert.match(result.stderr, /holds symbolic links \(annotations\)\. An export is written only into real folders, never through a link/);
    noStackTrace(result.stderr);
    assert.deepEqual(listTree(target), [], 'nothing was written through the link');
    assert.ok(lstatSync(path.join(out, 'annotations')).isSymbolicLink(), 'the committed folder is left as it was');
  });

  it('never deletes files a manifest lists behind a link', () => {
    const victim = path.join(outside, 'victim');
    mkdirSync(victim);
    writeFileSync(path.join(victim, 'one.txt'), 'one');
    writeFileSync(path.join(victim, 'two.txt'), 'two');
    const out = path.join(workspace.dir, 'export-2');
    mkdirSync(out);
    writeFileSync(path.join(out, MANIFEST), manifest({ 'victim/one.txt': sha256('one'), 'victim/two.txt': sha256('two'), '../outside.txt': sha256('x') }));
    symlinkSync(victim, path.join(out, 'victim'));
    const result = exportBrat('export-2');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /symbolic links \(victim\)/);
    assert.deepEqual(listTree(victim), ['one.txt', 'two.txt']);
  });

  it('deletes only what the manifest lists and it finds as real files, never a manifest path that leaves the folder', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'policy-annotator-manifest-'));
    try {
      const bystander = path.join(parent, 'bystander.txt');
      writeFileSync(bystander, 'keep');
      const out = path.join(parent, 'out');
      mkdirSync(path.join(out, 'old'), { recursive: true });
      writeFileSync(path.join(out, 'old', 'gone.txt'), 'gone');
      writeFileSync(path.join(out, MANIFEST), manifest({ 'old/gone.txt': sha256('gone'), '../bystander.txt': sha256('keep') }));
      const result = await writeExportFiles(out, [{ path: 'new.txt', content: 'new' }], 'brat');
      assert.deepEqual(result.removed, ['old/gone.txt']);
      assert.equal(readFileSync(bystander, 'utf8'), 'keep');
      assert.deepEqual(listTree(parent), ['bystander.txt', `out/${MANIFEST}`, 'out/new.txt'], 'no temporary or moved-aside folder is left');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('refuses an --out that is a symbolic link, dangling or not, with a clear message', () => {
    const dangling = path.join(workspace.dir, 'dangling-out');
    symlinkSync(path.join(outside, 'does-not-exist'), dangling);
    const first = exportBrat('dangling-out');
    assert.equal(first.code, 2);
    assert.match(first.stderr, /dangling-out is a symbolic link \(to .*does-not-exist\)\. An export is written only into a real folder, never through a link/);
    noStackTrace(first.stderr);
    assert.ok(!existsSync(path.join(outside, 'does-not-exist')));

    const linkedTarget = path.join(outside, 'linked-target');
    mkdirSync(linkedTarget);
    symlinkSync(linkedTarget, path.join(workspace.dir, 'linked-out'));
    const second = exportBrat('linked-out');
    assert.equal(second.code, 2);
    assert.match(second.stderr, /linked-out is a symbolic link/);
    assert.deepEqual(listTree(linkedTarget), []);
  });

  it('refuses a text `x` beside a folder `x.txt/` before writing anything, so the next run is not refused', () => {
    const clash = createTempWorkspace({
      'annotations/actors.yaml': threeActorsYaml(),
      'annotations/texts/x': 'The ISI.\n',
      'annotations/texts/x.txt/y.txt': 'The Taliban.\n',
      'annotations/x.yaml': 'text: texts/x\n',
      'annotations/y.yaml': 'text: texts/x.txt/y.txt\n',
    });
    try {
      const result = run(['export', '--format', 'brat', '--out', 'out'], clash.dir);
      assert.equal(result.code, 2, result.stdout);
      assert.match(result.stderr, /The export needs annotations\/texts\/x\.txt both as a file and as a folder \(for annotations\/texts\/x\.txt\/y\.(txt|ann)\)[^\n]*Rename the text or the folder; nothing was written\./);
      noStackTrace(result.stderr);
      assert.ok(!existsSync(path.join(clash.dir, 'out')));
      assert.deepEqual(readdirSync(clash.dir).filter((name) => name.startsWith('.out')), [], 'no temporary folder is left behind');
    } finally {
      clash.dispose();
    }
  });

  it('leaves the earlier export untouched when writing the new one fails half-way', async () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'policy-annotator-halfway-'));
    try {
      const out = path.join(parent, 'out');
      await writeExportFiles(out, [{ path: 'a/one.txt', content: 'one' }], 'brat');
      // A name the file system refuses, after a file it accepted: the write fails in the middle.
      const bad = [{ path: 'a/one.txt', content: 'ONE' }, { path: `b/${'n'.repeat(300)}.txt`, content: 'too long a name' }];
      await assert.rejects(writeExportFiles(out, bad, 'brat'), (error: unknown) => error instanceof ExportRefused && /Could not write the export \(ENAMETOOLONG\).*is unchanged/.test(error.message));
      assert.deepEqual(listTree(parent), [`out/${MANIFEST}`, 'out/a/one.txt']);
      assert.equal(readFileSync(path.join(out, 'a/one.txt'), 'utf8'), 'one');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
