import { MarkupKind } from 'vscode-languageserver';
import { hover, renderMarkdown, renderPlainText, withIndexingNote } from '../../core/features';
import { throwIfCancelled } from '../cancellation';
import { toRange } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';

/** textDocument/hover: actor, concept and claim cards, in texts and in annotation files. */
export function registerHover(session: ServerSession): void {
  session.connection.onHover(
    guardRequest(session.log, 'textDocument/hover', async (params, token) => {
      throwIfCancelled(token);
      // During the first indexing, answered as soon as the file is in: a hover right after opening a folder gets its card.
      const at = await session.atWhileIndexing(params.textDocument.uri, params.position, token);
      throwIfCancelled(token);
      const found = at && hover(at.index, at.uri, at.offset);
      if (!at || !found) return null;
      const card = withIndexingNote(found.card, at.annotationFilesLeft);
      // Markdown only for a client that says it accepts it; otherwise a real plain-text card, not Markdown labelled plaintext.
      const contents = session.client.hoverMarkdown ? { kind: MarkupKind.Markdown, value: renderMarkdown(card) } : { kind: MarkupKind.PlainText, value: renderPlainText(card) };
      return {
        contents,
        range: toRange(at.lines, found.range),
      };
    }),
  );
}
