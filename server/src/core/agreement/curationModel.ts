/**
 * What curation compares and finds (see curation.ts): the two workspaces,
 * the kinds of difference, and the stable keys that "keep mine" dismisses.
 */
import type { ClaimDef, Span } from '../model';
import { canonicalUri, joinUri, relativePath } from '../uris';
import type { Mention, WorkspaceView } from '../workspace/workspaceView';
import { CLAIM_AGREEMENT_FIELDS, type FieldValue } from './fieldValues';

/** The fields compared: every claim field of `agreement` except the stance's score, which follows the stance. */
export const CURATION_FIELDS = CLAIM_AGREEMENT_FIELDS.filter((field) => field !== 'stance-score');
export type CurationField = (typeof CURATION_FIELDS)[number];

/** A workspace as curation sees it: its view, its folder, and (for the other annotator) the name messages give it. */
export interface CuratedWorkspace {
  view: WorkspaceView;
  folderUri: string;
  name: string;
}

interface DifferenceBase {
  /** Stable across unrelated edits: dismissing one difference dismisses it by this key. */
  key: string;
  textPath: string;
  myTextUri: string;
  theirClaim: ClaimDef;
  theirAnnotationUri: string;
  /** Where their claim lands in their text. */
  theirSpan: Span;
}

/** My claim and theirs are one unit, and one field differs. */
export interface FieldDifference extends DifferenceBase {
  kind: 'differs';
  field: CurationField;
  myClaim: ClaimDef;
  myAnnotationUri: string;
  mine: FieldValue | undefined;
  theirs: FieldValue | undefined;
}

/** They have a claim where I have none. */
export interface TheirOnlyClaim extends DifferenceBase {
  kind: 'only';
}

/** I have a claim where they have none (on a text they annotated). */
export interface MyOnlyClaim {
  kind: 'mine-only';
  key: string;
  textPath: string;
  myTextUri: string;
  myClaim: ClaimDef;
  myAnnotationUri: string;
}

export type ClaimDifference = FieldDifference | TheirOnlyClaim | MyOnlyClaim;
interface MentionDifferenceBase {
  key: string;
  textPath: string;
  myTextUri: string;
  theirMention: Mention;
  /** Where their mention lies in their text, and its words there (whitespace collapsed). */
  theirSpan: Span;
  words: string;
  /** The actor(s) their mention names, as agreement shows them (`a | b` for a shared alias). */
  theirs: string;
}

/** They have a mention on these words (explicit, or an alias match after their registry) and I have none. */
export interface TheirOnlyMention extends MentionDifferenceBase {
  kind: 'mention-only';
  myMention?: undefined;
}

/** Our mentions on these words name different actors. */
export interface MentionNamesOther extends MentionDifferenceBase {
  kind: 'mention-differs';
  myMention: Mention;
  mine: string;
}

export type MentionDifference = TheirOnlyMention | MentionNamesOther;
export type CurationDifference = ClaimDifference | MentionDifference;

/** A short, stable key for a difference's identity, whatever its values' length: two 32-bit hashes (FNV-1a, djb2) and the length. */
export function hashKey(parts: readonly string[]): string {
  const text = parts.join('\u0000');
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ code, 0x01000193);
    djb = (Math.imul(djb, 33) + code) | 0;
  }
  return `${(fnv >>> 0).toString(16)}${(djb >>> 0).toString(16)}-${text.length.toString(36)}`;
}

/** Their text for my text: the one at the same path under their folder, or undefined. */
export function theirTextFor(mine: CuratedWorkspace, theirs: CuratedWorkspace, myTextUri: string): { path: string; uri: string } | undefined {
  const path = relativePath(mine.folderUri, myTextUri);
  if (path === undefined) return undefined;
  const uri = canonicalUri(joinUri(theirs.folderUri, ...path.split('/')));
  return theirs.view.analysis(uri) ? { path, uri } : undefined;
}

/**
 * The words a span covers, whitespace collapsed: with the field and the
 * claim's id, what identifies a difference for "keep mine", so that an
 * edit elsewhere in the text (which moves every offset) keeps it dismissed.
 */
export function wordsAt(content: string | undefined, span: Span): string {
  return (content ?? '').slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

