/**
 * Word boundaries for whole-word alias matching, in any script.
 *
 * Most scripts separate words with spaces or punctuation: there, a position
 * is a word boundary unless a word character stands on both sides of it.
 * Scripts written without spaces between words (Han, Hiragana, Katakana,
 * Thai, Lao, Khmer, Myanmar) need a dictionary: between two of their
 * characters, `Intl.Segmenter` decides, asked lazily and only around a
 * candidate match, a block of text at a time, so that each character is
 * segmented at most once and texts in other scripts never pay for it.
 * A change between a spaced and an unspaced script is always a boundary.
 */

/** How a code point takes part in whole-word matching. */
export const enum WordClass {
  /** Not a word character: spaces, punctuation, symbols. */
  None = 0,
  /** A word character of a script that separates words with spaces (letters with their marks, digits, `_`). */
  Spaced = 1,
  /** A word character of a script written without spaces between words. */
  Unspaced = 2,
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const UNSPACED_SCRIPT = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;

function classify(codePoint: number): WordClass {
  const char = String.fromCodePoint(codePoint);
  if (!WORD_CHAR.test(char)) return WordClass.None;
  return UNSPACED_SCRIPT.test(char) ? WordClass.Unspaced : WordClass.Spaced;
}

/** The class + 1 of every BMP code unit, filled in on first use (0: not yet known). */
const BMP_CLASSES = (() => {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 128; code++) table[code] = 1 + classify(code);
  return table;
})();

/** The word class of a code point (a lone surrogate is not a word character). */
export function wordClassOf(codePoint: number): WordClass {
  if (codePoint < 0x10000) {
    const known = BMP_CLASSES[codePoint];
    if (known !== 0) return (known - 1) as WordClass;
    const computed = classify(codePoint);
    BMP_CLASSES[codePoint] = 1 + computed;
    return computed;
  }
  return classify(codePoint);
}

/** The class of the code point that starts at `offset`; None at the end of the text. */
export function wordClassAt(text: string, offset: number): WordClass {
  return offset < text.length ? wordClassOf(text.codePointAt(offset)!) : WordClass.None;
}

/** The class of the code point that ends just before `offset`; None at the start of the text. */
export function wordClassBefore(text: string, offset: number): WordClass {
  if (offset <= 0) return WordClass.None;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return wordClassOf(text.codePointAt(offset - 2)!);
  }
  return wordClassOf(low);
}

/** Positions are segmented a block at a time, with some context either side so that a block's edges segment as in the whole text. */
const BLOCK = 1024;
const CONTEXT = 64;

let wordSegmenter: Intl.Segmenter | undefined;

/**
 * The dictionary word boundaries of one text, computed on demand. Ask only
 * between two characters of unspaced scripts; elsewhere the classes decide.
 */
export class UnspacedBoundaries {
  private boundary: Uint8Array | undefined;
  private blocksDone: Uint8Array | undefined;
  /** Code units handed to the segmenter so far (work done, for tests). */
  segmentedUnits = 0;

  constructor(private readonly text: string) {}

  /** Whether the segmenter puts a word boundary at `offset` (0 <= offset <= text length). */
  isBoundary(offset: number): boolean {
    const text = this.text;
    if (offset <= 0 || offset >= text.length) return true;
    if (!this.boundary || !this.blocksDone) {
      this.boundary = new Uint8Array(text.length + 1);
      this.blocksDone = new Uint8Array(Math.floor(text.length / BLOCK) + 1);
    }
    const block = Math.floor(offset / BLOCK);
    if (this.blocksDone[block] === 0) {
      this.blocksDone[block] = 1;
      const blockStart = block * BLOCK;
      const blockEnd = Math.min(text.length, blockStart + BLOCK);
      const from = Math.max(0, blockStart - CONTEXT);
      const to = Math.min(text.length, blockEnd + CONTEXT);
      wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      this.segmentedUnits += to - from;
      for (const segment of wordSegmenter.segment(text.slice(from, to))) {
        const at = from + segment.index;
        if (at >= blockStart && at < blockEnd) this.boundary[at] = 1;
      }
    }
    return this.boundary[offset] === 1;
  }
}
