import type { ActorDef, AnnotationFile, ClaimDef, Located, MentionDef, RelationDef, Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { Anchored, Mention, ReferenceRole, TextAnalysis } from '../workspace/workspaceView';

/** What stands at an offset in an annotation file. */
export type AnnotationTarget =
  /** An id of the actors' namespace: an actor's, or an entity's (format v1.1), which share ids, references and aliases. */
  | { kind: 'actor-id'; id: string; role: ReferenceRole; range: Span; claim?: ClaimDef }
  | { kind: 'concept-id'; id: string; role: 'definition' | 'concept'; range: Span; claim?: ClaimDef }
  | { kind: 'claim-id'; id: string; range: Span; claim: ClaimDef }
  | { kind: 'claim-quote'; range: Span; claim: ClaimDef }
  | { kind: 'mention-quote'; range: Span; mention: MentionDef }
  | { kind: 'relation'; range: Span; actor: ActorDef; relation: RelationDef }
  | { kind: 'text-path'; range: Span; value: string }
  | { kind: 'url'; range: Span; value: string };

/** What stands at an offset in a text: an actor mention, and the claims whose span covers it (innermost first). */
export interface TextTarget {
  mention?: Mention;
  claims: Anchored<ClaimDef>[];
}

export type LocatedTarget =
  | { in: 'annotation'; uri: string; file: AnnotationFile; target: AnnotationTarget }
  | { in: 'text'; uri: string; analysis: TextAnalysis; target: TextTarget };

/** True when the cursor touches the span: inside it or right at either edge. */
export function touches(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** Finds what the cursor is on, in an annotation file or in a text. */
export function locate(index: WorkspaceView, uri: string, offset: number): LocatedTarget | undefined {
  const file = index.annotationFile(uri);
  if (file) {
    const target = locateInAnnotationFile(file, offset);
    return target && { in: 'annotation', uri: file.uri, file, target };
  }
  const analysis = index.analysis(uri);
  if (!analysis) return undefined;
  const target = locateInText(analysis, offset);
  if (!target.mention && target.claims.length === 0) return undefined;
  return { in: 'text', uri: analysis.uri, analysis, target };
}

/** Finds the id, quote, path or address under the cursor in an annotation file's model. */
export function locateInAnnotationFile(file: AnnotationFile, offset: number): AnnotationTarget | undefined {
  const at = (located: Located<string> | undefined): located is Located<string> => located !== undefined && touches(located.range, offset);

  const actor = itemAt(file.actors, offset, rangeOfItem);
  if (actor) {
    if (at(actor.id)) return { kind: 'actor-id', id: actor.id.value, role: 'definition', range: actor.id.range };
    for (const relation of actor.relations) {
      if (at(relation.target)) return { kind: 'actor-id', id: relation.target.value, role: 'relation-target', range: relation.target.range };
      if (at(relation.type)) return { kind: 'relation', range: relation.type.range, actor, relation };
    }
    return undefined;
  }
  const entity = itemAt(file.entities, offset, rangeOfItem);
  if (entity) {
    return at(entity.id) ? { kind: 'actor-id', id: entity.id.value, role: 'definition', range: entity.id.range } : undefined;
  }
  const concept = itemAt(file.concepts, offset, rangeOfItem);
  if (concept) {
    return at(concept.id) ? { kind: 'concept-id', id: concept.id.value, role: 'definition', range: concept.id.range } : undefined;
  }
  const annotation = file.textAnnotation;
  if (!annotation) return undefined;
  if (at(annotation.text)) return { kind: 'text-path', range: annotation.text.range, value: annotation.text.value };
  if (at(annotation.url)) return { kind: 'url', range: annotation.url.range, value: annotation.url.value };
  for (const author of annotation.authors) {
    if (at(author)) return { kind: 'actor-id', id: author.value, role: 'author', range: author.range };
  }
  for (const contributor of annotation.contributors) {
    if (at(contributor.actor)) return { kind: 'actor-id', id: contributor.actor.value, role: 'contributor', range: contributor.actor.range };
  }

  const claim = itemAt(annotation.claims, offset, rangeOfItem);
  if (claim) {
    if (at(claim.id)) return { kind: 'claim-id', id: claim.id.value, range: claim.id.range, claim };
    if (at(claim.claimant)) return { kind: 'actor-id', id: claim.claimant.value, role: 'claimant', range: claim.claimant.range, claim };
    for (const about of claim.about) {
      if (at(about)) return { kind: 'actor-id', id: about.value, role: 'about', range: about.range, claim };
    }
    if (at(claim.onBehalfOf)) return { kind: 'actor-id', id: claim.onBehalfOf.value, role: 'on-behalf-of', range: claim.onBehalfOf.range, claim };
    for (const relay of claim.reportedBy) {
      if (at(relay)) return { kind: 'actor-id', id: relay.value, role: 'reported-by', range: relay.range, claim };
    }
    if (at(claim.concept)) return { kind: 'concept-id', id: claim.concept.value, role: 'concept', range: claim.concept.range, claim };
    if (at(claim.quote)) return { kind: 'claim-quote', range: claim.quote.range, claim };
    return undefined;
  }
  const mention = itemAt(annotation.mentions, offset, rangeOfItem);
  if (mention) {
    for (const id of mention.actors) {
      if (at(id)) return { kind: 'actor-id', id: id.value, role: 'mention-actor', range: id.range };
    }
    if (at(mention.quote)) return { kind: 'mention-quote', range: mention.quote.range, mention };
  }
  return undefined;
}

/** The mention and the claims under the cursor in an analysed text. */
export function locateInText(analysis: TextAnalysis, offset: number): TextTarget {
  const mention = itemAt(analysis.mentions, offset, (m) => m.span);
  const claims = analysis.claims
    .filter((claim) => claim.result.span !== undefined && touches(claim.result.span, offset))
    .sort((a, b) => spanLength(a.result.span!) - spanLength(b.result.span!));
  return mention ? { mention, claims } : { claims };
}

function rangeOfItem(item: { range: Span }): Span {
  return item.range;
}

function spanLength(span: Span): number {
  return span.end - span.start;
}

/**
 * The item of a list in document order whose range touches the offset, by
 * binary search: the actors file of a large corpus holds thousands of items.
 */
export function itemAt<T>(items: readonly T[], offset: number, rangeOf: (item: T) => Span): T | undefined {
  let low = 0;
  let high = items.length - 1;
  let candidate = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (rangeOf(items[mid]).start <= offset) {
      candidate = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  // Touching items may share an edge (a mention that ends where the next one starts): prefer the later, then the earlier.
  for (let i = candidate; i >= 0 && i >= candidate - 1; i--) {
    if (touches(rangeOf(items[i]), offset)) return items[i];
  }
  return undefined;
}
