import { MarkupKind } from 'vscode-languageserver';
import { hover, renderMarkdown, renderPlainText } from '../../core/features';
import { throwIfCancelled } from '../cancellation';
import { toRange } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';

/** textDocument/hover: actor, concept and claim cards, in texts and in annotation files. */
export function registerHover(session: ServerSession): void {
  session.connection.onHover(
    guardRequest(session.log, 'textDocument/hover', (params, token) => {
      throwIfCancelled(token);
      const at = session.at(params.textDocument.uri, params.position);
      const found = at && hover(at.index, at.uri, at.offset);
      if (!at || !found) return null;
      // Markdown only for a client that says it accepts it; otherwise a real plain-text card, not Markdown labelled plaintext.
      const contents = session.client.hoverMarkdown ? { kind: MarkupKind.Markdown, value: renderMarkdown(found.card) } : { kind: MarkupKind.PlainText, value: renderPlainText(found.card) };
      return {
        contents,
        range: toRange(at.lines, found.range),
      };
    }),
  );
}
