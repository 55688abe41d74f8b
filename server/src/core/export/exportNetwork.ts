import type { WorkspaceView } from '../workspace/workspaceView';
import { buildDiscourseNetworks, NETWORK_IDS, type AttributeValue, type NetworkFilter, type NetworkGraph } from './discourseNetwork';
import { csvCell, escapeXml } from './textEscapes';
import type { ExportedFile, ExportOptions, ExportResult } from './exportTypes';

/*
 * The discourse networks as files, one folder per network:
 *
 *   <network>/<network>.graphml   one graph per file (Gephi opens one graph per file)
 *   <network>/nodes.csv           Id, Label, kind, ref, then the node attributes
 *   <network>/edges.csv           Source, Target, Type (Directed/Undirected), Weight, Id, Label, then the edge attributes
 *
 * CSV follows RFC 4180 quoting (fields with a comma, quote or line break are
 * quoted, quotes doubled) with LF line ends; the column names are the ones
 * Gephi's spreadsheet import recognises. List attributes (claim and concept
 * ids) are joined with ";" in both formats.
 *
 * GraphML edges take the graph's direction: a symmetric relation in the
 * (directed) relation graph is one edge marked `symmetric` = true rather
 * than an edge with directed="false", because NetworkX refuses graphs that
 * mix the two. The CSV marks such edges Undirected, which Gephi handles.
 */

export { escapeXml };

export function exportNetwork(index: WorkspaceView, options: ExportOptions, filter: NetworkFilter = {}): ExportResult {
  const networks = buildDiscourseNetworks(index, options.at === undefined ? filter : { ...filter, at: options.at });
  const files: ExportedFile[] = [];
  const counts: Record<string, number> = {};
  for (const id of NETWORK_IDS) {
    const graph = networks[id];
    files.push({ path: `${id}/${id}.graphml`, content: toGraphml(graph) });
    files.push({ path: `${id}/nodes.csv`, content: nodesCsv(graph) });
    files.push({ path: `${id}/edges.csv`, content: edgesCsv(graph) });
    counts[`${id} edges`] = graph.edges.length;
  }
  return { files, warnings: [], counts };
}

// ---- GraphML -------------------------------------------------------------

type GraphmlType = 'string' | 'int' | 'double' | 'boolean';

interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: GraphmlType;
}

function typeOf(values: AttributeValue[]): GraphmlType {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'int';
  if (values.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

function textOf(value: AttributeValue): string {
  return Array.isArray(value) ? value.join(';') : String(value);
}

/** Attribute names used by any node or edge, sorted, with their values. */
function attributeColumns(items: { attributes: Record<string, AttributeValue> }[]): Map<string, AttributeValue[]> {
  const columns = new Map<string, AttributeValue[]>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item.attributes)) columns.set(name, [...(columns.get(name) ?? []), value]);
  }
  return new Map([...columns.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A graph as GraphML 1.0, with a key declared for every node and edge attribute used. */
export function toGraphml(graph: NetworkGraph): string {
  const nodeKeys: Key[] = [
    { id: 'label', for: 'node', name: 'label', type: 'string' },
    { id: 'kind', for: 'node', name: 'kind', type: 'string' },
    { id: 'ref', for: 'node', name: 'ref', type: 'string' },
    ...[...attributeColumns(graph.nodes)].map(([name, values]): Key => ({ id: `node-${name}`, for: 'node', name, type: typeOf(values) })),
  ];
  const edgeKeys: Key[] = [
    { id: 'edge-label', for: 'edge', name: 'label', type: 'string' },
    { id: 'weight', for: 'edge', name: 'weight', type: 'double' },
    ...[...attributeColumns(graph.edges)].map(([name, values]): Key => ({ id: `edge-${name}`, for: 'edge', name, type: typeOf(values) })),
  ];
  const data = (key: string, value: AttributeValue) => `<data key="${escapeXml(key)}">${escapeXml(textOf(value))}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <!-- ${graph.label.replace(/-{2,}/g, '-')}: written by policy-annotator export (format network) -->`,
    ...[...nodeKeys, ...edgeKeys].map((k) => `  <key id="${escapeXml(k.id)}" for="${k.for}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`),
    `  <graph id="${graph.id}" edgedefault="${graph.directed ? 'directed' : 'undirected'}">`,
  ];
  for (const node of graph.nodes) {
    const attributes = Object.entries(node.attributes).sort(([a], [b]) => (a < b ? -1 : 1));
    const fields = [data('label', node.label), data('kind', node.kind), data('ref', node.ref), ...attributes.map(([name, value]) => data(`node-${name}`, value))];
    lines.push(`    <node id="${escapeXml(node.id)}">${fields.join('')}</node>`);
  }
  for (const edge of graph.edges) {
    const attributes = Object.entries(edge.attributes).sort(([a], [b]) => (a < b ? -1 : 1));
    const fields = [data('edge-label', edge.type), data('weight', edge.weight), ...attributes.map(([name, value]) => data(`edge-${name}`, value))];
    lines.push(`    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${fields.join('')}</edge>`);
  }
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

// ---- CSV -----------------------------------------------------------------

/** One CSV field, safe from spreadsheets' formulas and quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: AttributeValue | undefined): string {
  return csvCell(value === undefined ? '' : textOf(value));
}

function csv(rows: (AttributeValue | undefined)[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

export function nodesCsv(graph: NetworkGraph): string {
  const columns = [...attributeColumns(graph.nodes).keys()];
  return csv([['Id', 'Label', 'kind', 'ref', ...columns], ...graph.nodes.map((n) => [n.id, n.label, n.kind, n.ref, ...columns.map((c) => n.attributes[c])])]);
}

export function edgesCsv(graph: NetworkGraph): string {
  const columns = [...attributeColumns(graph.edges).keys()];
  return csv([
    ['Source', 'Target', 'Type', 'Weight', 'Id', 'Label', ...columns],
    ...graph.edges.map((e) => [e.source, e.target, e.directed ? 'Directed' : 'Undirected', e.weight, e.id, e.type, ...columns.map((c) => e.attributes[c])]),
  ]);
}
