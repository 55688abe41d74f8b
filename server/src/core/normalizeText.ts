/**
 * Text normalised for matching quotes and aliases, with a map back to the
 * original offsets. People type ASCII into YAML, so matching ignores the
 * difference between typographic and straight quotes, dash variants, runs of
 * whitespace (including line breaks, so CRLF and LF texts match alike), the
 * ellipsis character and invisible soft hyphens and zero-width spaces.
 *
 * Texts in any language match as their Unicode NFKC forms: a decomposed
 * "E\u0301tat" matches a precomposed "État", a ligature "ﬁ" matches "fi",
 * full-width "Ａ" matches "A", and Arabic presentation forms match the
 * letters they show. Each character with its combining marks (a cluster) is
 * normalised on its own, so offsets still map back: every unit that comes
 * out of a changed cluster maps to the whole cluster. Offsets stay UTF-16
 * code units, as LSP requires. ASCII text never reaches the Unicode
 * normaliser, and other text only at the clusters that change.
 *
 * The server keeps one for every text for as long as it runs, so the map is
 * compact: read it only through `originalSpan`, `originalStart` and
 * `originalEnd`.
 */
export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /**
   * The map back to original offsets, as segments of normalised units that
   * map one to one with a constant shift; three numbers per segment:
   * - the segment's first normalised unit k0 (increasing from 0),
   * - the original offset where k0 starts: unit k of the segment starts at
   *   that offset + (k - k0) and, unless it is the segment's last, ends one later,
   * - the original offset where the segment's last unit ends (after a run of
   *   spaces or dashes, or a cluster, collapsed into that unit, later than its start + 1).
   * A new segment begins wherever a unit does not start where the one before
   * it ended (after a run, a dropped invisible character, or inside the
   * units of an ellipsis or a changed cluster). Most texts need a few
   * segments per paragraph.
   */
  readonly segments: Int32Array;
}

const enum CharClass {
  Plain = 0,
  Space = 1,
  Dash = 2,
  SingleQuote = 3,
  DoubleQuote = 4,
  Ellipsis = 5,
  Invisible = 6,
  /** Not ASCII and not classified yet: `classify` decides on first sight and remembers. */
  Unknown = 7,
  /** A combining mark (or a Hangul vowel or final jamo): joins the cluster of the character before it. */
  Combining = 8,
  /** A character that NFKC changes on its own: a ligature, a full-width or presentation form. */
  Compat = 9,
  /** The first half of a surrogate pair: the pair is checked as one character. */
  HighSurrogate = 10,
}

