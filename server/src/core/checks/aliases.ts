import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic } from '../model';
import { aliasKey } from '../aliasKeys';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { AliasOwner } from '../workspace/workspaceView';

/** Named in a message, and listed as related information or quick-fix data, at most: the rest are counted. */
const NAMED_IN_MESSAGE = 3;
const MAX_RELATED = 20;

/**
 * `alias-conflict` and `alias-unused` for the actors and entities defined in
 * one file (entity aliases share the actors' matcher); linear in its aliases
 * and their owners.
 */
export function checkAliases(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  if (file.actors.length === 0 && file.entities.length === 0) return [];
  const diagnostics: CoreDiagnostic[] = [];
  const anyTextLoaded = index.hasLoadedText();
  // Per key, how many of its owners each actor is, counted once.
  const ownerCounts = new Map<string, Map<string, number>>();
  const countsOf = (key: string, owners: readonly AliasOwner[]) => {
    let counts = ownerCounts.get(key);
    if (!counts) {
      counts = new Map();
      for (const owner of owners) counts.set(owner.actorId, (counts.get(owner.actorId) ?? 0) + 1);
      ownerCounts.set(key, counts);
    }
    return counts;
  };
  for (const actor of [...file.actors, ...file.entities]) {
    if (!actor.id) continue;
    const actorId = actor.id.value;
    for (const alias of actor.aliases) {
      const key = aliasKey(alias);
      const owners = index.aliasOwners(key);
      const counts = owners.length > 1 ? countsOf(key, owners) : undefined;
      const otherActors = counts ? counts.size - (counts.has(actorId) ? 1 : 0) : 0;
      if (otherActors > 0) {
        const others: AliasOwner[] = [];
        const otherIds = new Set<string>();
        for (const owner of owners) {
          if (owner.actorId === actorId) continue;
          if (others.length < MAX_RELATED) others.push(owner);
          otherIds.add(owner.actorId);
          if (others.length === MAX_RELATED && otherIds.size >= NAMED_IN_MESSAGE) break;
        }
        const named = [...otherIds].slice(0, NAMED_IN_MESSAGE).map((id) => `\`${id}\``);
        const names = named.join(', ') + (otherActors > named.length ? ` and ${otherActors - named.length} more actors` : '');
        diagnostics.push(makeDiagnostic(file.uri, alias.range, 'alias-conflict', `The alias "${alias.value}" also belongs to ${names}, so its mentions are ambiguous (they count for \`${owners[0].actorId}\`). Remove it from one actor and record the other's mentions explicitly.`, {
          related: others.map((o) => ({ uri: o.uri, range: o.alias.range, message: `"${o.alias.value}" is also an alias of \`${o.actorId}\`` })),
          data: { alias: alias.value, actors: [actorId, ...[...new Set(others.map((o) => o.actorId))]] },
        }));
      } else if (anyTextLoaded && !index.isAliasUsed(key)) {
        diagnostics.push(makeDiagnostic(file.uri, alias.range, 'alias-unused', `The alias "${alias.value}" of \`${actorId}\` occurs in no text. Aliases match whole words, case-sensitively: check its spelling, or remove it.`, { data: { alias: alias.value } }));
      }
    }
  }
  return diagnostics;
}
