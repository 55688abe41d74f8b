import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ClaimDef, WorkspaceView } from '../../server/src/core';
import { computeNetwork, DEFAULT_NETWORK_OPTIONS, denseRows, networkOptionsProblem, rowOf, type NetworkOptions } from '../../server/src/core/network';
import { loadMemoryWorkspace } from '../helpers/memoryWorkspace';
import { duplicatesFixture, NETWORK_FIXTURE } from '../helpers/networkFixture';

// Every expected matrix below is computed by hand from the counts in test/helpers/networkFixture.ts.

let fixture: Promise<WorkspaceView> | undefined;
const view = () => (fixture ??= loadMemoryWorkspace(NETWORK_FIXTURE).then((l) => l.index));

async function network(options: Partial<NetworkOptions>, index?: WorkspaceView) {
  const result = computeNetwork(index ?? (await view()), { ...DEFAULT_NETWORK_OPTIONS, ...options });
  assert.equal(result.matrices.length, 1);
  const [matrix] = result.matrices;
  return { rows: matrix.rows.map((r) => r.id), columns: matrix.columns.map((c) => c.id), matrix: denseRows(matrix).map((row) => row.map((v) => Math.round(v * 1e9) / 1e9)) };
}

const third = Math.round(1e9 / 3) / 1e9;
const twoThirds = Math.round(2e9 / 3) / 1e9;

describe('network engine: one-mode', () => {
  it('ignore: Σ over concepts of (statements of i) × (statements of j); the claimant x, no actor, is no row', async () => {
    // a-b: k1 2·1 + k2 1·1 = 3; a-c: 2·1 + 1·1 = 3; a-d: k1 2·1 = 2; b-c: 1 + 1 = 2; b-d: k1 1 + k3 1 = 2; c-d: k1 1
    assert.deepEqual(await network({}), {
      rows: ['a', 'b', 'c', 'd'],
      columns: ['a', 'b', 'c', 'd'],
      matrix: [
        [0, 3, 3, 2],
        [3, 0, 2, 2],
        [3, 2, 0, 1],
        [2, 2, 1, 0],
      ],
    });
  });

  it('congruence weighs pairs by proximity, conflict by distance, subtract is their difference', async () => {
    // congruence: a-b k1 (+,+) 2 + k2 (−,−) 1 = 3; b-d k3 (+,+) 1; c-d k1 (−,−) 1; every other pair disagrees
    assert.deepEqual((await network({ qualifierAggregation: 'congruence' })).matrix, [
      [0, 3, 0, 0],
      [3, 0, 0, 1],
      [0, 0, 0, 1],
      [0, 1, 1, 0],
    ]);
    // conflict: a-c k1 2 + k2 1 = 3; a-d k1 2; b-c k1 1 + k2 1 = 2; b-d k1 1
    assert.deepEqual((await network({ qualifierAggregation: 'conflict' })).matrix, [
      [0, 0, 3, 2],
      [0, 0, 2, 1],
      [3, 2, 0, 0],
      [2, 1, 0, 0],
    ]);
    assert.deepEqual((await network({ qualifierAggregation: 'subtract' })).matrix, [
      [0, 3, -3, -2],
      [3, 0, -2, 0],
      [-3, -2, 0, 1],
      [-2, 0, 1, 0],
    ]);
  });

  it('average divides by the mean of the two rows’ statement counts', async () => {
    // n = 3, 3, 2, 2: a-b 3/3; a-c 3/2.5; a-d 2/2.5; b-c 2/2.5; b-d 2/2.5; c-d 1/2
    assert.deepEqual((await network({ normalization: 'average' })).matrix, [
      [0, 1, 1.2, 0.8],
      [1, 0, 0.8, 0.8],
      [1.2, 0.8, 0, 0.5],
      [0.8, 0.8, 0.5, 0],
    ]);
  });

  it('cosine divides by the product of the two rows’ statement counts (DNA’s definition)', async () => {
    // a-b 3/9; a-c 3/6; a-d 2/6; b-c 2/6; b-d 2/6; c-d 1/4
    assert.deepEqual((await network({ normalization: 'cosine' })).matrix, [
      [0, third, 0.5, third],
      [third, 0, third, third],
      [0.5, third, 0, 0.25],
      [third, third, 0.25, 0],
    ]);
  });

  it('jaccard divides by m10 + m01 + m11 over (concept, qualifier) cells', async () => {
    // cells: a (k1,+)2 (k2,−)1; b (k1,+)1 (k2,−)1 (k3,+)1; c (k1,−)1 (k2,+)1; d (k1,−)1 (k3,+)1
    // a-b: m11 = 2·1 + 1·1 = 3, m10 = 0, m01 = 1 → 4; a-c: 3 + 2 → 5; a-d: 3 + 2 → 5; b-c: 5; b-d: m11 1, m10 2, m01 1 → 4; c-d: 1 + 1 + 1 → 3
    assert.deepEqual((await network({ normalization: 'jaccard' })).matrix, [
      [0, 0.75, 0.6, 0.4],
      [0.75, 0, 0.4, 0.5],
      [0.6, 0.4, 0, third],
      [0.4, 0.5, third, 0],
    ]);
    // congruence over the same denominators: a-b 3/4, b-d 1/4, c-d 1/3
    assert.deepEqual((await network({ normalization: 'jaccard', qualifierAggregation: 'congruence' })).matrix, [
      [0, 0.75, 0, 0],
      [0.75, 0, 0, 0.25],
      [0, 0, 0, third],
      [0, 0.25, third, 0],
    ]);
  });
});

