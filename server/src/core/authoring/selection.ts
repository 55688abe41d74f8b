import type { Span } from '../model';

/** A selection without the whitespace around it; undefined when nothing but whitespace is selected. */
export function trimSelection(text: string, selection: Span): Span | undefined {
  let start = Math.max(0, Math.min(selection.start, selection.end));
  let end = Math.min(text.length, Math.max(selection.start, selection.end));
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { start, end } : undefined;
}

/** Text as it should be written into YAML: runs of whitespace (line breaks included) become one space. Anchoring ignores the difference. */
export function collapseWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ');
}
