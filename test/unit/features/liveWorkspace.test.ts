import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiveWorkspace, DiagnosticsTracker } from '../../../server/src/core/live';
import { InMemoryHost, uriOf, WORKSPACE } from '../../helpers/memoryWorkspace';
import { ACTORS, ACTORS_URI, CLAIMS, CLAIMS_URI, FILES, TEXT_URI } from './fixture';

async function liveFixture(files: Record<string, string> = FILES) {
  const host = new InMemoryHost(files);
  const live = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => host, log: (message) => assert.fail(message) });
  const changes: string[][] = [];
  live.onDiagnosticsChanged((uris) => changes.push(uris));
  await live.load();
  changes.length = 0;
  return { host, live, changes };
}

const codes = (live: LiveWorkspace, uri: string) => live.diagnostics(uri).diagnostics.map((d) => d.code);

describe('the live workspace', () => {
  it('lets an open buffer win over the file on disk, and the disk count again when it is closed', async () => {
    const { host, live } = await liveFixture();
    await live.setBuffer(CLAIMS_URI, CLAIMS.replace('claimant: isi', 'claimant: cia'));
    assert.ok(codes(live, CLAIMS_URI).includes('unknown-actor'));
    host.files.set(CLAIMS_URI, CLAIMS.replace('claimant: isi', 'claimant: nobody'));
    await live.filesChanged([{ uri: CLAIMS_URI, kind: 'changed' }]);
    assert.match(live.diagnostics(CLAIMS_URI).diagnostics.find((d) => d.code === 'unknown-actor')!.message, /`cia`/, 'the buffer still wins');
    await live.closeBuffer(CLAIMS_URI);
    assert.match(live.diagnostics(CLAIMS_URI).diagnostics.find((d) => d.code === 'unknown-actor')!.message, /`nobody`/);
  });

  it('updates the index before setBuffer returns, so the next request sees the edit', async () => {
    const { live } = await liveFixture();
    void live.setBuffer(TEXT_URI, 'Nothing here.');
    assert.equal(live.indexFor(TEXT_URI)!.content(TEXT_URI), 'Nothing here.');
    assert.ok(codes(live, TEXT_URI).includes('quote-not-found'));
  });

  it('tells listeners which files’ diagnostics changed: an edited text and the YAML anchored in it', async () => {
    const { live, changes } = await liveFixture();
    await live.setBuffer(TEXT_URI, 'The ISI backs Imran Khan.');
    assert.deepEqual(changes.flat().sort(), [ACTORS_URI, CLAIMS_URI, TEXT_URI].sort());
    changes.length = 0;
    await live.setBuffer(TEXT_URI, 'The ISI backs Imran Khan.');
    assert.deepEqual(changes, [], 'nothing changed, nothing to tell');
  });

  it('refreshes the references elsewhere when an actor id changes, and nothing else when only a description does', async () => {
    const { live, changes } = await liveFixture();
    await live.setBuffer(ACTORS_URI, ACTORS.replace('Pakistan’s premier', 'The premier'));
    assert.equal(changes.length, 0);
    await live.setBuffer(ACTORS_URI, ACTORS.replace('id: imran-khan', 'id: khan'));
    assert.ok(changes.flat().includes(CLAIMS_URI));
    assert.ok(codes(live, CLAIMS_URI).includes('unknown-actor'));
  });

  it('refreshes relation checks in other files when a kind or a relation changes', async () => {
    const actor = (id: string, kind: string, relations: string[] = []) =>
      [`  - id: ${id}`, `    name: ${id}`, `    kind: ${kind}`, `    aliases: [${id.toUpperCase()}]`, ...(relations.length ? ['    relations:', ...relations.map((r) => `      - ${r}`)] : [])].join('\n');
    const files = {
      'annotations/texts/a.txt': 'ALPHA BETA GAMMA DELTA',
      'annotations/a.yaml': 'text: texts/a.txt\n',
      'annotations/actors-a.yaml': `actors:\n${actor('alpha', 'person', ['{ type: leads, target: beta }', '{ type: patron-of, target: gamma }'])}\n`,
      'annotations/actors-b.yaml': `actors:\n${actor('beta', 'armed-group')}\n${actor('gamma', 'state', ['{ type: allied-with, target: alpha }'])}\n`,
      'annotations/actors-c.yaml': `actors:\n${actor('delta', 'state')}\n`,
    };
    const { live, changes } = await liveFixture(files);
    const a = uriOf('annotations/actors-a.yaml');
    const b = uriOf('annotations/actors-b.yaml');
    const c = uriOf('annotations/actors-c.yaml');
    assert.deepEqual([a, b, c].map((uri) => codes(live, uri)), [[], [], []]);
    // gamma's alliance with alpha becomes patronage: with `alpha patron-of gamma` in another file, a contradiction
    // (no id is referenced differently, so only the relations between the pair lead there).
    await live.setBuffer(b, files['annotations/actors-b.yaml'].replace('type: allied-with', 'type: patron-of'));
    assert.deepEqual(codes(live, a), ['relation-contradiction']);
    assert.deepEqual(codes(live, b), ['relation-contradiction']);
    await live.setBuffer(b, files['annotations/actors-b.yaml']);
    assert.deepEqual([a, b].map((uri) => codes(live, uri)), [[], []]);
    // beta becomes a person: `alpha leads beta` in another file breaks the kind rule.
    await live.setBuffer(b, files['annotations/actors-b.yaml'].replace('kind: armed-group', 'kind: person'));
    assert.deepEqual(codes(live, a), ['relation-kind']);
    assert.deepEqual(codes(live, c), []);
    assert.ok(changes.flat().includes(a));
  });

  it('reads a newly referenced text, and forgets a deleted folder’s files', async () => {
    const { host, live } = await liveFixture({ ...FILES, 'annotations/more/b.txt': 'The ISI.', 'annotations/more/b.yaml': 'text: b.txt\nmentions:\n  - actor: isi\n    quote: ISI\n' });
    assert.equal(live.indexFor(TEXT_URI)!.textStatus(uriOf('annotations/more/b.txt')), 'loaded');
    host.files.delete(uriOf('annotations/more/b.yaml'));
    host.files.delete(uriOf('annotations/more/b.txt'));
    await live.filesChanged([{ uri: uriOf('annotations/more'), kind: 'deleted' }]);
    assert.equal(live.indexFor(TEXT_URI)!.annotationFile(uriOf('annotations/more/b.yaml')), undefined);
    assert.ok(!live.diagnosableFiles().includes(uriOf('annotations/more/b.yaml')));
  });

  it('re-indexes its folder when policy-annotator.yaml changes', async () => {
    const { host, live } = await liveFixture({ ...FILES, 'annotations/claims.yaml': CLAIMS.replace('claimant: isi', 'claimant: cia') });
    assert.ok(codes(live, CLAIMS_URI).includes('unknown-actor'));
    host.files.set(uriOf('policy-annotator.yaml'), 'severity:\n  unknown-actor: off\n');
    await live.filesChanged([{ uri: uriOf('policy-annotator.yaml'), kind: 'created' }]);
    assert.ok(!codes(live, CLAIMS_URI).includes('unknown-actor'));
  });

  it('serves the previous index while a folder is re-indexed, and knows when the first indexing is done', async () => {
    const host = new InMemoryHost(FILES);
    const live = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => host });
    assert.equal(live.isReady, false);
    const loading = live.load();
    await live.whenReady();
    await loading;
    assert.equal(live.isReady, true);
    assert.ok(live.indexFor(CLAIMS_URI)!.annotationFile(CLAIMS_URI));
  });
});

