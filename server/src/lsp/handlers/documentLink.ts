import { throwIfCancelled } from '../cancellation';
import { documentLinks } from '../../core/features';
import { toRange } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';

/** textDocument/documentLink: `text:` opens the article, `url:` the web page, `wikidata:` the item. */
export function registerDocumentLink(session: ServerSession): void {
  session.connection.onDocumentLinks(
    guardRequest(session.log, 'textDocument/documentLink', (params, token) => {
      throwIfCancelled(token);
      const file = session.file(params.textDocument.uri);
      if (!file) return null;
      return documentLinks(file.index, file.uri).map((link) => ({
        range: toRange(file.lines, link.range),
        target: link.target.startsWith('file:') ? session.clientUri(link.target) : link.target,
        tooltip: link.tooltip,
      }));
    }),
  );
}
