import type { AnnotationFile, ClaimDef, MentionDef, NamedThingDef } from '../core';
import { sharedIfEmpty } from '../core/emptyList';

/** The long lists of a model, which are cut into pieces. */
type ListName = 'actors' | 'entities' | 'concepts' | 'diagnostics' | 'claims' | 'mentions';

/**
 * An annotation file's model as JSON, with its long lists cut into pieces of
 * at most `ITEMS_PER_PIECE` items, so that the thread that receives it can
 * rebuild it a piece at a time instead of parsing megabytes of JSON at once.
 * The pieces travel as UTF-8 in one buffer, which the worker transfers
 * rather than copies: receiving 17 MB of JSON as strings held the thread for
 * 10–20 ms in one turn (70,000 claims), and strings on the heap are work for
 * its garbage collector until the last piece is rebuilt.
 */
export interface ModelPieces {
  /** The model with its long lists empty. */
  skeleton: string;
  /** Each piece's list and where its JSON ends in `bytes` (it starts where the one before ends). */
  pieces: { list: ListName; end: number }[];
  bytes: Uint8Array;
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
  const lists: ListName[] = ['actors', 'entities', 'concepts', 'diagnostics', 'claims', 'mentions'];
  const pieces: ModelPieces['pieces'] = [];
  const encoded: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let end = 0;
  for (const list of lists) {
    const items = listOf(file, list) ?? [];
    for (let i = 0; i < items.length; i += itemsPerPiece) {
      const bytes = encoder.encode(JSON.stringify(items.slice(i, i + itemsPerPiece)));
      encoded.push(bytes);
      pieces.push({ list, end: (end += bytes.length) });
    }
  }
  const bytes = new Uint8Array(end);
  let at = 0;
  for (const piece of encoded) {
    bytes.set(piece, at);
    at += piece.length;
  }
  const empty = { actors: [], entities: [], concepts: [], diagnostics: [] };
  const skeleton = { ...file, ...empty, ...(file.textAnnotation && { textAnnotation: { ...file.textAnnotation, claims: [], mentions: [] } }) };
  return { skeleton: JSON.stringify(skeleton), pieces, bytes };
}

/** Rebuilds a model from its pieces, one piece per step, so that a caller can yield in between. */
export function* joinModel(model: ModelPieces): Generator<void, AnnotationFile> {
  const file = JSON.parse(model.skeleton) as AnnotationFile;
  const decoder = new TextDecoder();
  let start = 0;
  for (const piece of model.pieces) {
    yield;
    const items = JSON.parse(decoder.decode(model.bytes.subarray(start, piece.end))) as unknown[];
    start = piece.end;
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
    case 'actors':
    case 'entities': {
      const actor = item as NamedThingDef;
      actor.aliases = sharedIfEmpty(actor.aliases);
      break;
    }
  }
  return item;
}
