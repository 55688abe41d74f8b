import * as vscode from 'vscode';
import type { RequestParam, RequestType } from 'vscode-languageclient/node';
import type { ServerConnection } from '../serverConnection';
import {
  ActorsRequest,
  AddAliasRequest,
  AnnotateClaimRequest,
  CreateActorRequest,
  type ActorsResult,
  type AuthoringResponse,
  type AddAliasParams,
  type AnnotateClaimParams,
  type CreateActorParams,
  type SelectionParams,
} from '../protocol';
import { applyAuthoring } from './applyAuthoring';
import { pickActor, pickActors, pickConcept, pickOptional, pickValue } from './pickers';
import { currentTextSelection, shortQuote, type TextSelection } from './selection';

/** The actors and vocabularies of the folder that holds the document, or undefined (after telling the user) when the server is not ready. */
async function actorsFor(server: ServerConnection, document: vscode.TextDocument): Promise<ActorsResult | undefined> {
  if (!server.isRunning) {
    void vscode.window.showWarningMessage('The Policy Annotator language server is not running. Run "Policy Annotator: Restart Language Server".');
    return undefined;
  }
  return server.sendRequest(ActorsRequest, { uri: server.client.code2ProtocolConverter.asUri(document.uri) });
}

function where(server: ServerConnection, selection: TextSelection): SelectionParams {
  return {
    textDocument: { uri: server.client.code2ProtocolConverter.asUri(selection.document.uri) },
    range: server.client.code2ProtocolConverter.asRange(selection.selection),
  };
}

/**
 * "Annotate Selection as Claim…": claimant (searching names and aliases),
 * then optionally what it is about, its type, and a stance toward a
 * concept; the server writes the claim, and the editor applies the edit.
 */
export async function annotateSelectionAsClaim(server: ServerConnection): Promise<void> {
  await authorFromSelection<AnnotateClaimParams>(server, 'annotate as a claim', async (selection, actors) => {
    if (actors.actors.length === 0) {
      void vscode.window.showInformationMessage('There are no actors to be the claimant yet. Select a name in the text and run "Create Actor from Selection…" first.');
      return undefined;
    }
    const quote = shortQuote(selection.words);
    const claimant = await pickActor(actors, `Claim ${quote}: who makes it? (1/4)`, 'Claimant: type a name, id or alias');
    if (!claimant) return undefined;
    const about = await pickActors(actors, `Claim ${quote}: who or what is it about? (2/4, optional)`, 'Check the actors or entities it is about, or press Enter for none', true);
    if (!about) return undefined;
    const type = await pickOptional(actors.claimTypes, `Claim ${quote}: what type of claim? (3/4, optional)`, 'Claim type');
    if (type === undefined) return undefined;
    const stance = await pickOptional(actors.stances, `Claim ${quote}: does it take a stance toward a concept? (4/4, optional)`, 'Stance');
    if (stance === undefined) return undefined;
    let concept: string | undefined;
    if (stance !== null) {
      if (actors.concepts.length === 0) {
        void vscode.window.showWarningMessage('A stance is taken toward a concept, and the workspace defines none yet: the claim is written without a stance.');
      } else {
        const picked = await pickConcept(actors.concepts, `Claim ${quote}: the concept it ${stance}`, 'Concept');
        if (!picked) return undefined;
        concept = picked.id;
      }
    }
    return {
      claimant: claimant.id,
      ...(about.length > 0 ? { about: about.map((actor) => actor.id) } : {}),
      ...(type ? { type } : {}),
      ...(concept && stance ? { concept, stance } : {}),
    };
  }, AnnotateClaimRequest);
}

/**
 * The steps every selection command shares: the selection, the folder's
 * actors, the user's answers (`ask` gives undefined when the user cancels),
 * then the server's edit applied in the editor.
 */
async function authorFromSelection<P extends SelectionParams>(
  server: ServerConnection,
  action: string,
  ask: (selection: TextSelection, actors: ActorsResult) => Promise<Omit<P, keyof SelectionParams> | undefined>,
  request: RequestType<P, AuthoringResponse, void>,
): Promise<void> {
  const selection = currentTextSelection(action);
  if (!selection) return;
  const actors = await actorsFor(server, selection.document);
  if (!actors) return;
  const answers = await ask(selection, actors);
  if (!answers) return;
  const params = { ...where(server, selection), ...answers } as RequestParam<P>;
  await applyAuthoring(server, await server.sendRequest(request, params), selection.editor);
}

/** "Add Selection as Alias of Actor…". */
export async function addSelectionAsAlias(server: ServerConnection): Promise<void> {
  await authorFromSelection<AddAliasParams>(server, 'add as an alias', async (selection, actors) => {
    const actor = await pickActor(actors, `Add ${shortQuote(selection.words)} as an alias of…`, 'Actor: type a name, id or alias');
    return actor && { actor: actor.id };
  }, AddAliasRequest);
}

/** "Create Actor from Selection…": the selection is the name and first alias; the user picks the kind. */
export async function createActorFromSelection(server: ServerConnection): Promise<void> {
  await authorFromSelection<CreateActorParams>(server, 'create an actor from', async (selection, actors) => {
    const kind = await pickValue(actors.actorKinds, `New actor ${shortQuote(selection.words)}: what kind of actor?`, 'Actor kind');
    return kind ? { kind } : undefined;
  }, CreateActorRequest);
}
