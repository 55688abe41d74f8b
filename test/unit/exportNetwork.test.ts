import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LoadedWorkspace } from '../../server/src/core';
import { buildDiscourseNetworks, csvField, edgesCsv, exportNetwork, nodesCsv, toGraphml, type NetworkGraph } from '../../server/src/core/export';
import { loadMemoryWorkspace, WORKSPACE, yaml } from '../helpers/memoryWorkspace';
import { loadSampleCorpus } from '../helpers/sampleCorpus';


const actor = (id: string, kind: string, extra: string[] = []) => [`  - id: ${id}`, `    name: Actor ${id.toUpperCase()}, "quoted"`, `    kind: ${kind}`, ...extra];

const ACTORS = yaml(
  'actors:',
  ...actor('a', 'state', ['    wikidata: Q1', '    relations:', '      - type: allied-with', '        target: b', '      - type: patron-of', '        target: c', '        note: A note, with a comma']),
  ...actor('b', 'state'),
  ...actor('c', 'armed-group'),
  ...actor('d', 'person'),
  ...actor('e', 'media'),
);

const CONCEPTS = yaml('concepts:', '  - id: k1', '    label: First concept', '  - id: k2', '    label: Second concept');

const claim = (id: string, claimant: string, concept: string, stance: string) => [`  - id: ${id}`, `    claimant: ${claimant}`, `    quote: words`, `    concept: ${concept}`, `    stance: ${stance}`];

/*
 * Stances:      k1         k2
 *   a        supports   rejects
 *   b        supports   rejects (twice)
 *   c        rejects    —
 *   d        supports + rejects (ambivalent on k1)
 *   e        no stance (a claim without concept)
 */
const ANNOTATIONS_ONE = yaml('text: one.txt', 'claims:', ...claim('a1', 'a', 'k1', 'supports'), ...claim('b1', 'b', 'k1', 'supports'), ...claim('c1', 'c', 'k1', 'rejects'), '  - id: e1', '    claimant: e', '    quote: words');
const ANNOTATIONS_TWO = yaml('text: two.txt', 'claims:', ...claim('a2', 'a', 'k2', 'rejects'), ...claim('b2', 'b', 'k2', 'rejects'), ...claim('b3', 'b', 'k2', 'rejects'), ...claim('d1', 'd', 'k1', 'supports'), ...claim('d2', 'd', 'k1', 'rejects'));

function loadFixture(): Promise<LoadedWorkspace> {
  return loadMemoryWorkspace({
    'annotations/actors.yaml': ACTORS,
    'annotations/concepts.yaml': CONCEPTS,
    'annotations/one.yaml': ANNOTATIONS_ONE,
    'annotations/one.txt': 'words',
    'annotations/two.yaml': ANNOTATIONS_TWO,
    'annotations/two.txt': 'words',
  });
}

/** Each edge as one row, "source target type weight", with the node ids' kind prefixes left off. */
const edgeSummary = (graph: NetworkGraph) => graph.edges.map((e) => `${e.source.replace(/^\w+:/, '')} ${e.target.replace(/^\w+:/, '')} ${e.type} ${e.weight}`);

