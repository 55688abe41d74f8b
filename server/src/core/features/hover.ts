import { displayLocation } from '../describe';
import type { Span, SuppressionDef } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { mentionIds, type Anchored, type Mention } from '../workspace/workspaceView';
import { actorCard } from './actorCard';
import { code, emphasis, joined, paragraph, stackCards, type CardDocument } from './card';
import { claimCard } from './claimCard';
import { conceptCard } from './conceptCard';
import { entityCard } from './entityCard';
import { locate, touches, type AnnotationTarget } from './locate';
import { relationCard, textCard } from './textCard';

/** A hover: the card (render it with renderMarkdown or renderPlainText), and the span it describes. */
export interface HoverCard {
  card: CardDocument;
  range: Span;
}

/**
 * The hover at an offset. In a text: the actor (or entity) card of a mention and the
 * cards of the claims whose span covers it. In an annotation file: the card
 * of the actor, concept or claim named under the cursor.
 */
export function hover(index: WorkspaceView, uri: string, offset: number): HoverCard | undefined {
  const located = locate(index, uri, offset);
  if (!located) {
    const suppression = suppressionAt(index, uri, offset);
    return suppression && { card: suppressionCard(index, suppression), range: suppression.result.span! };
  }
  if (located.in === 'text') {
    const { mention, claims } = located.target;
    const cards: CardDocument[] = [];
    if (mention) cards.push(...mentionCards(index, mention, located.uri));
    const suppression = suppressionAt(index, located.uri, offset);
    if (suppression) cards.push(suppressionCard(index, suppression));
    for (const claim of claims) cards.push(claimCard(index, claim.def, claim.annotationUri, { showQuote: false }));
    const range = mention?.span ?? claims[0]?.result.span ?? suppression?.result.span;
    if (!range) return undefined;
    return { card: stackCards(cards), range };
  }
  const card = annotationHover(index, located.uri, located.target);
  return card === undefined ? undefined : { card, range: located.target.range };
}

/** The actor card of a mention; for an explicit mention of several ids, one card per id, the explicit mention's note on the last. */
function mentionCards(index: WorkspaceView, mention: Mention, textUri: string): CardDocument[] {
  if (mention.source === 'alias') return [mentionCard(index, mention, textUri)];
  const cards = mentionIds(mention).map((id) => namedCard(index, id, textUri));
  const card = cards[cards.length - 1];
  const explicit = mention.explicit;
  if (explicit) {
    const where = displayLocation(index, explicit.annotationUri, explicit.def.range.start);
    const ids = cards.length > 1 ? joined(mentionIds(mention).map((id) => [code(id)])) : [];
    card.blocks.push(paragraph(emphasis(`Explicit mention${ids.length > 0 ? ' of ' : ''}`, ...ids, ` (${where}).`)));
    if (explicit.def.note) card.blocks.push(paragraph(`Note: ${explicit.def.note.value.trim()}`));
  }
  return cards;
}

function mentionCard(index: WorkspaceView, mention: Mention, textUri: string): CardDocument {
  const card = namedCard(index, mention.actorId, textUri);
  if (mention.actorIds && mention.actorIds.length > 1) {
    const ids = joined(mention.actorIds.map((id) => [code(id)]));
    card.blocks.push(
      paragraph(emphasis(`“${mention.alias ?? ''}” is an alias of several actors (`, ...ids, '): this mention is ambiguous. Give the alias to one actor only, or add an explicit mention.')),
    );
  }
  return card;
}

/** The innermost anchored `suppress:` span under the cursor in a text. */
function suppressionAt(index: WorkspaceView, uri: string, offset: number): Anchored<SuppressionDef> | undefined {
  const spanned = (index.analysis(uri)?.suppressions ?? []).filter((s) => s.result.span && touches(s.result.span, offset));
  return spanned.sort((a, b) => a.result.span!.end - a.result.span!.start - (b.result.span!.end - b.result.span!.start))[0];
}

function suppressionCard(index: WorkspaceView, suppression: Anchored<SuppressionDef>): CardDocument {
  const where = displayLocation(index, suppression.annotationUri, suppression.def.range.start);
  const blocks = [paragraph(emphasis(`Suppressed (${where}): aliases inside this span are not mentions.`))];
  if (suppression.def.note) blocks.push(paragraph(`Note: ${suppression.def.note.value.trim()}`));
  return { blocks };
}

/** The card of an id of the actors' namespace: an entity's card when only an entity has it, else the actor's. */
function namedCard(index: WorkspaceView, id: string, textUri: string | undefined): CardDocument {
  const context = textUri === undefined ? {} : { textUri };
  return !index.actor(id) && index.entity(id) ? entityCard(index, id, context) : actorCard(index, id, context);
}

function annotationHover(index: WorkspaceView, uri: string, target: AnnotationTarget): CardDocument | undefined {
  switch (target.kind) {
    case 'actor-id':
      return namedCard(index, target.id, undefined);
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
