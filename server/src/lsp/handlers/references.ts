import type { Location } from 'vscode-languageserver';
import { referencesInAnnotations, referencesInText, referenceTargetAt, textsToSearch, type SpanLocation } from '../../core/features';
import { forEachCancellable } from '../cancellation';
import { toRange } from '../convert';
import { positionRequest } from '../positionRequest';
import type { ServerSession } from '../serverSession';

/** textDocument/references: every reference in YAML, then every mention in every text; searching texts can be cancelled. */
export function registerReferences(session: ServerSession): void {
  session.connection.onReferences(
    positionRequest(session, 'textDocument/references', 'indexed', async (at, params, token) => {
      const target = referenceTargetAt(at.index, at.uri, at.offset);
      if (!target) return null;
      const found: SpanLocation[] = referencesInAnnotations(at.index, target, { includeDeclaration: params.context.includeDeclaration });
      await forEachCancellable(textsToSearch(at.index, target), token, (textUri) => found.push(...referencesInText(at.index, textUri, target)));
      const locations: Location[] = [];
      for (const location of found) {
        const lines = session.linesOf(location.uri);
        if (lines) locations.push({ uri: session.clientUri(location.uri), range: toRange(lines, location.range) });
      }
      return locations;
    }),
  );
}
