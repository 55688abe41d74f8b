import type { WorkspaceView } from './workspace/workspaceView';
import { relativePath } from './uris';

/** A URI as a workspace-relative path for messages, or the URI itself outside the workspace. */
export function displayPath(index: WorkspaceView, uri: string): string {
  for (const folder of index.workspaceFolders) {
    const relative = relativePath(folder, uri);
    if (relative !== undefined) return relative;
  }
  return uri;
}

/** `file:line` for messages. */
export function displayLocation(index: WorkspaceView, uri: string, offset: number): string {
  const line = index.lineIndex(uri)?.positionAt(offset).line;
  return line === undefined ? displayPath(index, uri) : `${displayPath(index, uri)}:${line + 1}`;
}

/** A quote shortened for a message. */
export function shortQuote(quote: string, max = 60): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * When something held, for cards and summaries: " (2015–)", " (–2021)",
 * " (2001–2021)", or, with months or days, " (2001-09 – 2021-08-31)".
 * Empty without dates.
 */
export function describePeriod(from: string | undefined, until: string | undefined): string {
  if (from === undefined && until === undefined) return '';
  if (from === undefined || until === undefined) return ` (${from ?? ''}–${until ?? ''})`;
  return ` (${from}${from.length > 4 || until.length > 4 ? ' – ' : '–'}${until})`;
}

/** The ids a mention names, for messages: `india`, or `india, china` for a list-valued `actor:`. */
export function mentionedIds(mention: { actors: readonly { value: string }[] }): string {
  return mention.actors.length > 0 ? mention.actors.map((id) => id.value).join(', ') : '(no actor)';
}
