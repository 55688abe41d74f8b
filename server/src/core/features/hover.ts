import { displayLocation } from '../describe';
import type { Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { Mention } from '../workspace/workspaceView';
import { actorCard } from './actorCard';
import { code, emphasis, joined, paragraph, stackCards, type CardDocument } from './card';
import { claimCard } from './claimCard';
import { conceptCard } from './conceptCard';
import { locate, type AnnotationTarget } from './locate';
import { relationCard, textCard } from './textCard';

/** A hover: the card (render it with renderMarkdown or renderPlainText), and the span it describes. */
export interface HoverCard {
  card: CardDocument;
  range: Span;
}

/**
 * The hover at an offset. In a text: the actor card of a mention and the
 * cards of the claims whose span covers it. In an annotation file: the card
 * of the actor, concept or claim named under the cursor.
 */
export function hover(index: WorkspaceView, uri: string, offset: number): HoverCard | undefined {
  const located = locate(index, uri, offset);
  if (!located) return undefined;
  if (located.in === 'text') {
    const { mention, claims } = located.target;
    const cards: CardDocument[] = [];
    if (mention) cards.push(mentionCard(index, mention, located.uri));
    for (const claim of claims) cards.push(claimCard(index, claim.def, claim.annotationUri, { showQuote: false }));
    const range = mention ? mention.span : claims[0].result.span!;
    return { card: stackCards(cards), range };
  }
  const card = annotationHover(index, located.uri, located.target);
  return card === undefined ? undefined : { card, range: located.target.range };
}

function mentionCard(index: WorkspaceView, mention: Mention, textUri: string): CardDocument {
  const card = actorCard(index, mention.actorId, { textUri });
  if (mention.actorIds && mention.actorIds.length > 1) {
    const ids = joined(mention.actorIds.map((id) => [code(id)]));
    card.blocks.push(
      paragraph(emphasis(`“${mention.alias ?? ''}” is an alias of several actors (`, ...ids, '): this mention is ambiguous. Give the alias to one actor only, or add an explicit mention.')),
    );
  }
  if (mention.source === 'explicit' && mention.explicit) {
    const where = displayLocation(index, mention.explicit.annotationUri, mention.explicit.def.range.start);
    card.blocks.push(paragraph(emphasis(`Explicit mention (${where}).`)));
  }
  return card;
}

function annotationHover(index: WorkspaceView, uri: string, target: AnnotationTarget): CardDocument | undefined {
  switch (target.kind) {
    case 'actor-id':
      return actorCard(index, target.id);
    case 'concept-id':
      return conceptCard(index, target.id);
    case 'claim-id':
    case 'claim-quote':
      return claimCard(index, target.claim, uri, { showQuote: target.kind === 'claim-id' });
    case 'relation':
      return relationCard(index, target.actor, target.relation);
    case 'text-path':
      return textCard(index, uri);
    default:
      return undefined;
  }
}
