import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cohenKappa, intervalAlpha, jaccardAlpha, jaccardDistance, nominalAlpha, unitizingAlpha } from '../../server/src/core/agreement';
import { randomReliabilityData, seededRandom } from '../helpers/reliabilityData';

/**
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), the
 * example with four observers (A–D), twelve units and missing values
 * (undefined). Published results: nominal α = 0.743, interval α = 0.849.
 */
const KRIPPENDORFF_2011: (number | undefined)[][] = [
  // A     B  C          D
  [1, 1, undefined, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [undefined, 5, 5, 5],
  [undefined, undefined, 1, 1],
  [undefined, 3, undefined, undefined],
];
const given = (unit: (number | undefined)[]) => unit.filter((v): v is number => v !== undefined);

describe('Krippendorff α: published examples', () => {
  it('nominal α of the 2011 example with missing values is 0.743', () => {
    const result = nominalAlpha(KRIPPENDORFF_2011.map((unit) => given(unit).map(String)));
    assert.equal(result.alpha!.toFixed(3), '0.743');
    // Unit 12 has one value only: not pairable; n = 40 values in the other eleven.
    assert.equal(result.pairable, 11);
    assert.equal(result.values, 40);
  });

  it('interval α of the same data is 0.849', () => {
    assert.equal(intervalAlpha(KRIPPENDORFF_2011.map(given)).alpha!.toFixed(3), '0.849');
  });

  it('is undefined (null) without pairable units or without any variation', () => {
    assert.equal(nominalAlpha([['a'], ['b']]).alpha, null);
    assert.equal(nominalAlpha([['a', 'a'], ['a', 'a']]).alpha, null);
    assert.equal(intervalAlpha([]).alpha, null);
  });
});

describe('Cohen κ', () => {
  it('reproduces the textbook example: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4', () => {
    const pairs: [string, string][] = [];
    const add = (a: string, b: string, n: number) => {
      for (let i = 0; i < n; i++) pairs.push([a, b]);
    };
    add('yes', 'yes', 20);
    add('yes', 'no', 5);
    add('no', 'yes', 10);
    add('no', 'no', 15);
    // p_o = 35/50 = 0.7; p_e = 0.5·0.6 + 0.5·0.4 = 0.5; κ = 0.2/0.5.
    assert.ok(Math.abs(cohenKappa(pairs)! - 0.4) < 1e-12);
  });

  it('is null with no units or when chance agreement is certain', () => {
    assert.equal(cohenKappa([]), null);
    assert.equal(cohenKappa([['a', 'a'], ['a', 'a']]), null);
  });
});

describe('the set distance for `about`', () => {
  it('Jaccard distance: 1 − |A∩B| / |A∪B|', () => {
    assert.equal(jaccardDistance(['a', 'b'], ['a', 'b']), 0);
    assert.equal(jaccardDistance(['a'], ['a', 'b']), 0.5);
    assert.equal(jaccardDistance(['a', 'b'], ['b', 'c']), 1 - 1 / 3);
    assert.equal(jaccardDistance(['a'], ['b']), 1);
  });

  it('α with it, computed by hand', () => {
    // Units: {a}/{a,b} and {c}/{c}. Values: {a}, {a,b}, {c}, {c}; n = 4.
    // D_o = (1/4)·(2·0.5/1 + 0) = 0.25.
    // D_e = 2·[d({a},{a,b})·1·1 + d({a},{c})·1·2 + d({a,b},{c})·1·2] / (4·3) = 2·(0.5 + 2 + 2)/12 = 0.75.
    const result = jaccardAlpha([[['a'], ['a', 'b']], [['c'], ['c']]]);
    assert.ok(Math.abs(result.alpha! - (1 - 0.25 / 0.75)) < 1e-12);
  });
});

describe('unitizing α (|uα) over character spans', () => {
  it('matches a hand computation', () => {
    // A text of 10 characters; A marks [0,4), B marks [2,6). Per character (in, out):
    // 0–1 A only, 2–3 both, 4–5 B only, 6–9 neither. n = 2·10 = 20 values, 8 of them "in", 12 "out".
    // Observed: 4 characters where the two differ, each 2 ordered pairs /(m−1 = 1): 8.
    // α = 1 − (n − 1)·8 / (2·8·12) = 1 − 152/192.
    const result = unitizingAlpha([{ length: 10, spans: [[{ start: 0, end: 4 }], [{ start: 2, end: 6 }]] }]);
    assert.ok(Math.abs(result.alpha! - (1 - 152 / 192)) < 1e-12);
  });

  it('equals binary α with every character a unit, on random spans of three coders', () => {
    const random = seededRandom('unitizing');
    const length = 200;
    const spans = [0, 1, 2].map(() =>
      Array.from({ length: 6 }, () => {
        const start = Math.floor(random() * length);
        return { start, end: Math.min(length, start + 1 + Math.floor(random() * 30)) };
      }),
    );
    const perCharacter = Array.from({ length }, (_, i) => spans.map((coder) => (coder.some((s) => s.start <= i && i < s.end) ? 'in' : 'out')));
    const expected = nominalAlpha(perCharacter).alpha!;
    assert.ok(Math.abs(unitizingAlpha([{ length, spans }]).alpha! - expected) < 1e-9);
  });

  it('is 1 for identical spans, null with one coder', () => {
    const same = [{ start: 3, end: 9 }];
    assert.equal(unitizingAlpha([{ length: 20, spans: [same, same] }]).alpha, 1);
    assert.equal(unitizingAlpha([{ length: 20, spans: [same] }]).alpha, null);
  });
});

describe('properties (seeded random data)', () => {
  for (let round = 0; round < 20; round++) {
    const data = randomReliabilityData(`property-${round}`, { coders: 2 + (round % 3), units: 30, categories: 4, missing: 0.2 });
    it(`round ${round}: α = 1 for identical annotations; unchanged under relabelling; κ symmetric`, () => {
      const identical = data.map((unit) => unit.filter((v) => v !== undefined).map(() => String(unit.find((v) => v !== undefined))));
      const variety = new Set(identical.filter((u) => u.length >= 2).map((u) => u[0])).size;
      if (variety > 1) assert.equal(nominalAlpha(identical).alpha, 1);
      else assert.equal(nominalAlpha(identical).alpha, null);

      const nominal = data.map((unit) => unit.filter((v): v is number => v !== undefined).map(String));
      const relabel = (v: string) => `label-${(Number(v) * 7 + 3) % 11}`;
      const before = nominalAlpha(nominal).alpha;
      const after = nominalAlpha(nominal.map((unit) => unit.map(relabel))).alpha;
      assert.ok(before !== null && after !== null && Math.abs(before - after) < 1e-12);
      // Interval α is unchanged by a shift and a positive scaling of the scale.
      const numbers = data.map((unit) => unit.filter((v): v is number => v !== undefined));
      assert.ok(Math.abs(intervalAlpha(numbers).alpha! - intervalAlpha(numbers.map((u) => u.map((x) => 3 * x - 5))).alpha!) < 1e-9);

      const pairs = data.filter((u) => u[0] !== undefined && u[1] !== undefined).map((u) => [String(u[0]), String(u[1])] as [string, string]);
      const kappa = cohenKappa(pairs);
      const swapped = cohenKappa(pairs.map(([a, b]) => [b, a] as [string, string]));
      assert.ok(kappa !== null && swapped !== null && Math.abs(kappa - swapped) < 1e-12);
    });
  }
});

describe('α and κ against their definitions, with many categories', () => {
  /** Nominal α from the coincidence matrix (Krippendorff 2011): o_ck = Σ_u (pairs c–k in u) / (m_u − 1). */
  function coincidenceAlpha(units: readonly (readonly string[])[]): number {
    const o = new Map<string, number>();
    const nc = new Map<string, number>();
    let n = 0;
    for (const unit of units) {
      if (unit.length < 2) continue;
      for (let i = 0; i < unit.length; i++) {
        for (let j = 0; j < unit.length; j++) {
          if (i === j) continue;
          const key = `${unit[i]}\u0000${unit[j]}`;
          o.set(key, (o.get(key) ?? 0) + 1 / (unit.length - 1));
        }
        nc.set(unit[i], (nc.get(unit[i]) ?? 0) + 1);
        n++;
      }
    }
    let disagreeing = 0;
    for (const [key, count] of o) if (key.split('\u0000')[0] !== key.split('\u0000')[1]) disagreeing += count;
    let expected = 0;
    for (const [c, a] of nc) for (const [k, b] of nc) if (c !== k) expected += a * b;
    return 1 - ((n - 1) * disagreeing) / expected;
  }

  for (let round = 0; round < 6; round++) {
    it(`round ${round}: 40 categories, 3 coders`, () => {
      const data = randomReliabilityData(`many-${round}`, { coders: 3, units: 200, categories: 40, missing: 0.2 });
      const units = data.map((unit) => unit.filter((v): v is number => v !== undefined).map((v) => `c${v}`));
      assert.ok(Math.abs(nominalAlpha(units).alpha! - coincidenceAlpha(units)) < 1e-9);
      // κ = (p_o − p_e) / (1 − p_e) over the units both of the first two coders coded.
      const pairs = data.filter((u) => u[0] !== undefined && u[1] !== undefined).map((u) => [`c${u[0]}`, `c${u[1]}`] as [string, string]);
      const po = pairs.filter(([a, b]) => a === b).length / pairs.length;
      const share = (side: 0 | 1, label: string) => pairs.filter((p) => p[side] === label).length / pairs.length;
      const labels = new Set(pairs.flat());
      const pe = [...labels].reduce((sum, label) => sum + share(0, label) * share(1, label), 0);
      assert.ok(Math.abs(cohenKappa(pairs)! - (po - pe) / (1 - pe)) < 1e-9);
    });
  }
});
