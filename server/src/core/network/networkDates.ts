import type { TimeWindowUnit } from './networkOptions';

/*
 * Dates of discourse networks, as whole days: a day number counts days since
 * 1970-01-01 (UTC, proleptic Gregorian). The format's dates are `YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD`; a partial date is a period, from its first day
 * to its last.
 */

const DAY_MS = 86_400_000;

export interface DatePeriod {
  /** The first day of the period. */
  first: number;
  /** The last day of the period. */
  last: number;
}

interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const dayOf = (year: number, month: number, day: number) => Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
// Date.UTC maps years 0–99 to 1900–1999; the format's years have four digits, and 0000–0099 are not dates anyone annotates.
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date as the days it spans, or undefined when it is not such a date. */
export function parseDatePeriod(text: string): DatePeriod | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 100) return undefined;
  if (match[2] === undefined) return { first: dayOf(year, 1, 1), last: dayOf(year, 12, 31) };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { first: dayOf(year, month, 1), last: dayOf(year, month, daysInMonth(year, month)) };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  const at = dayOf(year, month, day);
  return { first: at, last: at };
}

export function civilDate(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A day number as `YYYY-MM-DD`. */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilDate(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The calendar week of a day, as the day number of its Monday (ISO 8601
 * weeks run Monday to Sunday). 1970-01-01 was a Thursday.
 */
export function weekOf(dayNumber: number): number {
  return dayNumber - ((((dayNumber + 3) % 7) + 7) % 7);
}

export function monthOf(dayNumber: number): number {
  const { year, month } = civilDate(dayNumber);
  return year * 12 + (month - 1);
}

export function yearOf(dayNumber: number): number {
  return civilDate(dayNumber).year;
}

/**
 * A day moved by a number of units (negative moves back). Months and years
 * keep the day of the month, clamped to the month's last day (31 January
 * plus one month is 28 or 29 February), as calendar arithmetic does.
 */
export function addUnits(dayNumber: number, unit: TimeWindowUnit, count: number): number {
  if (unit === 'days') return dayNumber + count;
  if (unit === 'weeks') return dayNumber + 7 * count;
  const { year, month, day } = civilDate(dayNumber);
  const months = year * 12 + (month - 1) + (unit === 'months' ? count : 12 * count);
  const toYear = Math.floor(months / 12);
  const toMonth = months - toYear * 12 + 1;
  return dayOf(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
}
