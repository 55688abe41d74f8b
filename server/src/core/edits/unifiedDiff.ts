import { lastAtOrBelow } from '../sortedSearch';
import { applyEdits, type TextEdit } from './textEdit';

/**
 * A unified diff (as `diff -u` and `git diff` print it) of the changes that
 * edits make to a text. The changed lines come straight from the edits, so
 * the work is linear in the size of the text, with no search for a longest
 * common subsequence.
 */

interface Lines {
  text: string;
  /** Offset where each line starts; a text ending in a line break has no line after it. */
  starts: number[];
  count: number;
}

function linesOf(text: string): Lines {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  const count = text === '' ? 0 : text.endsWith('\n') ? starts.length - 1 : starts.length;
  return { text, starts, count };
}

/** The line (0-based) holding `offset`. */
function lineOf(lines: Lines, offset: number): number {
  return lastAtOrBelow(lines.starts, offset);
}

/** Line `i` with its line break, if it has one. */
function lineText(lines: Lines, i: number): string {
  return lines.text.slice(lines.starts[i], i + 1 < lines.starts.length ? lines.starts[i + 1] : lines.text.length);
}

function isLineStart(lines: Lines, offset: number): boolean {
  return offset === 0 || lines.text[offset - 1] === '\n';
}

/** A run of changed lines: old lines [oldStart, oldEnd) became new lines [newStart, newEnd). */
interface Block {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

function changedBlocks(before: Lines, after: Lines, edits: readonly Omit<TextEdit, 'uri'>[]): Block[] {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const blocks: Block[] = [];
  let shift = 0;
  let i = 0;
  while (i < sorted.length) {
    // Edits on the same or touching lines make one block.
    const start = sorted[i].range.start;
    const newStart = start + shift;
    let end = sorted[i].range.end;
    shift += sorted[i].newText.length - (end - start);
    i++;
    while (i < sorted.length && sorted[i].range.start <= lineEndAfter(before, end)) {
      end = Math.max(end, sorted[i].range.end);
      shift += sorted[i].newText.length - (sorted[i].range.end - sorted[i].range.start);
      i++;
    }
    const newEnd = end + shift;
    const block: Block = { oldStart: lineOf(before, start), newStart: lineOf(after, newStart), oldEnd: 0, newEnd: 0 };
    if (isLineStart(before, end) && isLineStart(after, newEnd) && (end > start || newEnd > newStart)) {
      block.oldEnd = end === before.text.length ? before.count : lineOf(before, end);
      block.newEnd = newEnd === after.text.length ? after.count : lineOf(after, newEnd);
    } else {
      block.oldEnd = Math.min(before.count, lineOf(before, end) + 1);
      block.newEnd = Math.min(after.count, lineOf(after, newEnd) + 1);
    }
    // Lines the edits left as they were, at either end of the block.
    while (block.oldStart < block.oldEnd && block.newStart < block.newEnd && lineText(before, block.oldStart) === lineText(after, block.newStart)) {
      block.oldStart++;
      block.newStart++;
    }
    while (block.oldStart < block.oldEnd && block.newStart < block.newEnd && lineText(before, block.oldEnd - 1) === lineText(after, block.newEnd - 1)) {
      block.oldEnd--;
      block.newEnd--;
    }
    if (block.oldStart === block.oldEnd && block.newStart === block.newEnd) continue;
    // Changes on consecutive lines read as one run: all removed lines, then all added ones.
    const previous = blocks[blocks.length - 1];
    if (previous && previous.oldEnd === block.oldStart && previous.newEnd === block.newStart) {
      previous.oldEnd = block.oldEnd;
      previous.newEnd = block.newEnd;
    } else {
      blocks.push(block);
    }
  }
  return blocks;
}

/** The offset of the line break that ends the line holding `offset` (or the end of the text). */
function lineEndAfter(lines: Lines, offset: number): number {
  const at = lines.text.indexOf('\n', offset);
  return at === -1 ? lines.text.length : at;
}

function emit(out: string[], marker: string, lines: Lines, i: number): void {
  const text = lineText(lines, i);
  if (text.endsWith('\n')) out.push(`${marker}${text.slice(0, -1)}\n`);
  else out.push(`${marker}${text}\n`, '\\ No newline at end of file\n');
}

/** `start,length` of a hunk side; an empty side is numbered by the line before it. */
function hunkRange(start: number, length: number): string {
  return `${length === 0 ? start : start + 1},${length}`;
}

/**
 * The unified diff of `edits` applied to `before`, with `context` lines
 * around each change; empty when the edits change nothing.
 */
export function unifiedDiff(oldName: string, newName: string, before: string, edits: readonly Omit<TextEdit, 'uri'>[], context = 3): string {
  const oldLines = linesOf(before);
  const newLines = linesOf(applyEdits(before, edits));
  const blocks = changedBlocks(oldLines, newLines, edits);
  if (blocks.length === 0) return '';
  const out = [`--- ${oldName}\n`, `+++ ${newName}\n`];
  let b = 0;
  while (b < blocks.length) {
    let last = b;
    while (last + 1 < blocks.length && blocks[last + 1].oldStart - blocks[last].oldEnd <= 2 * context) last++;
    const oldFrom = Math.max(0, blocks[b].oldStart - context);
    const oldTo = Math.min(oldLines.count, blocks[last].oldEnd + context);
    const newFrom = blocks[b].newStart - (blocks[b].oldStart - oldFrom);
    const newTo = blocks[last].newEnd + (oldTo - blocks[last].oldEnd);
    out.push(`@@ -${hunkRange(oldFrom, oldTo - oldFrom)} +${hunkRange(newFrom, newTo - newFrom)} @@\n`);
    let at = oldFrom;
    for (let k = b; k <= last; k++) {
      const block = blocks[k];
      for (; at < block.oldStart; at++) emit(out, ' ', oldLines, at);
      for (let i = block.oldStart; i < block.oldEnd; i++) emit(out, '-', oldLines, i);
      for (let i = block.newStart; i < block.newEnd; i++) emit(out, '+', newLines, i);
      at = block.oldEnd;
    }
    for (; at < oldTo; at++) emit(out, ' ', oldLines, at);
    b = last + 1;
  }
  return out.join('');
}
