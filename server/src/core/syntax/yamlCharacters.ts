/** Characters of the block YAML subset that the fast reader (`fastYaml.ts`) reads, and its way out of it. */

/** Thrown (and caught) to leave the fast path. */
class Bail extends Error {}
const BAIL = new Bail('outside the fast subset');
export function bail(): never {
  throw BAIL;
}

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;
export const COMMA = 44;
export const DASH = 45;
export const QUOTE = 34;
export const APOSTROPHE = 39;
export const BACKSLASH = 92;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const PIPE = 124;
export const GREATER = 62;
export const BOM = 0xfeff;

/**
 * Characters the fast path leaves to the full parser: control characters
 * other than tab and line feed (a carriage return only before a line feed),
 * C1 controls, a byte order mark past the start, line and paragraph
 * separators, non-characters and unpaired surrogates.
 */
export function plainCharacters(text: string): boolean {
  // A regular expression passes the printable ASCII, tabs and line feeds that
  // make up nearly all of a file at native speed; the loop looks at the rest.
  const other = /[^\t\n\x20-\x7e]/g;
  while (other.test(text)) {
    const i = other.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === CR) {
      if (text.charCodeAt(i + 1) !== LF) return false;
      continue;
    }
    if (c < 0xa0) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      other.lastIndex = i + 2;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c === 0x2028 || c === 0x2029 || c === 0xfffe || c === 0xffff) return false;
    if (c === BOM && i !== 0) return false;
  }
  return true;
}

export function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
