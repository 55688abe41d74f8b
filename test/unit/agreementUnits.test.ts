import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildUnits, buildUnitsByRule, compareCoders, type CoderWorkspace } from '../../server/src/core/agreement';
import { seededRandom } from '../helpers/reliabilityData';
import { loadMemoryWorkspace, WORKSPACE, yaml } from '../helpers/memoryWorkspace';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';

const span = (start: number, end: number) => ({ span: { start, end } });

describe('units: claims matched across coders by their spans', () => {
  it('pairs many claims on the same words one to one, and stays near-linear', () => {
    // 5,000 claims per coder on one and the same quote (e.g. one sentence, many claimants).
    const same = Array.from({ length: 5000 }, () => span(10, 50));
    const units = buildUnits([same, same]);
    assert.equal(units.length, 5000);
    assert.ok(units.every((u) => u.members[0] !== undefined && u.members[1] !== undefined));
  });

  it('pairs the greatest overlap first, one item per coder per unit', () => {
    // A: [0,10) [20,30); B: [5,25) overlaps both, more with... [5,25)∩[0,10) = 5, ∩[20,30) = 5: a tie, to the earlier span.
    const units = buildUnits([[span(0, 10), span(20, 30)], [span(5, 25)]]);
    assert.deepEqual(units.map((u) => u.members), [[0, 0], [1, undefined]]);
  });

  it('prefers identical spans among equal overlaps', () => {
    // B's [0,10) overlaps A's [0,10) and A's [0,40) by 10 each: the identical one wins.
    const units = buildUnits([[span(0, 40), span(0, 10)], [span(0, 10)]]);
    const paired = units.find((u) => u.members[0] !== undefined && u.members[1] !== undefined)!;
    assert.equal(paired.members[0], 1);
  });

  it('leaves claims without a counterpart as units of one coder', () => {
    const units = buildUnits([[span(0, 5)], [span(10, 15)], []]);
    assert.deepEqual(units.map((u) => u.members), [[0, undefined, undefined], [undefined, 0, undefined]]);
  });

  it('three coders: a unit needs a stretch common to all its spans', () => {
    // A [0,10), B [8,20), C [15,25): B–C overlap 5, A–B overlap 2, A and C do not overlap.
    const units = buildUnits([[span(0, 10)], [span(8, 20)], [span(15, 25)]]);
    assert.deepEqual(units.map((u) => u.members), [[0, undefined, undefined], [undefined, 0, 0]]);
  });

  it('finds a long enclosing span of another coder beyond the nearest neighbours', () => {
    const many = Array.from({ length: 50 }, (_, i) => span(100 + 10 * i, 105 + 10 * i));
    // B's one claim covers everything; A's last small claim is far from B's start in start order.
    const units = buildUnits([[...many, span(0, 1000)], [span(0, 1000)]]);
    assert.equal(units.filter((u) => u.members[1] !== undefined && u.members[0] !== undefined).length, 1);
    assert.equal(units.length, 51);
  });
});

describe('units: the shortcut for two coders who marked the same spans', () => {
  /** Spans that repeat, nest and touch, in no particular order. */
  function randomSpans(random: () => number, count: number): { span: { start: number; end: number } }[] {
    const spans: { span: { start: number; end: number } }[] = [];
    for (let i = 0; i < count; i++) {
      if (spans.length > 0 && random() < 0.2) spans.push(span(spans[Math.floor(random() * spans.length)].span.start, spans[Math.floor(random() * spans.length)].span.end));
      else {
        const start = Math.floor(random() * 200);
        spans.push(span(start, start + (random() < 0.01 ? 0 : 1 + Math.floor(random() * 40))));
      }
    }
    return spans;
  }
  const shuffled = <T>(list: readonly T[], random: () => number) => list.map((item) => ({ item, key: random() })).sort((a, b) => a.key - b.key).map(({ item }) => item);

  it('gives the units the rule gives: same spans in another order, spans changed, and three coders', () => {
    const random = seededRandom('units-shortcut');
    let shortcuts = 0;
    for (let round = 0; round < 400; round++) {
      const mine = randomSpans(random, Math.floor(random() * 30));
      const kind = round % 4;
      // The same spans listed in another order; one span moved; one span more; a third coder.
      let theirs = shuffled(mine, random);
      if (kind === 1 && theirs.length > 0) theirs[0] = span(theirs[0].span.start, theirs[0].span.end + 1);
      if (kind === 2) theirs = [...theirs, ...randomSpans(random, 1)];
      const items = kind === 3 ? [mine, theirs, shuffled(mine, random)] : [mine, theirs];
      const units = buildUnits(items);
      assert.deepEqual(units, buildUnitsByRule(items), `round ${round}`);
      if (kind === 0 && mine.every((item) => item.span.end > item.span.start)) shortcuts++;
    }
    assert.ok(shortcuts > 40, `the same spans came up ${shortcuts} times`);
  });

  it('pairs copies of one span the k-th with the k-th, and leaves empty spans alone as the rule does', () => {
    const copies = [span(5, 9), span(0, 20), span(5, 9), span(5, 9)];
    const items = [copies, [span(0, 20), span(5, 9), span(5, 9), span(5, 9)]];
    assert.deepEqual(buildUnits(items), buildUnitsByRule(items));
    assert.deepEqual(buildUnits(items).map((u) => u.members), [[1, 0], [0, 1], [2, 2], [3, 3]]);
    const empty = [[span(3, 3), span(4, 8)], [span(3, 3), span(4, 8)]];
    assert.deepEqual(buildUnits(empty), buildUnitsByRule(empty));
  });
});

