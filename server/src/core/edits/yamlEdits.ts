import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Located, Span } from '../model';
import { doubleQuoted, isPlainSafe, renderScalarOver, singleQuoted } from './scalarRendering';
import { lineEndingOf, type TextEdit } from './textEdit';

/**
 * Minimal edits to YAML text. Each function touches only the bytes it must,
 * so comments and formatting elsewhere in the file survive byte for byte.
 * Node positions come from re-parsing the file's current text.
 */

/** A string as a YAML scalar on one line: plain where that reads back the same, else double-quoted (line breaks escaped). */
export function yamlScalar(value: string, style: 'plain' | 'single' | 'double' = 'plain'): string {
  if (style === 'single') return singleQuoted(value) ?? doubleQuoted(value);
  if (style === 'plain' && isPlainSafe(value)) return value;
  return doubleQuoted(value);
}

/**
 * Replaces a scalar value, keeping its style where the new value allows it
 * (see `renderScalarOver`: the result always parses and reads back as
 * `newValue`, at the file's indentation). A block scalar (`|` or `>`) is
 * replaced up to the end of its last line: its range also holds the line
 * break after it, which must stay.
 */
export function replaceScalar(uri: string, content: string, located: Located<string>, newValue: string): TextEdit {
  const { start } = located.range;
  const first = content[start];
  let end = located.range.end;
  if (first === '|' || first === '>') while (end > start && (content[end - 1] === '\n' || content[end - 1] === '\r')) end--;
  return { uri, range: { start, end }, newText: renderScalarOver(content, { start, end }, newValue, lineEndingOf(content)) };
}

/** Parses a YAML text for editing (positions only; never used to write the file back). */
export function parseForEdit(content: string): Document.Parsed {
  return parseDocument(content, { keepSourceTokens: true, uniqueKeys: false });
}

/** The mapping or list node that starts exactly at `start`, anywhere in the document. */
export function nodeStartingAt(document: Document.Parsed, start: number): Node | undefined {
  let found: Node | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    const n = node as Node;
    if ((isMap(n) || isSeq(n)) && n.range?.[0] === start) {
      found = n;
      return;
    }
    if (isMap(n)) for (const pair of n.items as Pair<Node, Node>[]) visit(pair.value);
    else if (isSeq(n)) for (const item of n.items) visit(item);
  };
  visit(document.contents);
  return found;
}

function lineStartOf(content: string, offset: number): number {
  const at = Math.max(content.lastIndexOf('\n', offset - 1), content.lastIndexOf('\r', offset - 1));
  return at + 1;
}

function lineEndOf(content: string, offset: number): number {
  let end = offset;
  while (end < content.length && content[end] !== '\n' && content[end] !== '\r') end++;
  return end;
}

function columnOf(content: string, offset: number): number {
  return offset - lineStartOf(content, offset);
}

/** Offset just past the line break that ends the line containing `offset` (or the end of the text). */
function afterLineBreak(content: string, offset: number): number {
  const end = lineEndOf(content, offset);
  if (content[end] === '\r' && content[end + 1] === '\n') return end + 2;
  return end < content.length ? end + 1 : end;
}

/**
 * Sets `key: value` in the mapping that starts at `mapStart`: replaces the
 * value if the key is there, else inserts the pair after `afterKey` (or last).
 */
export function setField(uri: string, content: string, mapStart: number, key: string, value: string, afterKey?: string): TextEdit | undefined {
  const map = nodeStartingAt(parseForEdit(content), mapStart);
  if (!map || !isMap(map)) return undefined;
  const pairs = map.items as Pair<Node | null, Node | null>[];
  const existing = pairs.find((p) => isScalar(p.key) && p.key.value === key);
  if (existing?.value && isScalar(existing.value) && existing.value.range) {
    const range: Span = { start: existing.value.range[0], end: existing.value.range[1] };
    return replaceScalar(uri, content, { value: String(existing.value.value), range }, value);
  }
  const rendered = `${key}: ${yamlScalar(value)}`;
  if ((map as YAMLMap).flow) {
    const close = content.lastIndexOf('}', map.range![1]);
    let at = close;
    while (at > 0 && /\s/.test(content[at - 1])) at--;
    const empty = content[at - 1] === '{';
    return { uri, range: { start: at, end: at }, newText: empty ? rendered : `, ${rendered}` };
  }
  const anchorPair = pairs.find((p) => isScalar(p.key) && p.key.value === afterKey) ?? pairs[pairs.length - 1];
  if (!anchorPair || !isScalar(anchorPair.key) || !anchorPair.key.range) return undefined;
  const indent = ' '.repeat(columnOf(content, anchorPair.key.range[0]));
  const valueEnd = anchorPair.value?.range ? anchorPair.value.range[1] : anchorPair.key.range[1];
  // After the anchor pair's last line (a block scalar or nested block may span several lines).
  const lastContentOffset = Math.max(anchorPair.key.range[1], trimTrailingBreaks(content, valueEnd));
  const insertAt = afterLineBreak(content, lastContentOffset);
  const eol = lineEndingOf(content);
  const needsBreakBefore = insertAt === content.length && !/[\r\n]$/.test(content);
  return { uri, range: { start: insertAt, end: insertAt }, newText: `${needsBreakBefore ? eol : ''}${indent}${rendered}${needsBreakBefore ? '' : eol}` };
}

