import type { NetworkStatement } from './networkStatements';
import type { NetworkNormalization, QualifierAggregation } from './networkOptions';

/*
 * The matrices of Discourse Network Analyzer (DNA), computed from statements.
 * Definitions follow DNA's exporter (leifeld/dna, dna/src/main/java/export/
 * Exporter.java, `computeOneModeMatrix` and `computeTwoModeMatrix`; rDNA's
 * `dna_network` documents the same options). DNA is GPL: the definitions are
 * taken, not the code. Notation: a[i][j][k] is the number of statements of
 * row i on column j with the k-th qualifier level; the levels are the
 * distinct qualifier values in ascending order, and range = max − min.
 *
 * One-mode (rows × rows), for i ≠ j (the diagonal is 0):
 *   ignore      Σ_col (Σ_k a[i][col][k]) · (Σ_k a[j][col][k])
 *   congruence  Σ_col Σ_k1 Σ_k2 a[i][col][k1] · a[j][col][k2] · (1 − |q_k1 − q_k2| / range)
 *   conflict    the same with the distance |q_k1 − q_k2| / range
 *   subtract    congruence − conflict
 * each divided by a normalisation denominator (1 for `no`):
 *   average     (n_i + n_j) / 2, n_i = Σ_col Σ_k a[i][col][k]
 *   jaccard     m10 + m01 + m11: m10 = Σ a[i][col][k] where a[j][col][k] = 0,
 *               m01 the converse, m11 = Σ a[i][col][k] · a[j][col][k] where both > 0
 *   cosine      n_i · n_j (DNA's definition: the product of the totals)
 * DNA divides 0 by 0 for rows without statements (isolates); here that cell is 0.
 * With range 0 (a single qualifier level) every pair is proximate: proximity 1.
 *
 * Two-mode (rows × columns):
 *   ignore      Σ_k a[i][col][k]
 *   subtract    Σ_k q_k · a[i][col][k] (supports − rejects with scores 1 and −1)
 *   combine     Σ over the levels k used at (i, col) of 2^(L − 1 − k): DNA's
 *               lexical rank of the levels used. With supports/rejects
 *               (levels −1, 1): 1 supports only, 2 rejects only, 3 both.
 * normalised by:
 *   activity    each row divided by its total: the row's sum for ignore, its
 *               statement count for subtract, its non-zero cells for combine
 *   prominence  the same per column
 */

export interface MatrixLabel {
  id: string;
  name: string;
}

export interface NetworkMatrix {
  rows: MatrixLabel[];
  columns: MatrixLabel[];
  /** Non-zero cells by `row * columns.length + column`. */
  cells: Map<number, number>;
  /** Statements the matrix was built from. */
  statements: number;
  /** Time windows: the window's first and last day and its midpoint (`YYYY-MM-DD`). */
  start?: string;
  stop?: string;
  time?: string;
}

export function cell(matrix: NetworkMatrix, row: number, column: number): number {
  return matrix.cells.get(row * matrix.columns.length + column) ?? 0;
}

/** The matrix as dense rows. Quadratic: for writers and tests, not for the engine. */
export function denseRows(matrix: NetworkMatrix): number[][] {
  return matrix.rows.map((_, i) => matrix.columns.map((__, j) => cell(matrix, i, j)));
}

/** The qualifier levels: the distinct values, ascending, and their range. */
export interface QualifierLevels {
  values: number[];
  range: number;
}

export function qualifierLevels(scores: Iterable<number>): QualifierLevels {
  const values = [...new Set(scores)].sort((a, b) => a - b);
  return { values, range: values.length ? values[values.length - 1] - values[0] : 0 };
}

/** a[row][column][level] as, per column, the rows with counts per level. */
interface Tally {
  /** column index -> row index -> counts per level */
  byColumn: Map<number, Map<number, Float64Array>>;
  /** Statements per row. */
  rowTotals: Float64Array;
}

function tally(statements: NetworkStatement[], rowIndex: Map<string, number>, columnIndex: Map<string, number>, levels: QualifierLevels): Tally {
  const levelIndex = new Map(levels.values.map((v, k) => [v, k]));
  const byColumn = new Map<number, Map<number, Float64Array>>();
  const rowTotals = new Float64Array(rowIndex.size);
  for (const s of statements) {
    const i = rowIndex.get(s.row);
    const j = columnIndex.get(s.column);
    const k = levelIndex.get(s.score);
    if (i === undefined || j === undefined || k === undefined) continue;
    let rows = byColumn.get(j);
    if (!rows) byColumn.set(j, (rows = new Map()));
    let counts = rows.get(i);
    if (!counts) rows.set(i, (counts = new Float64Array(levels.values.length)));
    counts[k]++;
    rowTotals[i]++;
  }
  return { byColumn, rowTotals };
}

interface PairSums {
  ignore: number;
  congruence: number;
  conflict: number;
  /** Jaccard: Σ a_i and Σ a_j over cells where both are > 0, and m11. */
  sharedI: number;
  sharedJ: number;
  m11: number;
}

