/**
 * Krippendorff's α and Cohen's κ over reliability data: units, each with
 * the values the coders gave it (a coder who gave none is left out: the
 * standard treatment of missing data). Units with fewer than two values are
 * not pairable and take no part.
 *
 * α = 1 − D_o / D_e, where, over the n values of the pairable units,
 *   D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j in u} δ(v_i, v_j)
 *   D_e = 1/(n(n − 1)) Σ_{i≠j over all n values} δ(v_i, v_j)
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011: the
 * same as the coincidence-matrix form). Nominal and interval α are computed
 * from value counts and sums, in time linear in the number of values; the
 * set distance compares each pair of distinct sets that share a member once.
 */

/** The distance a field's values are compared with. */
export type AlphaMetric = 'nominal' | 'interval' | 'jaccard';

export interface AlphaResult {
  /** null when undefined: no pairable unit, or no variation at all (D_e = 0). */
  alpha: number | null;
  /** Units with at least two values. */
  pairable: number;
  /** Values in pairable units (n). */
  values: number;
}

/** A value as a category: its key. Sets are keyed by their sorted members. */
export function valueKey(value: string | number | readonly string[]): string {
  return typeof value === 'object' ? JSON.stringify([...value].sort()) : typeof value === 'number' ? `#${value}` : value;
}

/** Jaccard distance of two sets, given as sorted arrays of distinct members: 1 − |A∩B| / |A∪B|. */
export function jaccardDistance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return 1 - common / (a.length + b.length - common);
}

function finish(observedSum: number, expectedSum: number, n: number, pairable: number): AlphaResult {
  if (pairable === 0 || n < 2) return { alpha: null, pairable, values: n };
  const observed = observedSum / n;
  const expected = expectedSum / (n * (n - 1));
  if (expected === 0) return { alpha: null, pairable, values: n };
  return { alpha: 1 - observed / expected, pairable, values: n };
}

interface Observed {
  /** Σ_u 1/(m_u − 1) Σ_{i≠j in u} δ(v_i, v_j). */
  observedSum: number;
  /** Values in pairable units. */
  n: number;
  pairable: number;
}

/**
 * The observed side of α, over the pairable units: `within` gives a unit's
 * Σ_{i≠j} δ over its ordered pairs (m is the number of coders: small), and
 * `each` sees every value of a pairable unit, for the expected side.
 */
function observe<V>(units: readonly (readonly V[])[], within: (unit: readonly V[]) => number, each: (value: V) => void): Observed {
  const observed: Observed = { observedSum: 0, n: 0, pairable: 0 };
  for (const unit of units) {
    if (unit.length < 2) continue;
    observed.pairable++;
    observed.n += unit.length;
    observed.observedSum += within(unit) / (unit.length - 1);
    unit.forEach(each);
  }
  return observed;
}

/** Nominal α: δ = 0 for equal values, 1 otherwise. */
export function nominalAlpha(units: readonly (readonly string[])[]): AlphaResult {
  const totals = new Map<string, number>();
  const differing = (unit: readonly string[]) => {
    let pairs = 0;
    for (let i = 0; i < unit.length; i++) for (let j = i + 1; j < unit.length; j++) if (unit[i] !== unit[j]) pairs += 2;
    return pairs;
  };
  const { observedSum, n, pairable } = observe(units, differing, (value) => totals.set(value, (totals.get(value) ?? 0) + 1));
  let sameTotal = 0;
  for (const count of totals.values()) sameTotal += count * (count - 1);
  return finish(observedSum, n * (n - 1) - sameTotal, n, pairable);
}

/** Σ_{i≠j} (x_i − x_j)² over the ordered pairs of some numbers = 2(m Σx² − (Σx)²). */
function squaredDifferences(values: readonly number[]): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (const x of values) {
    sum += x;
    sumOfSquares += x * x;
  }
  return 2 * (values.length * sumOfSquares - sum * sum);
}

/** Interval α: δ = (a − b)². */
export function intervalAlpha(units: readonly (readonly number[])[]): AlphaResult {
  const all: number[] = [];
  const { observedSum, n, pairable } = observe(units, squaredDifferences, (value) => all.push(value));
  return finish(observedSum, squaredDifferences(all), n, pairable);
}

/**
 * Σ over ordered pairs of distinct values (i ≠ j) of their Jaccard distance,
 * for values grouped into distinct sets with counts. Two sets with no member
 * in common are at distance 1, so the sum starts from "every pair at
 * distance 1" and takes off the similarity of the pairs of distinct sets
 * that share a member, found through an index from member to sets: the work
 * is the number of such pairs, not the square of the number of sets.
 */
function jaccardPairSum(entries: readonly { set: readonly string[]; count: number }[], n: number): number {
  let sum = n * (n - 1);
  // Pairs of equal values (the same distinct set) are at distance 0.
  for (const entry of entries) sum -= entry.count * (entry.count - 1);
  const setsByMember = new Map<string, number[]>();
  entries.forEach((entry, i) => {
    for (const member of entry.set) {
      const list = setsByMember.get(member);
      if (list) list.push(i);
      else setsByMember.set(member, [i]);
    }
  });
  const done = new Set<number>();
  entries.forEach((entry, i) => {
    done.clear();
    for (const member of entry.set) {
      for (const j of setsByMember.get(member)!) {
        if (j <= i || done.has(j)) continue;
        done.add(j);
        const similarity = 1 - jaccardDistance(entry.set, entries[j].set);
        sum -= 2 * entry.count * entries[j].count * similarity;
      }
    }
  });
  return sum;
}

/**
 * α over sets with the Jaccard distance (sets given as sorted arrays of
 * distinct, non-empty members). The expected disagreement compares only
 * the pairs of distinct sets that share a member (see jaccardPairSum).
 */
export function jaccardAlpha(units: readonly (readonly (readonly string[])[])[]): AlphaResult {
  const distinct = new Map<string, { set: readonly string[]; count: number }>();
  const within = (unit: readonly (readonly string[])[]) => {
    let sum = 0;
    for (let i = 0; i < unit.length; i++) for (let j = i + 1; j < unit.length; j++) sum += 2 * jaccardDistance(unit[i], unit[j]);
    return sum;
  };
  const { observedSum, n, pairable } = observe(units, within, (set) => {
    const key = valueKey(set);
    const entry = distinct.get(key);
    if (entry) entry.count++;
    else distinct.set(key, { set, count: 1 });
  });
  return finish(observedSum, jaccardPairSum([...distinct.values()], n), n, pairable);
}

/**
 * Cohen's κ for two coders over the units both coded: (p_o − p_e) / (1 − p_e),
 * p_e from each coder's own marginal distribution. null when there are no
 * such units or p_e = 1 (both coders used one and the same category throughout).
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number | null {
  if (pairs.length === 0) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const total = pairs.length;
  let chance = 0;
  for (const [value, count] of first) chance += (count / total) * ((second.get(value) ?? 0) / total);
  if (chance === 1) return null;
  return (agree / total - chance) / (1 - chance);
}
