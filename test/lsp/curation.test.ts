import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { fixture, fixtureOnDisk, openFixture } from '../helpers/fixture';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import { fileUri, serveWorkspace, type LspTestClient } from './lspTestClient';

const ACTORS = `actors:
  - {id: isi, name: Inter-Services Intelligence, kind: intelligence-agency, aliases: [ISI]}
  - {id: taliban, name: Afghan Taliban, kind: armed-group, aliases: [Taliban]}
  - {id: imran-khan, name: Imran Khan, kind: person, aliases: [Imran Khan]}
concepts:
  - {id: support, label: Support}
`;
const ARTICLE = 'The ISI backs the Taliban. Imran Khan said the Taliban are “normal civilians.” The ISI denies it.\n';
/** A workspace with the article, the actors and one claims file. */
function workspaceWith(claims: string) {
  return fixture(`
-- annotations/texts/article.txt --
${ARTICLE}
-- annotations/actors.yaml --
${ACTORS}
-- annotations/claims.yaml --
text: texts/article.txt
claims:
${claims}`);
}
const MINE = workspaceWith(`  - id: c1   # my comment
    claimant: isi
    concept: support
    stance: supports
    quote: The ISI backs the Taliban.
`);
const THEIRS = workspaceWith(`  - {id: b1, claimant: isi, concept: support, stance: rejects, quote: The ISI backs the Taliban.}
  - {id: b2, claimant: imran-khan, quote: the Taliban are “normal civilians.”}
`);

describe('curation over LSP: compare with another annotator', () => {
  let workspace: TempWorkspace;
  let other: TempWorkspace;
  let client: LspTestClient;
  let claimsUri: string;
  let textUri: string;

  const session = serveWorkspace(() => fixtureOnDisk(MINE), { pullDiagnostics: true });
  before(async () => {
    ({ workspace, client } = session);
    other = createTempWorkspace(THEIRS);
    const opened = await openFixture(client, workspace.dir, { 'annotations/claims.yaml': MINE['annotations/claims.yaml'] });
    claimsUri = opened['annotations/claims.yaml'];
    textUri = fileUri(`${workspace.dir}/annotations/texts/article.txt`);
  });
  after(() => other?.dispose());

  async function diagnostics(uri: string, code?: string): Promise<Diagnostic[]> {
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const items = report.kind === 'full' ? report.items : [];
    return code ? items.filter((d) => d.code === code) : items;
  }

  function actionsAt(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  }

  it('refuses a revision outside git and a folder that is not mine, with a message', async () => {
    const revision = await client.request<{ ok: boolean; message: string }>('policyAnnotator/compareWith', { folder: fileUri(workspace.dir), other: { kind: 'revision', revision: '--output=/tmp/x' } });
    assert.equal(revision.ok, false);
    assert.match(revision.message, /not inside a git repository|not a git revision/);
    const notMine = await client.request<{ ok: boolean; message: string }>('policyAnnotator/compareWith', { folder: fileUri(other.dir), other: { kind: 'folder', uri: fileUri(workspace.dir) } });
    assert.equal(notMine.ok, false);
    assert.deepEqual(await diagnostics(claimsUri, 'annotator-differs'), []);
  });

  it('compares with a folder: differences appear as information diagnostics on my claim and on the text', async () => {
    const result = await client.request<{ ok: boolean; name: string; differences: number }>('policyAnnotator/compareWith', { folder: fileUri(workspace.dir), other: { kind: 'folder', uri: fileUri(other.dir) } });
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.differences, 2);
    const [differs] = await diagnostics(claimsUri, 'annotator-differs');
    assert.equal(differs.severity, 3);
    assert.equal(differs.range.start.line, 5);
    assert.match(String(differs.message), /gives `stance` the value `rejects` \(yours: `supports`\)/);
    const [only] = await diagnostics(textUri, 'annotator-only');
    assert.match(String(only.message), /has a claim here \(`b2`\)/);
  });

  it('"take their value" is an edit of my buffer; once my claim equals theirs the difference is gone', async () => {
    const [differs] = await diagnostics(claimsUri, 'annotator-differs');
    const actions = await actionsAt(claimsUri, differs);
    assert.deepEqual(actions.map((a) => a.title), [`Take ${other.dir.split('/').pop()}'s stance: rejects`, `Take ${other.dir.split('/').pop()}'s whole claim (keeping your id)`, 'Keep mine (hide this difference while comparing)']);
    const edits = (actions[0].edit!.documentChanges as TextDocumentEdit[]).flatMap((change) => change.edits as TextEdit[]);
    assert.equal(edits.length, 1);
    assert.equal(edits[0].newText, 'rejects');
    await client.change(claimsUri, edits[0].range, edits[0].newText);
    assert.deepEqual(await diagnostics(claimsUri, 'annotator-differs'), []);
  });

  it('"keep mine" runs the dismiss command: the difference disappears for the session', async () => {
    const [only] = await diagnostics(textUri, 'annotator-only');
    const keep = (await actionsAt(textUri, only)).find((a) => a.title.startsWith('Keep mine'))!;
    assert.equal(keep.edit, undefined);
    assert.equal(keep.command!.command, 'policyAnnotator.dismissDifference');
    const answer = await client.request<{ dismissed: boolean }>('workspace/executeCommand', { command: keep.command!.command, arguments: keep.command!.arguments });
    assert.equal(answer.dismissed, true);
    assert.deepEqual(await diagnostics(textUri, 'annotator-only'), []);
  });

  it('stopping the comparison removes its diagnostics', async () => {
    await client.change(claimsUri, { start: { line: 5, character: 12 }, end: { line: 5, character: 19 } }, 'supports');
    assert.equal((await diagnostics(claimsUri, 'annotator-differs')).length, 1);
    assert.deepEqual(await client.request('policyAnnotator/stopComparing', {}), { stopped: true });
    assert.deepEqual(await diagnostics(claimsUri, 'annotator-differs'), []);
  });
});

