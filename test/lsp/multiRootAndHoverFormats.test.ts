import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, ConfigurationParams, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fixture, fixtureOnDisk } from '../helpers/fixture';
import type { TempWorkspace } from '../helpers/tempWorkspace';
import { positionAt } from './corpusWorkspace';
import { fileUri, LspTestClient } from './lspTestClient';

// Two workspace folders, each with its own root (annotations/, notes/), actors, text and a claim about an unknown actor.
const FOLDER_A = fixture(`
-- annotations/texts/a.txt --
The ISI backs the Taliban.
-- annotations/actors.yaml --
actors:
  - id: isi
    name: Inter-Services Intelligence
    kind: intelligence-agency
    aliases: [ISI]
-- annotations/a.yaml --
text: texts/a.txt
claims:
  - id: isi-backs
    claimant: isi
    quote: backs the Taliban
    about: [cia]
`);
const FOLDER_B = fixture(`
-- notes/texts/b.txt --
NATO left Kabul.
-- notes/actors.yaml --
actors:
  - id: nato
    name: North Atlantic Treaty Organization
    kind: international-organization
    aliases: [NATO]
-- notes/b.yaml --
text: texts/b.txt
claims:
  - id: nato-left
    claimant: nato
    quote: left Kabul
    about: [cia]
`);
const TEXT_A = FOLDER_A['annotations/texts/a.txt'];
const TEXT_B = FOLDER_B['notes/texts/b.txt'];
const CLAIMS_A = FOLDER_A['annotations/a.yaml'];

async function waitForIndexing(client: LspTestClient): Promise<void> {
  await client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end');
}

describe('a multi-root workspace: every folder is served, each with its own settings', () => {
  let a: TempWorkspace;
  let b: TempWorkspace;
  let client: LspTestClient;
  const configurationAsked: string[] = [];

  before(async () => {
    // Folder A keeps the default root `annotations`; folder B's settings put its annotations under `notes` and silence unknown actors.
    a = fixtureOnDisk(FOLDER_A);
    b = fixtureOnDisk(FOLDER_B);
    ({ client } = await LspTestClient.start({ workspaceFolder: a.dir, moreWorkspaceFolders: [b.dir], pullDiagnostics: false, pullConfiguration: true }));
    // Set before any message is read: the server's configuration requests arrive in later I/O callbacks.
    client.answer = (method, params) => {
      if (method !== 'workspace/configuration') return undefined;
      return (params as ConfigurationParams).items.map((item) => {
        configurationAsked.push(item.scopeUri ?? '');
        return item.scopeUri === fileUri(b.dir) ? { roots: ['notes'], severity: { 'unknown-actor': 'off' } } : { roots: ['annotations'], severity: {} };
      });
    };
    await waitForIndexing(client);
  });

  after(async () => {
    await client?.stop();
    a?.dispose();
    b?.dispose();
  });

  it('asks for the settings of every folder', () => {
    assert.deepEqual([...new Set(configurationAsked)].sort(), [fileUri(a.dir), fileUri(b.dir)].sort());
  });

  it('hovers in the texts of both folders, each with its own actors', async () => {
    const hoverA = await client.request<Hover>('textDocument/hover', { textDocument: { uri: fileUri(path.join(a.dir, 'annotations/texts/a.txt')) }, position: positionAt(TEXT_A, 5) });
    assert.match((hoverA.contents as MarkupContent).value, /\*\*Inter-Services Intelligence\*\*/);
    const hoverB = await client.request<Hover>('textDocument/hover', { textDocument: { uri: fileUri(path.join(b.dir, 'notes/texts/b.txt')) }, position: positionAt(TEXT_B, 1) });
    assert.match((hoverB.contents as MarkupContent).value, /\*\*North Atlantic Treaty Organization\*\*/);
  });

  it('checks each folder with its own settings', async () => {
    const inA = await client.waitForPushedDiagnostics(fileUri(path.join(a.dir, 'annotations/a.yaml')), (d) => d.some((x) => x.code === 'unknown-actor'), 'with unknown-actor');
    assert.ok(inA.some((d) => String(d.message).includes('cia')));
    // B's annotations are indexed (its root comes from its own settings) and its unknown-actor severity is off.
    const actorsB = await client.request<{ actors: { id: string }[] }>('policyAnnotator/actors', { uri: fileUri(b.dir) });
    assert.deepEqual(actorsB.actors.map((actor) => actor.id), ['nato']);
    await client.waitForPushedDiagnostics(fileUri(path.join(b.dir, 'notes/b.yaml')), (d) => !d.some((x) => x.code === 'unknown-actor'), 'without unknown-actor');
    const actorsA = await client.request<{ actors: { id: string }[] }>('policyAnnotator/actors', { uri: fileUri(a.dir) });
    assert.deepEqual(actorsA.actors.map((actor) => actor.id), ['isi']);
  });
});

