import assert from 'node:assert/strict';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { NodeFileHost } from '../../server/src/node/nodeFileHost';
import { createTempWorkspace } from '../helpers/tempWorkspace';

describe('where a file may be created (workspace content chooses the paths)', () => {
  const outside = createTempWorkspace({ 'elsewhere/keep.txt': 'not ours' });
  const workspace = createTempWorkspace({ 'annotations/actors.yaml': 'actors: []\n' });
  const dir = workspace.dir;
  symlinkSync(path.join(outside.dir, 'elsewhere'), path.join(dir, 'annotations', 'linked'));
  symlinkSync(path.join(outside.dir, 'missing.yaml'), path.join(dir, 'annotations', 'dangling.yaml'));
  symlinkSync(path.join(outside.dir, 'no-such-folder'), path.join(dir, 'annotations', 'dangling-folder'));
  mkdirSync(path.join(dir, 'annotations', 'texts'));
  after(() => {
    workspace.dispose();
    outside.dispose();
  });
  const host = new NodeFileHost([dir]);
  const uri = (relative: string) => URI.file(path.join(dir, relative)).toString();

  it('allows a new file in a folder of the workspace, also in folders still to be made', async () => {
    assert.equal(await host.creationProblem(uri('annotations/new.yaml')), undefined);
    assert.equal(await host.creationProblem(uri('annotations/texts/new.yaml')), undefined);
    assert.equal(await host.creationProblem(uri('annotations/a/b/c/new.yaml')), undefined);
  });

  it('refuses a path where something is, a dangling link included (creating would follow it)', async () => {
    assert.match(String(await host.creationProblem(uri('annotations/actors.yaml'))), /exists already/);
    assert.match(String(await host.creationProblem(uri('annotations/dangling.yaml'))), /dangling\.yaml exists already/);
    assert.match(String(await host.creationProblem(uri('annotations/actors.yaml/inner.yaml'))), /cannot be created \(ENOTDIR\)/);
  });

  it('refuses a path whose way leads out of the workspace through a linked folder', async () => {
    assert.match(String(await host.creationProblem(uri('annotations/linked/new.yaml'))), /linked leads outside the workspace \(to .*elsewhere\)/);
    assert.match(String(await host.creationProblem(uri('annotations/linked/deeper/new.yaml'))), /linked leads outside the workspace/);
    assert.match(String(await host.creationProblem(uri('annotations/dangling-folder/new.yaml'))), /dangling-folder is a link to a place that does not exist/);
    assert.match(String(await host.creationProblem(URI.file(path.join(outside.dir, 'new.yaml')).toString())), /leads outside the workspace/);
    assert.match(String(await host.creationProblem('untitled:Untitled-1')), /not a file on disk/);
    assert.equal(existsSync(path.join(outside.dir, 'elsewhere', 'new.yaml')), false);
  });
});
