import { CONFIG_FILE_NAME } from '../config';
import type { AnnotationFile } from '../model';
import { joinUri } from '../uris';
import type { WorkspaceView } from '../workspace/workspaceView';
import { diffWorkspaces, textOfAnnotationFile, type DiffScope, type WorkspaceDiff } from './diffWorkspaces';

/**
 * `diffWorkspaces` for two states of a workspace known to differ only in the
 * `changed` files (URIs of files added, removed or changed: from the object
 * ids of two git trees), comparing only what those files can reach: the
 * changed annotation files, the texts they point at (before and after) and
 * the changed texts, every annotation file of those texts, and the files that
 * share a claim id or a claimant's stance on a concept with a changed file.
 * Everything else is the same on both sides, so it adds nothing to the diff,
 * and its texts are never analysed.
 *
 * Undefined when the change can reach further, and the caller must compare
 * everything: the configuration or the registry (actors, entities, concepts)
 * changed, or the use of an actor or an alias may have changed (a text's
 * mentions, whether an actor is referenced at all, whether any text is
 * loaded), which decides `actor-unused` and `alias-unused` in the registry.
 * The result then equals `diffWorkspaces(base, head)`; test/unit/diffFast.test.ts
 * compares the two.
 */
export function diffChangedFiles(base: WorkspaceView, head: WorkspaceView, changed: readonly string[]): WorkspaceDiff | undefined {
  const sides = [base, head];
  const configs = new Set(sides.flatMap((side) => side.workspaceFolders.map((folder) => joinUri(folder, CONFIG_FILE_NAME))));
  if (changed.some((uri) => configs.has(uri)) || JSON.stringify(base.config) !== JSON.stringify(head.config)) return undefined;
  if (base.hasLoadedText() !== head.hasLoadedText()) return undefined;

  const texts = new Set(changed);
  const files = new Set(changed);
  for (const side of sides) {
    for (const uri of changed) {
      const file = side.annotationFile(uri);
      if (!file) continue;
      if (definesRegistry(file)) return undefined;
      const text = textOfAnnotationFile(side, uri);
      if (text) texts.add(text);
      for (const claim of file.textAnnotation?.claims ?? []) {
        // Duplicate ids and stance conflicts are reported in every file involved, and name the others.
        for (const other of sides) {
          if (claim.id) for (const definition of other.claimDefinitions(claim.id.value)) files.add(definition.uri);
          if (claim.claimant && claim.concept) for (const stance of other.stancesOf(claim.claimant.value, claim.concept.value)) files.add(stance.uri);
        }
      }
    }
  }
  for (const side of sides) for (const text of texts) for (const uri of side.annotationsOf(text)) files.add(uri);
  // A file that also defines registry entries has usage diagnostics that only the whole workspace decides.
  for (const side of sides) for (const uri of files) if (definesRegistry(side.annotationFile(uri))) return undefined;

  // The registry's usage checks. Every reached text mentions the same actors by the same aliases (the others did not change), so
  // mentions decide alias-unused as before; and every actor is referenced (or not) as before, or mentioned in a reached text.
  for (const text of texts) if (mentionFootprint(base, text) !== mentionFootprint(head, text)) return undefined;
  const mentioned = new Set([...texts].flatMap((text) => (base.analysis(text)?.mentions ?? []).flatMap((m) => m.actorIds ?? [m.actorId])));
  const actorIds = new Set([...base.actorIds(), ...head.actorIds(), ...base.entityIds(), ...head.entityIds()]);
  for (const id of actorIds) if (!mentioned.has(id) && isReferenced(base, id) !== isReferenced(head, id)) return undefined;

  const claimIds = new Set<string>();
  for (const side of sides) {
    for (const uri of files) for (const claim of side.annotationFile(uri)?.textAnnotation?.claims ?? []) if (claim.id) claimIds.add(claim.id.value);
  }
  const scope: DiffScope = { files, texts, claimIds };
  return diffWorkspaces(base, head, scope);
}

function definesRegistry(file: AnnotationFile | undefined): boolean {
  return !!file && (file.actors.length > 0 || file.entities.length > 0 || file.concepts.length > 0);
}

function isReferenced(index: WorkspaceView, actorId: string): boolean {
  return index.actorReferences(actorId).some((reference) => reference.role !== 'definition');
}

/** Which actors a text mentions by which aliases (none when it is not loaded): what the registry's usage checks see of it. */
function mentionFootprint(index: WorkspaceView, textUri: string): string {
  const used = new Set((index.analysis(textUri)?.mentions ?? []).map((m) => `${(m.actorIds ?? [m.actorId]).join(',')}\u0000${m.alias ?? ''}`));
  return [...used].sort().join('\u0001');
}
