// The Actor network view's date slider for the relation graph (`at`) and
// the choices its DNA controls offer (server/src/lsp/custom/networkGraph.ts),
// on an in-memory workspace whose relations begin and end.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRelationGraph } from '../../server/src/core/export';
import { NETWORK_TYPES, NORMALIZATIONS, QUALIFIER_AGGREGATIONS } from '../../server/src/core/network';
import { networkChoices, publishedTexts, relationDates, selectGraph } from '../../server/src/lsp/custom/networkGraph';
import { loadMemoryWorkspace, yaml } from '../helpers/memoryWorkspace';

function loadFixture() {
  return loadMemoryWorkspace({
    'annotations/actors.yaml': yaml(
      'actors:',
      '  - id: a',
      '    name: Actor A',
      '    relations:',
      '      - type: allied-with',
      '        target: b',
      '        from: 2015',
      '        until: 2018-06',
      '      - type: opposes',
      '        target: c',
      '        from: 2019-03-01',
      '      - type: opposes',
      '        target: d',
      '  - id: b',
      '    name: Actor B',
      '  - id: c',
      '    name: Actor C',
      '  - id: d',
      '    name: Actor D',
    ),
    'annotations/text.yaml': yaml('text: text.txt', 'published: 2016-05-02', 'claims: []'),
    'annotations/text.txt': 'words',
  });
}

const edges = (graph: { edges: { source: string; target: string }[] }) => graph.edges.map((edge) => `${edge.source}>${edge.target}`);

describe('the network view’s relation graph on a date', () => {
  it('keeps the relations in force on the request’s `at`, as the network export does, and says the date in its label', async () => {
    const { index } = await loadFixture();
    assert.deepEqual(edges(selectGraph(index, {}).graph), ['actor:a>actor:b', 'actor:a>actor:c', 'actor:a>actor:d']);
    for (const at of ['2016', '2018-06', '2018-07', '2019-03-01', '2025-01-01']) {
      const { graph, notes } = selectGraph(index, { at });
      assert.deepEqual(notes, []);
      assert.deepEqual(graph.edges, buildRelationGraph(index, at).edges, at);
      assert.equal(graph.label, `Actor relation graph, in force on ${at}`);
    }
    assert.deepEqual(edges(selectGraph(index, { at: '2016' }).graph), ['actor:a>actor:b', 'actor:a>actor:d']);
    assert.deepEqual(edges(selectGraph(index, { at: '2018-07' }).graph), ['actor:a>actor:d']);
    assert.deepEqual(edges(selectGraph(index, { at: '2020' }).graph), ['actor:a>actor:c', 'actor:a>actor:d']);
  });

  it('takes DNA’s `at` option when the request has no `at` of its own, and the request’s over it', async () => {
    const { index } = await loadFixture();
    assert.deepEqual(selectGraph(index, { options: { at: '2016' } }).graph, selectGraph(index, { at: '2016' }).graph);
    assert.deepEqual(selectGraph(index, { at: '2020', options: { at: '2016' } }).graph, selectGraph(index, { at: '2020' }).graph);
  });

  it('says so and shows every relation for an `at` that is no date, rather than failing', async () => {
    const { index } = await loadFixture();
    for (const at of ['2021-13', 'soon']) {
      const { graph, notes } = selectGraph(index, { at });
      assert.deepEqual(graph, buildRelationGraph(index));
      assert.equal(notes.length, 1);
      assert.match(notes[0]!, new RegExp(`^\`at\` ${at} is not a date .*showing the relations of every date\\.$`));
    }
  });

  it('gives the slider a stop per published date and per date a relation begins or ends, sorted', async () => {
    const { index } = await loadFixture();
    assert.deepEqual(relationDates(index, publishedTexts(index).values()), ['2015', '2016-05-02', '2018-06', '2019-03-01']);
  });

  it('offers for each network type the qualifier aggregations and normalizations DNA applies to it, and columns in two-mode only', () => {
    const choices = networkChoices();
    assert.deepEqual(Object.keys(choices), [...NETWORK_TYPES]);
    for (const type of NETWORK_TYPES) {
      assert.deepEqual(choices[type].qualifierAggregation, QUALIFIER_AGGREGATIONS[type]);
      assert.deepEqual(choices[type].normalization, NORMALIZATIONS[type]);
    }
    assert.deepEqual(choices.onemode, { qualifierAggregation: ['ignore', 'congruence', 'conflict', 'subtract'], normalization: ['no', 'average', 'jaccard', 'cosine'], columns: false });
    assert.deepEqual(choices.twomode, { qualifierAggregation: ['ignore', 'subtract', 'combine'], normalization: ['no', 'activity', 'prominence'], columns: true });
  });

  it('draws every combination the controls offer without a note of a fallback', async () => {
    const { index } = await loadFixture();
    const choices = networkChoices();
    for (const type of NETWORK_TYPES) {
      for (const qualifierAggregation of choices[type].qualifierAggregation) {
        for (const normalization of choices[type].normalization) {
          const { notes } = selectGraph(index, { graph: 'discourse', options: { type, qualifierAggregation, normalization } });
          assert.deepEqual(notes, [], `${type} ${qualifierAggregation} ${normalization}`);
        }
      }
    }
  });
});
