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

/**
 * The observed side of α, built unit by unit: `add` takes a unit's Σ_{i≠j} δ
 * over its ordered pairs and its number of values m (units with m < 2 are
 * not pairable and are not given).
 */
class Observed {
  /** Σ_u 1/(m_u − 1) Σ_{i≠j in u} δ(v_i, v_j). */
  observedSum = 0;
  /** Values in pairable units. */
  n = 0;
  pairable = 0;

  add(differences: number, m: number): void {
    this.pairable++;
    this.n += m;
    this.observedSum += differences / (m - 1);
  }
}

/**
 * Categories numbered from 0 in the order they first appear, so that the
 * accumulators below count in arrays rather than in maps keyed by strings
 * (each value is looked up once, where it is read).
 */
export class Categories {
  private readonly ids = new Map<string, number>();
  /** The keys while there are few (a stance, a claim type): compared directly, without hashing each value. */
  private few: string[] | undefined = [];

  id(key: string): number {
    const few = this.few;
    if (few) {
      for (let i = 0; i < few.length; i++) if (few[i] === key) return i;
      if (few.length < FEW_CATEGORIES) {
        this.ids.set(key, few.length);
        return few.push(key) - 1;
      }
      this.few = undefined;
    }
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
}

/** Up to this many categories, `Categories` finds a key by comparing it with each. */
const FEW_CATEGORIES = 8;

/** Counts by category id, in an array that grows as ids come. */
function increment(counts: number[], id: number): number {
  while (counts.length <= id) counts.push(0);
  return ++counts[id];
}

/** Nominal α, unit by unit (`nominalAlpha`): δ = 0 for equal values, 1 otherwise. Values are category ids (`Categories`). */
export class NominalAlpha {
  private readonly observed = new Observed();
  private readonly totals: number[] = [];

  add(unit: readonly number[]): void {
    if (unit.length < 2) return;
    let pairs = 0;
    for (let i = 0; i < unit.length; i++) for (let j = i + 1; j < unit.length; j++) if (unit[i] !== unit[j]) pairs += 2;
    this.observed.add(pairs, unit.length);
    for (const id of unit) increment(this.totals, id);
  }

  result(): AlphaResult {
    const { observedSum, n, pairable } = this.observed;
    // Whole numbers: the sum is exact in any order.
    let sameTotal = 0;
    for (const count of this.totals) sameTotal += count * (count - 1);
    return finish(observedSum, n * (n - 1) - sameTotal, n, pairable);
  }
}

/** Nominal α: δ = 0 for equal values, 1 otherwise. */
export function nominalAlpha(units: readonly (readonly string[])[]): AlphaResult {
  const categories = new Categories();
  const alpha = new NominalAlpha();
  for (const unit of units) alpha.add(unit.map((value) => categories.id(value)));
  return alpha.result();
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

/** Interval α, unit by unit (`intervalAlpha`): δ = (a − b)². */
export class IntervalAlpha {
  private readonly observed = new Observed();
  /** Σx and Σx² over every value of the pairable units, in the order given. */
  private sum = 0;
  private sumOfSquares = 0;

  add(unit: readonly number[]): void {
    if (unit.length < 2) return;
    this.observed.add(squaredDifferences(unit), unit.length);
    for (const x of unit) {
      this.sum += x;
      this.sumOfSquares += x * x;
    }
  }

  result(): AlphaResult {
    const { observedSum, n, pairable } = this.observed;
    return finish(observedSum, 2 * (n * this.sumOfSquares - this.sum * this.sum), n, pairable);
  }
}

/** Interval α: δ = (a − b)². */
export function intervalAlpha(units: readonly (readonly number[])[]): AlphaResult {
  const alpha = new IntervalAlpha();
  for (const unit of units) alpha.add(unit);
  return alpha.result();
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
 * α over sets with the Jaccard distance, unit by unit (`jaccardAlpha`; sets
 * given as sorted arrays of distinct, non-empty members). The expected
 * disagreement compares only the pairs of distinct sets that share a member
 * (see jaccardPairSum).
 */
export class JaccardAlpha {
  private readonly observed = new Observed();
  /** The distinct sets, in the order they first appear in a pairable unit, with their counts by category id. */
  private readonly distinct: { set: readonly string[]; id: number }[] = [];
  private readonly counts: number[] = [];

  /** `ids`: the sets' category ids (`Categories`, keyed by `valueKey`). */
  add(unit: readonly (readonly string[])[], ids: readonly number[]): void {
    if (unit.length < 2) return;
    let sum = 0;
    for (let i = 0; i < unit.length; i++) for (let j = i + 1; j < unit.length; j++) sum += 2 * jaccardDistance(unit[i], unit[j]);
    this.observed.add(sum, unit.length);
    unit.forEach((set, i) => {
      if (increment(this.counts, ids[i]) === 1) this.distinct.push({ set, id: ids[i] });
    });
  }

  result(): AlphaResult {
    const { observedSum, n, pairable } = this.observed;
    return finish(observedSum, jaccardPairSum(this.distinct.map(({ set, id }) => ({ set, count: this.counts[id] })), n), n, pairable);
  }
}

/** α over sets with the Jaccard distance (see `JaccardAlpha`). */
export function jaccardAlpha(units: readonly (readonly (readonly string[])[])[]): AlphaResult {
  const categories = new Categories();
  const alpha = new JaccardAlpha();
  for (const unit of units) alpha.add(unit, unit.map((set) => categories.id(valueKey(set))));
  return alpha.result();
}

/**
 * Cohen's κ for two coders over the units both coded, pair by pair
 * (`cohenKappa`): (p_o − p_e) / (1 − p_e), p_e from each coder's own
 * marginal distribution.
 */
export class CohenKappa {
  private readonly first: number[] = [];
  private readonly second: number[] = [];
  /** The first coder's categories in the order they first appear. */
  private readonly order: number[] = [];
  private agree = 0;
  private total = 0;

  /** One unit both coded: each coder's category id (`Categories`). */
  add(a: number, b: number): void {
    if (a === b) this.agree++;
    this.total++;
    if (increment(this.first, a) === 1) this.order.push(a);
    increment(this.second, b);
  }

  /** null when there are no pairs, or p_e = 1 (both coders used one and the same category throughout). */
  result(): number | null {
    const { total } = this;
    if (total === 0) return null;
    let chance = 0;
    for (const id of this.order) chance += (this.first[id] / total) * ((this.second[id] ?? 0) / total);
    if (chance === 1) return null;
    return (this.agree / total - chance) / (1 - chance);
  }
}

/**
 * Cohen's κ for two coders over the units both coded: (p_o − p_e) / (1 − p_e),
 * p_e from each coder's own marginal distribution. null when there are no
 * such units or p_e = 1 (both coders used one and the same category throughout).
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const categories = new Categories();
  const kappa = new CohenKappa();
  for (const [a, b] of pairs) kappa.add(categories.id(a), categories.id(b));
  return kappa.result();
}
