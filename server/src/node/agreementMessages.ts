import type { CodedMention, CodedText } from '../core/agreement/coderAnnotations';

/**
 * A worker's texts as they cross to the command's thread: the plain data as
 * JSON without the contents and the mentions, the contents beside it (strings
 * cross threads as they are), and the mentions packed as numbers (start,
 * end, value) into one table of the values named, since they are most of
 * the objects and JSON would parse each of them.
 */
export interface PackedTexts {
  texts: string;
  contents: string[];
  /** Per text, its mentions' count. */
  mentionCounts: number[];
  /** Per mention, in text order: start, end and its value's index in `mentionValues`. */
  mentions: Int32Array;
  mentionValues: string[];
}

export function packTexts(texts: readonly CodedText[]): PackedTexts {
  const valueIndex = new Map<string, number>();
  const mentionValues: string[] = [];
  const mentions = new Int32Array(3 * texts.reduce((sum, text) => sum + text.mentions.length, 0));
  let at = 0;
  for (const text of texts) {
    for (const { span, value } of text.mentions) {
      let index = valueIndex.get(value);
      if (index === undefined) {
        index = mentionValues.push(value) - 1;
        valueIndex.set(value, index);
      }
      mentions[at++] = span.start;
      mentions[at++] = span.end;
      mentions[at++] = index;
    }
  }
  return {
    texts: JSON.stringify(texts.map((text) => ({ ...text, content: '', mentions: [] }))),
    contents: texts.map((text) => text.content),
    mentionCounts: texts.map((text) => text.mentions.length),
    mentions,
    mentionValues,
  };
}

/** The texts `packTexts` packed, as JSON would give them back. */
export function unpackTexts(packed: PackedTexts): CodedText[] {
  const texts = JSON.parse(packed.texts) as CodedText[];
  let at = 0;
  texts.forEach((text, t) => {
    text.content = packed.contents[t];
    const mentions: CodedMention[] = new Array<CodedMention>(packed.mentionCounts[t]);
    for (let i = 0; i < mentions.length; i++, at += 3) mentions[i] = { span: { start: packed.mentions[at], end: packed.mentions[at + 1] }, value: packed.mentionValues[packed.mentions[at + 2]] };
    text.mentions = mentions;
  });
  return texts;
}
