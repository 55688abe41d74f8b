import { createRequire } from 'node:module';

/** The parts of markdown-it's token stream the safety checks read. */
interface Token {
  type: string;
  tag: string;
  content: string;
  attrs: [string, string][] | null;
  children: Token[] | null;
}
interface MarkdownIt {
  parse(source: string, env: object): Token[];
}

const requireFromTests = createRequire(__filename);
// A CommonMark parser with GFM tables and raw HTML enabled, as GitHub and VS Code read Markdown.
const parser = (requireFromTests('markdown-it') as (options: object) => MarkdownIt)({ html: true, linkify: false });

/** What a CommonMark reader makes of some Markdown: its links, images, raw HTML, code spans, emphasis and plain text. */
export interface ReadMarkdown {
  links: string[];
  images: string[];
  html: string[];
  code: string[];
  emphasis: number;
  text: string;
  /** The text outside code spans: where GitHub and VS Code look for autolinks and mentions. */
  prose: string;
  tableCells: string[][];
}

export function readMarkdown(markdown: string): ReadMarkdown {
  const result: ReadMarkdown = { links: [], images: [], html: [], code: [], emphasis: 0, text: '', prose: '', tableCells: [] };
  let row: string[] | undefined;
  let cell: string[] | undefined;
  const visit = (tokens: Token[]) => {
    for (const token of tokens) {
      switch (token.type) {
        case 'link_open':
          result.links.push(token.attrs?.find(([name]) => name === 'href')?.[1] ?? '');
          break;
        case 'image':
          result.images.push(token.attrs?.find(([name]) => name === 'src')?.[1] ?? '');
          break;
        case 'html_inline':
        case 'html_block':
          result.html.push(token.content);
          break;
        case 'code_inline':
          result.code.push(token.content);
          cell?.push(token.content);
          result.text += token.content;
          break;
        case 'em_open':
        case 'strong_open':
        case 's_open':
          result.emphasis++;
          break;
        case 'text':
          result.text += token.content;
          result.prose += `${token.content} `;
          cell?.push(token.content);
          break;
        case 'tr_open':
          row = [];
          result.tableCells.push(row);
          break;
        case 'th_open':
        case 'td_open':
          cell = [];
          break;
        case 'th_close':
        case 'td_close':
          row?.push(cell!.join(''));
          cell = undefined;
          break;
      }
      if (token.children) visit(token.children);
    }
  };
  visit(parser.parse(markdown, {}));
  return result;
}

/** Plain text that GitHub or VS Code would turn into a link or a mention without any markup. */
export const AUTOLINK_PATTERN = /https?:\/\/|www\.|ftp:\/\/|[\w.+-]@[\w-]|(^|[^\w])@[a-z0-9]/i;
