/**
 * Curation in the editor: my workspace compared with another annotator's,
 * text by text (texts matched by their path in the workspace folder). The
 * claims of one text are matched into units exactly as `agreement` does
 * (units.ts), and compared field by field with the same values
 * (fieldValues.ts). Each difference becomes an information diagnostic on my
 * files: `annotator-differs` on my claim's field (or on my claim's id when I
 * have no value), `annotator-only` on the words of the text where they have
 * a claim and I have none. Work is linear in the claims of the text asked for.
 */
import { applySeverityOverrides } from '../config';
import { makeDiagnostic } from '../diagnosticCodes';
import type { ClaimDef, CoreDiagnostic, Span } from '../model';
import { canonicalUri, joinUri, relativePath } from '../uris';
import type { Anchored, WorkspaceView } from '../workspace/workspaceView';
import { valueKey } from './alpha';
import { CLAIM_AGREEMENT_FIELDS, claimFieldValue, type FieldValue } from './fieldValues';
import { buildUnits } from './units';

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

export type CurationDifference = FieldDifference | TheirOnlyClaim;

/** A short, stable key for a difference's identity, whatever its values' length: two 32-bit hashes (FNV-1a, djb2) and the length. */
function hashKey(parts: readonly string[]): string {
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
function theirTextFor(mine: CuratedWorkspace, theirs: CuratedWorkspace, myTextUri: string): { path: string; uri: string } | undefined {
  const path = relativePath(mine.folderUri, myTextUri);
  if (path === undefined) return undefined;
  const uri = canonicalUri(joinUri(theirs.folderUri, ...path.split('/')));
  return theirs.view.analysis(uri) ? { path, uri } : undefined;
}

function anchoredClaims(view: WorkspaceView, textUri: string): (Anchored<ClaimDef> & { span: Span })[] {
  return (view.analysis(textUri)?.claims ?? []).flatMap((claim) => (claim.result.span ? [{ ...claim, span: claim.result.span }] : []));
}

/** The differences between my claims on one of my texts and theirs on the same text. */
export function textDifferences(mine: CuratedWorkspace, theirs: CuratedWorkspace, myTextUri: string): CurationDifference[] {
  const their = theirTextFor(mine, theirs, myTextUri);
  if (!their || !mine.view.analysis(myTextUri)) return [];
  const myClaims = anchoredClaims(mine.view, myTextUri);
  const theirClaims = anchoredClaims(theirs.view, their.uri);
  const differences: CurationDifference[] = [];
  for (const unit of buildUnits([myClaims, theirClaims])) {
    const [m, t] = unit.members;
    if (t === undefined) continue;
    const other = theirClaims[t];
    const base = { textPath: their.path, myTextUri, theirClaim: other.def, theirAnnotationUri: other.annotationUri, theirSpan: other.span };
    if (m === undefined) {
      const key = hashKey(['only', their.path, `${other.span.start}:${other.span.end}`, other.def.id?.value ?? '']);
      differences.push({ kind: 'only', key, ...base });
      continue;
    }
    const own = myClaims[m];
    for (const field of CURATION_FIELDS) {
      const mineValue = claimFieldValue(own.def, field, mine.view.config.vocabulary);
      const theirValue = claimFieldValue(other.def, field, theirs.view.config.vocabulary);
      const theirKey = theirValue === undefined ? '' : valueKey(theirValue);
      if ((mineValue === undefined ? '' : valueKey(mineValue)) === theirKey) continue;
      const key = hashKey(['differs', their.path, `${own.span.start}:${own.span.end}`, field, theirKey]);
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

/** A field's value as messages show it. */
export function showValue(value: FieldValue | undefined): string {
  if (value === undefined) return 'none';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The ClaimDef property holding each single-valued curation field. */
const SCALAR_FIELD_PROPERTY: Record<Exclude<CurationField, 'about'>, 'claimant' | 'onBehalfOf' | 'concept' | 'stance' | 'type' | 'evidence'> = {
  claimant: 'claimant', 'on-behalf-of': 'onBehalfOf', concept: 'concept', stance: 'stance', type: 'type', evidence: 'evidence',
};

/** Where a field difference shows: on my value, or on my claim's id (its start) when I have none. */
function differenceRange(difference: FieldDifference): Span {
  const claim = difference.myClaim;
  const own =
    difference.field === 'about'
      ? claim.about.length
        ? { start: claim.about[0].range.start, end: claim.about[claim.about.length - 1].range.end }
        : undefined
      : claim[SCALAR_FIELD_PROPERTY[difference.field]]?.range;
  if (own && difference.mine !== undefined) return own;
  return claim.id?.range ?? { start: claim.range.start, end: claim.range.start };
}

/** The curation diagnostics of one of my files (a text or an annotation file), leaving out the dismissed differences, at the configured severities. */
export function curationDiagnostics(mine: CuratedWorkspace, theirs: CuratedWorkspace, uri: string, dismissed: ReadonlySet<string> = new Set()): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  for (const textUri of curatedTextsOf(mine.view, uri)) {
    for (const difference of textDifferences(mine, theirs, textUri)) {
      if (dismissed.has(difference.key)) continue;
      const data = { key: difference.key, annotator: theirs.name };
      const theirId = difference.theirClaim.id?.value ?? '(no id)';
      if (difference.kind === 'only') {
        if (uri !== textUri) continue;
        const length = mine.view.content(textUri)?.length ?? 0;
        const range = { start: Math.min(difference.theirSpan.start, length), end: Math.min(difference.theirSpan.end, length) };
        diagnostics.push(makeDiagnostic(uri, range, 'annotator-only', `Annotator \`${theirs.name}\` has a claim here (\`${theirId}\`) and you have none.`, { data: { ...data, claim: theirId } }));
      } else if (difference.myAnnotationUri === uri) {
        const mineShown = difference.mine === undefined ? 'you have none' : `yours: \`${showValue(difference.mine)}\``;
        const message =
          difference.theirs === undefined
            ? `Annotator \`${theirs.name}\` gives this claim no \`${difference.field}\` (${mineShown}).`
            : `Annotator \`${theirs.name}\` gives \`${difference.field}\` the value \`${showValue(difference.theirs)}\` (${mineShown}).`;
        diagnostics.push(makeDiagnostic(uri, differenceRange(difference), 'annotator-differs', message, { data: { ...data, field: difference.field, theirs: showValue(difference.theirs) } }));
      }
    }
  }
  // `severity:` in policy-annotator.yaml (or the editor's setting) applies to these codes too: `off` hides them.
  return applySeverityOverrides(diagnostics, mine.view.config);
}

/** The difference a curation diagnostic shows, found again in the current files (undefined when it is gone). */
export function differenceOf(mine: CuratedWorkspace, theirs: CuratedWorkspace, diagnostic: CoreDiagnostic): CurationDifference | undefined {
  const key = diagnostic.data?.key;
  if (typeof key !== 'string') return undefined;
  for (const textUri of curatedTextsOf(mine.view, diagnostic.uri)) {
    const found = textDifferences(mine, theirs, textUri).find((difference) => difference.key === key);
    if (found) return found;
  }
  return undefined;
}
