import { displayPath } from '../checks/describe';
import type { Span } from '../model';
import type { WorkspaceIndex } from '../workspaceIndex';

/**
 * Escapes the characters that Markdown reads as inline formatting. Values
 * appear mid-line in cards, so block markers (#, -, 1.) need no escaping, and
 * leaving them alone keeps the card readable in editors that show it raw.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`);
}

/** Inline code that survives backticks inside the value. */
export function inlineCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

/**
 * A Markdown link that opens a place in the workspace: `path:line`. The
 * `#L<line>` fragment is how VS Code's Markdown renderer opens a file at a
 * line; other editors show the text and may ignore the fragment.
 */
export function locationLink(index: WorkspaceIndex, uri: string, range: Span): string {
  const line = (index.lineIndex(uri)?.positionAt(range.start).line ?? 0) + 1;
  const label = `${displayPath(index, uri)}:${line}`;
  return `[${escapeMarkdown(label)}](${uri}#L${line})`;
}

/** Text folded onto one line and cut to a length, for cards and symbol details. */
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
