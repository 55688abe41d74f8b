/**
 * Curation of whole texts: the texts another annotator annotated and I have
 * not (no annotation file of mine gives the text at the same path a claim or
 * a mention).
 * Their annotation files for such a text can be taken as they are: created
 * at the same paths in my folder (never over a file of mine).
 */
import { canonicalUri, joinUri, relativePath } from '../uris';
import { hashKey, type CuratedWorkspace } from './curationModel';

/** A text they annotated and I have not. */
export interface TheirOnlyText {
  kind: 'text-only';
  key: string;
  /** The text's path in both folders. */
  textPath: string;
  /** Where the text is (or would be) in my folder. */
  myTextUri: string;
  /** Their annotation files of the text, and where each would go in my folder (the same path). */
  files: { theirUri: string; myUri: string }[];
  claims: number;
  mentions: number;
}

/** The same path under another folder, or undefined when `uri` is not under `from`. */
function samePathUnder(from: string, to: string, uri: string): { path: string; uri: string } | undefined {
  const path = relativePath(from, uri);
  return path === undefined ? undefined : { path, uri: canonicalUri(joinUri(to, ...path.split('/'))) };
}

function annotatedByMe(mine: CuratedWorkspace, textUri: string): boolean {
  return mine.view.annotationsOf(textUri).some((uri) => {
    const annotation = mine.view.annotationFile(uri)?.textAnnotation;
    return annotation !== undefined && annotation.claims.length + annotation.mentions.length > 0;
  });
}

/** Their text at the path of `myUri`, when they annotated it with claims or mentions and I did not; linear in their files of that text. */
export function theirOnlyText(mine: CuratedWorkspace, theirs: CuratedWorkspace, myUri: string): TheirOnlyText | undefined {
  const their = samePathUnder(mine.folderUri, theirs.folderUri, myUri);
  if (!their || !theirs.view.isText(their.uri) || annotatedByMe(mine, myUri)) return undefined;
  let claims = 0;
  let mentions = 0;
  const files: TheirOnlyText['files'] = [];
  for (const theirUri of theirs.view.annotationsOf(their.uri)) {
    const annotation = theirs.view.annotationFile(theirUri)?.textAnnotation;
    const mineAt = samePathUnder(theirs.folderUri, mine.folderUri, theirUri);
    if (!annotation || !mineAt) continue;
    claims += annotation.claims.length;
    mentions += annotation.mentions.length;
    files.push({ theirUri, myUri: mineAt.uri });
  }
  if (claims + mentions === 0) return undefined;
  return { kind: 'text-only', key: hashKey(['text-only', their.path]), textPath: their.path, myTextUri: canonicalUri(myUri), files, claims, mentions };
}

/** Every text they annotated and I have not, in their order (linear in their texts). */
export function theirOnlyTexts(mine: CuratedWorkspace, theirs: CuratedWorkspace): TheirOnlyText[] {
  return theirs.view.referencedTexts().flatMap((theirUri) => {
    const mineAt = samePathUnder(theirs.folderUri, mine.folderUri, theirUri);
    const only = mineAt && theirOnlyText(mine, theirs, mineAt.uri);
    return only ? [only] : [];
  });
}
