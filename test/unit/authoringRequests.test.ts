// The custom requests behind the editor's annotation commands and Actors
// view, and the editor settings, through the real server process over
// JSON-RPC (the same client the LSP tests use).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeConfigurationNotification, type Diagnostic, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import {
  ActorActivityRequest,
  ActorsRequest,
  AddAliasRequest,
  AnnotateClaimRequest,
  CreateActorRequest,
  IndexChangedNotification,
  type ActorActivityResult,
  type ActorsResult,
  type AuthoringResponse,
} from '../../server/src/protocol';
import { DEFAULT_LIMITS } from '../../server/src/core';
import { configTextFromSettings, readEditorSettings } from '../../server/src/lsp/clientSettings';
import { copyCorpus, positionAt, type CorpusCopy } from '../lsp/corpusWorkspace';
import { fileUri, LspTestClient, serveWorkspace } from '../lsp/lspTestClient';
import { createTempWorkspace } from '../helpers/tempWorkspace';

const TEXT = 'annotations/texts/pakistan-taliban-qa.txt';
const ANNOTATION = 'annotations/pakistan-taliban-qa.yaml';

/** Applies one file's edits of a WorkspaceEdit to its text (as the editor would). */
function applyWorkspaceEdit(edit: WorkspaceEdit, uri: string, text: string): string {
  const changes = (edit.documentChanges ?? []).filter((change): change is TextDocumentEdit => 'textDocument' in change && change.textDocument.uri === uri);
  assert.equal(changes.length, 1, `one TextDocumentEdit for ${uri}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), changes[0].edits as TextEdit[]);
}

function ok(response: AuthoringResponse): Extract<AuthoringResponse, { ok: true }> {
  if (!response.ok) assert.fail(response.message);
  return response;
}

describe('custom requests for the editor', () => {
  let corpus: CorpusCopy;
  let client: LspTestClient;
  let text: string;

  const session = serveWorkspace(copyCorpus, { pullDiagnostics: false, ready: (started) => started.waitForMessage(IndexChangedNotification.method, 0) });
  before(async () => {
    ({ workspace: corpus, client } = session);
    text = corpus.read(TEXT);
    await client.open(corpus.uri(TEXT), text);
  });

  it('lists the actors with their locations, counts and the vocabularies', async () => {
    const result = await client.request<ActorsResult>(ActorsRequest.method, {});
    assert.equal(result.ready, true);
    assert.equal(result.actors.length, 47);
    const isi = result.actors.find((actor) => actor.id === 'isi')!;
    assert.equal(isi.name, 'Inter-Services Intelligence (ISI)');
    assert.equal(isi.location.uri, corpus.uri('annotations/actors.yaml'));
    const actorsYaml = corpus.read('annotations/actors.yaml').split('\n');
    assert.match(actorsYaml[isi.location.range.start.line], /id: isi$/);
    assert.ok(isi.mentions > 0 && isi.aliases.includes('ISI'));
    assert.ok(result.actorKinds.includes('intelligence-agency') && result.claimTypes.includes('denial') && result.stances.includes('supports'));
    assert.ok(result.concepts.some((concept) => concept.id === 'pakistan-supports-taliban'));
  });

  it('gives an actor’s claims and mentions with locations in the text', async () => {
    const result = await client.request<ActorActivityResult>(ActorActivityRequest.method, { id: 'imran-khan' });
    const claim = result.claims.find((c) => c.id === 'khan-taliban-normal-civilians')!;
    assert.equal(claim.location.uri, corpus.uri(ANNOTATION));
    assert.equal(claim.textLocation?.uri, corpus.uri(TEXT));
    const mention = result.mentions.find((m) => m.source === 'explicit')!;
    const lines = text.split('\n');
    assert.equal(lines[mention.location.range.start.line].slice(mention.location.range.start.character, mention.location.range.end.character), 'Taliban Khan');
  });

  it('answers "annotate claim" with a versionless edit that appends the claim, keeping the file’s comments', async () => {
    const quote = 'the ISI has been the militant group’s principal external patron';
    const start = text.indexOf(quote);
    const since = client.mark();
    const response = ok(await client.request<AuthoringResponse>(AnnotateClaimRequest.method, {
      textDocument: { uri: corpus.uri(TEXT) },
      range: { start: positionAt(text, start), end: positionAt(text, start + quote.length) },
      claimant: 'aqil-shah',
      about: ['isi', 'taliban'],
      type: 'assertion',
    }));
    const before = corpus.read(ANNOTATION);
    const after = applyWorkspaceEdit(response.edit, corpus.uri(ANNOTATION), before);
    const edits = (response.edit.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range.start, edits[0].range.end, 'an insertion only: every comment and line of the file stays as it was');
    assert.equal(after.length - before.length, edits[0].newText.length);
    const revealed = after.split('\n')[response.reveal.start.line];
    assert.match(revealed, /^ {2}- id: aqil-shah-isi-militant-group/);
    assert.equal(response.uri, corpus.uri(ANNOTATION));
    // The editor opens the file with the edit applied; the server re-indexes it and tells the client.
    await client.open(corpus.uri(ANNOTATION), after);
    await client.waitForMessage(IndexChangedNotification.method, since);
    const activity = await client.request<ActorActivityResult>(ActorActivityRequest.method, { id: 'aqil-shah' });
    const written = activity.claims.find((claim) => claim.id?.startsWith('aqil-shah-isi-militant-group'))!;
    assert.equal(written.textLocation?.range.start.line, positionAt(text, start).line);
  });

  it('carries the version of an open document (none for a closed one), and refuses with a message rather than an error', async () => {
    const alias = 'premiere intelligence agency';
    const start = text.indexOf(alias);
    const response = ok(await client.request<AuthoringResponse>(AddAliasRequest.method, {
      textDocument: { uri: corpus.uri(TEXT) },
      range: { start: positionAt(text, start), end: positionAt(text, start + alias.length) },
      actor: 'isi',
    }));
    const change = response.edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.uri, corpus.uri('annotations/actors.yaml'));
    assert.equal(change.textDocument.version, null, 'actors.yaml is not open in the editor');
    assert.match(applyWorkspaceEdit(response.edit, corpus.uri('annotations/actors.yaml'), corpus.read('annotations/actors.yaml')), / {6}- premiere intelligence agency\n/);

    await client.open(corpus.uri('annotations/actors.yaml'), corpus.read('annotations/actors.yaml'));
    const again = ok(await client.request<AuthoringResponse>(AddAliasRequest.method, {
      textDocument: { uri: corpus.uri(TEXT) },
      range: { start: positionAt(text, start), end: positionAt(text, start + alias.length) },
      actor: 'isi',
    }));
    assert.equal((again.edit.documentChanges![0] as TextDocumentEdit).textDocument.version, 1, 'the edit is for the version the editor has open');

    const refused = await client.request<AuthoringResponse>(CreateActorRequest.method, {
      textDocument: { uri: corpus.uri(TEXT) },
      range: { start: positionAt(text, start), end: positionAt(text, start + alias.length) },
      kind: 'think-tank',
    });
    assert.deepEqual(refused, { ok: false, message: '`think-tank` is not an actor kind; use one of: person, organization, government, military, intelligence-agency, armed-group, political-party, movement, state, international-organization, media, population.' });
  });
});

describe('creating files and the editor settings', () => {
  it('creates the annotation file in the same edit, and reads roots and severities from the settings when there is no policy-annotator.yaml', async () => {
    const workspace = createTempWorkspace({
      'corpus/actors.yaml': 'actors:\n  - id: isi\n    name: ISI\n    kind: intelligence-agency\n    aliases: [ISI]\n',
      'corpus/a.yaml': 'text: a.txt\nclaims:\n  - id: gone\n    claimant: isi\n    quote: words that are not there\n',
      'corpus/a.txt': 'The ISI said nothing.',
      'reports/b.txt': 'The ISI denied it.',
    });
    const { client } = await LspTestClient.start({
      workspaceFolder: workspace.dir,
      pullDiagnostics: false,
      initializationOptions: { settings: { roots: ['corpus', '../outside'], severity: { 'quote-not-found': 'warning', 'no-such-code': 'off' } } },
    });
    try {
      const uri = (relative: string) => fileUri(path.join(workspace.dir, relative));
      await client.waitForMessage(IndexChangedNotification.method, 0);
      const diagnostics = await client.waitForPushedDiagnostics(uri('corpus/a.yaml'), (list) => list.some((d) => d.code === 'quote-not-found'), 'with quote-not-found');
      assert.equal(diagnostics.find((d) => d.code === 'quote-not-found')!.severity, 2, 'the severity setting made it a warning');
      const warnings = client.received.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message).join('\n');
      assert.match(warnings, /"\.\.\/outside".*ignored/);
      assert.match(warnings, /`no-such-code`, which is not a diagnostic code/);

      const text = 'The ISI denied it.';
      await client.open(uri('reports/b.txt'), text);
      const response = ok(await client.request<AuthoringResponse>(AnnotateClaimRequest.method, {
        textDocument: { uri: uri('reports/b.txt') },
        range: { start: positionAt(text, 0), end: positionAt(text, text.length) },
        claimant: 'isi',
        type: 'denial',
      }));
      assert.equal(response.uri, uri('corpus/b.yaml'));
      assert.deepEqual(response.edit.documentChanges![0], { kind: 'create', uri: uri('corpus/b.yaml'), options: { overwrite: false, ignoreIfExists: false } });
      const fill = response.edit.documentChanges![1] as TextDocumentEdit;
      assert.equal((fill.edits[0] as TextEdit).newText, 'text: ../reports/b.txt\nclaims:\n  - id: isi-denied\n    claimant: isi\n    quote: The ISI denied it.\n    type: denial\n');

      // Changed settings (pushed, as this client has no workspace/configuration) re-index the folder.
      const since = client.mark();
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { policyAnnotator: { roots: ['corpus'], severity: { 'quote-not-found': 'off' } } } });
      await client.waitForPushedDiagnostics(uri('corpus/a.yaml'), (list: Diagnostic[]) => !list.some((d) => d.code === 'quote-not-found'), 'without quote-not-found');
      assert.ok(client.mark() > since);

      // A policy-annotator.yaml wins over the settings.
      writeFileSync(path.join(workspace.dir, 'policy-annotator.yaml'), 'roots: [corpus]\n');
      await client.filesChangedOnDisk([{ uri: uri('policy-annotator.yaml'), type: 'created' }]);
      await client.waitForPushedDiagnostics(uri('corpus/a.yaml'), (list) => list.some((d) => d.code === 'quote-not-found' && d.severity === 1), 'with quote-not-found as an error again');
      assert.equal(readFileSync(path.join(workspace.dir, 'policy-annotator.yaml'), 'utf8'), 'roots: [corpus]\n');
    } finally {
      await client.stop();
      workspace.dispose();
    }
  });

  it('turns settings into the configuration they stand for, keeping only valid values', () => {
    const warnings: string[] = [];
    const settings = readEditorSettings({ roots: ['texts/annotations/', '/etc', 'C:/x', 'a/../b', 7], severity: { 'quote-ambiguous': 'warning', 'alias-unused': 'loud' } }, (m) => warnings.push(m));
    assert.deepEqual(settings, { roots: ['texts/annotations'], severity: { 'quote-ambiguous': 'warning' }, limits: DEFAULT_LIMITS });
    assert.equal(warnings.length, 5);
    assert.equal(configTextFromSettings(readEditorSettings(undefined)), undefined);
    assert.equal(configTextFromSettings(readEditorSettings({ roots: ['annotations'], severity: {} })), undefined);
    assert.match(configTextFromSettings(settings)!, /\nroots: \[texts\/annotations\]\nseverity:\n {2}quote-ambiguous: warning\n$/);
  });
});
