import type { ClaimDef, Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { IdReference } from '../workspace/workspaceView';
import { anchorOf } from './anchorOf';
import { locate } from './locate';

/** A place in a file: an annotation file or a text. */
export interface SpanLocation {
  uri: string;
  range: Span;
}

/** What references are searched for. */
export type ReferenceTarget =
  | { kind: 'actor'; id: string }
  | { kind: 'concept'; id: string }
  | { kind: 'claim'; claim: ClaimDef; annotationUri: string };

export interface ReferenceOptions {
  /** Include the definition itself (LSP `includeDeclaration`). */
  includeDeclaration: boolean;
}

/** The actor, concept or claim under the cursor, in a text or an annotation file. */
export function referenceTargetAt(index: WorkspaceView, uri: string, offset: number): ReferenceTarget | undefined {
  const located = locate(index, uri, offset);
  if (!located) return undefined;
  if (located.in === 'text') {
    const { mention, claims } = located.target;
    if (mention) return { kind: 'actor', id: mention.actorId };
    return { kind: 'claim', claim: claims[0].def, annotationUri: claims[0].annotationUri };
  }
  const target = located.target;
  switch (target.kind) {
    case 'actor-id':
      return { kind: 'actor', id: target.id };
    case 'concept-id':
      return { kind: 'concept', id: target.id };
    case 'claim-id':
    case 'claim-quote':
      return { kind: 'claim', claim: target.claim, annotationUri: located.uri };
    default:
      return undefined;
  }
}

/** References in annotation files: every place that names the id (or the claim itself). */
export function referencesInAnnotations(index: WorkspaceView, target: ReferenceTarget, options: ReferenceOptions): SpanLocation[] {
  if (target.kind === 'claim') {
    const id = target.claim.id;
    return options.includeDeclaration && id ? [{ uri: target.annotationUri, range: id.range }] : [];
  }
  const references: IdReference[] = target.kind === 'actor' ? index.actorReferences(target.id) : index.conceptReferences(target.id);
  return references.filter((r) => options.includeDeclaration || r.role !== 'definition').map((r) => ({ uri: r.uri, range: r.range }));
}

/** The texts that may hold references to the target; each is searched on its own, so long searches can pause between texts. */
export function textsToSearch(index: WorkspaceView, target: ReferenceTarget): string[] {
  switch (target.kind) {
    case 'actor':
      return index.referencedTexts();
    case 'claim': {
      const reference = index.textReferenceOf(target.annotationUri);
      return reference?.kind === 'ok' ? [reference.uri] : [];
    }
    default:
      return [];
  }
}

/** References in one text: the actor's mentions, or the claim's quoted span. */
export function referencesInText(index: WorkspaceView, textUri: string, target: ReferenceTarget): SpanLocation[] {
  const analysis = index.analysis(textUri);
  if (!analysis) return [];
  if (target.kind === 'actor') {
    return analysis.mentions.filter((m) => m.actorId === target.id || m.actorIds?.includes(target.id)).map((m) => ({ uri: analysis.uri, range: m.span }));
  }
  if (target.kind === 'claim') {
    const span = anchorOf(index, target.annotationUri, target.claim)?.result.span;
    return span ? [{ uri: analysis.uri, range: span }] : [];
  }
  return [];
}

/** Every reference of the thing under the cursor, across all files: YAML references first, then text mentions. */
export function findReferences(index: WorkspaceView, uri: string, offset: number, options: ReferenceOptions): SpanLocation[] {
  const target = referenceTargetAt(index, uri, offset);
  if (!target) return [];
  return [
    ...referencesInAnnotations(index, target, options),
    ...textsToSearch(index, target).flatMap((textUri) => referencesInText(index, textUri, target)),
  ];
}
