import { displayPath } from '../describe';
import { markdownCode, markdownText } from '../markdownEscape';
import type { Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { link, type Inline } from './card';

/** A workspace string as Markdown text: every markup character escaped, autolinks and mentions broken (see ../markdownEscape). */
export function escapeMarkdown(text: string): string {
  return markdownText(text);
}

/** Inline code that survives any backticks inside the value. */
export function inlineCode(text: string): string {
  return markdownCode(text);
}

/**
 * A link that opens a place in the workspace, labelled `path:line`. The
 * `#L<line>` fragment is how VS Code's Markdown renderer opens a file at a
 * line; other editors show the text and may ignore the fragment.
 */
export function locationLink(index: WorkspaceView, uri: string, range: Span): Inline {
  const line = (index.lineIndex(uri)?.positionAt(range.start).line ?? 0) + 1;
  return link(`${displayPath(index, uri)}:${line}`, `${uri}#L${line}`);
}

/** Whitespace that folding changes: any but a lone space. */
const FOLDABLE_SPACE = /[^\S ]| {2}/;

/** Text folded onto one line and cut to a length, for cards and symbol details. */
export function oneLine(text: string, max = 80): string {
  const flat = (FOLDABLE_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
