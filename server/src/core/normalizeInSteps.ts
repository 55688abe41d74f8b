import { isSafeCut, normalizeRange, type NormalizedText } from './normalizeText';

/** Original code units normalised between two yields of `normalizeWithMapInSteps` (about a millisecond of work). */
export const NORMALIZE_STEP_UNITS = 1 << 16;

/**
 * Normalises a text as `normalizeWithMap` does, in pieces of about `stepUnits`
 * original code units, yielding after each, so that a caller can spread a
 * text of megabytes over several turns of its event loop. The result is
 * identical to `normalizeWithMap(source)`: text and segments alike.
 *
 * A piece ends only before a character that `isSafeCut` accepts (a plain
 * character: no run of spaces or dashes, combining sequence or surrogate
 * pair spans the cut), so each piece normalises as it would inside the
 * whole; the piece's map then joins the map so far, extending its last
 * segment where the whole would have (the unit before the cut was one to one
 * and the piece's first unit starts at the cut). A text without such a
 * character for long (megabytes of spaces or of combining marks) is
 * normalised in longer pieces.
 */
export function* normalizeWithMapInSteps(source: string, stepUnits = NORMALIZE_STEP_UNITS): Generator<void, NormalizedText> {
  const length = source.length;
  const parts: string[] = [];
  let segments = new Int32Array(3 * 64);
  let n = 0;
  let units = 0;
  // As in `normalizeRange`: where the next unit must start to extend the open segment, or -1 after a run.
  let expected = -1;
  let from = 0;
  while (from < length) {
    let to = Math.min(length, from + Math.max(1, stepUnits));
    while (to < length && !isSafeCut(source, to)) to++;
    const piece = normalizeRange(source, from, to);
    const pieceSegments = piece.segments;
    if (pieceSegments.length > 0) {
      // The piece's first segment starts its first unit: the whole would extend the open segment with it when it starts where that one's last unit ended.
      const extend = n > 0 && pieceSegments[1] === expected;
      const needed = n + pieceSegments.length;
      if (needed > segments.length) {
        const grown = new Int32Array(Math.max(2 * segments.length, needed));
        grown.set(segments.subarray(0, n));
        segments = grown;
      }
      let at = 0;
      if (extend) {
        segments[n - 1] = pieceSegments[2];
        at = 3;
      }
      for (; at < pieceSegments.length; at += 3) {
        segments[n++] = pieceSegments[at] + units;
        segments[n++] = pieceSegments[at + 1];
        segments[n++] = pieceSegments[at + 2];
      }
      expected = piece.openEnd ? segments[n - 1] : -1;
      parts.push(piece.text);
      units += piece.text.length;
    }
    from = to;
    if (from < length) yield;
  }
  return { text: parts.join(''), segments: segments.slice(0, n) };
}