const ARTICLE = threeActorsArticle();
function claims(...lines: string[]) {
  return yaml('text: texts/a.txt', 'claims:', ...lines);
}

async function coder(name: string, annotation: string): Promise<CoderWorkspace> {
  const { index } = await loadMemoryWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': threeActorsYaml(), 'annotations/a.yaml': annotation });
  return { name, view: index, folderUri: WORKSPACE };
}

describe('compareCoders on two workspaces', () => {
  it('reports fields, spans and each disagreement with its words', async () => {
    const a = await coder('ann', claims('  - {id: c1, claimant: isi, stance: supports, about: [taliban], quote: The ISI backs the Taliban.}', '  - {id: c2, claimant: imran-khan, quote: the Taliban are “normal civilians.”}'));
    const b = await coder('bob', claims('  - {id: x1, claimant: isi, stance: rejects, about: [taliban, isi], quote: ISI backs the Taliban}'));
    const report = compareCoders([a, b]);
    assert.deepEqual(report.coders, ['ann', 'bob']);
    assert.equal(report.texts, 1);
    assert.deepEqual(report.fields.claimant, { metric: 'nominal', alpha: null, kappa: null, units: 2, pairable: 1, percent: 100 });
    assert.equal(report.fields.stance!.percent, 0);
    assert.equal(report.spans.claims.ann, 2);
    const stance = report.disagreements.find((d) => d.field === 'stance')!;
    assert.deepEqual(stance, { text: 'annotations/texts/a.txt', line: 1, quote: 'The ISI backs the Taliban.', field: 'stance', values: { ann: 'supports', bob: 'rejects' } });
    assert.deepEqual(report.disagreements.find((d) => d.field === 'about')!.values, { ann: ['taliban'], bob: ['isi', 'taliban'] });
    const missing = report.disagreements.find((d) => d.field === 'claim')!;
    assert.equal(missing.line, 2);
    assert.deepEqual(missing.values, { ann: 'c2', bob: null });
    // Precision of ann against bob: 1 of 2 claims overlaps; none exactly.
    const pair = report.spans.pairs.find((p) => p.coders[0] === 'ann' && p.coders[1] === 'bob')!;
    assert.deepEqual([pair.overlap.precision, pair.overlap.recall, pair.exact.matches], [0.5, 1, 0]);
    // Mentions come from each coder's own registry: the same here, so they agree.
    assert.equal(report.fields.mention!.percent, 100);
    assert.ok(!report.disagreements.some((d) => d.field === 'mention'));
  });

  it('α = 1 and no disagreements for identical workspaces; --fields and --text narrow', async () => {
    const annotation = claims('  - {id: c1, claimant: isi, concept: k, stance: supports, quote: The ISI backs the Taliban.}', '  - {id: c2, claimant: imran-khan, concept: k, stance: rejects, quote: the Taliban are “normal civilians.”}');
    const report = compareCoders([await coder('a', annotation), await coder('b', annotation), await coder('c', annotation)]);
    assert.equal(report.fields.stance!.alpha, 1);
    assert.equal(report.fields['stance-score']!.alpha, 1);
    assert.equal(report.spans.alphaU, 1);
    assert.equal(report.fields.claimant!.kappa, undefined, 'κ is for two coders only');
    assert.deepEqual(report.disagreements, []);
    const narrowed = compareCoders([await coder('a', annotation), await coder('b', annotation)], { fields: ['stance'], texts: ['annotations/other'] });
    assert.deepEqual(Object.keys(narrowed.fields), ['stance']);
    assert.equal(narrowed.texts, 0);
  });
});
