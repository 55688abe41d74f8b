import type { WorkspaceIndex } from '../../../server/src/core';

/**
 * A canonical serialisation of everything an index holds and derives: the
 * annotation files' models, the actor, concept and claim registries, the
 * references, the texts and their analyses. Two indexes of the same files
 * must give equal snapshots, however they were built.
 */
export function indexSnapshot(index: WorkspaceIndex): Record<string, unknown> {
  const files = index.annotationFiles();
  const actorIds = new Set(index.actorIds());
  const conceptIds = new Set(index.conceptIds());
  const claimIds = new Set<string>();
  for (const file of files) {
    for (const actor of file.actors) for (const relation of actor.relations) if (relation.target) actorIds.add(relation.target.value);
    const annotation = file.textAnnotation;
    if (annotation?.author) actorIds.add(annotation.author.value);
    for (const mention of annotation?.mentions ?? []) for (const id of mention.actors) actorIds.add(id.value);
    for (const claim of annotation?.claims ?? []) {
      if (claim.id) claimIds.add(claim.id.value);
      if (claim.claimant) actorIds.add(claim.claimant.value);
      for (const about of claim.about) actorIds.add(about.value);
      if (claim.concept) conceptIds.add(claim.concept.value);
    }
  }
  const texts = index.referencedTexts();
  return {
    files: files.map((file) => ({ file, content: index.content(file.uri), text: index.textReferenceOf(file.uri) })),
    actors: [...actorIds].sort().map((id) => ({ id, definitions: index.actorDefinitions(id).map((d) => [d.uri, d.range]), references: index.actorReferences(id).map((r) => [r.uri, r.range, r.role]) })),
    concepts: [...conceptIds].sort().map((id) => ({ id, definitions: index.conceptDefinitions(id).map((d) => [d.uri, d.range]), references: index.conceptReferences(id).map((r) => [r.uri, r.range, r.role]) })),
    claims: [...claimIds].sort().map((id) => ({ id, definitions: index.claimDefinitions(id).map((d) => [d.uri, d.claim.range]) })),
    claimIdsDefinedMoreThanOnce: [...index.claimIdsDefinedMoreThanOnce()].sort(),
    texts: texts.map((uri) => {
      const analysis = index.analysis(uri);
      return {
        uri,
        status: index.textStatus(uri),
        annotations: index.annotationsOf(uri),
        content: index.content(uri),
        claims: analysis?.claims.map((c) => [c.annotationUri, c.def.range, c.result]),
        explicitMentions: analysis?.explicitMentions.map((m) => [m.annotationUri, m.def.range, m.result]),
        mentions: analysis?.mentions.map((m) => [m.span, m.actorId, m.source, m.actorIds, m.alias]),
        suppressions: analysis?.suppressions.map((s, i) => [s.annotationUri, s.def.range, s.result, analysis.suppressedMatches[i]]),
      };
    }),
  };
}

/** Every diagnostic of the workspace, computed afresh: annotation files, texts and the configuration (as paranoid mode computes them). */
export { workspaceDiagnostics as freshDiagnostics } from '../../../server/src/core/live';
