import type { Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { anchorOf } from './anchorOf';
import { locate } from './locate';

/** A place to go: the whole definition (range) and the part to select in it (its id, or the quoted words). */
export interface DefinitionTarget {
  uri: string;
  range: Span;
  selection: Span;
  /** The span under the cursor that the definition belongs to. */
  origin: Span;
}

/**
 * Go to definition (go-to-source):
 * - a mention in a text leads to the actor's (or entity's) definition;
 * - a claim span in a text leads to the claim in its annotation file;
 * - an actor or concept id in YAML leads to its definition;
 * - a claim's or mention's quote (or a claim id) leads to the quoted span in the text;
 * - `text:` leads to the article.
 */
export function findDefinition(index: WorkspaceView, uri: string, offset: number): DefinitionTarget[] {
  const located = locate(index, uri, offset);
  if (!located) return [];
  if (located.in === 'text') {
    const { mention, claims } = located.target;
    if (mention) return actorDefinitions(index, mention.actorIds ?? [mention.actorId], mention.span);
    const claim = claims[0];
    return [{ uri: claim.annotationUri, range: claim.def.range, selection: claim.def.id?.range ?? claim.def.quote!.range, origin: claim.result.span! }];
  }
  const target = located.target;
  switch (target.kind) {
    case 'actor-id':
      return actorDefinitions(index, [target.id], target.range);
    case 'concept-id':
      return index.conceptDefinitions(target.id).map((def) => ({ uri: def.uri, range: def.range, selection: def.id?.range ?? def.range, origin: target.range }));
    case 'claim-id':
    case 'claim-quote':
    case 'mention-quote': {
      const anchored = anchorOf(index, located.uri, target.kind === 'mention-quote' ? target.mention : target.claim);
      if (!anchored) return [];
      const { span, proposal, candidates } = anchored.result;
      // A stale quote leads to the words proposed for it; an ambiguous one to every occurrence.
      const spans = span ? [span] : proposal ? [proposal.span] : candidates;
      return spans.map((span) => ({ uri: anchored.textUri, range: span, selection: span, origin: target.range }));
    }
    case 'text-path': {
      const reference = index.textReferenceOf(located.uri);
      if (reference?.kind !== 'ok' || index.textStatus(reference.uri) !== 'loaded') return [];
      const start = { start: 0, end: 0 };
      return [{ uri: reference.uri, range: start, selection: start, origin: target.range }];
    }
    default:
      return [];
  }
}

/** The definitions of ids of the actors' namespace: actors', and entities' (which share it). */
function actorDefinitions(index: WorkspaceView, ids: string[], origin: Span): DefinitionTarget[] {
  return ids.flatMap((id) => [...index.actorDefinitions(id), ...index.entityDefinitions(id)].map((def) => ({ uri: def.uri, range: def.range, selection: def.id?.range ?? def.range, origin })));
}
