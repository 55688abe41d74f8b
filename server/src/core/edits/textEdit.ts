import type { Span } from '../model';

/** A replacement of a range of one file's text: the unit every fix and refactoring is made of. */
export interface TextEdit {
  uri: string;
  range: Span;
  newText: string;
}

/**
 * Applies edits to a text, as LSP does: edits must not overlap, and inserts
 * at the same offset appear in the order they are listed. For tests and previews.
 */
export function applyEdits(text: string, edits: readonly Omit<TextEdit, 'uri'>[]): string {
  const ordered = edits.map((edit, order) => ({ edit, order }));
  ordered.sort((a, b) => b.edit.range.start - a.edit.range.start || b.edit.range.end - a.edit.range.end || b.order - a.order);
  let result = text;
  for (const { edit } of ordered) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}

/** The line ending a file uses ("\r\n" when its first line break is one). */
export function lineEndingOf(text: string): string {
  const at = text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}
