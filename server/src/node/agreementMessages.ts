import type { HandedText } from '../core/agreement/handedAnnotations';

/**
 * A worker's texts as they cross to the command's thread, unanchored
 * (`HandedText`): their selectors and values as JSON without the contents,
 * which cross beside it (strings cross threads as they are). The matches
 * cross with the work (`packWork`), as numbers.
 */
export interface PackedTexts {
  texts: string;
  contents: string[];
}

export function packTexts(texts: readonly HandedText[]): PackedTexts {
  return { texts: JSON.stringify(texts.map((text) => ({ ...text, content: '' }))), contents: texts.map((text) => text.content) };
}

/** The texts `packTexts` packed. */
export function unpackTexts(packed: PackedTexts): HandedText[] {
  const texts = JSON.parse(packed.texts) as HandedText[];
  texts.forEach((text, t) => (text.content = packed.contents[t]));
  return texts;
}
