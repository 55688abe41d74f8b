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

const enum CharClass {
  Plain = 0,
  Space = 1,
  Dash = 2,
  SingleQuote = 3,
  DoubleQuote = 4,
  Ellipsis = 5,
  Invisible = 6,
}

/** The class of every UTF-16 code unit, so that normalising is one table lookup per character. */
const CLASSES = (() => {
  const table = new Uint8Array(0x10000);
  const set = (codes: number[], value: CharClass) => codes.forEach((code) => (table[code] = value));
  set([0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0x85], CharClass.Space);
  for (let code = 0x2000; code <= 0x200a; code++) table[code] = CharClass.Space;
  set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d], CharClass.Dash);
  set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0xff07], CharClass.SingleQuote);
  set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb, 0xff02], CharClass.DoubleQuote);
  set([0x2026], CharClass.Ellipsis);
  set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff], CharClass.Invisible);
  return table;
})();

/** Normalises a whole text, keeping the map back to original offsets. */
export function normalizeWithMap(source: string): NormalizedText {
  const length = source.length;
  let ellipses = 0;
  for (let at = source.indexOf('\u2026'); at !== -1; at = source.indexOf('\u2026', at + 1)) ellipses++;
  const capacity = length + 2 * ellipses;
  const out = new Uint16Array(capacity);
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  let k = 0;
  let i = 0;
  while (i < length) {
    const code = source.charCodeAt(i);
    switch (CLASSES[code] as CharClass) {
      case CharClass.Plain:
        out[k] = code;
        starts[k] = i;
        ends[k++] = ++i;
        break;
      case CharClass.Space: {
        let j = i + 1;
        while (j < length) {
          const next = CLASSES[source.charCodeAt(j)];
          if (next !== CharClass.Space && next !== CharClass.Invisible) break;
          j++;
        }
        out[k] = 0x20;
        starts[k] = i;
        ends[k++] = j;
        i = j;
        break;
      }
      case CharClass.Dash: {
        let j = i + 1;
        while (j < length && CLASSES[source.charCodeAt(j)] === CharClass.Dash) j++;
        out[k] = 0x2d;
        starts[k] = i;
        ends[k++] = j;
        i = j;
        break;
      }
      case CharClass.SingleQuote:
        out[k] = 0x27;
        starts[k] = i;
        ends[k++] = ++i;
        break;
      case CharClass.DoubleQuote:
        out[k] = 0x22;
        starts[k] = i;
        ends[k++] = ++i;
        break;
      case CharClass.Ellipsis:
        for (let n = 0; n < 3; n++) {
          out[k] = 0x2e;
          starts[k] = i;
          ends[k++] = i + 1;
        }
        i++;
        break;
      case CharClass.Invisible:
        i++;
        break;
    }
  }
  return { text: fromCharCodes(out, k), starts: starts.subarray(0, k), ends: ends.subarray(0, k) };
}

/** A string from UTF-16 code units, in chunks (unpaired surrogates are kept as they are). */
function fromCharCodes(codes: Uint16Array, length: number): string {
  const CHUNK = 8192;
  if (length <= CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/** Scratch space for `normalizeForMatch`, grown on demand; never read outside one call. */
let scratch = new Uint16Array(256);

/**
 * Normalises a short string (a quote, prefix, suffix or alias) exactly as
 * `normalizeWithMap` does, without building the map: it runs for every alias
 * and quote, so it allocates nothing but the result.
 */
export function normalizeForMatch(value: string): string {
  const length = value.length;
  if (scratch.length < length * 3) scratch = new Uint16Array(length * 3);
  const out = scratch;
  let k = 0;
  let i = 0;
  while (i < length) {
    const code = value.charCodeAt(i);
    switch (CLASSES[code] as CharClass) {
      case CharClass.Plain:
        out[k++] = code;
        i++;
        break;
      case CharClass.Space:
        i++;
        while (i < length && (CLASSES[value.charCodeAt(i)] === CharClass.Space || CLASSES[value.charCodeAt(i)] === CharClass.Invisible)) i++;
        out[k++] = 0x20;
        break;
      case CharClass.Dash:
        i++;
        while (i < length && CLASSES[value.charCodeAt(i)] === CharClass.Dash) i++;
        out[k++] = 0x2d;
        break;
      case CharClass.SingleQuote:
        out[k++] = 0x27;
        i++;
        break;
      case CharClass.DoubleQuote:
        out[k++] = 0x22;
        i++;
        break;
      case CharClass.Ellipsis:
        out[k++] = 0x2e;
        out[k++] = 0x2e;
        out[k++] = 0x2e;
        i++;
        break;
      case CharClass.Invisible:
        i++;
        break;
    }
  }
  return fromCharCodes(out, k);
}

/** The original [start, end) of the normalised range [from, to). */
export function originalSpan(normalized: NormalizedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < normalized.starts.length ? normalized.starts[from] : normalized.ends[normalized.ends.length - 1] ?? 0;
    return { start: at, end: at };
  }
  return { start: normalized.starts[from], end: normalized.ends[to - 1] };
}
