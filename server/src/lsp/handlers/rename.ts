import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { prepareRename, rename } from '../../core/features';
import { toRange } from '../convert';
import { positionRequest } from '../positionRequest';
import type { ServerSession } from '../serverSession';
import { toWorkspaceEdit } from '../workspaceEdit';

/** textDocument/prepareRename and textDocument/rename: actor, concept and claim ids, across all files, with minimal edits. */
export function registerRename(session: ServerSession): void {
  session.connection.onPrepareRename(
    positionRequest(session, 'textDocument/prepareRename', 'indexed', (at) => {
      const check = prepareRename(at.index, at.uri, at.offset);
      if (!check.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, check.reason);
      return { range: toRange(at.lines, check.subject.range), placeholder: check.subject.id };
    }),
  );
  session.connection.onRenameRequest(
    positionRequest(session, 'textDocument/rename', 'indexed', (at, params) => {
      const result = rename(at.index, at.uri, at.offset, params.newName);
      if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.reason);
      return toWorkspaceEdit(session, result.edits);
    }),
  );
}