describe('discourse networks', () => {
  it('builds the affiliation network: one edge per actor and concept, with the stance and the claims counted', async () => {
    const { index } = await loadFixture();
    const { affiliation } = buildDiscourseNetworks(index);
    assert.deepEqual(affiliation.nodes.map((n) => n.id), ['actor:a', 'actor:b', 'actor:c', 'actor:d', 'concept:k1', 'concept:k2']);
    assert.deepEqual(edgeSummary(affiliation), ['a k1 supports 1', 'a k2 rejects 1', 'b k1 supports 1', 'b k2 rejects 2', 'c k1 rejects 1', 'd k1 both 2']);
    assert.deepEqual(affiliation.edges.find((e) => e.id === 'affiliation:d|k1')!.attributes, { stance: 'both', supports: 1, rejects: 1, claims: ['d1', 'd2'] });
    assert.deepEqual(affiliation.nodes[0], { id: 'actor:a', label: 'Actor A, "quoted"', kind: 'actor', ref: 'a', attributes: { actorKind: 'state', wikidata: 'Q1' } });
    assert.deepEqual(affiliation.nodes[4], { id: 'concept:k1', label: 'First concept', kind: 'concept', ref: 'k1', attributes: {} });
  });

  it('weighs congruence and conflict as DNA does; an ambivalent actor is in both', async () => {
    const { index } = await loadFixture();
    const { congruence, conflict } = buildDiscourseNetworks(index);
    assert.deepEqual(congruence.nodes.map((n) => n.ref), ['a', 'b', 'c', 'd']);
    // DNA's congruence: a and b agree on k1 (1 × 1 pair of supports) and k2 (a's reject × b's 2 rejects): 1 + 2 = 3.
    assert.deepEqual(edgeSummary(congruence), ['a b congruence 3', 'a d congruence 1', 'b d congruence 1', 'c d congruence 1']);
    assert.deepEqual(edgeSummary(conflict), ['a c conflict 1', 'a d conflict 1', 'b c conflict 1', 'b d conflict 1', 'c d conflict 1']);
    assert.deepEqual(congruence.edges[0].attributes, { concepts: ['k1', 'k2'] });
    assert.ok([...congruence.edges, ...conflict.edges].every((e) => !e.directed && e.source < e.target));
  });

  it('filters by text, concept and stance, as the network view does', async () => {
    const { index } = await loadFixture();
    assert.deepEqual(edgeSummary(buildDiscourseNetworks(index, { texts: [`${WORKSPACE}/annotations/one.txt`] }).affiliation), ['a k1 supports 1', 'b k1 supports 1', 'c k1 rejects 1']);
    assert.deepEqual(edgeSummary(buildDiscourseNetworks(index, { concepts: ['k2'] }).congruence), ['a b congruence 2']);
    assert.deepEqual(edgeSummary(buildDiscourseNetworks(index, { stances: ['supports'] }).conflict), []);
  });

  it('builds the relation graph from the registry: every actor, symmetric relations undirected', async () => {
    const { index } = await loadFixture();
    const { relations } = buildDiscourseNetworks(index);
    assert.equal(relations.nodes.length, 5);
    assert.deepEqual(relations.edges.map((e) => [e.source, e.target, e.type, e.directed, e.attributes]), [
      ['actor:a', 'actor:b', 'allied-with', false, { relation: 'allied-with', symmetric: true }],
      ['actor:a', 'actor:c', 'patron-of', true, { relation: 'patron-of', symmetric: false, note: 'A note, with a comma' }],
    ]);
  });

  it('finds opposed stances between different claimants in the sample corpus, consistent with the affiliation network', async () => {
    const { index } = await loadSampleCorpus();
    const { affiliation, congruence, conflict, relations } = buildDiscourseNetworks(index);
    assert.ok(conflict.edges.length > 0 && congruence.edges.length > 0);
    assert.equal(relations.nodes.length, index.actorIds().length);
    const stances = new Map(affiliation.edges.map((e) => [`${e.source}|${e.target}`, e.attributes.stance as string]));
    for (const edge of conflict.edges) {
      for (const concept of edge.attributes.concepts as string[]) {
        const s = stances.get(`${edge.source}|concept:${concept}`);
        const t = stances.get(`${edge.target}|concept:${concept}`);
        assert.ok(s && t && (s !== t || s === 'both'), `${edge.id} on ${concept}: ${s} vs ${t}`);
      }
    }
  });
});

