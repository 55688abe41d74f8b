import type { ActorDef, ClaimDef, TextAnnotationDef } from '../model';
import { stanceScore } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import { monthOf, parseDatePeriod, weekOf, yearOf } from './networkDates';
import type { DuplicateHandling, NetworkOptions } from './networkOptions';
import { runSteps, type Steps } from './networkSteps';

/*
 * The statements of a discourse network, as Discourse Network Analyzer (DNA)
 * defines them: one row value (an actor), one column value (a concept or an
 * `about` id) and a qualifier (the claim's stance score). DNA's exporter
 * filters statements before it builds any matrix: by date range, by excluded
 * values, then drops duplicates (Leifeld, DNA manual, "Exporting networks";
 * rDNA `dna_network`, arguments `excludeValues`, `duplicates`).
 */

export interface NetworkStatement {
  /** The claim's id (may be empty for a claim without one). */
  claim: string;
  /** The annotation file's URI: DNA's "document". */
  document: string;
  /** The text's `published` as a day number (its first day for `YYYY` and `YYYY-MM`), or undefined. */
  date?: number;
  row: string;
  column: string;
  stance: string;
  /** The qualifier: the stance's score in the vocabulary. */
  score: number;
}

/** The rows one claim speaks for, by `--rows`; none when the claim has no usable row. */
export function rowOf(index: WorkspaceView, claim: ClaimDef, rows: NetworkOptions['rows'], actorOf: (id: string) => ActorDef | undefined = (id) => index.actor(id)): string | undefined {
  const claimant = claim.claimant?.value;
  if (!claimant) return undefined;
  const row = rows === 'organization' ? (claim.onBehalfOf?.value ?? claimant) : claimant;
  // Only actors are rows: an undefined id (a typo the checks report) or an entity never is.
  const actor = actorOf(row);
  if (!actor) return undefined;
  if (rows === 'person' && actor.kind?.value !== 'person') return undefined;
  return row;
}

/** The columns of a claim: its concept, or each of its `about` ids (one statement per id). */
export function columnsOf(claim: ClaimDef, columns: NetworkOptions['columns']): string[] {
  if (columns === 'about') return [...new Set(claim.about.map((a) => a.value).filter((id) => id !== ''))];
  const concept = claim.concept?.value;
  return concept ? [concept] : [];
}

/** The host of a text's `url`: its "source" for `--exclude-source` (DNA's document source, e.g. the outlet). */
export function sourceOf(annotation: TextAnnotationDef): string | undefined {
  const url = annotation.url?.value;
  if (!url) return undefined;
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^:/?#]+)/i.exec(url.trim());
  return match ? match[1].toLowerCase() : undefined;
}

/** The date bounds of the options, as inclusive day numbers. Throws on a date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function dateBounds(options: Pick<NetworkOptions, 'start' | 'stop'>): { start?: number; stop?: number } {
  const bound = (name: string, text: string | undefined, side: 'first' | 'last') => {
    if (text === undefined) return undefined;
    const period = parseDatePeriod(text);
    if (!period) throw new RangeError(`--${name} \`${text}\` is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY.`);
    return period[side];
  };
  const start = bound('start', options.start, 'first');
  const stop = bound('stop', options.stop, 'last');
  return { ...(start !== undefined ? { start } : {}), ...(stop !== undefined ? { stop } : {}) };
}

/**
 * The statements of the workspace after the date range and the exclusions,
 * in annotation file order (files sorted by URI, claims in file order), with
 * duplicates dropped as `options.duplicates` says.
 *
 * With a start or stop date, a text without a (valid) `published` date is left out.
 */
export function networkStatements(index: WorkspaceView, options: NetworkOptions): NetworkStatement[] {
  return runSteps(networkStatementSteps(index, options));
}

/** Which claims a caller keeps beyond DNA's options (the editor view's text, concept and stance filters); all when absent. */
export type ClaimFilter = (file: { uri: string }, claim: ClaimDef) => boolean;

