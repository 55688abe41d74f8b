// `policyAnnotator/network` for the relation graph on a date (`at`, the
// view's slider) and the choices of the view's controls, through the real
// server process over JSON-RPC, on a workspace whose relations begin and end.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { NetworkRequest, type NetworkResult } from '../../server/src/protocol';
import { networkChoices } from '../../server/src/lsp/custom/networkGraph';
import { serveWorkspace, type LspTestClient } from '../lsp/lspTestClient';
import { createTempWorkspace } from '../helpers/tempWorkspace';

/** A relation of actor a, with the dates it holds between. */
const relation = (type: string, target: string, dates: string) => [`      - type: ${type}`, `        target: ${target}`, `        ${dates}`];
const FILES = {
  'annotations/actors.yaml': ['actors:', '  - id: a', '    name: Actor A', '    relations:', ...relation('allied-with', 'b', 'until: 2018'), ...relation('opposes', 'c', 'from: 2019-03'), ...['b', 'c'].flatMap((id) => [`  - id: ${id}`, `    name: Actor ${id.toUpperCase()}`]), ''].join('\n'),
  'annotations/text.yaml': ['text: text.txt', 'published: 2020-02-02', 'claims:', '  - id: c1', '    claimant: a', '    quote: words', '    concept: k', '    stance: supports', ''].join('\n'),
  'annotations/text.txt': 'words\n',
};

describe('the network view’s relation graph on a date, over JSON-RPC', () => {
  let client: LspTestClient;
  const session = serveWorkspace(() => createTempWorkspace(FILES), { pullDiagnostics: false });
  before(() => {
    ({ client } = session);
  });

  const request = (params: object) => client.request<NetworkResult>(NetworkRequest.method, { cap: 0, ...params });
  const edges = (result: NetworkResult) => result.graph!.edges.map((edge) => `${edge.source}>${edge.target}`);

  it('keeps the relations in force on `at`, and every relation without it', async () => {
    assert.deepEqual(edges(await request({})), ['actor:a>actor:b', 'actor:a>actor:c']);
    const before2019 = await request({ at: '2017-05' });
    assert.deepEqual(edges(before2019), ['actor:a>actor:b']);
    assert.equal(before2019.graph!.label, 'Actor relation graph, in force on 2017-05');
    assert.deepEqual(before2019.graph!.nodes.length, 3, 'every actor stays a node');
    assert.deepEqual(edges(await request({ at: '2020-02-02' })), ['actor:a>actor:c']);
    assert.deepEqual((await request({ at: '2020-02-02' })).notes, []);
  });

  it('answers a note, not an error, for an `at` that is no date', async () => {
    const result = await request({ at: '2019-14' });
    assert.deepEqual(edges(result), ['actor:a>actor:b', 'actor:a>actor:c']);
    assert.match(result.notes.join(' '), /`at` 2019-14 is not a date/);
  });

  it('answers the slider’s stops and what the controls offer by type', async () => {
    const result = await request({});
    assert.deepEqual(result.published, ['2020-02-02']);
    assert.deepEqual(result.relationDates, ['2018', '2019-03', '2020-02-02']);
    assert.deepEqual(result.choices, networkChoices());
  });
});
