// policyAnnotator/writeExport over real JSON-RPC: the language server writes
// an export into the folder the editor names, with the CLI's export writer
// (all or nothing, never through a link); a refusal reaches the client as
// the writer words it, and nothing is written.
import assert from 'node:assert/strict';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExportRequest, WriteExportRequest, type ExportResponse, type WriteExportParams, type WriteExportResponse } from '../../server/src/protocol';
import { createTempWorkspace, REPO_ROOT } from '../helpers/tempWorkspace';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';
import { fileUri, LspTestClient } from './lspTestClient';

const MANIFEST = '.policy-annotator-export.json';

function listTree(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listTree(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

describe('policyAnnotator/writeExport: the server writes exports with the CLI’s writer', () => {
  const workspace = createTempWorkspace({
    'annotations/texts/a.txt': threeActorsArticle(),
    'annotations/actors.yaml': threeActorsYaml(),
    // The second quote is not in the text: the export warns about it.
    'annotations/a.yaml': 'text: texts/a.txt\nclaims:\n  - claimant: imran-khan\n    quote: normal civilians\n  - claimant: isi\n    quote: words nobody wrote\n',
  });
  /** Where the exports go, apart from the workspace; `outside` is what a planted link aims at. */
  const exports = mkdtempSync(path.join(tmpdir(), 'policy-annotator-exports-'));
  const outside = mkdtempSync(path.join(tmpdir(), 'policy-annotator-outside-'));
  let client: LspTestClient;
  const writeExport = (params: WriteExportParams) => client.request<WriteExportResponse>(WriteExportRequest.method, params);
  const refusal = (response: WriteExportResponse): string => {
    if (response.ok || !response.refused) assert.fail(`expected a refusal, got ${JSON.stringify(response)}`);
    return response.message;
  };

  before(async () => {
    ({ client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false }));
  });
  after(async () => {
    await client.stop();
    workspace.dispose();
    rmSync(exports, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('writes the files of policyAnnotator/export, and the manifest, into a new folder', async () => {
    const out = path.join(exports, 'brat');
    const response = await writeExport({ format: 'brat', outputFolder: fileUri(out) });
    if (!response.ok) assert.fail(response.message);
    const expected = await client.request<ExportResponse>(ExportRequest.method, { format: 'brat' });
    if (!expected.ok) assert.fail(expected.message);
    assert.equal(response.written, expected.files.length);
    assert.deepEqual(response.removed, []);
    assert.deepEqual(response.counts, expected.counts);
    assert.ok(response.warnings.length > 0 && response.warnings.every((warning) => warning.location?.uri === fileUri(path.join(workspace.dir, 'annotations', 'a.yaml'))), JSON.stringify(response.warnings));
    assert.deepEqual(response.warnings, expected.warnings);
    assert.deepEqual(listTree(out), [...expected.files.map((file) => file.path), MANIFEST].sort());
    for (const file of expected.files) assert.equal(readFileSync(path.join(out, file.path), 'utf8'), file.content, file.path);
  });

  it('refreshes an earlier export of the same format, and refuses another format there, leaving it as it was', async () => {
    const out = path.join(exports, 'again');
    const first = await writeExport({ format: 'brat', outputFolder: fileUri(out) });
    assert.equal(first.ok, true, JSON.stringify(first));
    const before = listTree(out);
    const again = await writeExport({ format: 'brat', outputFolder: fileUri(out) });
    assert.equal(again.ok, true, JSON.stringify(again));
    assert.deepEqual(listTree(out), before);

    const message = refusal(await writeExport({ format: 'w3c', outputFolder: fileUri(out) }));
    assert.match(message, /holds a brat export\. Export w3c to another folder \(or remove that one first\); nothing was written\./);
    assert.deepEqual(listTree(out), before, 'nothing was written');
  });

  it('refuses a planted export folder whose subfolder links outside, and writes nothing through the link', async () => {
    const target = path.join(outside, 'write-target');
    mkdirSync(target);
    const out = path.join(exports, 'planted');
    mkdirSync(out);
    writeFileSync(path.join(out, MANIFEST), JSON.stringify({ tool: 'policy-annotator export', format: 'brat', files: {} }));
    symlinkSync(target, path.join(out, 'annotations'));
    const message = refusal(await writeExport({ format: 'brat', outputFolder: fileUri(out) }));
    assert.match(message, /holds symbolic links \(annotations\)\. An export is written only into real folders, never through a link/);
    assert.deepEqual(listTree(target), [], 'nothing was written through the link');
    assert.ok(lstatSync(path.join(out, 'annotations')).isSymbolicLink(), 'the planted link is left as it was');
  });

  it('refuses an output folder that is itself a link', async () => {
    const target = path.join(outside, 'linked-target');
    mkdirSync(target);
    const out = path.join(exports, 'linked-out');
    symlinkSync(target, out);
    const message = refusal(await writeExport({ format: 'network', outputFolder: fileUri(out) }));
    assert.match(message, /linked-out is a symbolic link \(to .*linked-target\)\. An export is written only into a real folder, never through a link/);
    assert.deepEqual(listTree(target), []);
  });

  it('refuses a folder that is not on this machine’s disk, as the VS Code command did', async () => {
    const message = refusal(await writeExport({ format: 'brat', outputFolder: 'vscode-vfs://github/owner/repo/out' }));
    assert.equal(message, "vscode-vfs://github/owner/repo/out is not a folder on this machine's disk; choose a folder on disk to export into. Nothing was written.");
  });

  it('answers a request without an output folder, or with an unknown format, with a message and no refusal', async () => {
    const missing = await client.request<WriteExportResponse>(WriteExportRequest.method, { format: 'brat' });
    assert.deepEqual(missing, { ok: false, message: 'policyAnnotator/writeExport needs an outputFolder: the file: URI of the folder to write into.' });
    const unknown = await writeExport({ format: 'pdf' as 'brat', outputFolder: fileUri(path.join(exports, 'pdf')) });
    assert.equal(unknown.ok, false);
    assert.ok(!unknown.ok && !unknown.refused && /use one of w3c, brat, network/.test(unknown.message), JSON.stringify(unknown));
    assert.ok(!existsSync(path.join(exports, 'pdf')));
  });
});

describe('the VS Code client', () => {
  it('writes no file itself: its export commands send policyAnnotator/writeExport', () => {
    const clientSource = path.join(REPO_ROOT, 'client', 'src');
    const sources = readdirSync(clientSource, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    assert.ok(sources.length > 10, sources.join(', '));
    for (const file of sources) {
      assert.doesNotMatch(readFileSync(path.join(clientSource, file), 'utf8'), /from '(node:)?fs(\/promises)?'|workspace\.fs\.(writeFile|delete|createDirectory|rename|copy)/, file);
    }
    assert.match(readFileSync(path.join(clientSource, 'exports', 'exportCommands.ts'), 'utf8'), /server\.sendRequest\(WriteExportRequest, /);
  });
});
