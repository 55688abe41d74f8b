/**
 * Text normalised for matching quotes and aliases, with a map back to the
 * original offsets. People type ASCII into YAML, so matching ignores the
 * difference between typographic and straight quotes, dash variants, runs of
 * whitespace (including line breaks, so CRLF and LF texts match alike), the
 * ellipsis character and invisible soft hyphens and zero-width spaces.
 */
export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** For each normalised code unit, the original offset where its source starts. */
  starts: Int32Array;
  /** For each normalised code unit, the original offset where its source ends. */
  ends: Int32Array;
}

const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0xff07]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb, 0xff02]);
const DASHES = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]);
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

function isSpace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0x85
  );
}

/** Normalises a whole text, keeping the map back to original offsets. */
export function normalizeWithMap(source: string): NormalizedText {
  const out: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (code: number, start: number, end: number) => {
    out.push(code);
    starts.push(start);
    ends.push(end);
  };
  let i = 0;
  while (i < source.length) {
    const code = source.charCodeAt(i);
    if (isSpace(code)) {
      let j = i + 1;
      while (j < source.length && (isSpace(source.charCodeAt(j)) || INVISIBLE.has(source.charCodeAt(j)))) j++;
      push(0x20, i, j);
      i = j;
    } else if (DASHES.has(code)) {
      let j = i + 1;
      while (j < source.length && DASHES.has(source.charCodeAt(j))) j++;
      push(0x2d, i, j);
      i = j;
    } else if (SINGLE_QUOTES.has(code)) {
      push(0x27, i, i + 1);
      i++;
    } else if (DOUBLE_QUOTES.has(code)) {
      push(0x22, i, i + 1);
      i++;
    } else if (code === 0x2026) {
      for (let k = 0; k < 3; k++) push(0x2e, i, i + 1);
      i++;
    } else if (INVISIBLE.has(code)) {
      i++;
    } else {
      push(code, i, i + 1);
      i++;
    }
  }
  const text = fromCharCodes(out);
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

function fromCharCodes(codes: number[]): string {
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
  return text;
}

/** Normalises a short string (a quote, prefix, suffix or alias) without a map. */
export function normalizeForMatch(value: string): string {
  return normalizeWithMap(value).text;
}

/** The original [start, end) of the normalised range [from, to). */
export function originalSpan(normalized: NormalizedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < normalized.starts.length ? normalized.starts[from] : normalized.ends[normalized.ends.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: normalized.starts[from], end: normalized.ends[to - 1] };
}
