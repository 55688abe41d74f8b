/*
 * The model of the Actor network view's controls, without the page (./main
 * puts it into the page; a unit test holds it): which DNA options a network
 * type offers, the reset of a choice that stops applying when the type
 * changes, and the stops of the relation graph's date slider.
 */
import type { NetworkChoices } from '../../protocol';

/** The DNA controls the type changes. */
export interface TypedOptions {
  type: string;
  qualifierAggregation: string;
  normalization: string;
}

/** What the controls offer for one network type. */
export interface TypeControls {
  qualifierAggregation: string[];
  normalization: string[];
  /** Columns are chosen in two-mode networks only. */
  columns: boolean;
}

/** Until the server's first answer says otherwise: DNA's lists (core/network's QUALIFIER_AGGREGATIONS and NORMALIZATIONS). */
export const INITIAL_CHOICES: NetworkChoices = {
  onemode: { qualifierAggregation: ['ignore', 'congruence', 'conflict', 'subtract'], normalization: ['no', 'average', 'jaccard', 'cosine'], columns: false },
  twomode: { qualifierAggregation: ['ignore', 'subtract', 'combine'], normalization: ['no', 'activity', 'prominence'], columns: true },
};

/** What the controls offer for `type` (one-mode for a type the choices do not know). */
export function controlsFor(choices: NetworkChoices, type: string): TypeControls {
  return type === 'twomode' ? choices.twomode : choices.onemode;
}

/** `options` with each choice that does not apply to its type reset to the first that does (DNA's default: ignore, no). */
export function applicableOptions<T extends TypedOptions>(choices: NetworkChoices, options: T): T {
  const offered = controlsFor(choices, options.type);
  const pick = (value: string, values: string[]) => (values.includes(value) ? value : (values[0] ?? value));
  return { ...options, qualifierAggregation: pick(options.qualifierAggregation, offered.qualifierAggregation), normalization: pick(options.normalization, offered.normalization) };
}

/**
 * The relation graph's date slider: position 0 is "any date" (every
 * relation), position i the i-th of `dates`. The date of a position, and
 * the position of a date (0 for one that is not a stop).
 */
export function dateAt(dates: readonly string[], position: number): string | undefined {
  return Number.isInteger(position) && position >= 1 ? dates[position - 1] : undefined;
}

export function positionOf(dates: readonly string[], date: string | undefined): number {
  return date === undefined ? 0 : dates.indexOf(date) + 1;
}
