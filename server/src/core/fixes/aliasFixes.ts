import type { CoreDiagnostic } from '../model';
import { removeListItem } from '../edits/yamlEdits';
import { normalizeForMatch } from '../normalizeText';
import type { WorkspaceView } from '../workspace/workspaceView';
import { quickFix, type CodeFix } from './codeFix';

/** The edit removing an actor's alias (matched after normalisation), if the actor has it. */
function removeAliasEdit(index: WorkspaceView, actorId: string, alias: string) {
  const actor = index.actor(actorId);
  const key = normalizeForMatch(alias).trim();
  const located = actor?.aliases.find((a) => normalizeForMatch(a.value).trim() === key);
  const content = actor && index.content(actor.uri);
  return actor && located && content !== undefined ? removeListItem(actor.uri, content, located.range) : undefined;
}

/** `alias-conflict`: remove the alias from one of the actors that share it, one action per actor. */
export function fixAliasConflict(index: WorkspaceView, diagnostic: CoreDiagnostic): CodeFix[] {
  const alias = diagnostic.data?.alias as string | undefined;
  const actors = (diagnostic.data?.actors as string[] | undefined) ?? [];
  if (alias === undefined) return [];
  return actors.flatMap((actorId) => {
    const edit = removeAliasEdit(index, actorId, alias);
    return edit ? [quickFix(diagnostic, 'remove-alias', `Remove the alias "${alias}" from \`${actorId}\``, [edit])] : [];
  });
}

/** `alias-unused`: remove it. A suggestion only: a registry shared across texts may hold aliases no text uses yet. */
export function fixUnusedAlias(index: WorkspaceView, diagnostic: CoreDiagnostic): CodeFix[] {
  const content = index.content(diagnostic.uri);
  const alias = diagnostic.data?.alias as string | undefined;
  if (content === undefined || alias === undefined) return [];
  const edit = removeListItem(diagnostic.uri, content, diagnostic.range);
  return edit ? [quickFix(diagnostic, 'remove-alias', `Remove the unused alias "${alias}"`, [edit])] : [];
}
