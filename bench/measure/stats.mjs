// Medians and percentiles of measured samples.

export function median(values) {
  return percentile(values, 50);
}

/** The p-th percentile, interpolating between the closest ranks; undefined for no samples. */
export function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

export function maximum(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length > 0 ? Math.max(...finite) : undefined;
}

/** p50, p99 and max of latency samples, in milliseconds, with the sample count. */
export function latencySummary(samples) {
  return { count: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: maximum(samples) };
}
