// The Actor network view's graph (server/src/lsp/custom/networkGraph.ts):
// the graph a request picks by DNA's options and time range, and the node
// cap with its ranking, on an in-memory workspace.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRelationGraph, type NetworkGraph } from '../../server/src/core/export';
import { capGraph, comparableDate, networkOptionsOf, publishedTexts, selectGraph, selectGraphSteps } from '../../server/src/lsp/custom/networkGraph';
import { computeNetwork, DEFAULT_NETWORK_OPTIONS, forEachCell, type NetworkOptions } from '../../server/src/core/network';
import { loadMemoryWorkspace, uriOf, yaml } from '../helpers/memoryWorkspace';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver';
import { RequestSlices, SLICE_MS } from '../../server/src/lsp/cancellation';
import { runInSlices } from '../../server/src/lsp/custom/network';

const actor = (id: string, relations: string[] = []) => [`  - id: ${id}`, `    name: Actor ${id}`, '    kind: state', ...relations];
const relation = (type: string, target: string) => [`      - type: ${type}`, `        target: ${target}`];
const claim = (id: string, claimant: string, concept: string, stance: string) => [`  - id: ${id}`, `    claimant: ${claimant}`, '    quote: words', `    concept: ${concept}`, `    stance: ${stance}`];

function loadFixture() {
  return loadMemoryWorkspace({
    'annotations/actors.yaml': yaml(
      'actors:',
      ...actor('a', ['    relations:', ...relation('allied-with', 'b'), ...relation('allied-with', 'c'), ...relation('opposes', 'd')]),
      ...actor('b', ['    relations:', ...relation('opposes', 'c')]),
      ...actor('c'),
      ...actor('d'),
      ...actor('e'),
    ),
    'annotations/concepts.yaml': yaml('concepts:', '  - id: k1', '    label: First', '  - id: k2', '    label: Second'),
    'annotations/old.yaml': yaml('text: old.txt', 'published: 2019-05-01', 'claims:', ...claim('a1', 'a', 'k1', 'supports'), ...claim('b1', 'b', 'k1', 'rejects')),
    'annotations/old.txt': 'words',
    'annotations/new.yaml': yaml('text: new.txt', 'published: "2021-08"', 'claims:', ...claim('a2', 'a', 'k2', 'supports'), ...claim('c2', 'c', 'k2', 'supports'), ...claim('d2', 'd', 'k2', 'rejects')),
    'annotations/new.txt': 'words',
    'annotations/undated.yaml': yaml('text: undated.txt', 'claims:', ...claim('e3', 'e', 'k1', 'supports')),
    'annotations/undated.txt': 'words',
  });
}

const ids = (graph: { nodes: { id: string }[] }) => graph.nodes.map((node) => node.id);