function trimTrailingBreaks(content: string, end: number): number {
  let at = end;
  while (at > 0 && (content[at - 1] === '\n' || content[at - 1] === '\r' || content[at - 1] === ' ')) at--;
  return Math.max(at - 1, 0);
}

interface ListItemLocation {
  list: YAMLSeq;
  index: number;
  /** The key whose value the list is, when it is one. */
  key?: Scalar;
}

/** The list that contains the item starting at `itemStart`, and the key it belongs to. */
function listContaining(document: Document.Parsed, itemStart: number): ListItemLocation | undefined {
  let found: ListItemLocation | undefined;
  const visit = (node: unknown, key?: Scalar): void => {
    if (found || !node || typeof node !== 'object') return;
    const n = node as Node;
    if (isSeq(n)) {
      const index = n.items.findIndex((item) => (item as Node | null)?.range?.[0] === itemStart);
      if (index >= 0) {
        found = { list: n, index, ...(key ? { key } : {}) };
        return;
      }
      for (const item of n.items) visit(item);
    } else if (isMap(n)) {
      for (const pair of n.items as Pair<Node, Node>[]) visit(pair.value, isScalar(pair.key) ? pair.key : undefined);
    }
  };
  visit(document.contents);
  return found;
}

/** The end of an item's last line of content (before trailing blank or comment lines). */
function itemContentEnd(content: string, item: Node): number {
  return trimTrailingBreaks(content, item.range![1]) + 1;
}

/**
 * Removes one item from a list: in a block list its whole line(s), with the
 * dash and any comment on them; in a flow list the item and one comma. A list
 * left empty becomes `key: []`.
 */
export function removeListItem(uri: string, content: string, itemRange: Span): TextEdit | undefined {
  const found = listContaining(parseForEdit(content), itemRange.start);
  if (!found) return undefined;
  const { list, index, key } = found;
  const items = list.items as Node[];
  const item = items[index];
  if (list.flow) {
    if (items.length === 1) return { uri, range: { start: item.range![0], end: item.range![1] }, newText: '' };
    if (index < items.length - 1) return { uri, range: { start: item.range![0], end: items[index + 1].range![0] }, newText: '' };
    const previousEnd = items[index - 1].range![1];
    const comma = previousEnd + content.slice(previousEnd, item.range![0]).indexOf(',');
    return { uri, range: { start: comma, end: item.range![1] }, newText: '' };
  }
  const end = itemContentEnd(content, item);
  if (items.length === 1 && key?.range) {
    return { uri, range: { start: key.range[1], end: lineEndOf(content, end - 1) }, newText: ': []' };
  }
  return { uri, range: { start: lineStartOf(content, item.range![0]), end: afterLineBreak(content, end - 1) }, newText: '' };
}

/**
 * Appends an item to the list that is the value of top-level `key`, matching
 * the indentation of its items; adds the key at the end if the file lacks it.
 * `lines` are the item's lines without indentation; the first gets the dash.
 */
export function appendListItem(uri: string, content: string, key: string, lines: string[]): TextEdit {
  const root = parseForEdit(content).contents;
  const edit = isMap(root) && root.range ? appendToNestedList(uri, content, root.range[0], key, [lines]) : undefined;
  if (edit) return edit;
  // No top-level mapping (an empty or comment-only file): start one at the end.
  const eol = lineEndingOf(content);
  const separator = content === '' || /[\r\n]$/.test(content) ? '' : eol;
  return { uri, range: { start: content.length, end: content.length }, newText: `${separator}${key}:${eol}${blockItem(lines, 2, 4, eol)}${eol}` };
}

/**
 * Appends items to the list under `key` in the mapping that starts at
 * `mapStart` (for example an actor's `aliases` or `relations`), in the
 * list's own style; adds the key after the mapping's last field if absent.
 * Each item is given as its lines, without indentation or dash.
 */
