// The custom requests behind the editor's export commands and its Actor
// network view, through the real server process over JSON-RPC.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildDiscourseNetworks, exportWorkspace } from '../../server/src/core/export';
import { URI } from 'vscode-uri';
import {
  ExportRequest,
  IndexChangedNotification,
  NetworkRequest,
  type ExportResponse,
  type NetworkResult,
} from '../../server/src/protocol';
import { copyCorpus, type CorpusCopy } from '../lsp/corpusWorkspace';
import { serveWorkspace, type LspTestClient } from '../lsp/lspTestClient';

const ACTORS = 'annotations/actors.yaml';

describe('custom requests for exports and the actor network view', () => {
  let corpus: CorpusCopy;
  let client: LspTestClient;

  const session = serveWorkspace(copyCorpus, { pullDiagnostics: false, ready: (started) => started.waitForMessage(IndexChangedNotification.method, 0) });
  before(async () => {
    ({ workspace: corpus, client } = session);
  });

  for (const format of ['w3c', 'brat', 'network'] as const) {
    it(`exports ${format} with the same files as the core exporter`, async () => {
      const response = await client.request<ExportResponse>(ExportRequest.method, { format });
      if (!response.ok) assert.fail(response.message);
      assert.equal(response.format, format);
      const expected = exportWorkspace(corpus.expected.index, format, { workspaceFolder: URI.file(corpus.workspace.dir).toString() });
      assert.deepEqual(response.files.map((file) => file.path), expected.files.map((file) => file.path));
      assert.deepEqual(response.files, expected.files.map((file) => ({ path: file.path, content: file.content })));
      assert.deepEqual(response.counts, expected.counts);
      assert.equal(response.warnings.length, expected.warnings.length);
    });
  }

  it('refuses an unknown format with a message', async () => {
    const response = await client.request<ExportResponse>(ExportRequest.method, { format: 'pdf' });
    assert.equal(response.ok, false);
    assert.match((response as { message: string }).message, /w3c, brat, network/);
  });

  it('gives the relation graph and the discourse networks, with definitions and cards for every node', async () => {
    const result = await client.request<NetworkResult>(NetworkRequest.method, {});
    assert.equal(result.ready, true);
    assert.deepEqual(result.graphs.map((graph) => graph.id), ['relations', 'congruence', 'conflict', 'affiliation']);
    const expected = buildDiscourseNetworks(corpus.expected.index);
    for (const graph of result.graphs) {
      assert.deepEqual(graph.nodes.map((node) => node.id), expected[graph.id].nodes.map((node) => node.id), graph.id);
      assert.deepEqual(graph.edges.map((edge) => [edge.source, edge.target, edge.type, edge.weight]), expected[graph.id].edges.map((edge) => [edge.source, edge.target, edge.type, edge.weight]), graph.id);
    }
    const relations = result.graphs[0];
    assert.ok(relations.edges.length > 0, 'the sample corpus has relations');
    const isi = relations.nodes.find((node) => node.id === 'actor:isi')!;
    assert.equal(isi.actorKind, 'intelligence-agency');
    const details = result.details['actor:isi'];
    assert.equal(details.location?.uri, corpus.uri(ACTORS));
    assert.match(corpus.read(ACTORS).split('\n')[details.location!.range.start.line], /id: isi$/);
    assert.match(details.card, /Inter-Services Intelligence/);
    const affiliation = result.graphs.find((graph) => graph.id === 'affiliation')!;
    const concept = affiliation.nodes.find((node) => node.kind === 'concept')!;
    assert.ok(result.details[concept.id].card.includes('concept'));
    for (const graph of result.graphs) for (const node of graph.nodes) assert.ok(result.details[node.id], `details for ${node.id}`);
    assert.ok(result.texts.some((text) => text.label === 'annotations/texts/pakistan-taliban-qa.txt'));
    assert.ok(result.concepts.some((c) => c.id === 'pakistan-supports-taliban'));
    assert.ok(result.stances.includes('supports') && result.stances.includes('rejects'));
  });

  it('filters by text, concept and stance as the core does', async () => {
    const all = await client.request<NetworkResult>(NetworkRequest.method, {});
    const text = all.texts.find((t) => t.label.endsWith('pakistan-taliban-qa.txt'))!;
    const index = corpus.expected.index;
    const cases = [{ texts: [text.uri] }, { concepts: ['pakistan-supports-taliban'] }, { stances: ['rejects'] }];
    for (const filter of cases) {
      const result = await client.request<NetworkResult>(NetworkRequest.method, filter);
      const expected = buildDiscourseNetworks(index, filter);
      for (const graph of result.graphs) {
        assert.deepEqual(graph.edges.map((edge) => edge.id), expected[graph.id].edges.map((edge) => edge.id), `${JSON.stringify(filter)} ${graph.id}`);
      }
    }
    const rejects = await client.request<NetworkResult>(NetworkRequest.method, { stances: ['rejects'] });
    const affiliation = rejects.graphs.find((graph) => graph.id === 'affiliation')!;
    assert.ok(affiliation.edges.every((edge) => edge.type === 'rejects'));
    // An empty list is no filter.
    const unfiltered = await client.request<NetworkResult>(NetworkRequest.method, { texts: [], concepts: [], stances: [] });
    assert.deepEqual(unfiltered.graphs.map((g) => g.edges.length), all.graphs.map((g) => g.edges.length));
  });
});

