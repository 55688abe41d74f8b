import type { NetworkStatement } from './networkStatements';
import type { NetworkNormalization, QualifierAggregation } from './networkOptions';
import { runSteps, STATEMENTS_PER_STEP, type Steps } from './networkSteps';

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
  /**
   * The non-zero cells, compressed by row: row i's cells are at offsets
   * rowStart[i] … rowStart[i + 1] − 1 of cellColumns (ascending) and cellValues.
   */
  rowStart: Int32Array;
  cellColumns: Int32Array;
  cellValues: Float64Array;
  /** Statements the matrix was built from. */
  statements: number;
  /** Time windows: the window's first and last day and its midpoint (`YYYY-MM-DD`). */
  start?: string;
  stop?: string;
  time?: string;
}

export function cell(matrix: NetworkMatrix, row: number, column: number): number {
  const at = lowerBound(matrix.cellColumns, column, matrix.rowStart[row], matrix.rowStart[row + 1]);
  return at < matrix.rowStart[row + 1] && matrix.cellColumns[at] === column ? matrix.cellValues[at] : 0;
}

/** Calls `visit` for each non-zero cell, row by row, columns ascending. */
export function forEachCell(matrix: NetworkMatrix, visit: (row: number, column: number, value: number) => void): void {
  for (let i = 0; i < matrix.rows.length; i++) {
    for (let at = matrix.rowStart[i]; at < matrix.rowStart[i + 1]; at++) visit(i, matrix.cellColumns[at], matrix.cellValues[at]);
  }
}

/** The matrix as dense rows. Quadratic: for writers and tests, not for the engine. */
export function denseRows(matrix: NetworkMatrix): number[][] {
  return matrix.rows.map((_, i) => {
    const values = new Array<number>(matrix.columns.length).fill(0);
    for (let at = matrix.rowStart[i]; at < matrix.rowStart[i + 1]; at++) values[matrix.cellColumns[at]] = matrix.cellValues[at];
    return values;
  });
}

/** Cells added row by row, columns ascending within a row, into growable typed arrays. */
class CellBuilder {
  private columns = new Int32Array(1024);
  private values = new Float64Array(1024);
  private rows = new Int32Array(1024);
  length = 0;