describe('network engine: two-mode', () => {
  it('ignore counts statements; subtract sums the scores; combine codes the stances used (1 supports, 2 rejects, 3 both)', async () => {
    const ignore = await network({ type: 'twomode' });
    assert.deepEqual(ignore.columns, ['k1', 'k2', 'k3']);
    assert.deepEqual(ignore.matrix, [
      [2, 1, 0],
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 1],
    ]);
    assert.deepEqual((await network({ type: 'twomode', qualifierAggregation: 'subtract' })).matrix, [
      [2, -1, 0],
      [1, -1, 1],
      [-1, 1, 0],
      [-1, 0, 1],
    ]);
    assert.deepEqual((await network({ type: 'twomode', qualifierAggregation: 'combine' })).matrix, [
      [1, 2, 0],
      [1, 2, 1],
      [2, 1, 0],
      [2, 0, 1],
    ]);
  });

  it('activity divides each row by its total; prominence each column', async () => {
    // row totals 3, 3, 2, 2
    assert.deepEqual((await network({ type: 'twomode', normalization: 'activity' })).matrix, [
      [twoThirds, third, 0],
      [third, third, third],
      [0.5, 0.5, 0],
      [0.5, 0, 0.5],
    ]);
    // column totals k1 5, k2 3, k3 2
    assert.deepEqual((await network({ type: 'twomode', normalization: 'prominence' })).matrix, [
      [0.4, third, 0],
      [0.2, third, 0.5],
      [0.2, third, 0],
      [0.2, 0, 0.5],
    ]);
    // combine: the denominator is the number of non-zero cells (a: 2 → 1/2, 2/2)
    assert.deepEqual((await network({ type: 'twomode', qualifierAggregation: 'combine', normalization: 'activity' })).matrix[0], [0.5, 1, 0]);
    // subtract: the denominator is the statement count (a: 3 → 2/3, −1/3)
    assert.deepEqual((await network({ type: 'twomode', qualifierAggregation: 'subtract', normalization: 'activity' })).matrix[0], [twoThirds, -third, 0]);
  });

  it('about columns: one statement per about id', async () => {
    const { index } = await loadMemoryWorkspace({
      ...NETWORK_FIXTURE,
      'annotations/three.yaml': 'text: three.txt\nclaims:\n  - claimant: b\n    quote: words\n    stance: supports\n    about: [a, k1]\n',
    });
    const about = await network({ type: 'twomode', columns: 'about', excludeActors: [], start: undefined }, index);
    assert.deepEqual(about.rows, ['b']);
    assert.deepEqual(about.columns, ['a', 'k1']);
    assert.deepEqual(about.matrix, [[1, 1]]);
  });
});

describe('network engine: rows, filters and isolates', () => {
  it('person rows keep claimants of kind person; organization rows use on-behalf-of, else the claimant', async () => {
    const person = await network({ type: 'twomode', rows: 'person' });
    assert.deepEqual(person.rows, ['d']);
    assert.deepEqual(person.columns, ['k1', 'k3'], 'only the columns the kept statements use');
    assert.deepEqual(person.matrix, [[1, 1]]);
    const index = await view();
    const at = { start: 0, end: 0 };
    const claim = (onBehalfOf?: string): ClaimDef => ({ range: at, about: [], reportedBy: [], attributes: [], claimant: { value: 'd', range: at }, ...(onBehalfOf ? { onBehalfOf: { value: onBehalfOf, range: at } } : {}) });
    assert.equal(rowOf(index, claim('c'), 'organization'), 'c');
    assert.equal(rowOf(index, claim(), 'organization'), 'd');
    assert.equal(rowOf(index, claim('nobody'), 'organization'), undefined, 'an undefined id is never a row');
    assert.equal(rowOf(index, claim('c'), 'claimant'), 'd');
  });

  it('start and stop bound the text’s published date, inclusive; partial dates are periods', async () => {
    // from 2021-03-02: two.yaml and three.yaml only
    assert.deepEqual((await network({ type: 'twomode', start: '2021-03-02' })).matrix, [
      [1, 0, 0],
      [0, 1, 1],
      [0, 1, 0],
      [1, 0, 1],
    ]);
    // up to March 2021 (its last day): one.yaml and two.yaml
    const march = await network({ type: 'twomode', stop: '2021-03' });
    assert.deepEqual(march.columns, ['k1', 'k2']);
    assert.deepEqual(march.matrix, [
      [2, 1],
      [1, 1],
      [1, 1],
      [1, 0],
    ]);
  });

  it('excludes actors, concepts, claim types, authors and sources', async () => {
    assert.deepEqual((await network({ excludeActors: ['b'] })).rows, ['a', 'c', 'd']);
    assert.deepEqual((await network({ type: 'twomode', excludeConcepts: ['k1'] })).columns, ['k2', 'k3']);
    // the demand is d's only k3 statement
    assert.deepEqual((await network({ type: 'twomode', excludeTypes: ['demand'] })).matrix[3], [1, 0, 0]);
    // author d wrote one.yaml: two and three remain, as with --start 2021-03-02
    assert.deepEqual((await network({ type: 'twomode', excludeAuthors: ['d'] })).matrix, (await network({ type: 'twomode', start: '2021-03-02' })).matrix);
    // tribune.com.pk is two.yaml's source
    assert.deepEqual((await network({ type: 'twomode', excludeSources: ['Tribune.com.pk'] })).matrix, [
      [1, 1, 0],
      [1, 0, 1],
      [1, 0, 0],
      [0, 0, 1],
    ]);
  });

  it('isolates keep every actor and concept, excluded ones apart', async () => {
    const { index } = await loadMemoryWorkspace({ ...NETWORK_FIXTURE, 'annotations/more.yaml': yamlOf('actors:', '  - id: e', '    name: E', '    kind: media', 'concepts:', '  - id: k4', '    label: Fourth') });
    const isolated = await network({ type: 'twomode', isolates: true, excludeActors: ['b'] }, index);
    assert.deepEqual(isolated.rows, ['a', 'c', 'd', 'e']);
    assert.deepEqual(isolated.columns, ['k1', 'k4', 'k2', 'k3'], 'sorted by label, as DNA does: First, Fourth, Second, Third');
    assert.deepEqual(isolated.matrix[3], [0, 0, 0, 0]);
    const oneMode = await network({ isolates: true, normalization: 'cosine' }, index);
    assert.deepEqual(oneMode.matrix[4], [0, 0, 0, 0, 0], 'an isolate divides 0 by 0: its cells are 0');
  });
});