/** A minimal XML well-formedness check: balanced tags, quoted attributes, known entities. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/<!--[\s\S]*?-->/g, '');
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (const m of body.matchAll(tag)) {
    const between = body.slice(last, m.index);
    if (/[<>]/.test(between)) problems.push(`stray markup near ${JSON.stringify(between.slice(0, 40))}`);
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(between + m[3])) problems.push(`bad entity near ${JSON.stringify((between + m[3]).slice(0, 40))}`);
    last = m.index + m[0].length;
    if (m[1]) {
      if (stack.pop() !== m[2]) problems.push(`unbalanced </${m[2]}>`);
    } else if (!m[4]) stack.push(m[2]);
  }
  if (body.slice(last).trim()) problems.push('text after the root element');
  if (stack.length) problems.push(`unclosed ${stack.join(', ')}`);
  return problems;
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with a line break');
  return rows;
}

describe('network export', () => {
  it('writes one GraphML file and nodes.csv/edges.csv per network', async () => {
    const { index } = await loadFixture();
    const result = exportNetwork(index, { workspaceFolder: WORKSPACE });
    assert.deepEqual(result.files.map((f) => f.path), ['affiliation', 'congruence', 'conflict', 'relations'].flatMap((n) => [`${n}/${n}.graphml`, `${n}/nodes.csv`, `${n}/edges.csv`]));
  });

  it('writes GraphML that is well-formed, declares a key for every attribute, and references only its nodes', async () => {
    for (const load of [loadFixture, loadSampleCorpus]) {
      const { index } = await load();
      for (const graph of Object.values(buildDiscourseNetworks(index))) {
        const xml = toGraphml(graph);
        assert.deepEqual(xmlProblems(xml), [], graph.id);
        const keys = new Map([...xml.matchAll(/<key id="([^"]+)" for="(node|edge)" attr\.name="([^"]+)" attr\.type="(\w+)"\/>/g)].map((m) => [m[1], m[2]]));
        const nodeIds = new Set([...xml.matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]));
        assert.equal(nodeIds.size, graph.nodes.length);
        for (const m of xml.matchAll(/<(node|edge) [^>]*>(.*?)<\/\1>/g)) {
          for (const d of m[2].matchAll(/<data key="([^"]+)">/g)) assert.equal(keys.get(d[1]), m[1], `key ${d[1]} is declared for ${m[1]}s`);
        }
        for (const m of xml.matchAll(/<edge id="[^"]+" source="([^"]+)" target="([^"]+)"/g)) assert.ok(nodeIds.has(m[1]) && nodeIds.has(m[2]));
        assert.match(xml, new RegExp(`<graph id="${graph.id}" edgedefault="${graph.directed ? 'directed' : 'undirected'}">`));
      }
    }
    const { index } = await loadFixture();
    const relations = toGraphml(buildDiscourseNetworks(index).relations);
    assert.match(relations, /<edge id="relation:a\|allied-with\|b" source="actor:a" target="actor:b">.*<data key="edge-symmetric">true<\/data><\/edge>/);
    assert.ok(!relations.includes('directed="'), 'no per-edge direction: NetworkX refuses graphs that mix directed and undirected edges');
    assert.match(relations, /<data key="label">Actor A, &quot;quoted&quot;<\/data>/);
  });

  it('quotes CSV fields that need it, and the CSV reads back to the graph', async () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(['x', 'y']), 'x;y');
    const { index } = await loadFixture();
    const { affiliation, relations } = buildDiscourseNetworks(index);
    const nodes = parseCsv(nodesCsv(affiliation));
    assert.deepEqual(nodes[0], ['Id', 'Label', 'kind', 'ref', 'actorKind', 'wikidata']);
    assert.deepEqual(nodes[1], ['actor:a', 'Actor A, "quoted"', 'actor', 'a', 'state', 'Q1']);
    assert.equal(nodes.length, affiliation.nodes.length + 1);
    const edges = parseCsv(edgesCsv(affiliation));
    assert.deepEqual(edges[0], ['Source', 'Target', 'Type', 'Weight', 'Id', 'Label', 'claims', 'rejects', 'stance', 'supports']);
    assert.ok(edges.some((e) => e.join('|') === 'actor:d|concept:k1|Undirected|2|affiliation:d|k1|both|d1;d2|1|both|1'));
    const relationRows = parseCsv(edgesCsv(relations));
    assert.deepEqual(relationRows[2], ['actor:a', 'actor:c', 'Directed', '1', 'relation:a|patron-of|c', 'patron-of', 'A note, with a comma', 'patron-of', 'false']);
  });
});
