import type { CancellationToken, TextDocumentPositionParams } from 'vscode-languageserver';
import { throwIfCancelled, unlessCancelled } from './cancellation';
import { guardRequest } from './guard';
import type { IndexedPosition, ServerSession } from './serverSession';

/** Where a position request reads: the finished index, or (read requests) the index so far during the first indexing. */
export type PositionReading = 'indexed' | 'so-far';

/**
 * The handler of a request at a position in a document, guarded: it stops if
 * already cancelled, answers null where no index holds the document, and
 * otherwise gives `answer` the indexed position.
 */
export function positionRequest<P extends TextDocumentPositionParams, R>(
  session: ServerSession,
  method: string,
  reading: PositionReading,
  answer: (at: IndexedPosition & { soFar?: boolean }, params: P, token: CancellationToken) => R | Promise<R>,
) {
  return guardRequest(session.log, method, async (params: P, token: CancellationToken) => {
    throwIfCancelled(token);
    // A document whose change is applied in steps (a large file): its positions are in the new content, which the index holds soon.
    const staged = session.workspace.whenStaged(params.textDocument.uri);
    if (staged) await unlessCancelled(staged, token);
    const at = reading === 'so-far' ? session.readAt(params.textDocument.uri, params.position) : session.at(params.textDocument.uri, params.position);
    return at ? answer(at, params, token) : null;
  });
}