describe('the diagnostics tracker', () => {
  it('changes a file’s result id only when its diagnostics change', () => {
    let message = 'a';
    const tracker = new DiagnosticsTracker((uri) => [{ uri, range: { start: 0, end: 1 }, severity: 'error', code: 'x', message }]);
    const first = tracker.get('file:///a').resultId;
    assert.deepEqual(tracker.refresh(['file:///a']), []);
    assert.equal(tracker.get('file:///a').resultId, first);
    message = 'b';
    assert.deepEqual(tracker.refresh(['file:///a']), ['file:///a']);
    assert.notEqual(tracker.get('file:///a').resultId, first);
  });

  it('knows which files point into a file through related information', () => {
    const tracker = new DiagnosticsTracker((uri) => (uri === 'file:///b' ? [{ uri, range: { start: 0, end: 1 }, severity: 'warning', code: 'alias-conflict', message: 'm', related: [{ uri: 'file:///a', range: { start: 0, end: 1 }, message: 'there' }] }] : []));
    tracker.refresh(['file:///a', 'file:///b']);
    assert.deepEqual(tracker.filesPointingInto('file:///a'), ['file:///b']);
    tracker.forget('file:///b');
    assert.deepEqual(tracker.filesPointingInto('file:///a'), []);
  });
});