describe('the network view’s graph', () => {
  it('reads a date of the slider or of `published` at its own precision', () => {
    assert.equal(comparableDate('2021-08-15T10:00Z'), '2021-08-15');
    assert.equal(comparableDate('2021-08'), '2021-08');
    assert.equal(comparableDate('August 2021'), undefined);
  });

  it('reads the options over DNA’s defaults and drops values of the wrong type', () => {
    assert.deepEqual(networkOptionsOf(undefined), { ...DEFAULT_NETWORK_OPTIONS });
    const options = networkOptionsOf({ options: { type: 'twomode', isolates: 'yes' as never, excludeActors: ['a', 3 as never], start: '2020-01-01junk', stop: 'soon' } });
    assert.equal(options.type, 'twomode');
    assert.equal(options.isolates, false);
    assert.deepEqual(options.excludeActors, ['a']);
    assert.equal(options.start, '2020-01-01');
    assert.equal(options.stop, undefined);
  });

  it('knows each annotated text’s published date', async () => {
    const { index } = await loadFixture();
    const texts = publishedTexts(index);
    assert.deepEqual([...texts].sort(), [
      [uriOf('annotations/new.txt'), '2021-08'],
      [uriOf('annotations/old.txt'), '2019-05-01'],
      [uriOf('annotations/undated.txt'), undefined],
    ]);
  });

  it('gives the relation graph by default, in force on the slider’s date', async () => {
    const { index } = await loadFixture();
    assert.deepEqual(selectGraph(index, undefined), { graph: buildRelationGraph(index), notes: [] });
    assert.deepEqual(selectGraph(index, { options: { at: '2020' } }).graph, { ...buildRelationGraph(index, '2020'), label: 'Actor relation graph, in force on 2020' });
  });

  const optionSets: Partial<NetworkOptions>[] = [
    {},
    { qualifierAggregation: 'congruence' },
    { qualifierAggregation: 'conflict', normalization: 'average' },
    { qualifierAggregation: 'subtract', normalization: 'jaccard' },
    { normalization: 'cosine', isolates: true },
    { duplicates: 'acrossrange', excludeTypes: ['x'], start: '2019', stop: '2021-12' },
    { type: 'twomode' },
    { type: 'twomode', qualifierAggregation: 'subtract', normalization: 'activity' },
    { type: 'twomode', qualifierAggregation: 'combine', normalization: 'prominence', columns: 'concept' },
    { type: 'twomode', isolates: true, excludeActors: ['a'], excludeAuthors: ['nobody'], excludeSources: ['example.org'] },
  ];
  for (const given of optionSets) {
    it(`draws the network engine’s matrix, cell for cell, for ${JSON.stringify(given)}`, async () => {
      const { index } = await loadFixture();
      const options = { ...DEFAULT_NETWORK_OPTIONS, ...given };
      const [matrix] = computeNetwork(index, options).matrices;
      const { graph, notes } = selectGraph(index, { graph: 'discourse', options: given });
      assert.deepEqual(notes, [], 'every option is honoured');
      const oneMode = options.type === 'onemode';
      const rowNode = (i: number) => `actor:${matrix!.rows[i]!.id}`;
      const columnNode = (j: number) => (oneMode ? rowNode(j) : graph.nodes.find((node) => node.ref === matrix!.columns[j]!.id && !node.id.startsWith('actor:'))?.id ?? `actor:${matrix!.columns[j]!.id}`);
      const cells: [string, string, number][] = [];
      forEachCell(matrix!, (i, j, value) => {
        if (!oneMode || i < j) cells.push([rowNode(i), columnNode(j), value]);
      });
      assert.deepEqual(graph.edges.map((edge) => [edge.source, edge.target, edge.weight]), cells);
      const rows = matrix!.rows.map((label) => `actor:${label.id}`);
      assert.deepEqual(ids(graph).slice(0, rows.length), rows, 'every row is a node, isolates too');
      if (oneMode) assert.equal(graph.nodes.length, rows.length);
    });
  }

  it('says what the view changed to show the options, and computes the rest', async () => {
    const { index } = await loadFixture();
    const wrongMode = selectGraph(index, { graph: 'discourse', options: { type: 'twomode', qualifierAggregation: 'congruence', normalization: 'jaccard' } });
    assert.match(wrongMode.notes.join(' '), /“congruence” does not apply to two-mode networks.*showing “ignore”/);
    assert.match(wrongMode.notes.join(' '), /“jaccard” does not apply to two-mode networks.*showing “no”/);
    assert.deepEqual(wrongMode.graph, selectGraph(index, { graph: 'discourse', options: { type: 'twomode' } }).graph);
    const series = selectGraph(index, { graph: 'discourse', options: { timeWindow: 'years', windowSize: 1 } });
    assert.match(series.notes[0]!, /time-window series/);
    assert.deepEqual(series.graph, selectGraph(index, { graph: 'discourse' }).graph);
    const badDate = selectGraph(index, { graph: 'discourse', options: { start: '2021-13' } });
    assert.match(badDate.notes[0]!, /^start `2021-13` is not a date.*Showing every date\.$/);
  });

  it('computes in steps: a pause after every annotation file and every matrix row', async () => {
    const { index } = await loadFixture();
    let steps = 0;
    const run = selectGraphSteps(index, { graph: 'discourse', options: { isolates: true } });
    let next = run.next();
    for (; !next.done; next = run.next()) steps++;
    assert.equal(next.value.graph.nodes.length, 5);
    assert.ok(steps >= index.annotationFiles().length + 5, `${steps} steps`);
  });

  it('runs those steps in slices of the request, pausing when a slice is due and stopping once cancelled', async () => {
    const { index } = await loadFixture();
    const params = { graph: 'discourse' as const, options: { isolates: true } };
    let steps = 0;
    for (const run = selectGraphSteps(index, params); !run.next().done; ) steps++;
    // A clock that moves one millisecond per reading: a slice is due every few steps.
    let clock = 0;
    const source = new CancellationTokenSource();
    const slices = new RequestSlices(source.token, () => clock++);
    const { graph } = await runInSlices(selectGraphSteps(index, params), slices);
    assert.deepEqual(graph, selectGraph(index, params).graph);
    assert.ok(slices.pauses >= Math.floor(steps / SLICE_MS), `${slices.pauses} pauses for ${steps} steps`);
    source.cancel();
    await assert.rejects(runInSlices(selectGraphSteps(index, params), new RequestSlices(source.token, () => clock++)), (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
  });

  it('keeps the claims of texts published within the time range, and drops undated texts once a bound is set', async () => {
    const { index } = await loadFixture();
    const affiliation = (options: object) => selectGraph(index, { graph: 'discourse', options: { type: 'twomode', ...options } }).graph;
    assert.deepEqual(ids(affiliation({ start: '2020' })), ['actor:a', 'actor:c', 'actor:d', 'concept:k2']);
    assert.deepEqual(ids(affiliation({ stop: '2019-12' })), ['actor:a', 'actor:b', 'concept:k1']);
    assert.deepEqual(ids(affiliation({ start: '2019', stop: '2021' })), ['actor:a', 'actor:b', 'actor:c', 'actor:d', 'concept:k1', 'concept:k2']);
    assert.deepEqual(ids(affiliation({ start: '2022' })), []);
    assert.ok(ids(affiliation({})).includes('actor:e'), 'no bound: undated texts count');
    // A text filter and a range together: both must hold.
    assert.deepEqual(ids(selectGraph(index, { graph: 'discourse', texts: [uriOf('annotations/old.txt')], options: { type: 'twomode', start: '2020' } }).graph), []);
  });

  it('drops excluded actors and concepts with their edges', async () => {
    const { index } = await loadFixture();
    const { graph } = selectGraph(index, { graph: 'discourse', options: { type: 'twomode', excludeActors: ['a'], excludeConcepts: ['k1'] } });
    // b and e spoke only on k1: without isolates they drop out with it.
    assert.deepEqual(ids(graph), ['actor:c', 'actor:d', 'concept:k2']);
    assert.deepEqual(graph.edges.map((edge) => edge.source), ['actor:c', 'actor:d']);
  });

  it('keeps an actor as a two-mode `about` column apart from its row, so a claim about oneself is no self-loop', async () => {
    const { index } = await loadMemoryWorkspace({
      'annotations/actors.yaml': yaml('actors:', ...actor('a'), ...actor('b')),
      'annotations/concepts.yaml': yaml('concepts:', '  - id: k1', '    label: First'),
      'annotations/t.yaml': yaml('text: t.txt', 'claims:', ...claim('self', 'a', 'k1', 'supports'), '    about: [a]', ...claim('other', 'b', 'k1', 'rejects'), '    about: [a]'),
      'annotations/t.txt': 'words',
    });
    const { graph } = selectGraph(index, { graph: 'discourse', options: { type: 'twomode', columns: 'about' } });
    assert.deepEqual(ids(graph), ['actor:a', 'actor:b', 'actor-column:a']);
    assert.deepEqual(graph.edges.map((edge) => [edge.source, edge.target]), [['actor:a', 'actor-column:a'], ['actor:b', 'actor-column:a']]);
    assert.ok(graph.edges.every((edge) => edge.source !== edge.target));
    assert.deepEqual(graph.nodes.map((node) => [node.kind, node.ref]), [['actor', 'a'], ['actor', 'b'], ['actor', 'a']]);
  });

  it('caps a graph to its best-ranked nodes and the edges between them, and counts what it left out', async () => {
    const { index } = await loadFixture();
    const relations = buildRelationGraph(index);
    // Degrees: a 3, b 2, c 2, d 1, e 0.
    const capped = capGraph(relations, 3, 'degree');
    assert.deepEqual(ids(capped), ['actor:a', 'actor:b', 'actor:c']);
    assert.deepEqual(capped.edges.map((edge) => [edge.source, edge.target]), [['actor:a', 'actor:b'], ['actor:a', 'actor:c'], ['actor:b', 'actor:c']]);
    assert.equal(capped.totalNodes, 5);
    assert.equal(capped.totalEdges, 4);
    assert.deepEqual(capped.nodes.map((node) => node.degree), [3, 2, 2]);
    assert.equal(capped.nodes[0]!.actorKind, 'state');
    assert.equal(capGraph(relations, 0).nodes.length, 5, '0: no cap');
    assert.equal(capGraph(relations, 99).edges.length, 4);
  });

  it('ranks by weighted degree by default, ties broken by degree then id', () => {
    const node = (id: string) => ({ id, label: id, kind: 'actor' as const, ref: id, attributes: {} });
    const edge = (source: string, target: string, weight: number) => ({ id: `${source}|${target}`, source, target, type: 'congruence', weight, directed: false, attributes: {} });
    const graph: NetworkGraph = { id: 'congruence', label: 'g', directed: false, nodes: ['p', 'q', 'r', 's'].map(node), edges: [edge('p', 'q', 5), edge('r', 's', 1), edge('r', 'q', 1)] };
    assert.deepEqual(ids(capGraph(graph, 2)), ['p', 'q'], 'p 5 and q 6 outweigh r 2');
    assert.deepEqual(ids(capGraph(graph, 2, 'degree')), ['q', 'r'], 'q and r have two edges each');
    assert.deepEqual(ids(capGraph(graph, 1, 'degree')), ['q'], 'q ties r on degree and wins on weight');
  });

  it('caps a graph of many thousands of nodes in one pass (complete on a large input)', () => {
    const count = 20_000;
    const nodes = Array.from({ length: count }, (_, i) => ({ id: `actor:${i}`, label: `${i}`, kind: 'actor' as const, ref: `${i}`, attributes: {} }));
    const edges = Array.from({ length: count }, (_, i) => ({ id: `e${i}`, source: `actor:${i}`, target: `actor:${(i * 7) % 100}`, type: 'allied-with', weight: 1, directed: true, attributes: {} }));
    const capped = capGraph({ id: 'relations', label: 'big', directed: true, nodes, edges }, 500);
    assert.equal(capped.nodes.length, 500);
    assert.ok(capped.nodes.slice(0, 100).every((node) => node.degree > 1), 'the hubs are kept');
    assert.ok(capped.edges.every((edge) => capped.nodes.some((node) => node.id === edge.source)));
  });
});
