/**
 * Reading the repository's Markdown documents as GitHub renders them: their
 * headings with the anchors GitHub gives them, and their links. Code blocks
 * and inline code are skipped, as GitHub does not render links or headings
 * in them.
 */

export interface Heading {
  level: number;
  /** The heading as written, without the leading #s. */
  text: string;
  /** GitHub's anchor for it (without `#`), unique within the document. */
  anchor: string;
  /** 1-based line. */
  line: number;
}

export interface Link {
  target: string;
  line: number;
}

/**
 * The document's lines outside fenced code blocks, with their 1-based
 * numbers. Fences may be indented (inside list items); a fence closes with
 * a run of the same character at least as long as the one that opened it.
 */
function proseLines(markdown: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((text, i) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence === undefined && marker) fence = marker;
    else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && text.trim() === marker) fence = undefined;
    else if (fence === undefined) lines.push({ text, line: i + 1 });
  });
  return lines;
}

/** The text as rendered for a heading's anchor: inline code, links and emphasis reduced to their words. */
function renderedText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*)(.+?)\1/g, '$2');
}

/**
 * GitHub's anchor for a heading's rendered text (the rules of github-slugger):
 * lower case; every character that is not a letter, a mark, a number, a
 * connector (`_`), a space or a hyphen removed; each space a hyphen.
 */
export function githubSlug(rendered: string): string {
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The ATX headings of a document, with GitHub's anchors (a repeated anchor gets `-1`, `-2`, …). */
export function headingsOf(markdown: string): Heading[] {
  const seen = new Map<string, number>();
  const headings: Heading[] = [];
  for (const { text, line } of proseLines(markdown)) {
    const match = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(text);
    if (!match) continue;
    const base = githubSlug(renderedText(match[2]));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    headings.push({ level: match[1].length, text: match[2], anchor: count === 0 ? base : `${base}-${count}`, line });
  }
  return headings;
}

/** The inline links and images of a document (`[text](target)`, `![alt](target)`), outside code. */
export function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  for (const { text, line } of proseLines(markdown)) {
    const prose = text.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '');
    for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: match[1], line });
  }
  return links;
}
