// The benchmark's printed report: figures per scale, then every target with
// its verdict. Missed targets are spelled MISSED so they stand out in CI logs.

import { formatBytes, formatCount, formatMs, formatRatio, formatValue } from './format.mjs';

const pair = (a, b, format) => (a === undefined && b === undefined ? '—' : `${format(a)} / ${format(b)}`);

const ROWS = [
  ['load average at start', (s) => (s.loadAverageAtStart === undefined ? '—' : s.loadAverageAtStart.toFixed(2))],
  ['texts / actors / claims', (s) => `${formatCount(s.corpus.texts)} / ${formatCount(s.corpus.actors)} / ${formatCount(s.corpus.claims)}`],
  ['corpus size (annotation files)', (s) => `${formatBytes(s.corpus.bytes)} (${formatCount(s.corpus.annotationFiles)})`],
  ['cold check: wall', (s) => formatMs(s.check?.cold?.medianMs)],
  ['cold check: CPU, all threads', (s) => formatMs(s.check?.cold?.cpuMedianMs)],
  ['cold check: peak RSS', (s) => formatBytes(s.check?.cold?.maxRssBytes)],
  ['floor (read + parseDocument)', (s) => formatMs(s.check?.floor?.medianMs)],
  ['floor: CPU', (s) => formatMs(s.check?.floor?.cpuMedianMs)],
  ['cold / floor', (s) => formatRatio(s.check?.coldToFloor)],
  ['cold / floor by CPU time', (s) => formatRatio(s.check?.coldToFloorCpu)],
  ['warm check: wall', (s) => formatMs(s.check?.warm?.medianMs)],
  ['warm check: CPU, all threads', (s) => formatMs(s.check?.warm?.cpuMedianMs)],
  ['warm / floor', (s) => formatRatio(s.check?.warmToFloor)],
  ['warm / floor by CPU time', (s) => formatRatio(s.check?.warmToFloorCpu)],
  ['cold check per 1× unit', (s) => formatMs(s.check?.cold?.medianMs === undefined ? undefined : s.check.cold.medianMs / s.scale)],
  ['server: first diagnostics', (s) => formatMs(s.server?.firstDiagnosticsMs)],
  ['server: slowest of the hovers sent with initialized', (s) => formatMs(s.server?.indexing?.batchMaxMs)],
  ['server: slowest request while indexing', (s) => formatMs(s.server?.indexing?.max)],
  ['server: hover p50 / p99', (s) => pair(s.server?.hover?.p50, s.server?.hover?.p99, formatMs)],
  ['server: text didChange p50 / p99', (s) => pair(s.server?.textChange?.p50, s.server?.textChange?.p99, formatMs)],
  ['server: actors didChange p50 / p99', (s) => pair(s.server?.actorsChange?.p50, s.server?.actorsChange?.p99, formatMs)],
  ['server: peak RSS', (s) => formatBytes(s.server?.maxRssBytes)],
];

function table(header, rows) {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('   '), ...rows.map(line)].join('\n');
}

export function formatReport(results, verdicts) {
  const scales = results.scales;
  const figures = table(['', ...scales.map((s) => `${s.scale}×`)], ROWS.map(([label, value]) => [label, ...scales.map(value)]));
  const targetRows = verdicts.map(({ target, results: measured, status }) => [
    target.label,
    measured.map((r) => `${r.note ?? `${r.scale}×`}: ${formatValue(r.value, target.unit)}`).join(', ') || '—',
    status.startsWith('PASS') ? status : status.startsWith('MISSED') ? `✗ ${status}` : status,
  ]);
  const missed = verdicts.filter((v) => v.status.startsWith('MISSED')).length;
  const notes = [];
  for (const s of scales) {
    if (s.server?.hover?.misses) notes.push(`${s.scale}×: ${s.server.hover.misses} hovers over a known mention did not show the actor's card.`);
    if (s.server && s.server.consistentAfterEdits === false) notes.push(`${s.scale}×: after every edit was undone, the server's diagnostics differed from those at the start.`);
    if (s.server?.initialProblems && (s.server.initialProblems.errors || s.server.initialProblems.warnings)) notes.push(`${s.scale}×: the server reported ${s.server.initialProblems.errors} errors and ${s.server.initialProblems.warnings} warnings on the clean corpus.`);
    if (s.check && !s.check.noCacheFlag) notes.push(`${s.scale}×: this CLI has no --no-cache, so "cold" and "warm" are the same command.`);
  }
  return [
    figures,
    '',
    table(['target', 'measured', 'verdict'], targetRows),
    '',
    missed === 0 ? 'All measured targets are met.' : `MISSED: ${missed} of ${verdicts.length} targets (see above).`,
    ...notes.map((n) => `note: ${n}`),
  ].join('\n');
}
