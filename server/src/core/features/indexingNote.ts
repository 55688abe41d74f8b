import { emphasis, paragraph, type CardDocument } from './card';

/**
 * A card shown while the first indexing still adds annotation files: those
 * may define actors, aliases or claims that would change it, so it says so.
 */
export function withIndexingNote(card: CardDocument, annotationFilesLeft: number): CardDocument {
  if (annotationFilesLeft <= 0) return card;
  const files = annotationFilesLeft === 1 ? '1 file' : `${annotationFilesLeft} files`;
  return { ...card, blocks: [...card.blocks, paragraph(emphasis(`(still indexing: ${files} left)`))] };
}
