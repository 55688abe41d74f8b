import { MarkupKind } from 'vscode-languageserver';
import { hover } from '../../core/features';
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
      const card = at && hover(at.index, at.uri, at.offset);
      if (!at || !card) return null;
      return {
        contents: { kind: session.client.hoverMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: card.markdown },
        range: toRange(at.lines, card.range),
      };
    }),
  );
}
