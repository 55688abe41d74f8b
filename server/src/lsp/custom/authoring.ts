import { ResponseError, LSPErrorCodes, type CancellationToken, type WorkspaceEdit } from 'vscode-languageserver';
import { canonicalUri, LineIndex, type Span, type WorkspaceView } from '../../core';
import { addAlias, annotateClaim, createActor, type AuthoringChange, type AuthoringResult } from '../../core/authoring';
import { unlessCancelled } from '../cancellation';
import { toRange } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';
import { creatingEdit } from '../workspaceEdit';
import {
  AddAliasRequest,
  AnnotateClaimRequest,
  CreateActorRequest,
  type AddAliasParams,
  type AnnotateClaimParams,
  type AuthoringResponse,
  type CreateActorParams,
  type SelectionParams,
} from '../../protocol';

/** The selected text of a document the client has open (or, failing that, of the indexed file). */
interface Selection {
  index: WorkspaceView;
  uri: string;
  text: string;
  span: Span;
}

async function selectionOf(session: ServerSession, params: SelectionParams, token: CancellationToken): Promise<Selection | string> {
  await unlessCancelled(session.workspace.whenReady(), token);
  const uri = canonicalUri(params.textDocument.uri);
  const index = session.workspace.indexFor(uri);
  if (!index) return 'This file is not in a workspace folder, so there is nowhere to write its annotations.';
  const text = session.documents.get(params.textDocument.uri)?.getText() ?? index.content(uri);
  if (text === undefined) return 'Open the text in the editor first.';
  const lines = new LineIndex(text);
  return { index, uri, text, span: { start: lines.offsetAt(params.range.start), end: lines.offsetAt(params.range.end) } };
}

/**
 * The WorkspaceEdit for a change. An edit to an open document carries its
 * version, so the editor refuses it if the document changed meanwhile; a new
 * file is created and filled in the same edit.
 */
async function toWorkspaceEdit(session: ServerSession, change: AuthoringChange): Promise<WorkspaceEdit | string> {
  const uri = session.clientUri(change.uri);
  if (change.create) {
    // Creating a file needs `documentChanges` with the `create` operation (VS Code and most editors have it).
    if (!session.client.fileCreation) return `Your editor cannot create files through the language server. Create ${uri} with this content:\n${change.newContent}`;
    const created = await creatingEdit(session, [{ uri: change.uri, content: change.newContent }]);
    return 'edit' in created ? created.edit : created.problem;
  }
  const lines = session.linesOf(change.uri);
  if (!lines) return `${uri} is not loaded.`;
  const edits = change.edits.map((edit) => ({ range: toRange(lines, edit.range), newText: edit.newText }));
  if (session.client.versionedEdits) return { documentChanges: [{ textDocument: { uri, version: session.openVersion(change.uri) ?? null }, edits }] };
  return { changes: { [uri]: edits } };
}

async function respond(session: ServerSession, result: AuthoringResult): Promise<AuthoringResponse> {
  if (!result.ok) return result;
  const { change } = result;
  const edit = await toWorkspaceEdit(session, change);
  if (typeof edit === 'string') return { ok: false, message: edit };
  return {
    ok: true,
    edit,
    uri: session.clientUri(change.uri),
    reveal: toRange(new LineIndex(change.newContent), change.reveal),
    summary: change.summary,
    warnings: change.warnings,
  };
}

/** Runs an authoring command on the selection; a problem with the request is answered as a message for the analyst. */
function authoringHandler<P extends SelectionParams>(session: ServerSession, method: string, run: (selection: Selection, params: P) => AuthoringResult) {
  return guardRequest(session.log, method, async (params: P, token): Promise<AuthoringResponse> => {
    if (!params?.textDocument?.uri || !params.range) throw new ResponseError(LSPErrorCodes.RequestFailed, `${method} needs a textDocument and a range.`);
    const selection = await selectionOf(session, params, token);
    if (typeof selection === 'string') return { ok: false, message: selection };
    return respond(session, run(selection, params));
  });
}

/** `policyAnnotator/annotateClaim`, `policyAnnotator/addAlias`, `policyAnnotator/createActor`: edits computed by the core, applied by the client. */
export function registerAuthoringRequests(session: ServerSession): void {
  const { connection } = session;
  connection.onRequest(
    AnnotateClaimRequest,
    authoringHandler(session, AnnotateClaimRequest.method, (selection, params: AnnotateClaimParams) =>
      annotateClaim(selection.index, {
        textUri: selection.uri,
        text: selection.text,
        selection: selection.span,
        claimant: params.claimant,
        ...(params.about ? { about: params.about } : {}),
        ...(params.type ? { type: params.type } : {}),
        ...(params.stance ? { stance: params.stance } : {}),
        ...(params.concept ? { concept: params.concept } : {}),
      }),
    ),
  );
  connection.onRequest(
    AddAliasRequest,
    authoringHandler(session, AddAliasRequest.method, (selection, params: AddAliasParams) =>
      addAlias(selection.index, { actorId: params.actor, alias: selection.text.slice(selection.span.start, selection.span.end) }),
    ),
  );
  connection.onRequest(
    CreateActorRequest,
    authoringHandler(session, CreateActorRequest.method, (selection, params: CreateActorParams) =>
      createActor(selection.index, { name: selection.text.slice(selection.span.start, selection.span.end), kind: params.kind, ...(params.id ? { id: params.id } : {}) }),
    ),
  );
}
