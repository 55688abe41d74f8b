import { stanceScore } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import { addUnits, formatDay } from './networkDates';
import { oneModeMatrixSteps, qualifierLevels, twoModeMatrixSteps, type MatrixLabel, type NetworkMatrix, type QualifierLevels } from './networkMatrix';
import { QUALIFIER_AGGREGATIONS, NORMALIZATIONS, type NetworkLabels, type NetworkOptions } from './networkOptions';
import { dateBounds, networkStatementSteps, type ClaimFilter, type NetworkStatement } from './networkStatements';
import { runSteps, type Steps } from './networkSteps';

export interface NetworkResult {
  options: NetworkOptions;
  /** One matrix, or one per time window (possibly none when no window holds a statement). */
  matrices: NetworkMatrix[];
  levels: QualifierLevels;
}

/** Why options cannot be computed, in the CLI's words; undefined when they can. */
export function networkOptionsProblem(options: NetworkOptions): string | undefined {
  const aggregations = QUALIFIER_AGGREGATIONS[options.type];
  if (!aggregations.includes(options.qualifierAggregation)) return `--qualifier-aggregation ${options.qualifierAggregation} does not apply to ${options.type} networks: use ${aggregations.join(', ')}.`;
  const normalizations = NORMALIZATIONS[options.type];
  if (!normalizations.includes(options.normalization)) return `--normalization ${options.normalization} does not apply to ${options.type} networks: use ${normalizations.join(', ')}.`;
  if (options.timeWindow !== undefined && !(Number.isInteger(options.windowSize) && options.windowSize! >= 1)) return '--time-window needs --window-size N, a whole number of at least 1.';
  if (options.timeWindow === undefined && options.windowSize !== undefined) return '--window-size needs --time-window days|weeks|months|years.';
  try {
    dateBounds(options);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

function actorLabel(index: WorkspaceView, id: string): MatrixLabel {
  return { id, name: index.actor(id)?.name?.value ?? id };
}

function columnLabel(index: WorkspaceView, id: string): MatrixLabel {
  return { id, name: index.concept(id)?.label?.value ?? index.actor(id)?.name?.value ?? id };
}

/** Rows and columns: the values the statements use, or with isolates every actor (and concept) of the workspace as well. */
function labelsOf(index: WorkspaceView, options: NetworkOptions, statements: NetworkStatement[]): { rows: MatrixLabel[]; columns: MatrixLabel[] } {
  const rowIds = new Set(statements.map((s) => s.row));
  const columnIds = new Set(statements.map((s) => s.column));
  if (options.isolates) {
    const excludedActors = new Set(options.excludeActors);
    for (const id of index.actorIds()) {
      if (excludedActors.has(id)) continue;
      if (options.rows === 'person' && index.actor(id)?.kind?.value !== 'person') continue;
      rowIds.add(id);
    }
    if (options.columns === 'concept') {
      const excludedConcepts = new Set(options.excludeConcepts);
      for (const id of index.conceptIds()) if (!excludedConcepts.has(id)) columnIds.add(id);
    }
  }
  const by = options.labels ?? 'name';
  return { rows: sortedLabels([...rowIds].map((id) => actorLabel(index, id)), by), columns: sortedLabels([...columnIds].map((id) => columnLabel(index, id)), by) };
}

const compareCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Rows and columns in DNA's order: DNA sorts the values it writes as labels
 * with Java's String order, which compares UTF-16 code units (as `<` does), so
 * "CO2 …" comes before "Cap …" and the order is the same on every machine.
 * The labels written are the names, or the ids with `--labels id`; equal
 * names keep the order of their ids.
 */
function sortedLabels(labels: MatrixLabel[], by: NetworkLabels): MatrixLabel[] {
  return labels.sort((a, b) => (by === 'id' ? 0 : compareCodeUnits(a.name, b.name)) || compareCodeUnits(a.id, b.id));
}

function matrixOf(statements: NetworkStatement[], rows: MatrixLabel[], columns: MatrixLabel[], levels: QualifierLevels, options: NetworkOptions): Steps<NetworkMatrix> {
  const build = options.type === 'onemode' ? oneModeMatrixSteps : twoModeMatrixSteps;
  return build({ statements, rows, columns, levels }, options.qualifierAggregation, options.normalization);
}

/**
 * The discourse network of the workspace for these options: DNA's exporter
 * (statements filtered, duplicates dropped, one matrix or a series over a
 * moving time window). Throws a RangeError for options that do not apply
 * (see `networkOptionsProblem`).
 */
export function computeNetwork(index: WorkspaceView, options: NetworkOptions): NetworkResult {
  return runSteps(computeNetworkSteps(index, options)).result;
}

/**
 * `computeNetwork` in steps (see ./networkSteps), with the statements the
 * matrices were built from. `keep` drops claims before DNA's filters (the
 * editor view's own filters); without it the result is `computeNetwork`'s.
 */
export function* computeNetworkSteps(index: WorkspaceView, options: NetworkOptions, keep?: ClaimFilter): Steps<{ result: NetworkResult; statements: NetworkStatement[] }> {
  const problem = networkOptionsProblem(options);
  if (problem) throw new RangeError(problem);
  const statements = yield* networkStatementSteps(index, options, keep);
  const vocabulary = index.config.vocabulary;
  // The qualifier's range spans the vocabulary's scores and any score a statement has (unknown stances score 0), so that
  // supports/rejects keep DNA's boolean proximity whatever else the vocabulary holds (neutral, project stances); the
  // levels themselves are the scores the statements use, as in DNA, so that `combine` codes supports only 1, rejects only 2, both 3.
  const span = qualifierLevels([...vocabulary.stances.map((s) => stanceScore(vocabulary, s)), ...statements.map((s) => s.score)]);
  const levels = { values: qualifierLevels(statements.map((s) => s.score)).values, range: span.range };
  const { rows, columns } = labelsOf(index, options, statements);
  if (options.timeWindow === undefined) return { result: { options, matrices: [yield* matrixOf(statements, rows, columns, levels, options)], levels }, statements };
  const matrices: NetworkMatrix[] = [];
  for (const w of timeWindows(statements, options)) {
    const inWindow = w.statements;
    // Each window's labels are its own statements' values (and the isolates), as DNA does per window.
    const labels = options.isolates ? { rows, columns } : labelsOf(index, options, inWindow);
    const matrix = yield* matrixOf(inWindow, labels.rows, labels.columns, levels, options);
    matrices.push({ ...matrix, start: formatDay(w.start), stop: formatDay(w.stop), time: formatDay(w.time) });
  }
  return { result: { options, matrices, levels }, statements };
}

interface TimeWindow {
  start: number;
  stop: number;
  time: number;
  statements: NetworkStatement[];
}

/**
 * DNA's moving time window (Exporter.computeTimeWindowMatrices): the window
 * is centred on a time point t that moves one unit at a time from the start
 * date to the stop date; it spans [t − h, t + h] with h = round((size − 1) / 2)
 * units (halves round up, so an even size spans size + 1 units). A window
 * that would reach before the start date or after the stop date is skipped,
 * as is a window without statements. The start and stop dates are
 * --start/--stop, else the first and last dated statement. Undated statements
 * are in no window.
 */
export function timeWindows(statements: NetworkStatement[], options: NetworkOptions): TimeWindow[] {
  const unit = options.timeWindow!;
  const dated = statements.filter((s) => s.date !== undefined).sort((a, b) => a.date! - b.date!);
  if (dated.length === 0) return [];
  const bounds = dateBounds(options);
  const first = bounds.start ?? dated[0].date!;
  const last = bounds.stop ?? dated[dated.length - 1].date!;
  const half = Math.round((options.windowSize! - 1) / 2);
  const windows: TimeWindow[] = [];
  let lo = 0;
  let hi = 0;
  for (let step = 0; ; step++) {
    const time = addUnits(first, unit, step);
    if (time > last) break;
    const start = addUnits(time, unit, -half);
    const stop = addUnits(time, unit, half);
    if (stop > last) break;
    if (start < first) continue;
    // Both ends only move forward: each statement enters and leaves once.
    while (lo < dated.length && dated[lo].date! < start) lo++;
    if (hi < lo) hi = lo;
    while (hi < dated.length && dated[hi].date! <= stop) hi++;
    if (hi > lo) windows.push({ start, stop, time, statements: dated.slice(lo, hi) });
  }
  return windows;
}
