// Builds W3C-style text quote selectors for spans of a generated text: the
// quote, plus a prefix or suffix when the quote occurs more than once. It
// mirrors the matching rules of the annotation format (typographic and
// straight quotes, dashes and whitespace runs compare equal) for the
// characters the generator writes, so every selector it returns anchors to
// exactly the intended place.

const SINGLE_QUOTES = new Set(['\u2018', '\u2019']);
const DOUBLE_QUOTES = new Set(['\u201c', '\u201d']);
const DASHES = new Set(['-', '\u2013', '\u2014']);
const isSpace = (ch) => ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';

/** The text in matching form, with the original offset where each of its characters starts. */
export function normalizeForMatching(source) {
  let text = '';
  const starts = [];
  const ends = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    let j = i + 1;
    let out = ch;
    if (isSpace(ch)) {
      while (j < source.length && isSpace(source[j])) j++;
      out = ' ';
    } else if (DASHES.has(ch)) {
      while (j < source.length && DASHES.has(source[j])) j++;
      out = '-';
    } else if (SINGLE_QUOTES.has(ch)) {
      out = "'";
    } else if (DOUBLE_QUOTES.has(ch)) {
      out = '"';
    }
    text += out;
    starts.push(i);
    ends.push(j);
    i = j;
  }
  // Maps an original offset to the matching-form offset of the character that covers it.
  const toNormalized = new Int32Array(source.length + 1);
  for (let k = 0; k < starts.length; k++) for (let o = starts[k]; o < ends[k]; o++) toNormalized[o] = k;
  toNormalized[source.length] = starts.length;
  return { source, text, starts, ends, toNormalized };
}

function occurrences(haystack, needle) {
  const found = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** As the annotation format scores context: does the prefix end just before, the suffix start just after? */
function contextScore(text, start, end, prefix, suffix) {
  let score = 0;
  if (prefix && text.slice(Math.max(0, start - prefix.length - 1), start).trimEnd().endsWith(prefix)) score++;
  if (suffix && text.slice(end, end + suffix.length + 1).trimStart().startsWith(suffix)) score++;
  return score;
}

/** The original characters behind a matching-form range, with whitespace runs written as one space. */
function originalText(normalized, from, to) {
  return normalized.source.slice(normalized.starts[from], normalized.ends[to - 1]).replace(/\s+/g, ' ').trim();
}

/**
 * A selector for the original span [start, end). `preferSuffix` picks which
 * kind of context to try first when the quote is not unique. Throws when no
 * context of up to eight words makes it unique (the generator never builds
 * such texts; a throw means a generator bug, not a bad corpus).
 */
export function selectorFor(normalized, start, end, preferSuffix = false) {
  const from = normalized.toNormalized[start];
  const to = normalized.toNormalized[end - 1] + 1;
  const text = normalized.text;
  const quote = text.slice(from, to);
  const selector = { quote: normalized.source.slice(start, end) };
  const hits = occurrences(text, quote);
  if (hits.length === 1) return selector;

  const attempts = preferSuffix ? ['suffix', 'prefix'] : ['prefix', 'suffix'];
  for (const side of attempts) {
    for (let words = 1; words <= 8; words++) {
      let context;
      let range;
      if (side === 'prefix') {
        const before = text.slice(0, from).trimEnd();
        const parts = before.split(' ');
        context = parts.slice(-words).join(' ');
        range = [before.length - context.length, before.length];
      } else {
        const afterStart = to + (text[to] === ' ' ? 1 : 0);
        const parts = text.slice(afterStart).split(' ');
        context = parts.slice(0, words).join(' ');
        range = [afterStart, afterStart + context.length];
      }
      if (!context) break;
      const prefix = side === 'prefix' ? context : '';
      const suffix = side === 'suffix' ? context : '';
      const unique = hits.every((hit) => (hit === from) === (contextScore(text, hit, hit + quote.length, prefix, suffix) > 0));
      if (unique) return { ...selector, [side]: originalText(normalized, range[0], range[1]) };
    }
  }
  throw new Error(`No prefix or suffix of up to eight words makes the quote "${quote}" unique.`);
}

/** How many times a span's text occurs in the text, in matching form. */
export function occurrenceCount(normalized, start, end) {
  const from = normalized.toNormalized[start];
  const to = normalized.toNormalized[end - 1] + 1;
  return occurrences(normalized.text, normalized.text.slice(from, to)).length;
}
