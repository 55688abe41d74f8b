// Draws the benchmark's figures across scales as an SVG (small multiples on
// log-log axes, targets as dashed lines), written by hand: no charting
// library. Converts it to PNG when rsvg-convert or ImageMagick is installed.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { formatBytes, formatMs } from './format.mjs';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];
const PANEL = { width: 470, height: 330, left: 70, right: 46, top: 34, bottom: 108 };
const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Powers of two, for memory (128 MB, 256 MB, …, 1 GB, 2 GB). */
function binaryTicks(min, max) {
  const ticks = [];
  for (let value = 2 ** Math.floor(Math.log2(min)); value <= max * 1.001; value *= 2) if (value >= min * 0.999) ticks.push(value);
  return ticks;
}

function logTicks(min, max) {
  const ticks = [];
  for (let decade = Math.floor(Math.log10(min)); decade <= Math.ceil(Math.log10(max)); decade++) {
    for (const m of [1, 2, 5]) {
      const value = m * 10 ** decade;
      if (value >= min * 0.999 && value <= max * 1.001) ticks.push(value);
    }
  }
  return ticks;
}

/**
 * One panel. series: [{ label, points: [[scale, value]], dashed? }];
 * values in the panel's unit, drawn on a log axis.
 */
function panel({ x0, y0, title, series, legendOnly = [], scales, format, ticks = logTicks }) {
  const plotted = series.map((s) => ({ ...s, points: s.points.filter(([, v]) => Number.isFinite(v) && v > 0) })).filter((s) => s.points.length > 0);
  const out = [`<g transform="translate(${x0},${y0})">`, `<text x="${PANEL.width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${escape(title)}</text>`];
  const w = PANEL.width - PANEL.left - PANEL.right;
  const h = PANEL.height - PANEL.top - PANEL.bottom;
  out.push(`<rect x="${PANEL.left}" y="${PANEL.top}" width="${w}" height="${h}" fill="#fafafa" stroke="#999"/>`);
  if (plotted.length === 0) {
    out.push(`<text x="${PANEL.left + w / 2}" y="${PANEL.top + h / 2}" text-anchor="middle" fill="#777">not measured</text></g>`);
    return out.join('\n');
  }
  const values = plotted.flatMap((s) => s.points.map(([, v]) => v));
  let low = Math.min(...values) / 1.6;
  let high = Math.max(...values) * 1.6;
  if (high / low < 10) {
    const mid = Math.sqrt(low * high);
    low = mid / Math.sqrt(10);
    high = mid * Math.sqrt(10);
  }
  const xMin = Math.min(...scales) / 1.5;
  const xMax = Math.max(...scales) * 1.5;
  const x = (scale) => PANEL.left + ((Math.log(scale) - Math.log(xMin)) / (Math.log(xMax) - Math.log(xMin))) * w;
  const y = (v) => PANEL.top + h - ((Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low))) * h;
  for (const tick of ticks(low, high)) {
    out.push(`<line x1="${PANEL.left}" x2="${PANEL.left + w}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#e3e3e3"/>`);
    out.push(`<text x="${PANEL.left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#444">${escape(format(tick))}</text>`);
  }
  for (const scale of scales) {
    out.push(`<line x1="${x(scale).toFixed(1)}" x2="${x(scale).toFixed(1)}" y1="${PANEL.top}" y2="${PANEL.top + h}" stroke="#e3e3e3"/>`);
    out.push(`<text x="${x(scale).toFixed(1)}" y="${PANEL.top + h + 16}" text-anchor="middle" font-size="12">${scale}×</text>`);
  }
  const legend = (entry, index) => {
    const lx = PANEL.left;
    const ly = PANEL.top + h + 36 + index * 15;
    out.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly - 4}" y2="${ly - 4}" stroke="${entry.color}" stroke-width="2"${entry.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<text x="${lx + 28}" y="${ly}" font-size="11">${escape(entry.label)}</text>`);
  };
  let legendIndex = 0;
  for (const s of plotted) {
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    if (s.horizontal) {
      // A limit that holds at every scale: a line across the plot, labelled at its right end.
      const value = s.points[0][1];
      out.push(`<line x1="${PANEL.left}" x2="${PANEL.left + w}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="${s.color}" stroke-width="1.3"${dash}/>`);
      out.push(`<text x="${PANEL.left + w + 3}" y="${(y(value) + 4).toFixed(1)}" font-size="10" fill="${s.color}">${escape(format(value))}</text>`);
    } else if (s.points.length === 1) {
      const [scale, value] = s.points[0];
      if (s.dashed) out.push(`<line x1="${x(scale / 1.25).toFixed(1)}" x2="${x(scale * 1.25).toFixed(1)}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}" stroke="${s.color}" stroke-width="1.5"${dash}/>`);
    } else {
      const path = s.points.map(([scale, v]) => `${x(scale).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      out.push(`<polyline points="${path}" fill="none" stroke="${s.color}" stroke-width="${s.dashed ? 1.5 : 2.2}"${dash}/>`);
    }
    if (!s.dashed) for (const [scale, v] of s.points) out.push(`<circle cx="${x(scale).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${s.color}"><title>${escape(`${s.label} at ${scale}×: ${format(v)}`)}</title></circle>`);
    if (!s.hiddenLegend) legend(s, legendIndex++);
  }
  for (const entry of legendOnly) legend(entry, legendIndex++);
  out.push('</g>');
  return out.join('\n');
}

const seconds = (ms) => (ms === undefined ? undefined : ms / 1000);
const formatSeconds = (s) => formatMs(s * 1000);
const megabytes = (bytes) => (bytes === undefined ? undefined : bytes / 1024 ** 2);
const formatMegabytes = (mb) => formatBytes(mb * 1024 ** 2);

/** The chart of a results object, as SVG text. */
export function renderChart(results) {
  const scales = results.scales.map((s) => s.scale);
  const at = (figure) => results.scales.map((s) => [s.scale, figure(s)]);
  const first = results.scales[0];
  const panels = [
    {
      title: 'CLI check: wall time (median)',
      format: formatSeconds,
      series: [
        { label: 'cold check', points: at((s) => seconds(s.check?.cold?.medianMs)), color: COLORS[0] },
        { label: 'warm check (nothing changed)', points: at((s) => seconds(s.check?.warm?.medianMs)), color: COLORS[1] },
        { label: 'floor: read + parseDocument', points: at((s) => seconds(s.check?.floor?.medianMs)), color: COLORS[2] },
        { label: 'target: cold ≤ 1.2× floor', points: at((s) => seconds(s.check?.floor?.medianMs && s.check.floor.medianMs * 1.2)), color: COLORS[0], dashed: true },
        { label: 'target: warm ≤ 0.3× floor', points: at((s) => seconds(s.check?.floor?.medianMs && s.check.floor.medianMs * 0.3)), color: COLORS[1], dashed: true },
      ],
    },
    {
      title: 'Language server: latency (p99; max while indexing)',
      format: formatMs,
      series: [
        { label: 'hover p99 (target 5 ms)', points: at((s) => s.server?.hover?.p99), color: COLORS[0] },
        { label: 'text didChange p99 (target 30 ms)', points: at((s) => s.server?.textChange?.p99), color: COLORS[1] },
        { label: 'actors didChange p99 (300 ms at 16×)', points: at((s) => s.server?.actorsChange?.p99), color: COLORS[2] },
        { label: 'slowest request while indexing (50 ms)', points: at((s) => s.server?.indexing?.max), color: COLORS[3] },
        { label: 'targets: 5, 30, 50 and 300 ms', points: [], dashed: true, color: '#888' },
      ],
      targets: [5, 30, 50, 300],
    },
    {
      title: 'Whole-workspace diagnostics from a cold start',
      format: formatSeconds,
      series: [
        { label: 'language server: first diagnostics', points: at((s) => seconds(s.server?.firstDiagnosticsMs)), color: COLORS[3] },
        { label: 'CLI: cold check', points: at((s) => seconds(s.check?.cold?.medianMs)), color: COLORS[0] },
        { label: 'linear growth from the smallest scale', points: at((s) => seconds(first.check?.cold?.medianMs && (first.check.cold.medianMs * s.scale) / first.scale)), color: '#888', dashed: true },
      ],
    },
    {
      title: 'Peak resident memory',
      format: formatMegabytes,
      ticks: binaryTicks,
      series: [
        { label: 'CLI: cold check', points: at((s) => megabytes(s.check?.cold?.maxRssBytes)), color: COLORS[0] },
        { label: 'language server', points: at((s) => megabytes(s.server?.maxRssBytes)), color: COLORS[3] },
        { label: 'target: server ≤ 1.5 GB at 16×', points: at(() => 1.5 * 1024), color: COLORS[3], dashed: true, horizontal: true },
      ],
    },
  ];
  // Horizontal targets of the latency panel become dashed series across the scales.
  for (const limit of panels[1].targets) panels[1].series.push({ label: '', points: at(() => limit), color: '#888', dashed: true, horizontal: true, hiddenLegend: true });

  const width = PANEL.width * 2 + 20;
  const height = PANEL.height * 2 + 65;
  const machine = results.machine;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="16" font-weight="bold">Policy Annotator benchmark (issue 7): figures across corpus scales</text>`,
    `<text x="${width / 2}" y="42" text-anchor="middle" font-size="11" fill="#555">${escape(`${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, ${results.generatedAt.slice(0, 10)}; 1× = 250 texts, 1,000 actors, 2,500 claims`)}</text>`,
  ];
  panels.forEach((p, i) => {
    parts.push(panel({
      x0: 10 + (i % 2) * PANEL.width,
      y0: 55 + Math.floor(i / 2) * (PANEL.height + 5),
      title: p.title,
      scales,
      format: p.format,
      ticks: p.ticks,
      series: p.series.filter((s) => s.points.length > 0),
      legendOnly: p.series.filter((s) => s.points.length === 0),
    }));
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Writes the SVG, and a PNG beside it when a converter is installed. Returns the PNG path or undefined. */
export function writeChart(results, svgPath) {
  writeFileSync(svgPath, renderChart(results));
  const pngPath = svgPath.replace(/\.svg$/, '.png');
  const rsvg = spawnSync('rsvg-convert', ['--version'], { encoding: 'utf8' });
  if (rsvg.status === 0) {
    const converted = spawnSync('rsvg-convert', ['-b', 'white', '-o', pngPath, svgPath]);
    return converted.status === 0 ? pngPath : undefined;
  }
  const magick = spawnSync('convert', ['-version'], { encoding: 'utf8' });
  if (magick.status === 0 && /Version: ImageMagick/.test(magick.stdout)) {
    const converted = spawnSync('convert', [svgPath, pngPath]);
    return converted.status === 0 ? pngPath : undefined;
  }
  return undefined;
}