const indexOf = (labels: MatrixLabel[]) => new Map(labels.map((l, i) => [l.id, i]));

/** DNA's one-mode matrix of the statements over these rows and columns (see the definitions above). */
export function oneModeMatrix(
  statements: NetworkStatement[],
  rows: MatrixLabel[],
  columns: MatrixLabel[],
  levels: QualifierLevels,
  aggregation: QualifierAggregation,
  normalization: NetworkNormalization,
): NetworkMatrix {
  const { byColumn, rowTotals } = tally(statements, indexOf(rows), indexOf(columns), levels);
  const L = levels.values.length;
  // proximity[k1 * L + k2] = 1 − |q_k1 − q_k2| / range
  const proximity = new Float64Array(L * L);
  for (let k1 = 0; k1 < L; k1++) {
    for (let k2 = 0; k2 < L; k2++) proximity[k1 * L + k2] = levels.range === 0 ? 1 : 1 - Math.abs(levels.values[k1] - levels.values[k2]) / levels.range;
  }
  const n = rows.length;
  const pairs = new Map<number, PairSums>();
  for (const byRow of byColumn.values()) {
    const present = [...byRow.entries()].sort((a, b) => a[0] - b[0]);
    for (let x = 0; x < present.length; x++) {
      const [i, a] = present[x];
      let totalI = 0;
      for (let k = 0; k < L; k++) totalI += a[k];
      for (let y = x + 1; y < present.length; y++) {
        const [j, b] = present[y];
        const key = i * n + j;
        let sums = pairs.get(key);
        if (!sums) pairs.set(key, (sums = { ignore: 0, congruence: 0, conflict: 0, sharedI: 0, sharedJ: 0, m11: 0 }));
        let totalJ = 0;
        for (let k2 = 0; k2 < L; k2++) {
          totalJ += b[k2];
          if (b[k2] === 0) continue;
          for (let k1 = 0; k1 < L; k1++) {
            if (a[k1] === 0) continue;
            const product = a[k1] * b[k2];
            sums.congruence += product * proximity[k1 * L + k2];
            sums.conflict += product * (1 - proximity[k1 * L + k2]);
          }
          if (a[k2] > 0) {
            sums.sharedI += a[k2];
            sums.sharedJ += b[k2];
            sums.m11 += a[k2] * b[k2];
          }
        }
        sums.ignore += totalI * totalJ;
      }
    }
  }
  const cells = new Map<number, number>();
  for (const [key, sums] of pairs) {
    const i = Math.floor(key / n);
    const j = key - i * n;
    const raw = aggregation === 'congruence' ? sums.congruence : aggregation === 'conflict' ? sums.conflict : aggregation === 'subtract' ? sums.congruence - sums.conflict : sums.ignore;
    let denominator = 1;
    if (normalization === 'average') denominator = (rowTotals[i] + rowTotals[j]) / 2;
    else if (normalization === 'jaccard') denominator = rowTotals[i] - sums.sharedI + (rowTotals[j] - sums.sharedJ) + sums.m11;
    else if (normalization === 'cosine') denominator = rowTotals[i] * rowTotals[j];
    const value = denominator === 0 ? 0 : raw / denominator;
    if (value !== 0) {
      cells.set(i * n + j, value);
      cells.set(j * n + i, value);
    }
  }
  return { rows, columns: rows, cells, statements: statements.length };
}

/** DNA's two-mode matrix of the statements over these rows and columns (see the definitions above). */
export function twoModeMatrix(
  statements: NetworkStatement[],
  rows: MatrixLabel[],
  columns: MatrixLabel[],
  levels: QualifierLevels,
  aggregation: QualifierAggregation,
  normalization: NetworkNormalization,
): NetworkMatrix {
  const { byColumn } = tally(statements, indexOf(rows), indexOf(columns), levels);
  const L = levels.values.length;
  const width = columns.length;
  const cells = new Map<number, number>();
  // Denominators: per row (activity) or per column (prominence).
  const rowDenominators = new Float64Array(rows.length);
  const columnDenominators = new Float64Array(width);
  for (const [j, byRow] of byColumn) {
    for (const [i, counts] of byRow) {
      let value = 0;
      let count = 0;
      for (let k = 0; k < L; k++) {
        count += counts[k];
        if (aggregation === 'combine') value += counts[k] > 0 ? 2 ** (L - 1 - k) : 0;
        else if (aggregation === 'subtract') value += levels.values[k] * counts[k];
        else value += counts[k];
      }
      const weight = aggregation === 'combine' ? (value > 0 ? 1 : 0) : aggregation === 'subtract' ? count : value;
      rowDenominators[i] += weight;
      columnDenominators[j] += weight;
      if (value !== 0) cells.set(i * width + j, value);
    }
  }
  if (normalization === 'activity' || normalization === 'prominence') {
    for (const [key, value] of cells) {
      const i = Math.floor(key / width);
      const denominator = normalization === 'activity' ? rowDenominators[i] : columnDenominators[key - i * width];
      cells.set(key, denominator === 0 ? 0 : value / denominator);
    }
  }
  return { rows, columns, cells, statements: statements.length };
}