/** The class of every UTF-16 code unit, so that normalising is one table lookup per character. */
const CLASSES = (() => {
  const table = new Uint8Array(0x10000);
  table.fill(CharClass.Unknown, 0x80);
  table.fill(CharClass.HighSurrogate, 0xd800, 0xdc00);
  table.fill(CharClass.Plain, 0xdc00, 0xe000);
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

const COMBINING_MARK = /^\p{M}$/u;

/** Classifies a code unit of class Unknown, once: building the whole table up front would cost every start-up 30 ms. */
function classify(code: number): CharClass {
  const char = String.fromCharCode(code);
  const value = COMBINING_MARK.test(char) || (code >= 0x1160 && code <= 0x11ff) ? CharClass.Combining : char.normalize('NFKC') !== char ? CharClass.Compat : CharClass.Plain;
  CLASSES[code] = value;
  return value;
}

/** The class of a code unit, classifying it on first sight. */
function classOf(code: number): CharClass {
  const value = CLASSES[code] as CharClass;
  return value === CharClass.Unknown ? classify(code) : value;
}

/** Where the cluster that starts with the character [start, baseEnd) ends: after the combining marks that follow it. */
function clusterEnd(source: string, baseEnd: number): number {
  let end = baseEnd;
  while (end < source.length && classOf(source.charCodeAt(end)) === CharClass.Combining) end++;
  return end;
}

/**
 * By `CharClass`: the unit that one character of the class becomes when it
 * stands alone (no run of spaces or dashes) between plain characters, one
 * for one; 0 for the classes that are not folded that way.
 */
const SINGLE_UNIT = Uint16Array.of(0, 0x20, 0x2d, 0x27, 0x22, 0, 0, 0, 0, 0, 0);

/** What a unit of each class becomes in normalised text (by `CharClass`; undefined: itself). */
const FOLDED_AS: readonly (string | undefined)[] = [undefined, ' ', '-', "'", '"', '...', ''];

/** The last clusters normalised, by their text: prose repeats the same few accented letters. */
const clusterCache = new Map<string, string>();
const CLUSTER_CACHE_SIZE = 4096;

/**
 * A cluster in normalised form: NFKC, then the same folding of quotes,
 * dashes, spaces and invisible characters as everywhere else (without
 * collapsing runs, which a cluster's expansion seldom has).
 */
function normalizeCluster(cluster: string): string {
  const cached = clusterCache.get(cluster);
  if (cached !== undefined) return cached;
  const composed = cluster.normalize('NFKC');
  let folded = '';
  for (let i = 0; i < composed.length; i++) {
    const code = composed.charCodeAt(i);
    folded += FOLDED_AS[CLASSES[code]] ?? composed[i];
  }
  if (clusterCache.size >= CLUSTER_CACHE_SIZE) clusterCache.clear();
  clusterCache.set(cluster, folded);
  return folded;
}

/** Scratch space for `normalizeWithMap`, grown on demand and kept while small; never read outside one call. */
let wholeUnits: Uint16Array = new Uint16Array(0);
let wholeSegments: Int32Array = new Int32Array(3 * 256);
/** Scratch buffers for more units or segments than these are not kept between calls. */
const KEEP_SCRATCH_UNITS = 1 << 20;
const KEEP_SCRATCH_SEGMENTS = 1 << 16;

/** Normalises a whole text, keeping the map back to original offsets. */
export function normalizeWithMap(source: string): NormalizedText {
  const { text, segments } = normalizeRange(source, 0, source.length);
  return { text, segments };
}

/**
 * The normalised form of `source[from, to)` on its own, as `normalizeWithMap`
 * of that slice would give but with original offsets counted in `source`;
 * `openEnd` tells whether its last unit was one to one with the original
 * (so that a unit starting where it ended would extend its segment) rather
 * than a collapsed run or a changed cluster. Cut only before a break that
 * `isSafeCut` accepts, the pieces join into the whole (see `normalizeInSteps.ts`).
 */
export function normalizeRange(source: string, from: number, to: number): NormalizedText & { openEnd: boolean } {
  const length = to;
  let ellipses = 0;
  for (let at = source.indexOf('\u2026', from); at !== -1 && at < to; at = source.indexOf('\u2026', at + 1)) ellipses++;
  let capacity = length - from + 2 * ellipses;
  let out = wholeUnits;
  if (out.length < capacity) {
    out = new Uint16Array(capacity);
    if (capacity <= KEEP_SCRATCH_UNITS) wholeUnits = out;
  }
  // Room for every unit still to come, as long as each source unit gives at most one (an ellipsis three): a cluster that expands checks again.
  capacity = out.length;
  let segments: Int32Array = wholeSegments;
  // segments[n - 3 .. n - 1] is the open segment; its end is written when the next one opens, or at the end.
  let n = 0;
  // Where the next unit must start to extend the open segment; -1 after a run, which closes it.
  let expected = -1;
  // The end of the last unit when it was a run (expected === -1).
  let runEnd = 0;
  // Every unit or'ed together: below 0x80, the text is ASCII and decodes fast.
  let wide = 0;
  let k = 0;
  let i = from;
  while (i < length) {
    const code = source.charCodeAt(i);
    // The unit [i, end) becomes, unless it is dropped, an ellipsis or a cluster.
    let unit: number;
    let end = i + 1;
    let kind = CLASSES[code] as CharClass;
    if (kind === CharClass.Unknown) kind = classify(code);
    switch (kind) {
      case CharClass.Plain: {
        // A character with combining marks after it is a cluster.
        if (end < length && classOf(source.charCodeAt(end)) === CharClass.Combining) break;
        // A run of plain characters, copied as they are: the hot path.
        if (i !== expected) {
          segments = openSegment(segments, n, k, i, expected === -1 ? runEnd : expected);
          n += 3;
        }
        out[k++] = code;
        wide |= code;
        while (end < length) {
          const next = source.charCodeAt(end);
          const nextClass = CLASSES[next];
          if (nextClass !== CharClass.Plain) {
            // A lone space, dash or quote between plain characters becomes one unit for one, as its case below makes it: the run goes on.
            const single = SINGLE_UNIT[nextClass];
            if (single === 0 || end + 1 >= length || CLASSES[source.charCodeAt(end + 1)] !== CharClass.Plain) break;
            out[k++] = single;
            wide |= single;
            end++;
            continue;
          }
          out[k++] = next;
          wide |= next;
          end++;
        }
        // The run's last character goes with the combining marks after it, if any.
        if (end < length && end - 1 > i && classOf(source.charCodeAt(end)) === CharClass.Combining) {
          k--;
          end--;
        }
        expected = i = end;
        continue;
      }
      case CharClass.Space:
        while (end < length) {
          const next = CLASSES[source.charCodeAt(end)];
          if (next !== CharClass.Space && next !== CharClass.Invisible) break;
          end++;
        }
        unit = 0x20;
        break;
      case CharClass.Dash:
        while (end < length && CLASSES[source.charCodeAt(end)] === CharClass.Dash) end++;
        unit = 0x2d;
        break;
      case CharClass.SingleQuote:
        unit = 0x27;
        break;
      case CharClass.DoubleQuote:
        unit = 0x22;
        break;
      case CharClass.Ellipsis:
        // Three dots, each [i, i + 1): the first may extend the open segment, the others each open one.
        for (let dot = 0; dot < 3; dot++) {
          if (i !== expected) {
            segments = openSegment(segments, n, k, i, expected === -1 ? runEnd : expected);
            n += 3;
          }
          out[k++] = 0x2e;
          expected = i + 1;
        }
        i++;
        continue;
      case CharClass.Invisible:
        // Dropped, so the next unit opens a segment.
        i++;
        continue;
      default:
        // Combining, Compat or HighSurrogate: a cluster, below.
        break;
    }
    if (kind === CharClass.Space || kind === CharClass.Dash || kind === CharClass.SingleQuote || kind === CharClass.DoubleQuote) {
      if (i !== expected) {
        segments = openSegment(segments, n, k, i, expected === -1 ? runEnd : expected);
        n += 3;
      }
      out[k++] = unit!;
      wide |= unit!;
      if (end === i + 1) expected = end;
      else {
        expected = -1;
        runEnd = end;
      }
      i = end;
      continue;
    }
    // A cluster: a character (a surrogate pair counts as one) and the combining marks after it.
    if (kind === CharClass.HighSurrogate && end < length && (source.charCodeAt(end) & 0xfc00) === 0xdc00) end++;
    end = clusterEnd(source, end);
    const cluster = source.slice(i, end);
    const folded = normalizeCluster(cluster);
    if (folded === cluster) {
      // Unchanged: copied like plain characters.
      if (i !== expected) {
        segments = openSegment(segments, n, k, i, expected === -1 ? runEnd : expected);
        n += 3;
      }
      for (let at = i; at < end; at++) {
        const unitCode = source.charCodeAt(at);
        out[k++] = unitCode;
        wide |= unitCode;
      }
      expected = i = end;
      continue;
    }
    const needed = k + folded.length + (length - end) + 2 * ellipses;
    if (needed > capacity) {
      capacity = Math.max(2 * capacity, needed);
      const grown = new Uint16Array(capacity);
      grown.set(out.subarray(0, k));
      out = grown;
      if (capacity <= KEEP_SCRATCH_UNITS) wholeUnits = out;
    }
    // Every unit of a changed cluster stands for the whole cluster [i, end).
    for (let at = 0; at < folded.length; at++) {
      if (i !== expected) {
        segments = openSegment(segments, n, k, i, expected === -1 ? runEnd : expected);
        n += 3;
      }
      const unitCode = folded.charCodeAt(at);
      out[k++] = unitCode;
      wide |= unitCode;
      if (end === i + 1 && folded.length === 1) expected = end;
      else {
        expected = -1;
        runEnd = end;
      }
    }
    i = end;
  }
  if (n > 0) segments[n - 1] = expected === -1 ? runEnd : expected;
  if (segments.length <= 3 * KEEP_SCRATCH_SEGMENTS) wholeSegments = segments;
  return { text: wide < 0x80 ? fromAsciiCodes(out, k) : fromCharCodes(out, k), segments: segments.slice(0, n), openEnd: expected !== -1 };
}

/**
 * True when normalising may cut `source` just before offset `at` (0 < at <
 * length): the unit there is a character of its own that no run, cluster or
 * surrogate pair before it can reach into (a plain character that is not
 * half of a surrogate pair), so the pieces normalise as the whole does.
 */
export function isSafeCut(source: string, at: number): boolean {
  const code = source.charCodeAt(at);
  return (code & 0xf800) !== 0xd800 && classOf(code) === CharClass.Plain;
}

const ASCII_DECODER = new TextDecoder();
/** Scratch space for `fromAsciiCodes`; never read outside one call. */
let asciiBytes = new Uint8Array(0);

/** A string from UTF-16 code units that are all ASCII: as bytes through TextDecoder, many times faster than String.fromCharCode. */
function fromAsciiCodes(codes: Uint16Array, length: number): string {
  let bytes = asciiBytes;
  if (bytes.length < length) {
    bytes = new Uint8Array(length);
    if (length <= KEEP_SCRATCH_UNITS) asciiBytes = bytes;
  }
  bytes.set(codes.subarray(0, length));
  return ASCII_DECODER.decode(bytes.subarray(0, length));
}

/**
 * Closes the open segment (at `n - 3`, if any) at `previousEnd` and opens one
 * at `n` for normalised unit `k` starting at original offset `start`; returns
 * the array, grown when full. The caller advances `n` by 3.
 */
function openSegment(segments: Int32Array, n: number, k: number, start: number, previousEnd: number): Int32Array {
  if (n === segments.length) {
    const grown = new Int32Array(segments.length * 2);
    grown.set(segments);
    segments = grown;
  }
  if (n > 0) segments[n - 1] = previousEnd;
  segments[n] = k;
  segments[n + 1] = start;
  return segments;
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
  // Whether every unit so far came out as it went in: most quotes and aliases are returned as they are, not copied.
  let same = true;
  while (i < length) {
    const code = value.charCodeAt(i);
    switch (classOf(code)) {
      case CharClass.Plain:
        // A character with combining marks after it is a cluster: the whole-text path handles those.
        if (i + 1 < length && classOf(value.charCodeAt(i + 1)) === CharClass.Combining) return normalizeWithMap(value).text;
        out[k++] = code;
        i++;
        break;
      case CharClass.Space:
        if (code !== 0x20) same = false;
        i++;
        while (i < length && (CLASSES[value.charCodeAt(i)] === CharClass.Space || CLASSES[value.charCodeAt(i)] === CharClass.Invisible)) {
          same = false;
          i++;
        }
        out[k++] = 0x20;
        break;
      case CharClass.Dash:
        if (code !== 0x2d) same = false;
        i++;
        while (i < length && CLASSES[value.charCodeAt(i)] === CharClass.Dash) {
          same = false;
          i++;
        }
        out[k++] = 0x2d;
        break;
      case CharClass.SingleQuote:
        out[k++] = 0x27;
        i++;
        same = false;
        break;
      case CharClass.DoubleQuote:
        out[k++] = 0x22;
        i++;
        same = false;
        break;
      case CharClass.Ellipsis:
        out[k++] = 0x2e;
        out[k++] = 0x2e;
        out[k++] = 0x2e;
        i++;
        same = false;
        break;
      case CharClass.Invisible:
        i++;
        same = false;
        break;
      default:
        // Combining, Compat or HighSurrogate: a cluster that NFKC may change.
        return normalizeWithMap(value).text;
    }
  }
  return same ? value : fromCharCodes(out, k);
}

/** The index (a multiple of three) of the segment of `normalized.segments` that holds unit `k`. */
function segmentOf(segments: Int32Array, k: number): number {
  let low = 0;
  let high = segments.length / 3 - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[3 * middle] <= k) low = middle;
    else high = middle - 1;
  }
  return 3 * low;
}

/** The original offset where normalised unit `k` (0 <= k < text length) starts. */
export function originalStart(normalized: NormalizedText, k: number): number {
  const segments = normalized.segments;
  const at = segmentOf(segments, k);
  return segments[at + 1] + (k - segments[at]);
}

/** The original offset where normalised unit `k` (0 <= k < text length) ends. */
export function originalEnd(normalized: NormalizedText, k: number): number {
  const segments = normalized.segments;
  const at = segmentOf(segments, k);
  const last = (at + 3 < segments.length ? segments[at + 3] : normalized.text.length) - 1;
  return k === last ? segments[at + 2] : segments[at + 1] + (k - segments[at]) + 1;
}

/**
 * The original [start, end) of the normalised range [from, to), for
 * 0 <= from <= to <= text length. An empty range maps to the start of unit
 * `from`, or at the end of the text to the end of the last unit (0 for an
 * empty text).
 */
export function originalSpan(normalized: NormalizedText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const length = normalized.text.length;
    const at = from < length ? originalStart(normalized, from) : length > 0 ? originalEnd(normalized, length - 1) : 0;
    return { start: at, end: at };
  }
  return { start: originalStart(normalized, from), end: originalEnd(normalized, to - 1) };
}
