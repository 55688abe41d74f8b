import { appendToNestedList, yamlScalar } from '../edits/yamlEdits';
import { applyEdits } from '../edits/textEdit';
import type { ActorDef } from '../model';
import { parseAnnotationFile } from '../syntax/parseAnnotationFile';
import { basenameUri } from '../uris';
import type { WorkspaceView } from '../workspace/workspaceView';
import { refuse, type AuthoringResult } from './change';
import { collapseWhitespace } from './selection';

/** "Add selection as alias of actor…": the selected words and the actor they name. */
export interface AliasRequest {
  actorId: string;
  /** The selected words; whitespace around them is dropped, runs inside become one space. */
  alias: string;
}

/** The actors (other than `exceptId`) that already have this alias. */
export function actorsWithAlias(index: WorkspaceView, alias: string, exceptId?: string): ActorDef[] {
  const owners: ActorDef[] = [];
  for (const file of index.annotationFiles()) {
    for (const actor of file.actors) {
      if (actor.id && actor.id.value !== exceptId && actor.aliases.some((a) => a.value === alias)) owners.push(actor);
    }
  }
  return owners;
}

/**
 * Appends an alias to an actor's `aliases` in the file that defines it, in
 * the list's own style (block or flow), adding the list when the actor has
 * none. An alias that another actor has too is written, with a warning: its
 * mentions become ambiguous.
 */
export function addAlias(index: WorkspaceView, request: AliasRequest): AuthoringResult {
  const alias = collapseWhitespace(request.alias).trim();
  if (!alias) return refuse('Select the words to use as an alias first.');
  const actor = index.actorDefinitions(request.actorId)[0];
  if (!actor) return refuse(`No actor has the id \`${request.actorId}\`.`);
  const name = actor.name?.value ?? request.actorId;
  if (actor.aliases.some((existing) => existing.value === alias)) return refuse(`“${alias}” is already an alias of ${name}.`);
  const content = index.content(actor.uri);
  if (content === undefined) return refuse(`The file that defines ${name} is not loaded.`);

  const edit = appendToNestedList(actor.uri, content, actor.range.start, 'aliases', [[yamlScalar(alias)]]);
  if (!edit) return refuse(`The aliases of ${name} are not a list that can be appended to; add “${alias}” by hand.`);
  const newContent = applyEdits(content, [edit]);
  const written = parseAnnotationFile(actor.uri, newContent, index.config.vocabulary)
    .actors.find((def) => def.id?.value === request.actorId)
    ?.aliases.find((located) => located.value === alias);
  if (!written) return refuse(`The alias could not be added to ${name} in ${basenameUri(actor.uri)}.`);

  const warnings = actorsWithAlias(index, alias, request.actorId).map(
    (other) => `“${alias}” is also an alias of ${other.name?.value ?? other.id!.value}, so its mentions are now ambiguous (alias-conflict).`,
  );
  return {
    ok: true,
    change: { uri: actor.uri, create: false, edits: [edit], newContent, reveal: written.range, summary: `alias “${alias}” of ${name} in ${basenameUri(actor.uri)}`, warnings },
  };
}
