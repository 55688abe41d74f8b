import * as vscode from 'vscode';
import type { ActorInfo, ActorsResult, ConceptInfo } from '../protocol';

export interface ActorItem extends vscode.QuickPickItem {
  actor: ActorInfo;
}

/** An actor as a quick pick item: searchable by name (label), id and kind (description) and aliases (detail). */
export function actorItem(actor: ActorInfo): ActorItem {
  const aliases = actor.aliases.filter((alias) => alias !== actor.name);
  return {
    label: actor.name,
    description: `${actor.id} · ${actor.kind}`,
    detail: aliases.length > 0 ? `aliases: ${aliases.join(', ')}` : undefined,
    actor,
  };
}

/** Picks one actor; undefined when the user cancels. */
export async function pickActor(actors: ActorsResult, title: string, placeHolder: string): Promise<ActorInfo | undefined> {
  const picked = await vscode.window.showQuickPick(actors.actors.map(actorItem), { title, placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.actor;
}

/** Picks any number of actors, and with `withEntities` entities too, under their own heading (none is an answer); undefined when the user cancels. */
export async function pickActors(actors: ActorsResult, title: string, placeHolder: string, withEntities = false): Promise<ActorInfo[] | undefined> {
  const entities = withEntities ? (actors.entities ?? []) : [];
  const items: (ActorItem | vscode.QuickPickItem)[] = actors.actors.map(actorItem);
  if (entities.length > 0) items.push({ label: 'Entities', kind: vscode.QuickPickItemKind.Separator }, ...entities.map(actorItem));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true, matchOnDetail: true, canPickMany: true });
  return picked?.flatMap((item) => ('actor' in item ? [item.actor] : []));
}

const NONE = '(none)';

/** Picks one value or none; undefined when the user cancels, null for none. */
export async function pickOptional(values: string[], title: string, placeHolder: string): Promise<string | null | undefined> {
  const picked = await vscode.window.showQuickPick([{ label: NONE, description: 'leave it out' }, ...values.map((label) => ({ label }))], { title, placeHolder });
  if (!picked) return undefined;
  return picked.label === NONE ? null : picked.label;
}

/** Picks a value (required); undefined when the user cancels. */
export async function pickValue(values: string[], title: string, placeHolder: string): Promise<string | undefined> {
  return (await vscode.window.showQuickPick(values, { title, placeHolder })) ?? undefined;
}

/** Picks a concept by label or id; undefined when the user cancels. */
export async function pickConcept(concepts: ConceptInfo[], title: string, placeHolder: string): Promise<ConceptInfo | undefined> {
  const picked = await vscode.window.showQuickPick(
    concepts.map((concept) => ({ label: concept.label, description: concept.id, concept })),
    { title, placeHolder, matchOnDescription: true },
  );
  return picked?.concept;
}
