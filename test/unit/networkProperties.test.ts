import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cell, oneModeMatrix, qualifierLevels, twoModeMatrix, type MatrixLabel, type NetworkStatement } from '../../server/src/core/network';

/** A seeded linear congruential generator (Numerical Recipes' constants), so that a failure repeats with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const labels = (prefix: string, n: number): MatrixLabel[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `${prefix}${i}` }));

function randomStatements(seed: number, scores: number[]): { statements: NetworkStatement[]; rows: MatrixLabel[]; columns: MatrixLabel[] } {
  const next = random(seed);
  const rows = labels('r', 2 + Math.floor(next() * 8));
  const columns = labels('c', 1 + Math.floor(next() * 5));
  const statements = Array.from({ length: Math.floor(next() * 40) }, (_, n): NetworkStatement => ({
    claim: `s${n}`,
    document: `doc${Math.floor(next() * 3)}`,
    row: rows[Math.floor(next() * rows.length)].id,
    column: columns[Math.floor(next() * columns.length)].id,
    stance: 'any',
    score: scores[Math.floor(next() * scores.length)],
  }));
  return { statements, rows, columns };
}

const SEEDS = Array.from({ length: 200 }, (_, i) => i + 1);
const AGGREGATIONS = ['ignore', 'congruence', 'conflict', 'subtract'] as const;
const NORMALIZATIONS = ['no', 'average', 'jaccard', 'cosine'] as const;

describe('network engine: properties (seeded random statements)', () => {
  it('one-mode networks are symmetric with a zero diagonal, for every aggregation and normalisation', () => {
    for (const seed of SEEDS) {
      const { statements, rows, columns } = randomStatements(seed, [-1, 0, 1, 2]);
      const levels = qualifierLevels([-1, 1, ...statements.map((s) => s.score)]);
      for (const aggregation of AGGREGATIONS) {
        for (const normalization of NORMALIZATIONS) {
          const matrix = oneModeMatrix({ statements, rows, columns, levels }, aggregation, normalization);
          for (let i = 0; i < rows.length; i++) {
            assert.equal(cell(matrix, i, i), 0, `seed ${seed}: diagonal`);
            for (let j = 0; j < i; j++) assert.equal(cell(matrix, i, j), cell(matrix, j, i), `seed ${seed} ${aggregation} ${normalization}: (${i},${j})`);
          }
        }
      }
    }
  });

  it('congruence + conflict = ignore when only supports and rejects occur; subtract = congruence − conflict', () => {
    for (const seed of SEEDS) {
      const { statements, rows, columns } = randomStatements(seed, [-1, 1]);
      const levels = qualifierLevels([-1, 1]);
      const of = (aggregation: (typeof AGGREGATIONS)[number]) => oneModeMatrix({ statements, rows, columns, levels }, aggregation, 'no');
      const [ignore, congruence, conflict, subtract] = AGGREGATIONS.map(of);
      for (let i = 0; i < rows.length; i++) {
        for (let j = 0; j < rows.length; j++) {
          assert.equal(cell(congruence, i, j) + cell(conflict, i, j), cell(ignore, i, j), `seed ${seed}: (${i},${j})`);
          assert.equal(cell(congruence, i, j) - cell(conflict, i, j), cell(subtract, i, j), `seed ${seed}: (${i},${j})`);
        }
      }
    }
  });

  it('two-mode ignore sums to the number of statements, and activity rows sum to 1', () => {
    for (const seed of SEEDS) {
      const { statements, rows, columns } = randomStatements(seed, [-1, 1]);
      const levels = qualifierLevels([-1, 1]);
      const counts = twoModeMatrix({ statements, rows, columns, levels }, 'ignore', 'no');
      assert.equal(counts.cellValues.reduce((a, b) => a + b, 0), statements.length, `seed ${seed}`);
      const activity = twoModeMatrix({ statements, rows, columns, levels }, 'ignore', 'activity');
      for (let i = 0; i < rows.length; i++) {
        const sum = columns.reduce((total, _, j) => total + cell(activity, i, j), 0);
        const used = statements.some((s) => s.row === rows[i].id);
        assert.ok(Math.abs(sum - (used ? 1 : 0)) < 1e-9, `seed ${seed}: row ${i} sums to ${sum}`);
      }
    }
  });
});
