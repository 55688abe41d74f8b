/** Counts the work an edit-distance search does, for tests and benchmarks that bound it. */
export interface EditDistanceWork {
  /** Cells of the dynamic-programming table that were computed. */
  cells: number;
}

/**
 * Edit distance between two strings, giving up (returning limit + 1) once it
 * exceeds `limit`. Only the diagonal band of width 2·limit+1 is computed (a
 * cell outside it is more than `limit` edits away), so the work is
 * O(min(|a|, |b|) · limit), not O(|a| · |b|).
 */
export function boundedEditDistance(a: string, b: string, limit: number, work?: EditDistanceWork): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  const over = limit + 1;
  const width = b.length + 1;
  let previous = new Array<number>(width).fill(over);
  let current = new Array<number>(width).fill(over);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current.fill(over, Math.max(0, from - 1), Math.min(width, to + 2));
    current[0] = i <= limit ? i : over;
    let rowMin = from === 1 ? current[0] : over;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (work) work.cells += to - from + 1;
    if (rowMin > limit) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], over);
}

/** Words longer than this get no suggestions: nobody mistypes a 200-character id, and comparing long strings is costly. */
export const MAX_SUGGESTED_WORD_LENGTH = 128;
/** The most edits a suggestion may be away, however long the word. */
export const MAX_SUGGESTION_DISTANCE = 6;

/**
 * The candidates closest to `word`, best first: those within an edit distance
 * of about a third of the word's length (at most MAX_SUGGESTION_DISTANCE),
 * or that contain it or are contained in it. Candidates whose length differs
 * by more than the allowed distance are skipped without comparing them, and
 * the comparison is banded: hostile input (long ids, many of them) costs
 * time linear in its size.
 */
export function closestMatches(word: string, candidates: Iterable<string>, max = 3, work?: EditDistanceWork): string[] {
  if (word.length > MAX_SUGGESTED_WORD_LENGTH) return [];
  const limit = Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, Math.floor(word.length / 3)));
  const lower = word.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === word || candidate.length > MAX_SUGGESTED_WORD_LENGTH) continue;
    const candidateLower = candidate.toLowerCase();
    let score = boundedEditDistance(lower, candidateLower, limit, work);
    if (score > limit && lower.length >= 3 && (candidateLower.includes(lower) || lower.includes(candidateLower))) {
      score = limit + 0.5;
    }
    if (score <= limit + 0.5) scored.push({ candidate, score });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, max).map((s) => s.candidate);
}

/** " Did you mean `a` or `b`?" or "" when there is nothing close. */
export function didYouMeanSuffix(suggestions: string[]): string {
  if (suggestions.length === 0) return '';
  const quoted = suggestions.map((s) => `\`${s}\``);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return ` Did you mean ${list}?`;
}
