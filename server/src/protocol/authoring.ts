import { RequestType, type Range, type TextDocumentIdentifier, type WorkspaceEdit } from 'vscode-languageserver-protocol';

/** What every authoring request is about: the selected words of a document. */
export interface SelectionParams {
  textDocument: TextDocumentIdentifier;
  range: Range;
}

/** `policyAnnotator/annotateClaim`: write a claim for the selected words of a text. */
export interface AnnotateClaimParams extends SelectionParams {
  claimant: string;
  about?: string[];
  type?: string;
  stance?: string;
  concept?: string;
}

/** `policyAnnotator/addAlias`: add the selected words as an alias of an actor. */
export interface AddAliasParams extends SelectionParams {
  actor: string;
}

/** `policyAnnotator/createActor`: add an actor named by the selected words. */
export interface CreateActorParams extends SelectionParams {
  kind: string;
  /** An id to use instead of the one generated from the name. */
  id?: string;
}

/**
 * The answer to an authoring request: the WorkspaceEdit to apply (the client
 * applies it, so it can be undone and nothing is written behind the editor),
 * and where the new entry will be once it is applied; or why there is none.
 */
export type AuthoringResponse =
  | {
      ok: true;
      edit: WorkspaceEdit;
      /** The annotation file written to. */
      uri: string;
      /** The new entry in that file, after the edit. */
      reveal: Range;
      summary: string;
      warnings: string[];
    }
  | { ok: false; message: string };

export const AnnotateClaimRequest = new RequestType<AnnotateClaimParams, AuthoringResponse, void>('policyAnnotator/annotateClaim');
export const AddAliasRequest = new RequestType<AddAliasParams, AuthoringResponse, void>('policyAnnotator/addAlias');
export const CreateActorRequest = new RequestType<CreateActorParams, AuthoringResponse, void>('policyAnnotator/createActor');
