import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, CoreDiagnostic, Located } from '../model';
import { normalizeForMatch } from '../normalizeText';
import { ALL_INPUTS, type WorkspaceIndex } from '../workspaceIndex';

interface AliasOwner {
  actorId: string;
  uri: string;
  alias: Located<string>;
}

/** Every alias in the workspace by its normalised form, with the actors that claim it. */
function aliasOwners(index: WorkspaceIndex): Map<string, AliasOwner[]> {
  return index.memo('alias-owners', ['registry'], () => {
    const owners = new Map<string, AliasOwner[]>();
    for (const file of index.annotationFiles()) {
      for (const actor of file.actors) {
        if (!actor.id) continue;
        for (const alias of actor.aliases) {
          const key = normalizeForMatch(alias.value).trim();
          const list = owners.get(key) ?? [];
          list.push({ actorId: actor.id.value, uri: file.uri, alias });
          owners.set(key, list);
        }
      }
    }
    return owners;
  });
}

/** Normalised aliases that produced at least one mention in some text. */
function usedAliases(index: WorkspaceIndex): Set<string> {
  return index.memo('used-aliases', ALL_INPUTS, () => {
    const used = new Set<string>();
    for (const uri of index.referencedTexts()) {
      for (const mention of index.analysis(uri)?.mentions ?? []) {
        if (mention.alias !== undefined) used.add(normalizeForMatch(mention.alias).trim());
      }
    }
    return used;
  });
}

/** `alias-conflict` and `alias-unused` for the actors defined in one file. */
export function checkAliases(index: WorkspaceIndex, file: AnnotationFile): CoreDiagnostic[] {
  if (file.actors.length === 0) return [];
  const diagnostics: CoreDiagnostic[] = [];
  const owners = aliasOwners(index);
  const used = usedAliases(index);
  const anyTextLoaded = index.referencedTexts().some((uri) => index.textStatus(uri) === 'loaded');
  for (const actor of file.actors) {
    if (!actor.id) continue;
    const actorId = actor.id.value;
    for (const alias of actor.aliases) {
      const key = normalizeForMatch(alias.value).trim();
      const others = (owners.get(key) ?? []).filter((o) => o.actorId !== actorId);
      if (others.length > 0) {
        const names = [...new Set(others.map((o) => `\`${o.actorId}\``))].join(', ');
        diagnostics.push(makeDiagnostic(file.uri, alias.range, 'alias-conflict', `The alias "${alias.value}" also belongs to ${names}, so its mentions are ambiguous (they count for \`${owners.get(key)![0].actorId}\`). Remove it from one actor and record the other's mentions explicitly.`, {
          related: others.map((o) => ({ uri: o.uri, range: o.alias.range, message: `"${o.alias.value}" is also an alias of \`${o.actorId}\`` })),
          data: { alias: alias.value, actors: [actorId, ...others.map((o) => o.actorId)] },
        }));
      } else if (anyTextLoaded && !used.has(key)) {
        diagnostics.push(makeDiagnostic(file.uri, alias.range, 'alias-unused', `The alias "${alias.value}" of \`${actorId}\` occurs in no text. Aliases match whole words, case-sensitively: check its spelling, or remove it.`, { data: { alias: alias.value } }));
      }
    }
  }
  return diagnostics;
}
