import { appendListItem, yamlScalar } from '../edits/yamlEdits';
import { applyEdits, type TextEdit } from '../edits/textEdit';
import { parseAnnotationFile } from '../syntax/parseAnnotationFile';
import { basenameUri } from '../uris';
import type { WorkspaceView } from '../workspace/workspaceView';
import { actorsWithAlias } from './addAlias';
import { refuse, type AuthoringResult } from './change';
import { idFromName, uniqueId } from './ids';
import { collapseWhitespace } from './selection';
import { actorRegistryFile } from './targetFiles';

/** "Create actor from selection…": the selected name and the kind the analyst picked. */
export interface ActorRequest {
  /** The selected words: the actor's name and first alias. */
  name: string;
  kind: string;
  /** An id to use instead of the one generated from the name. */
  id?: string;
}

/**
 * Adds an actor to the registry (the file that defines most actors, or a new
 * `actors.yaml` in the first annotation root), with an id generated from the
 * name and unique in the workspace, and the selected words as its first alias
 * so that the text's mentions are found at once.
 */
export function createActor(index: WorkspaceView, request: ActorRequest): AuthoringResult {
  const name = collapseWhitespace(request.name).trim();
  if (!name) return refuse('Select the name of the actor in the text first.');
  const kinds = index.config.vocabulary.actorKinds;
  if (!kinds.includes(request.kind)) return refuse(`\`${request.kind}\` is not an actor kind; use one of: ${kinds.join(', ')}.`);
  if (request.id !== undefined && index.actorDefinitions(request.id).length > 0) return refuse(`An actor with the id \`${request.id}\` exists already.`);
  const base = request.id ?? idFromName(name);
  if (!base) return refuse('An actor id needs letters or digits: name the actor with some.');
  const id = request.id ?? uniqueId(base, (candidate) => index.actorDefinitions(candidate).length > 0);

  const target = actorRegistryFile(index);
  if (!target) return refuse('The workspace has no annotation root to put an actor registry in.');
  const lines = [`id: ${id}`, `name: ${yamlScalar(name)}`, `kind: ${request.kind}`, 'aliases:', `  - ${yamlScalar(name)}`];
  const before = target.exists ? target.content : '';
  const append = appendListItem(target.uri, before, 'actors', lines);
  const edits: TextEdit[] = target.exists ? [append] : [{ uri: target.uri, range: { start: 0, end: 0 }, newText: applyEdits(before, [append]) }];
  const newContent = target.exists ? applyEdits(before, edits) : edits[0].newText;
  const written = parseAnnotationFile(target.uri, newContent, index.config.vocabulary).actors.find((actor) => actor.id?.value === id);
  if (!written) return refuse(`The actor could not be added to ${basenameUri(target.uri)}: its \`actors\` are not a list that can be appended to.`);

  const warnings = actorsWithAlias(index, name).map(
    (other) => `“${name}” is also an alias of ${other.name?.value ?? other.id!.value}, so its mentions are now ambiguous (alias-conflict).`,
  );
  return {
    ok: true,
    change: { uri: target.uri, create: !target.exists, edits, newContent, reveal: written.range, summary: `actor \`${id}\` in ${basenameUri(target.uri)}`, warnings },
  };
}