export function appendToNestedList(uri: string, content: string, mapStart: number, key: string, items: string[][]): TextEdit | undefined {
  if (items.length === 0) return undefined;
  const map = nodeStartingAt(parseForEdit(content), mapStart);
  if (!map || !isMap(map)) return undefined;
  const eol = lineEndingOf(content);
  const pairs = map.items as Pair<Node | null, Node | null>[];
  const pair = pairs.find((p) => isScalar(p.key) && p.key.value === key);
  const list = pair?.value;
  if (list && isSeq(list) && list.items.length > 0) {
    const existing = list.items as Node[];
    const last = existing[existing.length - 1];
    if (list.flow) {
      return { uri, range: { start: last.range![1], end: last.range![1] }, newText: items.map((item) => `, ${flowItem(item)}`).join('') };
    }
    const dashColumn = columnOf(content, content.lastIndexOf('-', existing[0].range![0]));
    const contentColumn = columnOf(content, existing[0].range![0]);
    const insertAt = afterLineBreak(content, itemContentEnd(content, last) - 1);
    // Items written as `- {a: b}` get their siblings in the same style.
    const asFlow = isMap(last) && (last as YAMLMap).flow;
    const text = items.map((lines) => blockItem(asFlow ? [flowItem(lines)] : lines, dashColumn, contentColumn, eol)).join(eol);
    const needsBreakBefore = insertAt === content.length && !/[\r\n]$/.test(content);
    return { uri, range: { start: insertAt, end: insertAt }, newText: `${needsBreakBefore ? eol : ''}${text}${needsBreakBefore ? '' : eol}` };
  }
  if (pair?.value && !(isSeq(pair.value) || (isScalar(pair.value) && (pair.value.value === null || pair.value.value === '')))) return undefined;
  if ((map as YAMLMap).flow) return setFlowListField(uri, content, map as YAMLMap, key, items, pair);
  const firstKey = pairs.find((p) => isScalar(p.key) && p.key.range)?.key as Scalar | undefined;
  if (!firstKey?.range) return undefined;
  const column = columnOf(content, firstKey.range[0]);
  const indent = ' '.repeat(column);
  const itemLines = items.map((lines) => blockItem(lines, column + 2, column + 4, eol)).join(eol);
  if (pair && isScalar(pair.key) && pair.key.range) {
    // `key:` or `key: []` with nothing in it yet: give it a block list.
    const valueEnd = pair.value?.range ? pair.value.range[1] : pair.key.range[1] + 1;
    return { uri, range: { start: pair.key.range[1], end: valueEnd }, newText: `:${eol}${itemLines}` };
  }
  const lastPair = pairs[pairs.length - 1];
  const lastEnd = lastPair.value?.range ? lastPair.value.range[1] : (lastPair.key as Node).range![1];
  const insertAt = afterLineBreak(content, trimTrailingBreaks(content, lastEnd));
  const needsBreakBefore = insertAt === content.length && !/[\r\n]$/.test(content);
  return { uri, range: { start: insertAt, end: insertAt }, newText: `${needsBreakBefore ? eol : ''}${indent}${key}:${eol}${itemLines}${needsBreakBefore ? '' : eol}` };
}

/** An item written on one line for a flow list: a scalar, or `{k: v, …}` for several `k: v` lines. */
function flowItem(lines: string[]): string {
  return lines.length === 1 && !/^[\w-]+: /.test(lines[0]) ? lines[0] : `{${lines.join(', ')}}`;
}

/** One block list item: the dash at `dashColumn`, its content at `contentColumn`. */
function blockItem(lines: string[], dashColumn: number, contentColumn: number, eol: string): string {
  return lines.map((line, i) => (i === 0 ? `${' '.repeat(dashColumn)}-${' '.repeat(contentColumn - dashColumn - 1)}${line}` : `${' '.repeat(contentColumn)}${line}`)).join(eol);
}

function setFlowListField(uri: string, content: string, map: YAMLMap, key: string, items: string[][], pair: Pair<Node | null, Node | null> | undefined): TextEdit | undefined {
  const list = `[${items.map(flowItem).join(', ')}]`;
  if (pair && isScalar(pair.key) && pair.key.range) {
    const valueEnd = pair.value?.range ? pair.value.range[1] : pair.key.range[1] + 1;
    return { uri, range: { start: pair.key.range[1], end: valueEnd }, newText: `: ${list}` };
  }
  const close = content.lastIndexOf('}', map.range![1]);
  let at = close;
  while (at > 0 && /\s/.test(content[at - 1])) at--;
  return { uri, range: { start: at, end: at }, newText: `${content[at - 1] === '{' ? '' : ', '}${key}: ${list}` };
}
