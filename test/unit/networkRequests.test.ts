// The custom requests behind the editor's export commands and its Actor
// network view, through the real server process over JSON-RPC.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildRelationGraph, exportWorkspace } from '../../server/src/core/export';
import { computeNetwork, DEFAULT_NETWORK_OPTIONS, forEachCell, type NetworkOptions } from '../../server/src/core/network';
import { URI } from 'vscode-uri';
import {
  ExportRequest,
  IndexChangedNotification,
  NetworkNodeRequest,
  NetworkRequest,
  type ExportResponse,
  type NetworkNodeDetails,
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

  it('gives the relation graph, all of it when asked for no cap', async () => {
    const result = await client.request<NetworkResult>(NetworkRequest.method, { cap: 0 });
    assert.equal(result.ready, true);
    const relations = result.graph!;
    const expected = buildRelationGraph(corpus.expected.index);
    assert.equal(relations.id, 'relations');
    assert.deepEqual(relations.nodes.map((node) => node.id), expected.nodes.map((node) => node.id));
    assert.deepEqual(relations.edges.map((edge) => [edge.source, edge.target, edge.type, edge.weight]), expected.edges.map((edge) => [edge.source, edge.target, edge.type, edge.weight]));
    assert.ok(relations.edges.length > 0, 'the sample corpus has relations');
    assert.equal(relations.totalNodes, relations.nodes.length);
    const isi = relations.nodes.find((node) => node.id === 'actor:isi')!;
    assert.equal(isi.actorKind, 'intelligence-agency');
    assert.ok(isi.degree > 0);
    assert.ok(result.texts.some((text) => text.label === 'annotations/texts/pakistan-taliban-qa.txt'));
    assert.ok(result.concepts.some((c) => c.id === 'pakistan-supports-taliban'));
    assert.ok(result.stances.includes('supports') && result.stances.includes('rejects'));
    assert.deepEqual(result.notes, []);
  });

  it('gives a node’s definition and its card as plain text, for actors and concepts, and null for an unknown node', async () => {
    const isi = await client.request<NetworkNodeDetails>(NetworkNodeRequest.method, { id: 'actor:isi' });
    assert.equal(isi?.location?.uri, corpus.uri(ACTORS));
    assert.match(corpus.read(ACTORS).split('\n')[isi!.location!.range.start.line]!, /id: isi$/);
    assert.match(isi!.card, /Inter-Services Intelligence/);
    assert.doesNotMatch(isi!.card, /\*\*|`/, 'plain text, not Markdown');
    const concept = await client.request<NetworkNodeDetails>(NetworkNodeRequest.method, { id: 'concept:pakistan-supports-taliban' });
    assert.match(concept!.card, /· concept · pakistan-supports-taliban/);
    assert.ok(concept!.location);
    for (const id of ['actor:nobody', 'stance:supports', 'isi']) assert.equal(await client.request<NetworkNodeDetails>(NetworkNodeRequest.method, { id }), null, id);
  });

  it('keeps the best-ranked nodes under the cap', async () => {
    const result = await client.request<NetworkResult>(NetworkRequest.method, { cap: 5, ranking: 'degree' });
    const graph = result.graph!;
    assert.equal(graph.nodes.length, 5);
    assert.ok(graph.totalNodes > 5);
    const shown = new Set(graph.nodes.map((node) => node.id));
    assert.ok(graph.edges.every((edge) => shown.has(edge.source) && shown.has(edge.target)));
    const full = await client.request<NetworkResult>(NetworkRequest.method, { cap: 0 });
    const fifth = Math.min(...graph.nodes.map((node) => node.degree));
    assert.ok(full.graph!.nodes.filter((node) => !shown.has(node.id)).every((node) => node.degree <= fifth), 'no node left out has more edges than one kept');
  });

  it('draws the network engine’s matrix for DNA’s options, as the network command does, filtered by text, concept and stance', async () => {
    const all = await client.request<NetworkResult>(NetworkRequest.method, { cap: 0, graph: 'discourse', options: { type: 'twomode' } });
    const index = corpus.expected.index;
    for (const given of [{}, { qualifierAggregation: 'subtract', normalization: 'average' }, { type: 'twomode', qualifierAggregation: 'combine' }, { type: 'twomode', normalization: 'activity', duplicates: 'document' }] as Partial<NetworkOptions>[]) {
      const result = await client.request<NetworkResult>(NetworkRequest.method, { cap: 0, graph: 'discourse', options: given });
      const [matrix] = computeNetwork(index, { ...DEFAULT_NETWORK_OPTIONS, ...given }).matrices;
      const weights: number[] = [];
      forEachCell(matrix!, (i, j, value) => {
        if (given.type === 'twomode' || i < j) weights.push(value);
      });
      assert.deepEqual(result.notes, [], JSON.stringify(given));
      assert.deepEqual(result.graph!.edges.map((edge) => edge.weight), weights, JSON.stringify(given));
    }
    const rejects = await client.request<NetworkResult>(NetworkRequest.method, { graph: 'discourse', options: { type: 'twomode' }, stances: ['rejects'] });
    assert.ok(rejects.graph!.edges.length > 0 && rejects.graph!.edges.every((edge) => edge.type === 'rejects'));
    const onConcept = await client.request<NetworkResult>(NetworkRequest.method, { cap: 0, graph: 'discourse', options: { type: 'twomode' }, concepts: ['pakistan-supports-taliban'] });
    assert.deepEqual([...new Set(onConcept.graph!.edges.map((edge) => edge.target))], ['concept:pakistan-supports-taliban']);
    // An empty list is no filter.
    const unfiltered = await client.request<NetworkResult>(NetworkRequest.method, { cap: 0, graph: 'discourse', options: { type: 'twomode' }, texts: [], concepts: [], stances: [] });
    assert.equal(unfiltered.graph!.edges.length, all.graph!.edges.length);
  });

  it('answers the list of dates, and a note for what it changes to show the options', async () => {
    const result = await client.request<NetworkResult>(NetworkRequest.method, { graph: 'discourse', options: { type: 'twomode', normalization: 'cosine' } });
    assert.ok(Array.isArray(result.published));
    assert.ok(result.published.every((date) => /^\d{4}(-\d{2}){0,2}$/.test(date)));
    assert.match(result.notes.join(' '), /Normalization “cosine” does not apply to two-mode networks/);
  });
});
