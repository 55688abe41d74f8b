import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic } from '../model';
import { normalizeForMatch } from '../normalizeText';
import type { WorkspaceIndex } from '../workspaceIndex';

/** `alias-conflict` and `alias-unused` for the actors defined in one file. */
export function checkAliases(index: WorkspaceIndex, file: AnnotationFile): CoreDiagnostic[] {
  if (file.actors.length === 0) return [];
  const diagnostics: CoreDiagnostic[] = [];
  const anyTextLoaded = index.hasLoadedText();
  for (const actor of file.actors) {
    if (!actor.id) continue;
    const actorId = actor.id.value;
    for (const alias of actor.aliases) {
      const key = normalizeForMatch(alias.value).trim();
      const owners = index.aliasOwners(key);
      const others = owners.filter((o) => o.actorId !== actorId);
      if (others.length > 0) {
        const names = [...new Set(others.map((o) => `\`${o.actorId}\``))].join(', ');
        diagnostics.push(makeDiagnostic(file.uri, alias.range, 'alias-conflict', `The alias "${alias.value}" also belongs to ${names}, so its mentions are ambiguous (they count for \`${owners[0].actorId}\`). Remove it from one actor and record the other's mentions explicitly.`, {
          related: others.map((o) => ({ uri: o.uri, range: o.alias.range, message: `"${o.alias.value}" is also an alias of \`${o.actorId}\`` })),
          data: { alias: alias.value, actors: [actorId, ...others.map((o) => o.actorId)] },
        }));
      } else if (anyTextLoaded && !index.isAliasUsed(key)) {
        diagnostics.push(makeDiagnostic(file.uri, alias.range, 'alias-unused', `The alias "${alias.value}" of \`${actorId}\` occurs in no text. Aliases match whole words, case-sensitively: check its spelling, or remove it.`, { data: { alias: alias.value } }));
      }
    }
  }
  return diagnostics;
}
