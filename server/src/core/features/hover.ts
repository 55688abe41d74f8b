import { displayLocation } from '../checks/describe';
import type { Span } from '../model';
import type { Mention, WorkspaceIndex } from '../workspaceIndex';
import { actorCard } from './actorCard';
import { claimCard } from './claimCard';
import { conceptCard } from './conceptCard';
import { locate, type AnnotationTarget } from './locate';
import { escapeMarkdown, inlineCode } from './markdown';

/** A hover: Markdown, and the span it describes. */
export interface HoverCard {
  markdown: string;
  range: Span;
}

const SEPARATOR = '\n\n---\n\n';

/**
 * The hover at an offset. In a text: the actor card of a mention and the
 * cards of the claims whose span covers it. In an annotation file: the card
 * of the actor, concept or claim named under the cursor.
 */
export function hover(index: WorkspaceIndex, uri: string, offset: number): HoverCard | undefined {
  const located = locate(index, uri, offset);
  if (!located) return undefined;
  if (located.in === 'text') {
    const { mention, claims } = located.target;
    const cards: string[] = [];
    if (mention) cards.push(mentionCard(index, mention, located.uri));
    for (const claim of claims) cards.push(claimCard(index, claim.def, claim.annotationUri, { showQuote: false }));
    const range = mention ? mention.span : claims[0].result.span!;
    return { markdown: cards.join(SEPARATOR), range };
  }
  const markdown = annotationHover(index, located.uri, located.target);
  return markdown === undefined ? undefined : { markdown, range: located.target.range };
}

function mentionCard(index: WorkspaceIndex, mention: Mention, textUri: string): string {
  const notes: string[] = [];
  if (mention.actorIds && mention.actorIds.length > 1) {
    notes.push(`*“${escapeMarkdown(mention.alias ?? '')}” is an alias of several actors (${mention.actorIds.map(inlineCode).join(', ')}): this mention is ambiguous. Give the alias to one actor only, or add an explicit mention.*`);
  }
  if (mention.source === 'explicit' && mention.explicit) {
    const where = displayLocation(index, mention.explicit.annotationUri, mention.explicit.def.range.start);
    notes.push(`*Explicit mention (${escapeMarkdown(where)}).*`);
  }
  const card = actorCard(index, mention.actorId, { textUri });
  return notes.length > 0 ? `${card}\n\n${notes.join('\n\n')}` : card;
}

function annotationHover(index: WorkspaceIndex, uri: string, target: AnnotationTarget): string | undefined {
  switch (target.kind) {
    case 'actor-id':
      return actorCard(index, target.id);
    case 'concept-id':
      return conceptCard(index, target.id);
    case 'claim-id':
    case 'claim-quote':
      return claimCard(index, target.claim, uri, { showQuote: target.kind === 'claim-id' });
    default:
      return undefined;
  }
}
