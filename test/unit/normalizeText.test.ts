// The compact offset map of normalizeWithMap against a reference: the
// per-unit start and end arrays it replaced, written out plainly here. For
// arbitrary texts mixing every character class, the normalised text, every
// unit's original start and end, and originalSpan for every pair of offsets
// must come out the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeForMatch, normalizeWithMap, originalEnd, originalSpan, originalStart, type NormalizedText } from '../../server/src/core';
import { REPO_ROOT } from '../helpers/tempWorkspace';
import { fuzzParameters } from '../robustness/fuzzSupport';

const SPACES = [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0x85];
const DASHES = [0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d];
const SINGLE_QUOTES = [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0xff07];
const DOUBLE_QUOTES = [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb, 0xff02];
const ELLIPSIS = 0x2026;
const INVISIBLES = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

const isCombining = (code: number) => /^\p{M}$/u.test(String.fromCharCode(code)) || (code >= 0x1160 && code <= 0x11ff);

/** Quotes, dashes, spaces and invisible characters that NFKC produced, folded one by one. */
function foldClasses(value: string): string {
  return value
    .split('')
    .map((unit) => {
      const code = unit.charCodeAt(0);
      if (SPACES.includes(code)) return ' ';
      if (DASHES.includes(code)) return '-';
      if (SINGLE_QUOTES.includes(code)) return "'";
      if (DOUBLE_QUOTES.includes(code)) return '"';
      if (code === ELLIPSIS) return '...';
      if (INVISIBLES.includes(code)) return '';
      return unit;
    })
    .join('');
}

/** The normalisation as it was specified with one start and one end per normalised unit: the reference. */
function referenceNormalize(source: string): { text: string; starts: number[]; ends: number[] } {
  const isSpace = (code: number) => SPACES.includes(code);
  const isDash = (code: number) => DASHES.includes(code);
  const isInvisible = (code: number) => INVISIBLES.includes(code);
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (unit: string, start: number, end: number) => {
    text += unit;
    starts.push(start);
    ends.push(end);
  };
  let i = 0;
  while (i < source.length) {
    const code = source.charCodeAt(i);
    if (isSpace(code)) {
      let j = i + 1;
      while (j < source.length && (isSpace(source.charCodeAt(j)) || isInvisible(source.charCodeAt(j)))) j++;
      emit(' ', i, j);
      i = j;
    } else if (isDash(code)) {
      let j = i + 1;
      while (j < source.length && isDash(source.charCodeAt(j))) j++;
      emit('-', i, j);
      i = j;
    } else if (SINGLE_QUOTES.includes(code)) {
      emit("'", i, ++i);
    } else if (DOUBLE_QUOTES.includes(code)) {
      emit('"', i, ++i);
    } else if (code === ELLIPSIS) {
      for (let dot = 0; dot < 3; dot++) emit('.', i, i + 1);
      i++;
    } else if (isInvisible(code)) {
      i++;
    } else {
      // A cluster: one character (a surrogate pair counts as one) and the combining marks after it, in NFKC form.
      let j = i + 1;
      if (code >= 0xd800 && code < 0xdc00 && j < source.length && (source.charCodeAt(j) & 0xfc00) === 0xdc00) j++;
      while (j < source.length && isCombining(source.charCodeAt(j))) j++;
      const cluster = source.slice(i, j);
      const folded = foldClasses(cluster.normalize('NFKC'));
      if (folded === cluster) for (let at = i; at < j; at++) emit(source[at], at, at + 1);
      else for (const unit of folded.split('')) emit(unit, i, j);
      i = j;
    }
  }
  return { text, starts, ends };
}

/** originalSpan as it read the per-unit arrays. */
function referenceSpan(reference: { starts: number[]; ends: number[] }, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < reference.starts.length ? reference.starts[from] : (reference.ends[reference.ends.length - 1] ?? 0);
    return { start: at, end: at };
  }
  return { start: reference.starts[from], end: reference.ends[to - 1] };
}

const char = (code: number) => String.fromCharCode(code);

