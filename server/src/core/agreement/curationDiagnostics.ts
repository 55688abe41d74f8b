/**
 * The curation diagnostics of one of my files (see curation.ts): information
 * diagnostics with stable codes, each carrying its difference's key (for
 * "keep mine") and the other annotator's name in `data`.
 * - `annotator-differs` on my claim's field (or on my claim's id when I have no value);
 * - `annotator-only` on the words of the text where they have a claim and I have none;
 * - `annotator-missing` on my claim's id where they have none (on a text they annotated);
 * - `annotator-mention` on the words of the text where they have a mention I lack, or
 *   one naming another actor (on my explicit mention's `actor:` when mine is explicit);
 * - `annotator-text` at the start of a text of mine that they annotated and I have not.
 */
import { applySeverityOverrides } from '../config';
import { makeDiagnostic } from '../diagnosticCodes';
import type { CoreDiagnostic, Span } from '../model';
import { curatedTextsOf, textDifferences } from './curation';
import type { CurationCache } from './curationCache';
import type { CuratedWorkspace, CurationDifference, CurationField, FieldDifference, MentionDifference } from './curationModel';
import { theirOnlyText, type TheirOnlyText } from './curationTexts';
import type { FieldValue } from './fieldValues';

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

/** A span of their text, within my text's length. */
function clamped(mine: CuratedWorkspace, textUri: string, span: Span): Span {
  const length = mine.view.content(textUri)?.length ?? 0;
  return { start: Math.min(span.start, length), end: Math.min(span.end, length) };
}

/** Where a mention difference shows in `uri`, or undefined when it shows in another file: my explicit mention's `actor:` in its annotation file, else the words in the text. */
function mentionRange(mine: CuratedWorkspace, difference: MentionDifference, uri: string): Span | undefined {
  const explicit = difference.myMention?.explicit;
  if (explicit && explicit.def.actors.length > 0) {
    if (explicit.annotationUri !== uri) return undefined;
    const actors = explicit.def.actors;
    return { start: actors[0].range.start, end: actors[actors.length - 1].range.end };
  }
  return uri === difference.myTextUri ? clamped(mine, difference.myTextUri, difference.myMention?.span ?? difference.theirSpan) : undefined;
}

function differenceDiagnostic(mine: CuratedWorkspace, name: string, difference: CurationDifference, uri: string): CoreDiagnostic | undefined {
  const data = { key: difference.key, annotator: name };
  if (difference.kind === 'mention-only' || difference.kind === 'mention-differs') {
    const range = mentionRange(mine, difference, uri);
    if (!range) return undefined;
    const message =
      difference.kind === 'mention-only'
        ? `Annotator \`${name}\` has a mention of \`${difference.theirs}\` here (${difference.theirMention.source === 'alias' ? 'an alias match' : 'explicit'}) and you have none.`
        : `Annotator \`${name}\`'s mention here names \`${difference.theirs}\` (yours: \`${difference.mine}\`).`;
    return makeDiagnostic(uri, range, 'annotator-mention', message, { data: { ...data, theirs: difference.theirs } });
  }
  if (difference.kind === 'mine-only') {
    if (difference.myAnnotationUri !== uri) return undefined;
    const claim = difference.myClaim;
    const myId = claim.id?.value;
    const message = `Annotator \`${name}\` has no claim on the words of ${myId === undefined ? 'this claim' : `\`${myId}\``}.`;
    return makeDiagnostic(uri, claim.id?.range ?? claim.quote?.range ?? { start: claim.range.start, end: claim.range.start }, 'annotator-missing', message, { data });
  }
  const theirId = difference.theirClaim.id?.value ?? '(no id)';
  if (difference.kind === 'only') {
    if (uri !== difference.myTextUri) return undefined;
    return makeDiagnostic(uri, clamped(mine, uri, difference.theirSpan), 'annotator-only', `Annotator \`${name}\` has a claim here (\`${theirId}\`) and you have none.`, { data: { ...data, claim: theirId } });
  }
  if (difference.myAnnotationUri !== uri) return undefined;
  const mineShown = difference.mine === undefined ? 'you have none' : `yours: \`${showValue(difference.mine)}\``;
  const message =
    difference.theirs === undefined
      ? `Annotator \`${name}\` gives this claim no \`${difference.field}\` (${mineShown}).`
      : `Annotator \`${name}\` gives \`${difference.field}\` the value \`${showValue(difference.theirs)}\` (${mineShown}).`;
  return makeDiagnostic(uri, differenceRange(difference), 'annotator-differs', message, { data: { ...data, field: difference.field, theirs: showValue(difference.theirs) } });
}

function textOnlyDiagnostic(mine: CuratedWorkspace, name: string, only: TheirOnlyText): CoreDiagnostic {
  const content = mine.view.content(only.myTextUri) ?? '';
  const firstLine = content.search(/\r|\n/);
  const counts = [only.claims && `${only.claims} claim${only.claims === 1 ? '' : 's'}`, only.mentions && `${only.mentions} mention${only.mentions === 1 ? '' : 's'}`].filter(Boolean).join(' and ');
  const message = `Annotator \`${name}\` annotated this text (${counts}) and you have not.`;
  return makeDiagnostic(only.myTextUri, { start: 0, end: firstLine < 0 ? content.length : firstLine }, 'annotator-text', message, { data: { key: only.key, annotator: name } });
}

/** My differences with theirs on a text: from the cache when there is one. */
function differencesOf(mine: CuratedWorkspace, theirs: CuratedWorkspace, textUri: string, cache: CurationCache | undefined): CurationDifference[] {
  return cache ? cache.differences(mine, textUri) : textDifferences(mine, theirs, textUri);
}

/** The curation diagnostics of one of my files (a text or an annotation file), leaving out the dismissed differences, at the configured severities. */
export function curationDiagnostics(mine: CuratedWorkspace, theirs: CuratedWorkspace, uri: string, dismissed: ReadonlySet<string> = new Set(), cache?: CurationCache): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  for (const textUri of curatedTextsOf(mine.view, uri)) {
    for (const difference of differencesOf(mine, theirs, textUri, cache)) {
      if (dismissed.has(difference.key)) continue;
      const diagnostic = differenceDiagnostic(mine, theirs.name, difference, uri);
      if (diagnostic) diagnostics.push(diagnostic);
    }
  }
  // A text of mine (open in the editor, or on disk) that only they annotated.
  const only = theirOnlyText(mine, theirs, uri);
  if (only && !dismissed.has(only.key)) diagnostics.push(textOnlyDiagnostic(mine, theirs.name, only));
  // `severity:` in policy-annotator.yaml (or the editor's setting) applies to these codes too: `off` hides them.
  return applySeverityOverrides(diagnostics, mine.view.config);
}

/** The difference a curation diagnostic shows, found again in the current files (undefined when it is gone). */
export function differenceOf(mine: CuratedWorkspace, theirs: CuratedWorkspace, diagnostic: CoreDiagnostic, cache?: CurationCache): CurationDifference | TheirOnlyText | undefined {
  const key = diagnostic.data?.key;
  if (typeof key !== 'string') return undefined;
  if (diagnostic.code === 'annotator-text') {
    const only = theirOnlyText(mine, theirs, diagnostic.uri);
    return only?.key === key ? only : undefined;
  }
  for (const textUri of curatedTextsOf(mine.view, diagnostic.uri)) {
    const found = differencesOf(mine, theirs, textUri, cache).find((difference) => difference.key === key);
    if (found) return found;
  }
  return undefined;
}
