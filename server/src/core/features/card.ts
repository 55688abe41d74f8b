import { markdownCode, markdownLink, markdownText, plainText } from '../markdownEscape';

/**
 * A hover card as a small structured document, built once by the card
 * functions and rendered to Markdown (every workspace string escaped for
 * where it stands) or to real plain text for clients that accept nothing
 * else. One model, two renderers: the two forms cannot drift apart.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; content: Inline[] }
  | { type: 'emphasis'; content: Inline[] }
  | { type: 'code'; text: string }
  /** A link to a workspace file or to an `https:` address the format defines (`url`, `wikidata`); the renderer drops any other target. */
  | { type: 'link'; label: string; target: string };

export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; items: Inline[][] }
  | { type: 'quote'; content: Inline[] }
  | { type: 'rule' };

export interface CardDocument {
  blocks: Block[];
}

/** Inline content: strings are text, the rest as given. */
export type InlineInput = string | Inline | undefined | false;

function inlines(parts: InlineInput[]): Inline[] {
  const out: Inline[] = [];
  for (const part of parts) {
    if (part === undefined || part === false || part === '') continue;
    out.push(typeof part === 'string' ? { type: 'text', text: part } : part);
  }
  return out;
}

export const text = (value: string): Inline => ({ type: 'text', text: value });
export const strong = (...parts: InlineInput[]): Inline => ({ type: 'strong', content: inlines(parts) });
export const emphasis = (...parts: InlineInput[]): Inline => ({ type: 'emphasis', content: inlines(parts) });
export const code = (value: string): Inline => ({ type: 'code', text: value });
export const link = (label: string, target: string): Inline => ({ type: 'link', label, target });

export const paragraph = (...parts: InlineInput[]): Block => ({ type: 'paragraph', content: inlines(parts) });
export const list = (items: InlineInput[][]): Block => ({ type: 'list', items: items.map(inlines) });
export const quote = (...parts: InlineInput[]): Block => ({ type: 'quote', content: inlines(parts) });
export const rule: Block = { type: 'rule' };

/** Parts joined by a separator, for comma-separated lists of names and links. */
export function joined(parts: InlineInput[][], separator = ', '): InlineInput[] {
  // A loop, not flatMap: cards call this on every hover, and flatMap costs several times more.
  const out: InlineInput[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) out.push(separator);
    for (const inline of parts[i]) out.push(inline);
  }
  return out;
}

/** Several cards under one another, divided by rules. */
export function stackCards(cards: CardDocument[]): CardDocument {
  if (cards.length === 1) return cards[0];
  const blocks: Block[] = [];
  for (const [i, card] of cards.entries()) {
    if (i > 0) blocks.push(rule);
    for (const block of card.blocks) blocks.push(block);
  }
  return { blocks };
}

// ---- Markdown ---------------------------------------------------------------

function inlineMarkdown(content: Inline[]): string {
  let out = '';
  // Whether `out` ends with a backtick, kept aside: asking `out` would flatten the string being built at every step.
  let endsWithBacktick = false;
  for (const inline of content) {
    const next = oneInlineMarkdown(inline);
    if (next === '') continue;
    // Two code spans side by side would read as one fence: keep a space between them.
    out += endsWithBacktick && next.startsWith('`') ? ` ${next}` : next;
    endsWithBacktick = next.endsWith('`');
  }
  return out;
}

function oneInlineMarkdown(inline: Inline): string {
  switch (inline.type) {
    case 'text':
      return markdownText(inline.text);
    case 'strong':
      return wrap('**', inlineMarkdown(inline.content));
    case 'emphasis':
      return wrap('*', inlineMarkdown(inline.content));
    case 'code':
      return markdownCode(inline.text);
    case 'link':
      return markdownLink(inline.label, inline.target);
  }
}

const SPACE = /\s/;

/** Emphasis markers must touch non-space text on both sides to count: spaces move outside them. */
function wrap(marker: string, inner: string): string {
  // Most content neither starts nor ends with a space: nothing to move.
  if (inner !== '' && !SPACE.test(inner[0]) && !SPACE.test(inner[inner.length - 1])) return `${marker}${inner}${marker}`;
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return match[2] === '' ? inner : `${match[1]}${marker}${match[2]}${marker}${match[3]}`;
}

/** The card as Markdown: workspace strings escaped as text, code or link labels; links only to permitted targets. */
export function renderMarkdown(card: CardDocument): string {
  return card.blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return inlineMarkdown(block.content);
        case 'list':
          return block.items.map((item) => `- ${inlineMarkdown(item)}`).join('\n');
        case 'quote':
          return `> ${inlineMarkdown(block.content)}`;
        case 'rule':
          return '---';
      }
    })
    .join('\n\n');
}

// ---- Plain text -------------------------------------------------------------

function inlinePlain(content: Inline[]): string {
  return content
    .map((inline) => {
      switch (inline.type) {
        case 'text':
        case 'code':
          return plainText(inline.text);
        case 'strong':
        case 'emphasis':
          return inlinePlain(inline.content);
        case 'link':
          return plainText(inline.label);
      }
    })
    .join('');
}

/** The card as plain text: no markup at all, lists as indented lines, quotes in quotation marks, rules as a line. */
export function renderPlainText(card: CardDocument): string {
  return card.blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return inlinePlain(block.content);
        case 'list':
          return block.items.map((item) => `  • ${inlinePlain(item)}`).join('\n');
        case 'quote':
          return `“${inlinePlain(block.content)}”`;
        case 'rule':
          return '────────';
      }
    })
    .join('\n\n');
}