/** One piece of a text: every character of every class, line breaks, plain, Latin-1 and CJK letters, astral characters and unpaired surrogates. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'Z', '7', '.', ',', 'é', 'ß', '中', 'e\u0301', 'the', 'ISI') },
  { weight: 3, arbitrary: fc.constantFrom(...SPACES.map(char), '\r\n', '\n\n', '  ') },
  { weight: 2, arbitrary: fc.constantFrom(...DASHES.map(char), '--') },
  { weight: 2, arbitrary: fc.constantFrom(...SINGLE_QUOTES.map(char), ...DOUBLE_QUOTES.map(char), '"', "'") },
  { weight: 1, arbitrary: fc.constant(char(ELLIPSIS)) },
  { weight: 2, arbitrary: fc.constantFrom(...INVISIBLES.map(char)) },
  { weight: 1, arbitrary: fc.constantFrom('\u{1F600}', '\u{1D4AF}', '\ud800', '\udbff', '\udc00', '\udfff') },
  // Combining marks (alone, stacked, after a space), ligatures and compatibility forms, Hangul jamo, Arabic with harakat and presentation forms.
  { weight: 2, arbitrary: fc.constantFrom('\u0301', '\u0327\u0301', 'o\u0308', '\ufb01', '\ufb03', '\uff21', '\u00b2', '\u2474', '\u00a8', '\u1100\u1161\u11a8', '\u0628\u064e', '\ufefb', '\ufdfa', '\u2011', '\u{1d400}\u0301') },
  { weight: 1, arbitrary: fc.string({ maxLength: 1, unit: 'binary' }) },
);
const text = (maxLength: number) => fc.array(piece, { maxLength }).map((pieces) => pieces.join(''));

/** Every unit's original start and end, and the normalised text, equal the reference's. */
function assertSameUnits(normalized: NormalizedText, reference: ReturnType<typeof referenceNormalize>, source: string): void {
  assert.equal(normalized.text, reference.text, JSON.stringify(source));
  for (let k = 0; k < reference.starts.length; k++) {
    assert.equal(originalStart(normalized, k), reference.starts[k], `start of unit ${k} of ${JSON.stringify(source)}`);
    assert.equal(originalEnd(normalized, k), reference.ends[k], `end of unit ${k} of ${JSON.stringify(source)}`);
  }
}

describe('normalizeWithMap', () => {
  it('maps every range, empty, reversed and at the end included, exactly as the per-unit arrays did', () => {
    fc.assert(
      fc.property(text(60), (source) => {
        const normalized = normalizeWithMap(source);
        const reference = referenceNormalize(source);
        assertSameUnits(normalized, reference, source);
        const length = reference.text.length;
        for (let from = 0; from <= length + 1; from++) {
          for (let to = 0; to <= length; to++) {
            assert.deepEqual(originalSpan(normalized, from, to), referenceSpan(reference, from, to), `range ${from}..${to} of ${JSON.stringify(source)}`);
          }
        }
      }),
      fuzzParameters(300),
    );
  });

  it('normalises a whole text as it normalises a short string', () => {
    fc.assert(fc.property(text(200), (source) => assert.equal(normalizeWithMap(source).text, normalizeForMatch(source))), fuzzParameters(300));
  });

  it('maps long texts with many segments and more units than one chunk of character codes', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 5000, maxLength: 12000 }), (pieces) => {
        const source = pieces.join('');
        assertSameUnits(normalizeWithMap(source), referenceNormalize(source), source.slice(0, 200));
      }),
      fuzzParameters(5),
    );
  });

  it('keeps each result intact when it normalises the next text (scratch buffers are copied out)', () => {
    const first = 'A “quoted”  phrase\u2026 with\r\n\r\nbreaks — and\u00adsoft hyphens.';
    const kept = normalizeWithMap(first);
    normalizeWithMap('Something else entirely,   \u2014\u2014 with other   runs\u2026 and more text than before, '.repeat(20));
    normalizeWithMap('non-ASCII: é 中 \u{1F600}'.repeat(50));
    assertSameUnits(kept, referenceNormalize(first), first);
  });

  it('makes room for clusters that expand (a ligature to three letters, U+FDFA to eighteen) before the units after them', () => {
    for (const source of [' -a\ufb03\u201f\u2033', '\ufdfa\ufdfaa', 'x'.repeat(40) + '\ufdfa'.repeat(30) + '\u2026 end']) {
      // A fresh scratch buffer exactly as long as the source, then the text itself.
      normalizeWithMap('');
      assertSameUnits(normalizeWithMap(source), referenceNormalize(source), source);
    }
  });

  it('handles the empty text and texts that normalise to nothing', () => {
    for (const source of ['', '\u200b', '\u00ad\ufeff\u2060']) {
      const normalized = normalizeWithMap(source);
      assert.equal(normalized.text, '');
      assert.deepEqual(originalSpan(normalized, 0, 0), { start: 0, end: 0 });
      assert.deepEqual(originalSpan(normalized, 1, 0), { start: 0, end: 0 });
    }
  });

  it('keeps a small map for prose: a few segments per paragraph, not two numbers per character', () => {
    const article = readFileSync(path.join(REPO_ROOT, 'annotations', 'texts', 'pakistan-taliban-qa.txt'), 'utf8');
    const normalized = normalizeWithMap(article);
    assertSameUnits(normalized, referenceNormalize(article), 'the seed article');
    const paragraphs = article.split(/\n\s*\n/).length;
    assert.ok(normalized.segments.length / 3 <= 4 * paragraphs + 16, `${normalized.segments.length / 3} segments for ${paragraphs} paragraphs`);
    assert.ok(normalized.segments.byteLength * 20 < article.length * 8, `${normalized.segments.byteLength} bytes of map for ${article.length} characters`);
  });
});
