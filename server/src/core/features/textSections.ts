import type { Span } from '../model';

/** A part of a text that starts with a heading: a Markdown heading, or a Q&A question on a line of its own. */
export interface TextSection {
  title: string;
  kind: 'heading' | 'question';
  /** From the heading to just before the next heading (or the end of the text). */
  range: Span;
  /** The heading line. */
  headingRange: Span;
}

/** A question stands alone as a paragraph and is at most this long. */
const MAX_QUESTION_LENGTH = 300;

/**
 * The sections of a text. Markdown headings (`#`…`######`) start sections;
 * so does a question that is a paragraph of its own, as in a Q&A, where the
 * answer follows the question.
 */
export function textSections(text: string): TextSection[] {
  const headings: Omit<TextSection, 'range'>[] = [];
  const lines = [...text.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)].filter((m) => m[0] !== '' || m.index! < text.length);
  lines.forEach((match, i) => {
    const content = match[0].replace(/[\r\n]+$/, '');
    const start = match.index!;
    const headingRange = { start, end: start + content.length };
    const heading = /^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$/.exec(content);
    if (heading) {
      headings.push({ title: heading[2], kind: 'heading', headingRange });
      return;
    }
    const trimmed = content.trim();
    const blankAround = (j: number) => j < 0 || j >= lines.length || lines[j][0].trim() === '';
    if (trimmed.endsWith('?') && trimmed.length <= MAX_QUESTION_LENGTH && blankAround(i - 1) && blankAround(i + 1)) {
      headings.push({ title: trimmed, kind: 'question', headingRange });
    }
  });
  return headings.map((heading, i) => ({
    ...heading,
    range: { start: heading.headingRange.start, end: i + 1 < headings.length ? trimEnd(text, headings[i + 1].headingRange.start) : text.length },
  }));
}

/** The offset before the whitespace that precedes `offset`. */
function trimEnd(text: string, offset: number): number {
  while (offset > 0 && /\s/.test(text[offset - 1])) offset--;
  return offset;
}