  add(row: number, column: number, value: number): void {
    if (this.length === this.values.length) {
      const grow = <T extends Int32Array | Float64Array>(array: T, make: (n: number) => T) => {
        const bigger = make(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.columns = grow(this.columns, (n) => new Int32Array(n));
      this.rows = grow(this.rows, (n) => new Int32Array(n));
      this.values = grow(this.values, (n) => new Float64Array(n));
    }
    this.rows[this.length] = row;
    this.columns[this.length] = column;
    this.values[this.length++] = value;
  }

  /**
   * The compressed rows. With `mirror`, each cell (i, j) also stands at (j, i):
   * cells must then come with i < j, rows ascending and columns ascending in
   * a row, so that every row's mirrored cells (columns < the row) come before
   * its own, each group ascending.
   */
  build(rowCount: number, mirror: boolean): Pick<NetworkMatrix, 'rowStart' | 'cellColumns' | 'cellValues'> {
    const rowStart = new Int32Array(rowCount + 1);
    for (let t = 0; t < this.length; t++) {
      rowStart[this.rows[t] + 1]++;
      if (mirror) rowStart[this.columns[t] + 1]++;
    }
    for (let i = 0; i < rowCount; i++) rowStart[i + 1] += rowStart[i];
    const next = rowStart.slice(0, rowCount);
    const total = rowStart[rowCount];
    const cellColumns = new Int32Array(total);
    const cellValues = new Float64Array(total);
    for (let t = 0; t < this.length; t++) {
      const i = this.rows[t];
      const j = this.columns[t];
      const v = this.values[t];
      if (mirror) {
        cellColumns[next[j]] = i;
        cellValues[next[j]++] = v;
      }
      cellColumns[next[i]] = j;
      cellValues[next[i]++] = v;
    }
    return { rowStart, cellColumns, cellValues };
  }
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

/** What a matrix is computed from: the statements, the rows and columns to show, and the qualifier levels. */
export interface MatrixInput {
  statements: NetworkStatement[];
  rows: MatrixLabel[];
  columns: MatrixLabel[];
  levels: QualifierLevels;
}

/** a[row][column][level] as, per column, the rows with counts per level. */
interface Tally {
  /** column index -> row index -> counts per level */
  byColumn: Map<number, Map<number, Float64Array>>;
  /** Statements per row. */
  rowTotals: Float64Array;
}

function* tally(statements: NetworkStatement[], rowIndex: Map<string, number>, columnIndex: Map<string, number>, levels: QualifierLevels): Steps<Tally> {
  const levelIndex = new Map(levels.values.map((v, k) => [v, k]));
  const byColumn = new Map<number, Map<number, Float64Array>>();
  const rowTotals = new Float64Array(rowIndex.size);
  let counted = 0;
  for (const s of statements) {
    if (++counted % STATEMENTS_PER_STEP === 0) yield;
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

const indexOf = (labels: MatrixLabel[]) => new Map(labels.map((l, i) => [l.id, i]));

/**
 * DNA's one-mode matrix of the statements over these rows and columns (see
 * the definitions above). Sparse: for each row i, the rows j > i that share
 * a column with it are summed in scratch arrays, so the work is the number of
 * pairs of statements on a same column, and nothing is allocated per pair.
 */
export function oneModeMatrix(input: MatrixInput, aggregation: QualifierAggregation, normalization: NetworkNormalization): NetworkMatrix {
  return runSteps(oneModeMatrixSteps(input, aggregation, normalization));
}

/** `oneModeMatrix` in steps: it yields while tallying and after each row. */
export function* oneModeMatrixSteps(input: MatrixInput, aggregation: QualifierAggregation, normalization: NetworkNormalization): Steps<NetworkMatrix> {
  const { statements, rows, columns, levels } = input;
  const { byColumn, rowTotals } = yield* tally(statements, indexOf(rows), indexOf(columns), levels);
  const L = levels.values.length;
  // proximity[k1 * L + k2] = 1 − |q_k1 − q_k2| / range
  const proximity = new Float64Array(L * L);
  for (let k1 = 0; k1 < L; k1++) {
    for (let k2 = 0; k2 < L; k2++) proximity[k1 * L + k2] = levels.range === 0 ? 1 : 1 - Math.abs(levels.values[k1] - levels.values[k2]) / levels.range;
  }
  const n = rows.length;
  // Per column, its rows (ascending) and their counts; per row, its columns.
  const columnRows: Int32Array[] = [];
  const columnCounts: Float64Array[][] = [];
  const rowColumns: number[][] = Array.from({ length: n }, () => []);
  for (const byRow of byColumn.values()) {
    const present = [...byRow.keys()].sort((a, b) => a - b);
    const c = columnRows.length;
    columnRows.push(Int32Array.from(present));
    columnCounts.push(present.map((i) => byRow.get(i)!));
    for (const i of present) rowColumns[i].push(c);
  }
  const ignore = new Float64Array(n);
  const congruence = new Float64Array(n);
  const conflict = new Float64Array(n);
  const sharedI = new Float64Array(n);
  const sharedJ = new Float64Array(n);
  const m11 = new Float64Array(n);
  const touched = new Uint8Array(n);
  const cells = new CellBuilder();
  for (let i = 0; i < n; i++) {
    yield;
    const partners: number[] = [];
    for (const c of rowColumns[i]) {
      const others = columnRows[c];
      const counts = columnCounts[c];
      const a = counts[lowerBound(others, i)];
      let totalI = 0;
      for (let k = 0; k < L; k++) totalI += a[k];
      for (let x = lowerBound(others, i + 1); x < others.length; x++) {
        const j = others[x];
        const b = counts[x];
        if (!touched[j]) {
          touched[j] = 1;
          partners.push(j);
        }
        let totalJ = 0;
        for (let k2 = 0; k2 < L; k2++) {
          totalJ += b[k2];
          if (b[k2] === 0) continue;
          for (let k1 = 0; k1 < L; k1++) {
            if (a[k1] === 0) continue;
            const product = a[k1] * b[k2];
            congruence[j] += product * proximity[k1 * L + k2];
            conflict[j] += product * (1 - proximity[k1 * L + k2]);
          }
          if (a[k2] > 0) {
            sharedI[j] += a[k2];
            sharedJ[j] += b[k2];
            m11[j] += a[k2] * b[k2];
          }
        }
        ignore[j] += totalI * totalJ;
      }
    }
    partners.sort((x, y) => x - y);
    for (const j of partners) {
      const raw = aggregation === 'congruence' ? congruence[j] : aggregation === 'conflict' ? conflict[j] : aggregation === 'subtract' ? congruence[j] - conflict[j] : ignore[j];
      let denominator = 1;
      if (normalization === 'average') denominator = (rowTotals[i] + rowTotals[j]) / 2;
      else if (normalization === 'jaccard') denominator = rowTotals[i] - sharedI[j] + (rowTotals[j] - sharedJ[j]) + m11[j];
      else if (normalization === 'cosine') denominator = rowTotals[i] * rowTotals[j];
      const value = denominator === 0 ? 0 : raw / denominator;
      if (value !== 0) cells.add(i, j, value);
      ignore[j] = congruence[j] = conflict[j] = sharedI[j] = sharedJ[j] = m11[j] = 0;
      touched[j] = 0;
    }
  }
  return { rows, columns: rows, ...cells.build(n, true), statements: statements.length };
}

/** The first position in [lo, hi) of an ascending array whose value is at least `value`. */
function lowerBound(sorted: Int32Array, value: number, from = 0, to = sorted.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** DNA's two-mode matrix of the statements over these rows and columns (see the definitions above). */
export function twoModeMatrix(input: MatrixInput, aggregation: QualifierAggregation, normalization: NetworkNormalization): NetworkMatrix {
  return runSteps(twoModeMatrixSteps(input, aggregation, normalization));
}

/** `twoModeMatrix` in steps: it yields while tallying and after each column. */
export function* twoModeMatrixSteps(input: MatrixInput, aggregation: QualifierAggregation, normalization: NetworkNormalization): Steps<NetworkMatrix> {
  const { statements, rows, columns, levels } = input;
  const { byColumn } = yield* tally(statements, indexOf(rows), indexOf(columns), levels);
  const L = levels.values.length;
  // Denominators: per row (activity) or per column (prominence).
  const rowDenominators = new Float64Array(rows.length);
  const columnDenominators = new Float64Array(columns.length);
  // Row by row, columns ascending, for the compressed rows.
  const byRow: [number, number, number][][] = Array.from({ length: rows.length }, () => []);
  for (const j of [...byColumn.keys()].sort((x, y) => x - y)) {
    yield;
    for (const [i, counts] of byColumn.get(j)!) {
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
      if (value !== 0) byRow[i].push([i, j, value]);
    }
  }
  const cells = new CellBuilder();
  for (const list of byRow) {
    for (const [i, j, value] of list) {
      const denominator = normalization === 'activity' ? rowDenominators[i] : normalization === 'prominence' ? columnDenominators[j] : 1;
      cells.add(i, j, denominator === 0 ? 0 : value / denominator);
    }
  }
  return { rows, columns, ...cells.build(rows.length, false), statements: statements.length };
}