function yamlOf(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

describe('network engine: duplicates', () => {
  let duplicates: Promise<WorkspaceView> | undefined;
  const cellOf = async (options: Partial<NetworkOptions>) => (await network({ type: 'twomode', ...options }, await (duplicates ??= loadMemoryWorkspace(duplicatesFixture()).then((l) => l.index)))).matrix[0][0];

  it('drops repeats of row, column (and qualifier unless ignored) per document, week, month, year or across the range', async () => {
    // ignore: the qualifier does not count, so d1's three claims are one statement per period
    assert.equal(await cellOf({ duplicates: 'include' }), 7);
    assert.equal(await cellOf({ duplicates: 'document' }), 5);
    assert.equal(await cellOf({ duplicates: 'week' }), 4, 'd1 and d2 share ISO week 2021-W09');
    assert.equal(await cellOf({ duplicates: 'month' }), 3);
    assert.equal(await cellOf({ duplicates: 'year' }), 2);
    assert.equal(await cellOf({ duplicates: 'acrossrange' }), 1);
    // subtract uses the qualifier: d1 keeps one support and its reject (0), d2–d5 add 1 each
    assert.equal(await cellOf({ duplicates: 'document', qualifierAggregation: 'subtract' }), 4);
    // across the range: one support and one reject remain
    assert.equal(await cellOf({ duplicates: 'acrossrange', qualifierAggregation: 'combine' }), 3);
  });
});

describe('network engine: time windows', () => {
  it('centres a window on each day, skips windows past the range or without statements', async () => {
    // days, size 3: half-width 1; t = 03-01 reaches before the first date; 03-02 … 03-04 hold two.yaml (03-02 also one.yaml); 04-09 holds three.yaml; 04-10 reaches past the last date
    const result = computeNetwork(await view(), { ...DEFAULT_NETWORK_OPTIONS, type: 'twomode', timeWindow: 'days', windowSize: 3 });
    assert.deepEqual(result.matrices.map((m) => [m.time, m.start, m.stop, m.statements]), [
      ['2021-03-02', '2021-03-01', '2021-03-03', 8],
      ['2021-03-03', '2021-03-02', '2021-03-04', 4],
      ['2021-03-04', '2021-03-03', '2021-03-05', 4],
      ['2021-04-09', '2021-04-08', '2021-04-10', 2],
    ]);
    assert.deepEqual(result.matrices[3].rows.map((r) => r.id), ['b', 'd'], 'a window’s rows are its own statements’ rows');
  });

  it('checks option combinations with a message naming the fix', () => {
    const problem = (options: Partial<NetworkOptions>) => networkOptionsProblem({ ...DEFAULT_NETWORK_OPTIONS, ...options });
    assert.match(problem({ qualifierAggregation: 'combine' })!, /combine does not apply to onemode networks: use ignore, congruence, conflict, subtract/);
    assert.match(problem({ type: 'twomode', normalization: 'jaccard' })!, /jaccard does not apply to twomode/);
    assert.match(problem({ timeWindow: 'weeks' })!, /--window-size N/);
    assert.match(problem({ start: '2021-02-30' })!, /--start `2021-02-30` is not a date/);
    assert.equal(problem({ timeWindow: 'months', windowSize: 3 }), undefined);
  });
});
