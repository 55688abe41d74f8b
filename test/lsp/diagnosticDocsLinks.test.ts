import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { diagnosticDocsUrl } from '../../server/src/core';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import { fileUri, LspTestClient } from './lspTestClient';

const FILES = {
  'annotations/texts/article.txt': 'The ISI backs the Taliban.\n',
  'annotations/actors.yaml': 'actors:\n  - id: isi\n    name: Inter-Services Intelligence\n    kind: intelligence-agency\n    aliases: [ISI]\n',
  'annotations/claims.yaml': 'text: texts/article.txt\nclaims:\n  - id: backs\n    claimant: is1\n    quote: The ISI backs the Taliban.\n',
};

/**
 * A diagnostic's code links to its section of docs/checks.md
 * (`codeDescription.href`) exactly when the client says it can show such a
 * link; a client that does not declare `codeDescriptionSupport` gets none.
 */
for (const mode of ['push', 'pull'] as const) {
  for (const supported of [true, false]) {
    describe(`diagnostic code links (${mode} diagnostics, codeDescriptionSupport ${supported ? 'declared' : 'not declared'})`, () => {
      let workspace: TempWorkspace;
      let client: LspTestClient;
      const claimsUri = () => fileUri(path.join(workspace.dir, 'annotations/claims.yaml'));

      before(async () => {
        workspace = createTempWorkspace(FILES);
        ({ client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: mode === 'pull', codeDescriptionSupport: supported }));
      });

      after(async () => {
        await client?.stop();
        workspace?.dispose();
      });

      const diagnosticsOfClaims = async (): Promise<Diagnostic[]> => {
        if (mode === 'push') return client.waitForPushedDiagnostics(claimsUri(), (d) => d.length > 0, 'the unknown claimant');
        const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: claimsUri() } });
        return report.kind === 'full' ? report.items : [];
      };

      it(supported ? 'links each diagnostic to its section of docs/checks.md' : 'sends no codeDescription', async () => {
        const diagnostics = await diagnosticsOfClaims();
        const unknown = diagnostics.find((d) => d.code === 'unknown-actor');
        assert.ok(unknown, `an unknown-actor diagnostic among ${JSON.stringify(diagnostics)}`);
        if (supported) {
          assert.deepEqual(unknown.codeDescription, { href: 'https://github.com/policy-annotator/policy-annotator/blob/main/docs/checks.md#unknown-actor' });
          for (const diagnostic of diagnostics) assert.equal(diagnostic.codeDescription?.href, diagnosticDocsUrl(String(diagnostic.code)));
        } else {
          assert.ok(diagnostics.every((d) => d.codeDescription === undefined), JSON.stringify(diagnostics));
        }
      });
    });
  }
}
