import assert from 'node:assert/strict';
import { renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { fixture, fixtureOnDisk } from '../helpers/fixture';
import type { TempWorkspace } from '../helpers/tempWorkspace';
import { threeActorsYaml } from '../helpers/threeActors';
import { positionAt } from './corpusWorkspace';
import { fileUri, LspTestClient } from './lspTestClient';

// The three actors (test/fixtures/three-actors.txtar), an article with straight quotes and one claim.
const FILES = fixture(
  { 'annotations/actors.yaml': threeActorsYaml() },
  `
-- annotations/texts/article.txt --
The ISI backs the Taliban. Imran Khan said the Taliban are "normal civilians." The ISI denies it.
-- annotations/claims.yaml --
text: texts/article.txt
claims:
  - id: khan-civilians
    claimant: imran-khan
    quote: the Taliban are "normal civilians."
    about: [taliban]
`,
);
const ARTICLE = FILES['annotations/texts/article.txt'];
const ACTORS = FILES['annotations/actors.yaml'];
const CLAIMS = FILES['annotations/claims.yaml'];

const codesOf = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));

for (const mode of ['push', 'pull'] as const) {
  describe(`live diagnostics across files (${mode} diagnostics)`, () => {
    let workspace: TempWorkspace;
    let client: LspTestClient;
    const uri = (relative: string) => fileUri(path.join(workspace.dir, relative));

    /** Waits until the file's diagnostics fit: pushed ones as they arrive, or pulled after each refresh request. */
    const waitForDiagnostics = async (relative: string, predicate: (codes: string[]) => boolean, description: string): Promise<Diagnostic[]> => {
      if (mode === 'push') return client.waitForPushedDiagnostics(uri(relative), (d) => predicate(codesOf(d)), description);
      let latest: Diagnostic[] = [];
      for (;;) {
        const mark = client.mark();
        const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uri(relative) } });
        latest = report.kind === 'full' ? report.items : latest;
        if (predicate(codesOf(latest))) return latest;
        await client.waitForMessage('workspace/diagnostic/refresh', mark);
      }
    };

    before(async () => {
      workspace = fixtureOnDisk(FILES);
      ({ client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: mode === 'pull' }));
      await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
    });

    after(async () => {
      await client?.stop();
      workspace?.dispose();
    });

    if (mode === 'pull') {
      it('leaves clean files the client has no report for out of workspace/diagnostic, and clears files that became clean', async () => {
        const first = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
        // Every file of this workspace is clean, so the first report lists none of them (files with problems: sampleCorpus.test.ts).
        assert.deepEqual(first.items, []);
        // A client that holds a report for a clean file gets it cleared, not left out.
        const previousResultIds = [{ uri: uri('annotations/claims.yaml'), value: 'an-old-result' }];
        const second = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
        const claims = second.items.find((item) => item.uri === uri('annotations/claims.yaml'));
        assert.deepEqual(claims && claims.kind === 'full' ? claims.items : undefined, []);
      });
    }

    it('asks the editor to watch files on disk', async () => {
      const registration = (await client.waitForMessage('client/registerCapability', 0)) as { registrations: { method: string }[] };
      assert.ok(registration.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    });

    it('re-checks every reference when the actors file is edited, without saving', async () => {
      await client.open(uri('annotations/actors.yaml'), ACTORS);
      const idAt = ACTORS.indexOf('id: imran-khan') + 4;
      const range = { start: positionAt(ACTORS, idAt), end: positionAt(ACTORS, idAt + 'imran-khan'.length) };
      await client.change(uri('annotations/actors.yaml'), range, 'khan');
      const diagnostics = await waitForDiagnostics('annotations/claims.yaml', (codes) => codes.includes('unknown-actor'), 'with the unknown claimant');
      const message = diagnostics.find((d) => d.code === 'unknown-actor')!.message;
      assert.match(typeof message === 'string' ? message : message.value, /imran-khan/);

      await client.change(uri('annotations/actors.yaml'), { start: range.start, end: positionAt(ACTORS.replace('imran-khan', 'khan'), idAt + 4) }, 'imran-khan');
      await waitForDiagnostics('annotations/claims.yaml', (codes) => !codes.includes('unknown-actor'), 'cleared');
      await client.close(uri('annotations/actors.yaml'));
    });

    it('picks up an annotation file created and then deleted on disk', async () => {
      workspace.write('annotations/more.yaml', 'text: texts/article.txt\nclaims:\n  - id: isi-denies\n    claimant: nobody-known\n    quote: The ISI denies it.\n');
      await client.filesChangedOnDisk([{ uri: uri('annotations/more.yaml'), type: 'created' }]);
      await waitForDiagnostics('annotations/more.yaml', (codes) => codes.includes('unknown-actor'), 'for the new file');

      rmSync(path.join(workspace.dir, 'annotations/more.yaml'));
      await client.filesChangedOnDisk([{ uri: uri('annotations/more.yaml'), type: 'deleted' }]);
      await waitForDiagnostics('annotations/more.yaml', (codes) => codes.length === 0, 'cleared once the file is gone');
    });

    it('follows an annotation file renamed on disk (a delete and a create)', async () => {
      workspace.write('annotations/old-name.yaml', 'text: texts/article.txt\nclaims:\n  - id: renamed-claim\n    claimant: nobody-known\n    quote: The ISI denies it.\n');
      await client.filesChangedOnDisk([{ uri: uri('annotations/old-name.yaml'), type: 'created' }]);
      await waitForDiagnostics('annotations/old-name.yaml', (codes) => codes.includes('unknown-actor'), 'for the file under its old name');

      renameSync(path.join(workspace.dir, 'annotations/old-name.yaml'), path.join(workspace.dir, 'annotations/new-name.yaml'));
      await client.filesChangedOnDisk([{ uri: uri('annotations/old-name.yaml'), type: 'deleted' }, { uri: uri('annotations/new-name.yaml'), type: 'created' }]);
      await waitForDiagnostics('annotations/new-name.yaml', (codes) => codes.includes('unknown-actor'), 'for the file under its new name');
      await waitForDiagnostics('annotations/old-name.yaml', (codes) => codes.length === 0, 'cleared under the old name');
      rmSync(path.join(workspace.dir, 'annotations/new-name.yaml'));
      await client.filesChangedOnDisk([{ uri: uri('annotations/new-name.yaml'), type: 'deleted' }]);
      await waitForDiagnostics('annotations/new-name.yaml', (codes) => codes.length === 0, 'cleared once deleted');
    });

    it('notices a text that is deleted, then created again, on disk', async () => {
      rmSync(path.join(workspace.dir, 'annotations/texts/article.txt'));
      await client.filesChangedOnDisk([{ uri: uri('annotations/texts/article.txt'), type: 'deleted' }]);
      await waitForDiagnostics('annotations/claims.yaml', (codes) => codes.includes('text-not-found'), 'with the missing text');

      workspace.write('annotations/texts/article.txt', ARTICLE);
      await client.filesChangedOnDisk([{ uri: uri('annotations/texts/article.txt'), type: 'created' }]);
      await waitForDiagnostics('annotations/claims.yaml', (codes) => !codes.includes('text-not-found'), 'with the text back');
    });

    it('rebuilds when policy-annotator.yaml is created', async () => {
      workspace.write('annotations/claims.yaml', CLAIMS.replace('claimant: imran-khan', 'claimant: imran'));
      await client.filesChangedOnDisk([{ uri: uri('annotations/claims.yaml'), type: 'changed' }]);
      await waitForDiagnostics('annotations/claims.yaml', (codes) => codes.includes('unknown-actor'), 'with the unknown claimant');

      workspace.write('policy-annotator.yaml', 'severity:\n  unknown-actor: off\n');
      await client.filesChangedOnDisk([{ uri: uri('policy-annotator.yaml'), type: 'created' }]);
      await waitForDiagnostics('annotations/claims.yaml', (codes) => !codes.includes('unknown-actor'), 'silenced by the new configuration');
    });

    it("reports the configuration file's own problems, such as a limit the workspace may not raise", async () => {
      workspace.write('policy-annotator.yaml', 'limits:\n  text-size: 4GB\n');
      await client.filesChangedOnDisk([{ uri: uri('policy-annotator.yaml'), type: 'changed' }]);
      const [ignored] = await waitForDiagnostics('policy-annotator.yaml', (codes) => codes.includes('limit-ignored'), 'with limit-ignored');
      assert.equal(ignored.range.start.line, 1);

      workspace.write('policy-annotator.yaml', 'limits:\n  text-size: 1MB\n');
      await client.filesChangedOnDisk([{ uri: uri('policy-annotator.yaml'), type: 'changed' }]);
      await waitForDiagnostics('policy-annotator.yaml', (codes) => codes.length === 0, 'clean after lowering the limit');
    });
  });
}