describe('a client that cannot pull settings gets each folder’s settings from initializationOptions', () => {
  let a: TempWorkspace;
  let b: TempWorkspace;
  let client: LspTestClient;

  before(async () => {
    a = fixtureOnDisk(FOLDER_A);
    b = fixtureOnDisk(FOLDER_B);
    const initializationOptions = { settings: { roots: ['annotations'] }, folderSettings: { [fileUri(b.dir)]: { roots: ['notes'] } } };
    ({ client } = await LspTestClient.start({ workspaceFolder: a.dir, moreWorkspaceFolders: [b.dir], pullDiagnostics: false, initializationOptions }));
    await waitForIndexing(client);
  });

  after(async () => {
    await client?.stop();
    a?.dispose();
    b?.dispose();
  });

  it('indexes folder B under its own root and folder A under the shared one', async () => {
    const actorsB = await client.request<{ actors: { id: string }[] }>('policyAnnotator/actors', { uri: fileUri(b.dir) });
    assert.deepEqual(actorsB.actors.map((actor) => actor.id), ['nato']);
    const actorsA = await client.request<{ actors: { id: string }[] }>('policyAnnotator/actors', { uri: fileUri(a.dir) });
    assert.deepEqual(actorsA.actors.map((actor) => actor.id), ['isi']);
  });
});

describe('hover content follows the client’s contentFormat', () => {
  let workspace: TempWorkspace;
  const hostileActors = ['actors:', '  - id: isi', '    name: "**ISI** <img src=x>"', '    kind: "[k](command:x)"', '    aliases: [ISI]', '    description: "![pixel](https://evil.example/p.png)"', ''].join('\n');

  before(() => {
    workspace = fixtureOnDisk(FOLDER_A, { 'annotations/actors.yaml': hostileActors });
  });
  after(() => workspace?.dispose());

  async function hoverWith(contentFormat: string[] | undefined): Promise<MarkupContent> {
    const { client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false, ...(contentFormat ? { hoverContentFormat: contentFormat } : {}) });
    try {
      await waitForIndexing(client);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: fileUri(path.join(workspace.dir, 'annotations/texts/a.txt')) }, position: positionAt(TEXT_A, 5) });
      return hover.contents as MarkupContent;
    } finally {
      await client.stop();
    }
  }

  it('sends a real plain-text card to a client that accepts only plain text', async () => {
    const contents = await hoverWith(['plaintext']);
    assert.equal(contents.kind, 'plaintext');
    assert.match(contents.value, /^\*\*ISI\*\* <img src=x> · \[k\]\(command:x\) · isi$/m, 'the name and kind exactly as written, nothing added');
    assert.match(contents.value, /^Claims in this text: 1 claim by it, 0 claims about it$/m);
    assert.doesNotMatch(contents.value, /\\|`|\*Claims|\]\(file:/, 'no Markdown escapes, code spans, emphasis or links');
  });

  it('follows the order of preference: plain text first means plain text', async () => {
    const contents = await hoverWith(['plaintext', 'markdown']);
    assert.equal(contents.kind, 'plaintext');
    assert.match(contents.value, /^\*\*ISI\*\* <img src=x> · \[k\]\(command:x\) · isi$/m);
  });

  it('sends escaped Markdown to a client that accepts Markdown', async () => {
    const contents = await hoverWith(['markdown', 'plaintext']);
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /^\*\*\\\*\\\*ISI\\\*\\\* \\<img src=x\\>\*\* · \\\[k\\\]\(command:x\) · `isi`$/m);
  });

  it('gives completion documentation (workspace descriptions) as plain text, even to a Markdown client', async () => {
    const { client } = await LspTestClient.start({ workspaceFolder: workspace.dir, pullDiagnostics: false });
    try {
      await waitForIndexing(client);
      const at = CLAIMS_A.indexOf('claimant: isi') + 'claimant: '.length;
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: fileUri(path.join(workspace.dir, 'annotations/a.yaml')) }, position: positionAt(CLAIMS_A, at) });
      const isi = list.items.find((item) => item.label === 'isi');
      assert.deepEqual(isi?.documentation, { kind: 'plaintext', value: '![pixel](https://evil.example/p.png)' });
    } finally {
      await client.stop();
    }
  });
});