describe('curation over LSP: compare with a git revision', () => {
  const git = (dir: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'pipe' });
  const session = serveWorkspace(() => {
    const made = fixtureOnDisk(MINE);
    git(made.dir, 'init', '-q');
    git(made.dir, 'add', '.');
    git(made.dir, 'commit', '-qm', 'mine');
    git(made.dir, 'checkout', '-qb', 'annotator/bob');
    writeFileSync(path.join(made.dir, 'annotations/claims.yaml'), THEIRS['annotations/claims.yaml']);
    git(made.dir, 'commit', '-qam', 'bob');
    git(made.dir, 'checkout', '-q', 'main');
    return made;
  }, { pullDiagnostics: true });

  it('loads the revision read-only and shows its differences; an option-like revision is only a bad name', async () => {
    const { client, workspace } = session;
    const folder = fileUri(workspace.dir);
    const bad = await client.request<{ ok: boolean; message: string }>('policyAnnotator/compareWith', { folder, other: { kind: 'revision', revision: '--output=/tmp/pwned' } });
    assert.deepEqual(bad, { ok: false, message: '`--output=/tmp/pwned` is not a git revision here. Give a commit, branch or tag (fetch it first if it is remote).' });
    const result = await client.request<{ ok: boolean; name: string; differences: number }>('policyAnnotator/compareWith', { folder, other: { kind: 'revision', revision: 'annotator/bob' } });
    assert.deepEqual([result.ok, result.name, result.differences], [true, 'annotator/bob', 2]);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: fileUri(path.join(workspace.dir, 'annotations/claims.yaml')) } });
    const differs = (report.kind === 'full' ? report.items : []).filter((d) => d.code === 'annotator-differs');
    assert.match(String(differs[0]?.message), /`annotator\/bob` gives `stance` the value `rejects`/);
  });
});

describe('curation over LSP: a claim of mine they do not have', () => {
  const mine = workspaceWith(`  - {id: c1, claimant: isi, quote: The ISI backs the Taliban.}
  - id: c3   # only I saw this one
    claimant: isi
    quote: The ISI denies it.
`);
  const session = serveWorkspace(() => fixtureOnDisk(mine), { pullDiagnostics: true });
  let other: TempWorkspace;
  before(() => {
    other = createTempWorkspace(workspaceWith('  - {id: b1, claimant: isi, quote: The ISI backs the Taliban.}\n'));
  });
  after(() => other?.dispose());

  it('shows on my claim\'s id; "remove mine" is an edit of my buffer, after which the difference is gone', async () => {
    const { client, workspace } = session;
    const opened = await openFixture(client, workspace.dir, { 'annotations/claims.yaml': mine['annotations/claims.yaml'] });
    const claimsUri = opened['annotations/claims.yaml'];
    const result = await client.request<{ ok: boolean; differences: number }>('policyAnnotator/compareWith', { folder: fileUri(workspace.dir), other: { kind: 'folder', uri: fileUri(other.dir) } });
    assert.deepEqual([result.ok, result.differences], [true, 1]);
    const pull = async () => {
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: claimsUri } });
      return (report.kind === 'full' ? report.items : []).filter((d) => d.code === 'annotator-missing');
    };
    const [missing] = await pull();
    assert.equal(missing.severity, 3);
    assert.deepEqual(missing.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 10 } });
    assert.match(String(missing.message), /has no claim on the words of `c3`/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: claimsUri }, range: missing.range, context: { diagnostics: [missing], only: ['quickfix'] } });
    assert.deepEqual(actions.map((a) => a.title), [`Remove your claim \`c3\` (${other.dir.split('/').pop()} has none here)`, 'Keep mine (hide this difference while comparing)']);
    const [edit] = (actions[0].edit!.documentChanges as TextDocumentEdit[]).flatMap((change) => change.edits as TextEdit[]);
    await client.change(claimsUri, edit.range, edit.newText);
    assert.deepEqual(await pull(), []);
  });
});
