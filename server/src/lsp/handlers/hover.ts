import { MarkupKind } from 'vscode-languageserver';
import { emphasis, hover, paragraph, renderMarkdown, renderPlainText, type CardDocument } from '../../core/features';
import { toRange } from '../convert';
import { positionRequest } from '../positionRequest';
import type { ServerSession } from '../serverSession';

/** The note on a card shown while the workspace is still being indexed. */
const STILL_INDEXING = 'Still indexing: texts not analysed yet are not counted.';

/** textDocument/hover: actor, concept and claim cards, in texts and in annotation files. */
export function registerHover(session: ServerSession): void {
  session.connection.onHover(
    positionRequest(session, 'textDocument/hover', 'so-far', (at) => {
      const found = hover(at.index, at.uri, at.offset);
      if (!found) return null;
      // During the first indexing the card counts only the texts analysed so far, and says so.
      const card: CardDocument = at.soFar ? { blocks: [...found.card.blocks, paragraph(emphasis(STILL_INDEXING))] } : found.card;
      // Markdown only for a client that says it accepts it; otherwise a real plain-text card, not Markdown labelled plaintext.
      const contents = session.client.hoverMarkdown ? { kind: MarkupKind.Markdown, value: renderMarkdown(card) } : { kind: MarkupKind.PlainText, value: renderPlainText(card) };
      return {
        contents,
        range: toRange(at.lines, found.range),
      };
    }),
  );
}