/** `networkStatements` in steps: it yields after each annotation file. `keep` drops claims before DNA's filters see them. */
export function* networkStatementSteps(index: WorkspaceView, options: NetworkOptions, keep?: ClaimFilter): Steps<NetworkStatement[]> {
  const { start, stop } = dateBounds(options);
  const dated = start !== undefined || stop !== undefined;
  const excluded = (list: string[]) => (list.length ? new Set(list) : undefined);
  const actors = excluded(options.excludeActors);
  const concepts = excluded(options.excludeConcepts);
  const types = excluded(options.excludeTypes);
  const authors = excluded(options.excludeAuthors);
  const sources = excluded(options.excludeSources.map((s) => s.toLowerCase()));
  const vocabulary = index.config.vocabulary;
  const actorCache = new Map<string, ActorDef | undefined>();
  const actorOf = (id: string) => {
    if (!actorCache.has(id)) actorCache.set(id, index.actor(id));
    return actorCache.get(id);
  };
  const found: NetworkStatement[] = [];
  for (const file of index.annotationFiles()) {
    yield;
    const annotation = file.textAnnotation;
    if (!annotation || annotation.claims.length === 0) continue;
    const published = annotation.published ? parseDatePeriod(annotation.published.value) : undefined;
    const date = published?.first;
    if (dated && (date === undefined || (start !== undefined && date < start) || (stop !== undefined && date > stop))) continue;
    if (authors && annotation.author && authors.has(annotation.author.value)) continue;
    if (sources) {
      const source = sourceOf(annotation);
      if (source !== undefined && sources.has(source)) continue;
    }
    for (const claim of annotation.claims) {
      const stance = claim.stance?.value;
      if (!stance || (keep && !keep(file, claim))) continue;
      if (types && claim.type && types.has(claim.type.value)) continue;
      if (concepts && claim.concept && concepts.has(claim.concept.value)) continue;
      const row = rowOf(index, claim, options.rows, actorOf);
      if (row === undefined || actors?.has(row) || (actors && claim.claimant && actors.has(claim.claimant.value))) continue;
      const score = stanceScore(vocabulary, stance);
      for (const column of columnsOf(claim, options.columns)) {
        if (options.columns === 'about' && (actors?.has(column) || concepts?.has(column))) continue;
        const statement: NetworkStatement = { claim: claim.id?.value ?? '', document: file.uri, row, column, stance, score };
        if (date !== undefined) statement.date = date;
        found.push(statement);
      }
    }
  }
  return dropDuplicates(found, options.duplicates, options.qualifierAggregation === 'ignore');
}

/** The period a statement's duplicates are looked for in; undated statements share one period. */
function periodKey(statement: NetworkStatement, duplicates: DuplicateHandling): string {
  if (duplicates === 'acrossrange') return '';
  if (duplicates === 'document') return statement.document;
  if (statement.date === undefined) return 'undated';
  if (duplicates === 'week') return `w${weekOf(statement.date)}`;
  if (duplicates === 'month') return `m${monthOf(statement.date)}`;
  return `y${yearOf(statement.date)}`;
}

/**
 * DNA's duplicate handling: a statement that repeats an earlier statement's
 * row, column and qualifier (the qualifier only when the aggregation uses it)
 * within the same document, calendar week (ISO 8601, Monday to Sunday),
 * calendar month, calendar year, or anywhere (`acrossrange`) is dropped; the
 * first one in statement order is kept.
 */
export function dropDuplicates(statements: NetworkStatement[], duplicates: DuplicateHandling, ignoreQualifier: boolean): NetworkStatement[] {
  if (duplicates === 'include') return statements;
  const seen = new Set<string>();
  return statements.filter((s) => {
    const key = JSON.stringify([periodKey(s, duplicates), s.row, s.column, ignoreQualifier ? 0 : s.score]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
