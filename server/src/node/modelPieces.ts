import type { AnnotationFile, ClaimDef, MentionDef, NamedThingDef } from '../core';
import { sharedIfEmpty } from '../core/emptyList';

/** The long lists of a model, which are cut into pieces. */
type ListName = 'actors' | 'concepts' | 'diagnostics' | 'claims' | 'mentions';

/**
 * An annotation file's model as JSON, with its long lists cut into pieces of
 * at most `ITEMS_PER_PIECE` items, so that the thread that receives it can
 * rebuild it a piece at a time instead of parsing megabytes of JSON at once.
 */
export interface ModelPieces {
  /** The model with its long lists empty. */
  skeleton: string;
  pieces: { list: ListName; json: string }[];
}

/** About a millisecond of JSON.parse per piece. */
const ITEMS_PER_PIECE = 500;

function listOf(file: AnnotationFile, list: ListName): unknown[] | undefined {
  switch (list) {
    case 'claims':
    case 'mentions':
      return file.textAnnotation?.[list];
    default:
      return file[list];
  }
}

/** Cuts a model into pieces (see `ModelPieces`). */
export function cutModel(file: AnnotationFile, itemsPerPiece = ITEMS_PER_PIECE): ModelPieces {
  const lists: ListName[] = ['actors', 'concepts', 'diagnostics', 'claims', 'mentions'];
  const pieces: ModelPieces['pieces'] = [];
  for (const list of lists) {
    const items = listOf(file, list) ?? [];
    for (let i = 0; i < items.length; i += itemsPerPiece) pieces.push({ list, json: JSON.stringify(items.slice(i, i + itemsPerPiece)) });
  }
  const empty = { actors: [], entities: [], concepts: [], diagnostics: [] };
  const skeleton = { ...file, ...empty, ...(file.textAnnotation && { textAnnotation: { ...file.textAnnotation, claims: [], mentions: [] } }) };
  return { skeleton: JSON.stringify(skeleton), pieces };
}

/** Rebuilds a model from its pieces, one piece per step, so that a caller can yield in between. */
export function* joinModel(model: ModelPieces): Generator<void, AnnotationFile> {
  const file = JSON.parse(model.skeleton) as AnnotationFile;
  for (let i = 0; i < model.pieces.length; i++) {
    yield;
    const piece = model.pieces[i];
    const items = JSON.parse(piece.json) as unknown[];
    // The piece's text is garbage now: let it go before the next piece is parsed (megabytes for 70,000 claims).
    model.pieces[i] = { list: piece.list, json: '' };
    const list = listOf(file, piece.list);
    if (!list) throw new Error(`A piece of \`${piece.list}\` came for ${file.uri}, whose model has no such list.`);
    for (const item of items) list.push(shareEmptyLists(piece.list, item));
  }
  return file;
}

/** JSON gives each empty list its own array: the parser shares one (`emptyList`), and so does the model rebuilt here. */
function shareEmptyLists(list: ListName, item: unknown): unknown {
  switch (list) {
    case 'claims': {
      const claim = item as ClaimDef;
      claim.about = sharedIfEmpty(claim.about);
      claim.reportedBy = sharedIfEmpty(claim.reportedBy);
      claim.attributes = sharedIfEmpty(claim.attributes);
      break;
    }
    case 'mentions': {
      const mention = item as MentionDef;
      mention.actors = sharedIfEmpty(mention.actors);
      break;
    }
    case 'actors': {
      const actor = item as NamedThingDef;
      actor.aliases = sharedIfEmpty(actor.aliases);
      break;
    }
  }
  return item;
}
