/**
 * The options of a discourse network, as Discourse Network Analyzer (DNA)
 * defines them. The CLI's `network` command, the network export and the
 * editor's network view all describe a network with this one type.
 *
 * A statement is a claim with a row actor and a column (a concept, or an
 * `about` id); its qualifier is the claim's stance score.
 */
export type NetworkType = 'onemode' | 'twomode';
/** Rows: the claimant; the claim's `on-behalf-of`, else the claimant; or claimants of kind person. */
export type NetworkRows = 'claimant' | 'organization' | 'person';
export type NetworkColumns = 'concept' | 'about';
/** One-mode: ignore, congruence, conflict, subtract. Two-mode: ignore, subtract, combine. */
export type QualifierAggregation = 'ignore' | 'congruence' | 'conflict' | 'subtract' | 'combine';
/** One-mode: no, average, jaccard, cosine. Two-mode: no, activity, prominence. */
export type NetworkNormalization = 'no' | 'average' | 'jaccard' | 'cosine' | 'activity' | 'prominence';
export type DuplicateHandling = 'include' | 'document' | 'week' | 'month' | 'year' | 'acrossrange';
export type TimeWindowUnit = 'days' | 'weeks' | 'months' | 'years';

export interface NetworkOptions {
  type: NetworkType;
  rows: NetworkRows;
  /** Two-mode only. */
  columns: NetworkColumns;
  qualifierAggregation: QualifierAggregation;
  normalization: NetworkNormalization;
  duplicates: DuplicateHandling;
  /** Inclusive bounds (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) on the text's `published`. */
  start?: string;
  stop?: string;
  excludeActors: string[];
  excludeConcepts: string[];
  excludeTypes: string[];
  excludeAuthors: string[];
  excludeSources: string[];
  /** Keep every actor (and column) of the workspace, not only those with statements. */
  isolates: boolean;
  /** Relation networks: keep the relations in force on this date. */
  at?: string;
  /** Label rows and columns by name (default) or by id. */
  labels?: NetworkLabels;
  /** A series of networks over a moving window of `windowSize` units (see docs/networks.md). */
  timeWindow?: TimeWindowUnit;
  windowSize?: number;
}

export type NetworkLabels = 'name' | 'id';

/** The values each option takes, for the CLI's checks and did-you-mean. */
export const NETWORK_TYPES: readonly NetworkType[] = ['onemode', 'twomode'];
export const NETWORK_ROWS: readonly NetworkRows[] = ['claimant', 'organization', 'person'];
export const NETWORK_COLUMNS: readonly NetworkColumns[] = ['concept', 'about'];
export const QUALIFIER_AGGREGATIONS: Readonly<Record<NetworkType, readonly QualifierAggregation[]>> = {
  onemode: ['ignore', 'congruence', 'conflict', 'subtract'],
  twomode: ['ignore', 'subtract', 'combine'],
};
export const NORMALIZATIONS: Readonly<Record<NetworkType, readonly NetworkNormalization[]>> = {
  onemode: ['no', 'average', 'jaccard', 'cosine'],
  twomode: ['no', 'activity', 'prominence'],
};
export const DUPLICATE_HANDLINGS: readonly DuplicateHandling[] = ['include', 'document', 'week', 'month', 'year', 'acrossrange'];
export const TIME_WINDOW_UNITS: readonly TimeWindowUnit[] = ['days', 'weeks', 'months', 'years'];
export const NETWORK_LABELS: readonly NetworkLabels[] = ['name', 'id'];

export const DEFAULT_NETWORK_OPTIONS: Readonly<NetworkOptions> = {
  type: 'onemode',
  rows: 'claimant',
  columns: 'concept',
  qualifierAggregation: 'ignore',
  normalization: 'no',
  duplicates: 'include',
  excludeActors: [],
  excludeConcepts: [],
  excludeTypes: [],
  excludeAuthors: [],
  excludeSources: [],
  isolates: false,
};
