/**
 * Escaping workspace strings for Markdown: hover cards (VS Code's renderer
 * and any LSP client's) and the review comment of a pull request (GitHub).
 * Every string from the workspace is untrusted: it must reach the reader as
 * the text it is, never as a link, an image, HTML, a mention or formatting.
 *
 * One function per target: running text (`markdownText`, safe in a GFM
 * table cell too), inline code (`markdownCode`, with `inTable` in a cell),
 * and link targets
 * (`markdownLink`, which accepts only `https:` and `file:` addresses).
 */

/** ASCII punctuation that Markdown reads as markup (emphasis, code, links, images, HTML, entities, tables, strikethrough, math, headings). */
const MARKUP = /[\\`*_[\]<>|~&$!#]/g;
/** C0 and C1 control characters other than whitespace: shown as the replacement character, never passed to the renderer or a terminal. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/**
 * An invisible WORD JOINER (U+2060), put where GitHub and VS Code would
 * otherwise make a link or a mention of plain text: after `@` (mentions,
 * e-mail addresses), between `:` and `//` (web addresses), after `www`.
 */
const JOINER = '\u2060';

export interface MarkdownContext {
  /** The string stands in a GFM table cell, where `|` ends the cell even inside code. */
  inTable?: boolean;
}

/**
 * Whether `flatten` would change a string: whitespace other than a lone
 * space, or a control character. Most strings have neither, and one test
 * (no copies) is all they cost.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_FLATTENING = /[^\S ]| {2}|[\u0000-\u001f\u007f-\u009f]/;

/** Whitespace (line breaks included) folded to single spaces, control characters made visible. */
function flatten(text: string): string {
  return NEEDS_FLATTENING.test(text) ? text.replace(/\s+/g, ' ').replace(CONTROL, '\uFFFD') : text;
}

/**
 * Whether `markdownText` would change a string: anything `flatten` changes,
 * markup, or the start of an autolink or mention (`@`, `:/`, `www.`). Taken
 * with `LEADING_MARKER`, a string that matches neither is its own escape.
 */
// eslint-disable-next-line no-control-regex
const TEXT_NEEDS_ESCAPING = /[^\S ]| {2}|[\u0000-\u001f\u007f-\u009f\\`*_[\]<>|~&$!#@]|:\/|www\./i;
/** A string that starts like a list item (`- `, `+`, `=`, `1.`, `1)`), after at most one space. */
const LEADING_MARKER = /^ ?(?:[-+=]|\d{1,9}[.)])/;

/** Breaks the patterns that GFM and VS Code turn into links and mentions without any markup. */
function neutraliseAutolinks(text: string): string {
  return text
    .replace(/@/g, `@${JOINER}`)
    .replace(/:(?=\/)/g, `:${JOINER}`)
    .replace(/\b(www)(?=\.)/gi, `$1${JOINER}`);
}

/**
 * A workspace string as running Markdown text: on one line, every markup
 * character backslash-escaped, list markers at its start escaped, and
 * autolinks and @mentions broken with an invisible joiner. The rendered text
 * reads exactly as the string (apart from folded whitespace).
 */
export function markdownText(text: string): string {
  if (!TEXT_NEEDS_ESCAPING.test(text) && !LEADING_MARKER.test(text)) return text;
  const escaped = neutraliseAutolinks(flatten(text)).replace(MARKUP, (ch) => `\\${ch}`);
  // List markers count only at the start of a paragraph (`#`, `>`, `*` are escaped everywhere above).
  return escaped.replace(/^( ?)([-+=])/, '$1\\$2').replace(/^( ?\d{1,9})([.)])/, '$1\\$2');
}

/**
 * A workspace string as inline code: the fence is one backtick longer than
 * the longest run of backticks inside, with a padding space when the content
 * starts or ends with a backtick, so no value can close the code early. In a
 * table cell, `|` is escaped too (GFM splits cells before it reads code).
 */
export function markdownCode(text: string, context: MarkdownContext = {}): string {
  let content = flatten(text).trim();
  if (content === '') return '(empty)';
  if (context.inTable && content.includes('|')) content = content.replace(/\|/g, '\\|');
  const longestRun = content.includes('`') ? content.match(/`+/g)!.reduce((longest, run) => Math.max(longest, run.length), 0) : 0;
  const fence = '`'.repeat(longestRun + 1);
  const pad = content.startsWith('`') || content.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** A character that would end a Markdown link destination (percent-encoded by `safeLinkTarget`). */
const ENDS_LINK_DESTINATION = /[\s()<>\\`"'[\]]/;

/**
 * A link target, or undefined when it may not be linked: only `https:`
 * addresses and `file:` URIs (which the caller has checked are workspace
 * files) are; `command:`, `javascript:`, `data:` and the rest never are.
 * Characters that end a Markdown link destination are percent-encoded.
 */
export function safeLinkTarget(target: string): string | undefined {
  if (!/^(https:\/\/[^/\s]|file:\/\/)/i.test(target)) return undefined;
  if (!ENDS_LINK_DESTINATION.test(target)) return target;
  return target.replace(/[\s()<>\\`"'[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A Markdown link with an escaped label, or just the label when the target may not be linked. */
export function markdownLink(label: string, target: string): string {
  const safe = safeLinkTarget(target);
  const text = markdownText(label);
  return safe ? `[${text}](${safe})` : text;
}

/** A workspace string as plain text: on one line, with control characters made visible. Nothing else needs escaping. */
export function plainText(text: string): string {
  return flatten(text);
}
