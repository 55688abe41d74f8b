import { escapeControlCharacters, truncateText } from '../core';
import { displayWidth } from './sourceExcerpt';

/** The widest a cell is printed, in terminal columns; longer values are cut and marked "…". */
export const MAX_CELL_WIDTH = 60;

/** A value fit for one cell: control characters (line breaks included) escaped, cut to `max` terminal columns. */
export function tableCell(value: string, max = MAX_CELL_WIDTH): string {
  const escaped = escapeControlCharacters(truncateText(value, max * 4));
  if (displayWidth(escaped) <= max) return escaped;
  let width = 0;
  let cut = '';
  for (const character of escaped) {
    const next = displayWidth(character);
    if (width + next > max - 1) break;
    cut += character;
    width += next;
  }
  return `${cut}…`;
}

/**
 * Rows as aligned columns for people: a header line, then one line per row,
 * columns two spaces apart and padded by display width (wide CJK characters
 * count two, combining marks none), the last column unpadded. Every cell
 * goes through `tableCell`, so no workspace text reaches the terminal raw.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [headers.map((h) => tableCell(h)), ...rows.map((row) => row.map((value) => tableCell(value)))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => displayWidth(row[column] ?? ''))));
  return cells
    .map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column] - displayWidth(cell)))).join('  ').trimEnd())
    .join('\n');
}

const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** JSON for machines, with the characters that could drive a terminal or reorder text written as `\u` escapes (the same value once parsed). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
