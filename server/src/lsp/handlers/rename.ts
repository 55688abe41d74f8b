import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { prepareRename, rename } from '../../core/features';
import { throwIfCancelled } from '../cancellation';
import { toRange } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';
import { toWorkspaceEdit } from '../workspaceEdit';

/** textDocument/prepareRename and textDocument/rename: actor, concept and claim ids, across all files, with minimal edits. */
export function registerRename(session: ServerSession): void {
  session.connection.onPrepareRename(
    guardRequest(session.log, 'textDocument/prepareRename', (params, token) => {
      throwIfCancelled(token);
      const at = session.at(params.textDocument.uri, params.position);
      if (!at) return null;
      const check = prepareRename(at.index, at.uri, at.offset);
      if (!check.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, check.reason);
      return { range: toRange(at.lines, check.subject.range), placeholder: check.subject.id };
    }),
  );
  session.connection.onRenameRequest(
    guardRequest(session.log, 'textDocument/rename', (params, token) => {
      throwIfCancelled(token);
      const at = session.at(params.textDocument.uri, params.position);
      if (!at) return null;
      const result = rename(at.index, at.uri, at.offset, params.newName);
      if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.reason);
      return toWorkspaceEdit(session, result.edits);
    }),
  );
}
