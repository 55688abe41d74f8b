import type { Located, Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';

/** A link in an annotation file: the range to underline and the URI it opens. */
export interface DocumentLinkEntry {
  range: Span;
  target: string;
  tooltip: string;
}

const WIKIDATA_ITEM = /^Q[1-9][0-9]*$/;
const WEB_ADDRESS = /^https?:\/\/\S+$/;

/** Links for `text:` (the article), `url:` (the web page) and `wikidata:` (the Wikidata item). */
export function documentLinks(index: WorkspaceView, uri: string): DocumentLinkEntry[] {
  const file = index.annotationFile(uri);
  if (!file) return [];
  const content = index.content(uri) ?? '';
  const links: DocumentLinkEntry[] = [];
  const annotation = file.textAnnotation;
  if (annotation?.text) {
    const reference = index.textReferenceOf(file.uri);
    if (reference?.kind === 'ok' && index.textStatus(reference.uri) === 'loaded') {
      links.push({ range: insideQuotes(content, annotation.text), target: reference.uri, tooltip: 'Open the annotated text' });
    }
  }
  if (annotation?.url && WEB_ADDRESS.test(annotation.url.value)) {
    links.push({ range: insideQuotes(content, annotation.url), target: annotation.url.value, tooltip: 'Open the article on the web' });
  }
  for (const actor of file.actors) {
    if (actor.wikidata && WIKIDATA_ITEM.test(actor.wikidata.value)) {
      links.push({ range: insideQuotes(content, actor.wikidata), target: `https://www.wikidata.org/wiki/${actor.wikidata.value}`, tooltip: 'Open the Wikidata item' });
    }
  }
  return links;
}

/** A scalar's range without its quotes, if it has them. */
function insideQuotes(content: string, located: Located<string>): Span {
  const { start, end } = located.range;
  const quote = content[start];
  const quoted = end - start >= 2 && (quote === '"' || quote === "'") && content[end - 1] === quote;
  return quoted ? { start: start + 1, end: end - 1 } : located.range;
}
