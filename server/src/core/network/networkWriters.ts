import { csvText, escapeXml } from '../export/textEscapes';
import type { NetworkResult } from './computeNetwork';
import { denseRows, forEachCell, type MatrixLabel, type NetworkMatrix } from './networkMatrix';
import type { NetworkLabels } from './networkOptions';

/*
 * The network writers. Each writes one matrix; a time-window series is one
 * file per window (or, for JSON, one file holding every window).
 *
 * - csv: the first row is an empty cell, then the column labels; each further
 *   row is a row label, then its values (RFC 4180 quoting, LF line ends).
 * - dl: UCINET DL, `format = fullmatrix`, labels embedded (as DNA writes it:
 *   `n =` for one-mode, `nr =`/`nc =` with row and column labels for two-mode).
 * - graphml: nodes (rows, and for two-mode the columns too) and one edge per
 *   non-zero cell with its `weight`; one-mode networks are undirected.
 * - json: the options, the qualifier levels and every matrix with its labels.
 *
 * Numbers: whole numbers as integers, others with up to 12 significant digits
 * (so that 0.1 + 0.2 prints 0.3).
 */

export type NetworkFormat = 'csv' | 'dl' | 'graphml' | 'json';
export const NETWORK_FORMATS: readonly NetworkFormat[] = ['csv', 'dl', 'graphml', 'json'];

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}

const labelOf = (label: MatrixLabel, labels: NetworkLabels | undefined) => (labels === 'id' ? label.id : label.name);

export function matrixCsv(matrix: NetworkMatrix, labels?: NetworkLabels): string {
  const header = ['', ...matrix.columns.map((c) => labelOf(c, labels))];
  const body = denseRows(matrix).map((values, i) => [labelOf(matrix.rows[i], labels), ...values.map(formatNumber)]);
  return csvText([header, ...body]);
}

/** A DL label: quoted, without quotes or line breaks inside (UCINET reads neither). */
const dlLabel = (text: string) => `"${text.replace(/["\r\n]+/g, ' ').trim()}"`;

export function matrixDl(matrix: NetworkMatrix, oneMode: boolean, labels?: NetworkLabels): string {
  const lines = [oneMode ? `dl n = ${matrix.rows.length}, format = fullmatrix` : `dl nr = ${matrix.rows.length}, nc = ${matrix.columns.length}, format = fullmatrix`];
  lines.push(oneMode ? 'labels:' : 'row labels:', ...matrix.rows.map((r) => dlLabel(labelOf(r, labels))));
  if (!oneMode) lines.push('col labels:', ...matrix.columns.map((c) => dlLabel(labelOf(c, labels))));
  lines.push('data:', ...denseRows(matrix).map((values) => values.map(formatNumber).join(' ')));
  return `${lines.join('\n')}\n`;
}

/**
 * A graph node's id for a matrix label. In a two-mode network rows and
 * columns are different nodes even for the same id (an actor that claims and
 * is claimed about, with `--columns about`): `row:<id>` and `column:<id>`, so
 * that a claim about oneself is an edge between two nodes, not a self-loop.
 * A one-mode network has one node per id.
 */
export function modeNodeId(oneMode: boolean, side: 'row' | 'column', id: string): string {
  return oneMode ? id : `${side}:${id}`;
}

export function matrixGraphml(matrix: NetworkMatrix, oneMode: boolean): string {
  const nodeId = (side: 'row' | 'column', label: MatrixLabel) => modeNodeId(oneMode, side, label.id);
  const data = (key: string, value: string) => `<data key="${key}">${escapeXml(value)}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="ref" for="node" attr.name="ref" attr.type="string"/>',
    '  <key id="mode" for="node" attr.name="mode" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    `  <graph id="network" edgedefault="undirected">`,
  ];
  const node = (side: 'row' | 'column', label: MatrixLabel) => `    <node id="${escapeXml(nodeId(side, label))}">${data('label', label.name)}${data('ref', label.id)}${data('mode', side)}</node>`;
  lines.push(...matrix.rows.map((r) => node('row', r)));
  if (!oneMode) lines.push(...matrix.columns.map((c) => node('column', c)));
  forEachCell(matrix, (i, j, value) => {
    if (oneMode && j <= i) return;
    const source = nodeId('row', matrix.rows[i]);
    const target = nodeId(oneMode ? 'row' : 'column', matrix.columns[j]);
    lines.push(`    <edge source="${escapeXml(source)}" target="${escapeXml(target)}">${data('weight', formatNumber(value))}</edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

export function networkJson(result: NetworkResult): string {
  const matrices = result.matrices.map((m) => ({
    ...(m.time !== undefined ? { time: m.time, start: m.start, stop: m.stop } : {}),
    statements: m.statements,
    rows: m.rows,
    columns: m.columns,
    matrix: denseRows(m).map((values) => values.map((v) => Number(formatNumber(v)))),
  }));
  return `${JSON.stringify({ options: result.options, qualifierLevels: result.levels.values, networks: matrices }, null, 2)}\n`;
}

/** One written network: its file name suffix (empty for a single network) and content. */
export interface NetworkOutput {
  /** For a time-window series: `-<n>-<time>`, to go before the file extension. */
  suffix: string;
  content: string;
}

/** The files for a result in a format: one, or one per time window (JSON: always one). */
export function writeNetwork(result: NetworkResult, format: NetworkFormat): NetworkOutput[] {
  if (format === 'json') return [{ suffix: '', content: networkJson(result) }];
  const oneMode = result.options.type === 'onemode';
  const write = (m: NetworkMatrix) => (format === 'csv' ? matrixCsv(m, result.options.labels) : format === 'dl' ? matrixDl(m, oneMode, result.options.labels) : matrixGraphml(m, oneMode));
  if (result.options.timeWindow === undefined) return result.matrices.map((m) => ({ suffix: '', content: write(m) }));
  const digits = String(result.matrices.length).length;
  return result.matrices.map((m, n) => ({ suffix: `-${String(n + 1).padStart(digits, '0')}-${m.time}`, content: write(m) }));
}
