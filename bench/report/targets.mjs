// The targets of issue 7, each with the figure it is judged on. A target
// holds "at every scale unless stated"; `scales: [16]` marks the ones stated
// for 16× only.

const GB = 1024 ** 3;

export const TARGETS = [
  {
    id: 'cold-vs-floor',
    label: 'cold check ≤ 1.2× floor',
    limit: 1.2,
    figure: (s) => s.check?.coldToFloor,
    unit: '×',
  },
  {
    id: 'warm-vs-floor',
    label: 'warm check ≤ 0.3× floor',
    limit: 0.3,
    figure: (s) => s.check?.warmToFloor,
    unit: '×',
  },
  {
    id: 'hover-p99',
    label: 'hover p99 ≤ 5 ms once indexed',
    limit: 5,
    figure: (s) => s.server?.hover?.p99,
    unit: 'ms',
  },
  {
    id: 'indexing-max-wait',
    label: 'no request waits > 50 ms during indexing',
    limit: 50,
    figure: (s) => s.server?.indexing?.max,
    unit: 'ms',
  },
  {
    id: 'text-change-p99',
    label: 'text didChange → diagnostics p99 ≤ 30 ms',
    limit: 30,
    figure: (s) => s.server?.textChange?.p99,
    unit: 'ms',
  },
  {
    id: 'actors-change-p99',
    label: 'actors didChange → diagnostics p99 ≤ 300 ms at 16×',
    limit: 300,
    scales: [16],
    figure: (s) => s.server?.actorsChange?.p99,
    unit: 'ms',
  },
  {
    id: 'server-rss',
    label: 'server peak RSS ≤ 1.5 GB at 16×',
    limit: 1.5 * GB,
    scales: [16],
    figure: (s) => s.server?.maxRssBytes,
    unit: 'bytes',
  },
];

/**
 * Growth of the cold check from the smallest to the largest scale measured,
 * as the ratio of time per 1× unit: 1.0 is linear, above 1 is worse.
 */
export function checkGrowth(scales) {
  const measured = scales.filter((s) => s.check?.cold?.medianMs !== undefined).sort((a, b) => a.scale - b.scale);
  if (measured.length < 2) return undefined;
  const first = measured[0];
  const last = measured.at(-1);
  const perUnit = (s) => s.check.cold.medianMs / s.scale;
  return { from: first.scale, to: last.scale, ratio: perUnit(last) / perUnit(first) };
}

/** Judges every target on the measured scales: { target, results: [{ scale, value, pass }], status }. */
export function judgeTargets(scales) {
  const verdicts = TARGETS.map((target) => {
    const applicable = scales.filter((s) => !target.scales || target.scales.includes(s.scale));
    const results = applicable.map((s) => {
      const value = target.figure(s);
      return { scale: s.scale, value, pass: value === undefined ? undefined : value <= target.limit };
    });
    return { target, results, status: statusOf(results, target) };
  });
  const growth = checkGrowth(scales);
  const growthTarget = { id: 'check-growth', label: 'check time grows no worse than linearly 1×→16×', limit: 1, unit: '×' };
  const growthResults = growth ? [{ scale: growth.to, value: growth.ratio, pass: growth.ratio <= 1, note: `${growth.from}×→${growth.to}×` }] : [];
  verdicts.splice(2, 0, { target: growthTarget, results: growthResults, status: growth ? (growth.ratio <= 1 ? 'PASS' : 'MISSED') + (growth.to !== 16 || growth.from !== 1 ? ` (${growth.from}×→${growth.to}× only)` : '') : 'not measured (needs two scales)' });
  return verdicts;
}

function statusOf(results, target) {
  if (results.length === 0) return `not measured (needs ${target.scales.map((s) => `${s}×`).join(', ')})`;
  if (results.some((r) => r.pass === undefined)) return 'not measured';
  const missed = results.filter((r) => !r.pass).map((r) => `${r.scale}×`);
  return missed.length === 0 ? 'PASS' : `MISSED at ${missed.join(', ')}`;
}
