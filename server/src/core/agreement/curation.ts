/**
 * Curation in the editor: my workspace compared with another annotator's,
 * text by text (texts matched by their path in the workspace folder). The
 * claims of one text are matched into units exactly as `agreement` does
 * (units.ts), and compared field by field with the same values
 * (fieldValues.ts). Each difference becomes an information diagnostic on my
 * files: `annotator-differs` on my claim's field (or on my claim's id when I
 * have no value), `annotator-only` on the words of the text where they have
 * a claim and I have none, `annotator-missing` on my claim where they have
 * none (on a text they annotated); mentions likewise (curationMentions.ts), and the
 * texts only they annotated (curationTexts.ts). Work is linear in the claims
 * and mentions of the text asked for, and done once per version of my text's
 * analysis (curationCache.ts).
 */
import type { ClaimDef, Span } from '../model';
import type { Anchored, WorkspaceView } from '../workspace/workspaceView';
import { valueKey } from './alpha';
import { claimFieldValue } from './fieldValues';
import { mentionDifferences } from './curationMentions';
import { CURATION_FIELDS, hashKey, theirTextFor, wordsAt, type ClaimDifference, type CuratedWorkspace, type CurationDifference } from './curationModel';
import { buildUnits } from './units';

function anchoredClaims(view: WorkspaceView, textUri: string): (Anchored<ClaimDef> & { span: Span })[] {
  return (view.analysis(textUri)?.claims ?? []).flatMap((claim) => (claim.result.span ? [{ ...claim, span: claim.result.span }] : []));
}

/** The differences between my claims and mentions on one of my texts and theirs on the same text (computed afresh: curationCache.ts keeps them). */
export function textDifferences(mine: CuratedWorkspace, theirs: CuratedWorkspace, myTextUri: string): CurationDifference[] {
  const their = theirTextFor(mine, theirs, myTextUri);
  if (!their || !mine.view.analysis(myTextUri)) return [];
  return [...claimDifferences(mine, theirs, myTextUri, their), ...mentionDifferences(mine, theirs, myTextUri, their)];
}

function claimDifferences(mine: CuratedWorkspace, theirs: CuratedWorkspace, myTextUri: string, their: { path: string; uri: string }): ClaimDifference[] {
  const myClaims = anchoredClaims(mine.view, myTextUri);
  const theirClaims = anchoredClaims(theirs.view, their.uri);
  const myText = mine.view.content(myTextUri);
  const theirText = theirs.view.content(their.uri);
  const differences: ClaimDifference[] = [];
  for (const unit of buildUnits([myClaims, theirClaims])) {
    const [m, t] = unit.members;
    if (t === undefined) {
      const own = myClaims[m!];
      const key = hashKey(['mine-only', their.path, wordsAt(myText, own.span), own.def.id?.value ?? '']);
      differences.push({ kind: 'mine-only', key, textPath: their.path, myTextUri, myClaim: own.def, myAnnotationUri: own.annotationUri });
      continue;
    }
    const other = theirClaims[t];
    const base = { textPath: their.path, myTextUri, theirClaim: other.def, theirAnnotationUri: other.annotationUri, theirSpan: other.span };
    if (m === undefined) {
      const key = hashKey(['only', their.path, wordsAt(theirText, other.span), other.def.id?.value ?? '']);
      differences.push({ kind: 'only', key, ...base });
      continue;
    }
    const own = myClaims[m];
    for (const field of CURATION_FIELDS) {
      const mineValue = claimFieldValue(own.def, field, mine.view.config.vocabulary);
      const theirValue = claimFieldValue(other.def, field, theirs.view.config.vocabulary);
      const theirKey = theirValue === undefined ? '' : valueKey(theirValue);
      if ((mineValue === undefined ? '' : valueKey(mineValue)) === theirKey) continue;
      const key = hashKey(['differs', their.path, wordsAt(myText, own.span), own.def.id?.value ?? '', field, theirKey]);
      differences.push({ kind: 'differs', key, ...base, field, myClaim: own.def, myAnnotationUri: own.annotationUri, mine: mineValue, theirs: theirValue });
    }
  }
  return differences;
}

/** The texts whose differences can show in a file of mine: the text itself, or the text an annotation file points at. */
export function curatedTextsOf(mine: WorkspaceView, uri: string): string[] {
  if (mine.isText(uri)) return [uri];
  const reference = mine.textReferenceOf(uri);
  return reference?.uri && mine.isText(reference.uri) ? [reference.uri] : [];
}

