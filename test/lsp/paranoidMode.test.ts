// The server in paranoid mode (POLICY_ANNOTATOR_PARANOID=1) over real
// JSON-RPC: it says the mode is on, checks after a sequence of edits (in
// editors and on disk) and logs no difference; the report file named by
// POLICY_ANNOTATOR_PARANOID_LOG holds only its start line.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LogMessageParams } from 'vscode-languageserver-protocol';
import { PARANOID_PREFIX } from '../../server/src/core/live';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import { positionAt } from './corpusWorkspace';
import { fileUri, LspTestClient } from './lspTestClient';

const ARTICLE = 'The ISI backs the Taliban. Imran Khan said the Taliban are "normal civilians." The ISI denies it.\n';
const ACTORS = ['actors:', '  - id: isi', '    name: Inter-Services Intelligence', '    kind: intelligence-agency', '    aliases: [ISI]', '  - id: taliban', '    name: Afghan Taliban', '    kind: armed-group', '    aliases: [Taliban]', ''].join('\n');
const CLAIMS = ['text: texts/article.txt', 'claims:', '  - id: isi-backs', '    claimant: isi', '    quote: backs the Taliban', '    about: [taliban]', ''].join('\n');

describe('the server in paranoid mode', () => {
  let workspace: TempWorkspace;
  let client: LspTestClient;
  let reportFile: string;
  const uri = (relative: string) => fileUri(path.join(workspace.dir, relative));
  const logged = (type: number) => client.received.filter((m) => m.method === 'window/logMessage' && (m.params as LogMessageParams).type === type).map((m) => (m.params as LogMessageParams).message);

  before(async () => {
    workspace = createTempWorkspace({ 'annotations/texts/article.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/claims.yaml': CLAIMS });
    reportFile = path.join(workspace.dir, '..', `${path.basename(workspace.dir)}-paranoid.log`);
    ({ client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false, env: { POLICY_ANNOTATOR_PARANOID: '1', POLICY_ANNOTATOR_PARANOID_LOG: reportFile } }));
    await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
    rmSync(reportFile, { force: true });
  });

  it('logs no difference after edits in editors and on disk', async () => {
    assert.ok(logged(3).some((message) => message.startsWith(`${PARANOID_PREFIX} on.`)), 'the server says paranoid mode is on');
    await client.waitForMessage('window/logMessage', 0, (params) => (params as LogMessageParams).message.includes('checked 3 files after the first indexing: no difference'));

    await client.open(uri('annotations/claims.yaml'), CLAIMS);
    const claimant = CLAIMS.indexOf('claimant: isi') + 'claimant: '.length;
    await client.change(uri('annotations/claims.yaml'), { start: positionAt(CLAIMS, claimant), end: positionAt(CLAIMS, claimant + 3) }, 'nobody');
    const edited = CLAIMS.replace('claimant: isi', 'claimant: nobody');
    await client.waitForPushedDiagnostics(uri('annotations/claims.yaml'), (d) => d.some((x) => x.code === 'unknown-actor'), 'with the unknown claimant');
    await client.change(uri('annotations/claims.yaml'), { start: positionAt(edited, edited.length), end: positionAt(edited, edited.length) }, '  - id: second\n    claimant: taliban\n    quote: The ISI denies it.\n');
    await client.open(uri('annotations/actors.yaml'), ACTORS);
    const alias = ACTORS.indexOf('[ISI]');
    await client.change(uri('annotations/actors.yaml'), { start: positionAt(ACTORS, alias), end: positionAt(ACTORS, alias + 5) }, '[ISI, the agency]');
    workspace.write('annotations/more.yaml', 'text: texts/article.txt\nmentions:\n  - actor: taliban\n    quote: the Taliban are\n');
    await client.filesChangedOnDisk([{ uri: uri('annotations/more.yaml'), type: 'created' }]);
    await client.close(uri('annotations/actors.yaml'));
    await client.open(uri('annotations/texts/article.txt'), ARTICLE);
    const added = ' The agency agreed.';
    const mark = client.mark();
    await client.change(uri('annotations/texts/article.txt'), { start: positionAt(ARTICLE, ARTICLE.length), end: positionAt(ARTICLE, ARTICLE.length) }, added);

    // Checks run after changes, several together when they come quickly: wait for the one that covered the last edit.
    const last = `article.txt changed in an editor: offsets ${ARTICLE.length}–${ARTICLE.length} (0 characters) replaced by ${added.length} characters`;
    const summary = (await client.waitForMessage('window/logMessage', mark, (params) => (params as LogMessageParams).message.includes(last))) as LogMessageParams;
    assert.match(summary.message, /: no difference \(\d+ of \d+ changes checked so far\)$/);
    assert.deepEqual(logged(1).filter((message) => message.startsWith(PARANOID_PREFIX)), []);
    assert.deepEqual(readFileSync(reportFile, 'utf8').split('\n').filter((line) => line !== ''), [`started: language server process ${client.child.pid}`]);
  });
});
