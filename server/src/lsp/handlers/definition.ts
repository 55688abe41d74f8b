import type { Location, LocationLink } from 'vscode-languageserver';
import { findDefinition } from '../../core/features';
import { toRange } from '../convert';
import { positionRequest } from '../positionRequest';
import type { ServerSession } from '../serverSession';

/** textDocument/definition: go to source, as LocationLinks where the client takes them. */
export function registerDefinition(session: ServerSession): void {
  session.connection.onDefinition(
    positionRequest(session, 'textDocument/definition', 'so-far', (at): Location[] | LocationLink[] | null => {
      const links: LocationLink[] = [];
      for (const target of findDefinition(at.index, at.uri, at.offset)) {
        const lines = session.linesOf(target.uri);
        if (!lines) continue;
        links.push({
          originSelectionRange: toRange(at.lines, target.origin),
          targetUri: session.clientUri(target.uri),
          targetRange: toRange(lines, target.range),
          targetSelectionRange: toRange(lines, target.selection),
        });
      }
      if (session.client.definitionLinks) return links;
      return links.map((link) => ({ uri: link.targetUri, range: link.targetSelectionRange }));
    }),
  );
}
