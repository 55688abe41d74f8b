import type { CoreDiagnostic, RelatedLocation } from './model';

/**
 * Bounds on what one diagnostic may carry to an output (the CLI's formats,
 * the language server's messages). Workspace content is untrusted: an id of
 * a megabyte, or a quote found ten thousand times, must not turn into a
 * megabyte message or ten thousand related locations per diagnostic.
 */
export const OUTPUT_LIMITS = {
  /** Characters of a message (or of a related location's message). */
  messageLength: 1000,
  /** Related locations kept; past it, one more entry says how many were left out. */
  relatedEntries: 20,
  /** Characters of a string inside `data`. */
  dataString: 500,
  /** Items of an array inside `data`. */
  dataArray: 20,
  /** Keys of an object inside `data`. */
  dataKeys: 20,
  /** Nesting of `data`; deeper values are dropped. */
  dataDepth: 4,
};

/**
 * Characters that act on a terminal or reorder text rather than show: C0
 * controls (tab, line feed and carriage return included), DEL, C1 controls,
 * and the bidirectional marks, embeddings, overrides and isolates.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The visible escape for one control character: `\x1B`, `\u202E`. */
export function escapeControlCharacter(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether a UTF-16 code unit is one that `escapeControlCharacters` escapes. */
export function isControlCharacter(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x61c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/**
 * Text with every control character written out as an escape (`\x1B`), so
 * that a message quoting workspace content can neither drive a terminal
 * (clear the screen, fake a success line) nor reorder what is shown.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, escapeControlCharacter);
}

/** Cuts text to `max` characters (never inside a surrogate pair), marking the cut with "…". */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** A message fit to show: control characters escaped, then cut to the maximum length. */
export function outputMessage(message: string): string {
  return truncateText(escapeControlCharacters(truncateText(message, OUTPUT_LIMITS.messageLength * 4)), OUTPUT_LIMITS.messageLength);
}

/** A copy of `data` with long strings cut, long arrays and objects shortened and deep nesting dropped. */
export function boundData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return truncateText(value, OUTPUT_LIMITS.dataString);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= OUTPUT_LIMITS.dataDepth) return undefined;
  if (Array.isArray(value)) return value.slice(0, OUTPUT_LIMITS.dataArray).map((item) => boundData(item, depth + 1));
  const bounded: Record<string, unknown> = {};
  let keys = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (++keys > OUTPUT_LIMITS.dataKeys) break;
    bounded[truncateText(key, OUTPUT_LIMITS.dataString)] = boundData((value as Record<string, unknown>)[key], depth + 1);
  }
  return bounded;
}

/**
 * A diagnostic fit for output: its message (and related messages) escaped
 * and cut, at most OUTPUT_LIMITS.relatedEntries related locations plus one
 * "…and N more" at the diagnostic itself, and bounded `data`. The one place
 * the limits are applied, by every adapter.
 */
export function boundForOutput(diagnostic: CoreDiagnostic): CoreDiagnostic {
  const bounded: CoreDiagnostic = { ...diagnostic, message: outputMessage(diagnostic.message) };
  if (diagnostic.related) {
    const kept: RelatedLocation[] = diagnostic.related.slice(0, OUTPUT_LIMITS.relatedEntries).map((r) => ({ ...r, message: outputMessage(r.message) }));
    const more = diagnostic.related.length - kept.length;
    if (more > 0) kept.push({ uri: diagnostic.uri, range: diagnostic.range, message: `…and ${more} more` });
    bounded.related = kept;
  }
  if (diagnostic.data) bounded.data = boundData(diagnostic.data) as Record<string, unknown>;
  return bounded;
}
