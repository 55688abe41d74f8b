import { visit, type Document } from 'yaml';
import type { Span } from '../model';

/**
 * Common mistakes in hand-written YAML, recognised from the source line
 * where the parser reports an error, so that each gets one diagnostic in the
 * annotator's words (with the fix) instead of the parser's advice and a
 * cascade of knock-on errors. Each mistake comes with a repair: the text is
 * parsed again with the repairs applied, so the rest of the file is still
 * read and checked.
 */

/** Replace `deleteCount` characters at `offset` (of the original text) by `insert`. */
export interface TextRepair {
  offset: number;
  deleteCount: number;
  insert: string;
}

export interface YamlMistake {
  range: Span;
  message: string;
  repairs: TextRepair[];
}

interface SourceLine {
  start: number;
  /** Without the line break. */
  text: string;
}

function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lines.push({ start, text: text.slice(start, contentEnd) });
    start = end + 1;
  }
  return lines;
}

/** The line holding each offset, by binary search over line starts. */
function lineOf(lines: SourceLine[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function isBlank(line: string): boolean {
  return /^\s*(?:#.*)?$/.test(line);
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

const LIST_ITEM = /^( *)-(?: |$)/;
/** `key: value` or `- key: value`, with a lower-case key as the format's keys are. */
const KEY_VALUE = /^( *(?:- +)*)([A-Za-z_][\w-]*):( +)(.*)$/;
/** `key:value`: a key, a colon and no space. */
const KEY_NO_SPACE = /^( *(?:- +)*)([a-z][a-z0-9-]*):([^\s/:].*)$/;
/** How far back to look for the list an item belongs to. */
const LOOK_BACK = 200;
/** Longest value shown in full in a message. */
const SHOWN_VALUE = 60;

function shown(value: string): string {
  return value.length > SHOWN_VALUE ? `${value.slice(0, SHOWN_VALUE - 1)}…` : value;
}

/** The value with a trailing ` # comment` removed (quotes are not considered: the value is a plain scalar). */
function withoutComment(value: string): string {
  const hash = value.search(/\s#/);
  return (hash < 0 ? value : value.slice(0, hash)).replace(/\s+$/, '');
}

/** A tab in the indentation: the indentation YAML cannot read, and the spaces it most likely stands for. */
function tabIndentation(lines: SourceLine[], index: number): YamlMistake | undefined {
  const line = lines[index].text;
  const leading = /^[ \t]*/.exec(line)![0];
  if (!leading.includes('\t') || leading.length === line.length) return undefined;
  let previous = index - 1;
  while (previous >= 0 && isBlank(lines[previous].text)) previous--;
  let spaces: number;
  const before = previous >= 0 ? lines[previous].text : '';
  if (previous >= 0 && !/^[ ]*\t/.test(before)) {
    // After a line indented with spaces: line up with its content, one level deeper after `key:`.
    const content = /^[ ]*(?:- +)*/.exec(before)![0].length;
    spaces = withoutComment(before).endsWith(':') ? indentOf(before) + 2 : content;
  } else {
    spaces = leading.replace(/\t/g, '  ').length;
  }
  if (/^-(?: |$)/.test(line.slice(leading.length))) {
    // A list item lines up with the closest item above it that is not deeper.
    for (let j = index - 1; j >= 0 && j >= index - LOOK_BACK; j--) {
      const item = LIST_ITEM.exec(lines[j].text);
      if (item && item[1].length <= spaces) {
        spaces = item[1].length;
        break;
      }
    }
  }
  const tab = lines[index].start + leading.indexOf('\t');
  return {
    range: { start: tab, end: tab + 1 },
    message: `This line is indented with a tab, but YAML allows only spaces for indentation. Replace the tab with spaces${spaces > 0 ? ` (here ${spaces}, to line up with the lines around it)` : ''}.`,
    repairs: [{ offset: lines[index].start, deleteCount: leading.length, insert: ' '.repeat(spaces) }],
  };
}

/**
 * A list item whose `-` is not at the column of the list it belongs to:
 * the closest earlier item of a list that encloses this line, unless an
 * item is already at this column or the line is the first item under a key.
 */
function misindentedListItem(lines: SourceLine[], index: number): YamlMistake | undefined {
  const match = LIST_ITEM.exec(lines[index].text);
  if (!match) return undefined;
  const current = match[1].length;
  let minSeen = Infinity;
  let expected: { indent: number; line: number } | undefined;
  let first = true;
  for (let j = index - 1; j >= 0 && j >= index - LOOK_BACK; j--) {
    const text = lines[j].text;
    if (isBlank(text) || /^\s*\t/.test(text)) continue;
    const indent = indentOf(text);
    const item = LIST_ITEM.test(text);
    if (first && !item && withoutComment(text).endsWith(':') && indent <= current) return undefined;
    first = false;
    if (item && indent === current && indent <= minSeen) return undefined;
    if (item && indent <= minSeen && (!expected || Math.abs(indent - current) < Math.abs(expected.indent - current))) expected = { indent, line: j };
    if (!item && indent < current) break;
    minSeen = Math.min(minSeen, indent);
  }
  if (!expected) return undefined;
  const delta = expected.indent - current;
  // The item's own lines move with it if they line up with its content; if they are already at the right column, they stay.
  const content = /^ *(?:-(?: +|$))+/.exec(lines[index].text)![0].length;
  let next = index + 1;
  while (next < lines.length && isBlank(lines[next].text)) next++;
  const moveBlock = next < lines.length && indentOf(lines[next].text) === content;
  const repairs: TextRepair[] = [];
  for (let j = index; j < lines.length; j++) {
    const text = lines[j].text;
    if (j > index && (!moveBlock || (!isBlank(text) && indentOf(text) <= current))) break;
    if (isBlank(text)) continue;
    if (delta > 0) repairs.push({ offset: lines[j].start, deleteCount: 0, insert: ' '.repeat(delta) });
    else if (indentOf(text) >= -delta) repairs.push({ offset: lines[j].start, deleteCount: -delta, insert: '' });
  }
  const dash = lines[index].start + current;
  return {
    range: { start: dash, end: dash + 1 },
    message: `This list item starts at column ${current + 1}, but the items of its list start at column ${expected.indent + 1} (as on line ${expected.line + 1}). Move the \`-\` to column ${expected.indent + 1}${repairs.length > 1 ? ", and the item's other lines with it" : ''}.`,
    repairs,
  };
}

/**
 * A `key: value` line a space or two off the column of the keys above it
 * (of the same mapping): the previous line's key, or the content of the
 * list item it starts.
 */
function misindentedField(lines: SourceLine[], index: number): YamlMistake | undefined {
  const text = lines[index].text;
  if (LIST_ITEM.test(text) || !/^ *[A-Za-z_][\w-]*:(?: |$)/.test(text)) return undefined;
  const current = indentOf(text);
  let previous = index - 1;
  while (previous >= 0 && isBlank(lines[previous].text)) previous--;
  if (previous < 0) return undefined;
  const before = lines[previous].text;
  if (/^\s*\t/.test(before) || withoutComment(before).endsWith(':')) return undefined;
  const expected = /^ *(?:- +)*/.exec(before)![0].length;
  if (expected === current || Math.abs(expected - current) > 2 || !/^ *(?:- +)*[A-Za-z_][\w-]*:(?: |$)/.test(before)) return undefined;
  const delta = expected - current;
  const start = lines[index].start + current;
  return {
    range: { start, end: start + /^[A-Za-z_][\w-]*/.exec(text.slice(current))![0].length },
    message: `This key starts at column ${current + 1}, but the keys of its mapping start at column ${expected + 1} (as on line ${previous + 1}). Move it to column ${expected + 1}.`,
    repairs: [delta > 0 ? { offset: lines[index].start, deleteCount: 0, insert: ' '.repeat(delta) } : { offset: lines[index].start, deleteCount: -delta, insert: '' }],
  };
}

/** `key:value` with no space after the colon, which YAML does not read as a key and value. */
function missingSpaceAfterColon(lines: SourceLine[], index: number): YamlMistake | undefined {
  const match = KEY_NO_SPACE.exec(lines[index].text);
  if (!match) return undefined;
  const colon = lines[index].start + match[1].length + match[2].length;
  return {
    range: { start: colon, end: colon + 1 },
    message: `\`${match[2]}:${shown(match[3])}\` needs a space after the colon to be read as a key and its value: write \`${match[2]}: ${shown(match[3])}\`.`,
    repairs: [{ offset: colon + 1, deleteCount: 0, insert: ' ' }],
  };
}

/** A plain value holding `: ` (or ending in `:`), which YAML reads as a nested mapping. */
function colonInValue(lines: SourceLine[], index: number): YamlMistake | undefined {
  const match = KEY_VALUE.exec(lines[index].text);
  if (!match) return undefined;
  const value = withoutComment(match[4]);
  if (value === '' || /^["'[{|>&*!%@`]/.test(value)) return undefined;
  const inner = value.search(/:(?: |$)/);
  if (inner < 0) return undefined;
  const valueStart = lines[index].start + match[1].length + match[2].length + 1 + match[3].length;
  const quoted = /["\\]/.test(value) ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
  const repairs: TextRepair[] = [{ offset: valueStart, deleteCount: 0, insert: "'" }];
  for (let i = value.indexOf("'"); i >= 0; i = value.indexOf("'", i + 1)) repairs.push({ offset: valueStart + i, deleteCount: 0, insert: "'" });
  repairs.push({ offset: valueStart + value.length, deleteCount: 0, insert: "'" });
  return {
    range: { start: valueStart + inner, end: valueStart + inner + 1 },
    message: `This value contains \`: \`, which YAML reads as the start of a nested key and value. Put the whole value in quotes: \`${match[2]}: ${shown(quoted)}\`.`,
    repairs,
  };
}

/** `key value` where `key` is a field of the format: the colon is missing. */
function missingColon(lines: SourceLine[], index: number, knownKeys: ReadonlySet<string>): YamlMistake | undefined {
  const match = /^( *(?:- +)*)([a-z][a-z0-9-]*)( +)([^\s:#].*)$/.exec(lines[index].text);
  if (!match || !knownKeys.has(match[2])) return undefined;
  const keyEnd = lines[index].start + match[1].length + match[2].length;
  const value = withoutComment(match[4]);
  return {
    range: { start: lines[index].start + match[1].length, end: keyEnd },
    message: `\`${match[2]}\` is missing its colon: write \`${match[2]}: ${shown(value)}\`.`,
    repairs: [{ offset: keyEnd, deleteCount: 0, insert: ':' }],
  };
}

type Detector = (lines: SourceLine[], index: number, knownKeys: ReadonlySet<string>) => YamlMistake | undefined;
const DETECTORS: Detector[] = [tabIndentation, misindentedListItem, misindentedField, missingSpaceAfterColon, colonInValue, missingColon];

/**
 * The common mistakes on the lines where the parser reported errors (at
 * most one per line, the first that fits), in line order. Tabs, missing
 * spaces and colons in values are recognised on the line alone; a list
 * item out of line depends on the lines above, which an earlier mistake
 * may have put out of place, so only the first is reported per call: the
 * caller repairs, parses again and calls again (see `yamlFields`). A key
 * without its colon is recognised only for `knownKeys`, the format's fields.
 */
export function findYamlMistakes(text: string, errorOffsets: readonly number[], knownKeys: ReadonlySet<string> = new Set()): YamlMistake[] {
  if (errorOffsets.length === 0) return [];
  const lines = splitLines(text);
  const errorLines = [...new Set(errorOffsets.map((offset) => lineOf(lines, Math.min(offset, text.length))))].sort((a, b) => a - b);
  const mistakes: YamlMistake[] = [];
  let listItemMoved = false; // or a key
  for (const index of errorLines) {
    for (const detect of DETECTORS) {
      // A misplaced list item puts the lines after it out of place too: repair the first, then look again.
      const dependsOnLinesAbove = detect === misindentedListItem || detect === misindentedField;
      if (dependsOnLinesAbove && listItemMoved) continue;
      const mistake = detect(lines, index, knownKeys);
      if (mistake) {
        mistakes.push(mistake);
        listItemMoved ||= dependsOnLinesAbove;
        break;
      }
    }
  }
  return mistakes;
}

/** A text with repairs applied, and the way back from its offsets to the original's. */
export interface RepairedText {
  text: string;
  toOriginal(offset: number): number;
}

/** Applies repairs (overlapping ones after the first are skipped). */
export function applyRepairs(text: string, repairs: readonly TextRepair[]): RepairedText {
  const sorted = repairs.map((repair, order) => ({ repair, order })).sort((a, b) => a.repair.offset - b.repair.offset || a.order - b.order);
  const parts: string[] = [];
  const marks: { repaired: number; original: number; inserted: number; deleted: number }[] = [];
  let last = 0;
  let repairedLength = 0;
  for (const { repair } of sorted) {
    if (repair.offset < last) continue;
    parts.push(text.slice(last, repair.offset));
    repairedLength += repair.offset - last;
    marks.push({ repaired: repairedLength, original: repair.offset, inserted: repair.insert.length, deleted: repair.deleteCount });
    parts.push(repair.insert);
    repairedLength += repair.insert.length;
    last = repair.offset + repair.deleteCount;
  }
  parts.push(text.slice(last));
  const toOriginal = (offset: number): number => {
    let low = 0;
    let high = marks.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (marks[mid].repaired <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found < 0) return offset;
    const mark = marks[found];
    if (offset < mark.repaired + mark.inserted) return mark.original + Math.min(offset - mark.repaired, mark.deleted);
    return mark.original + mark.deleted + (offset - mark.repaired - mark.inserted);
  };
  return { text: parts.join(''), toOriginal };
}

/** Moves every node's range of a document parsed from repaired text back to the original text's offsets. */
export function mapRangesToOriginal(document: Document.Parsed, toOriginal: (offset: number) => number): void {
  visit(document, {
    Node(_, node) {
      if (node.range) node.range = [toOriginal(node.range[0]), toOriginal(node.range[1]), toOriginal(node.range[2])];
    },
  });
}
