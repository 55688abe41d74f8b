import type { CoreDiagnostic, RelatedLocation, Severity, Span } from './model';

export interface DiagnosticCodeInfo {
  defaultSeverity: Severity;
  /** One line: what the check looks for. */
  summary: string;
  /** What to do about it. */
  help: string;
  /**
   * The code's quick fixes by id, each a `fix` (safe and certain: `check --fix`
   * applies it) or a `suggestion` (it deletes something or chooses between
   * candidates: offered in the editor, never applied by `check --fix`).
   */
  fixes?: Readonly<Record<string, FixSafety>>;
}

/** Whether `check --fix` may apply a quick fix on its own (ESLint's fixes vs suggestions). */
export type FixSafety = 'fix' | 'suggestion';

/**
 * The catalogue of diagnostic codes. Codes are stable: the editor, the CLI
 * and `policy-annotator.yaml` severity overrides all use these names.
 */
export const DIAGNOSTIC_CODES = {
  'yaml-syntax': {
    defaultSeverity: 'error',
    summary: 'The file is not valid YAML.',
    help: 'Fix the YAML syntax at the marked position; the rest of the file cannot be read reliably until then.',
  },
  'file-unreadable': {
    defaultSeverity: 'error',
    summary: 'A file cannot be used: too large, binary, not UTF-8, nested too deeply, or not a regular file inside the workspace.',
    help: 'The message says which; shrink or split the file, save it as UTF-8 text, or raise the limit in your own settings (policyAnnotator.limits.*) or with --max-text-size / --max-annotation-file-size.',
  },
  'limit-ignored': {
    defaultSeverity: 'warning',
    summary: 'A limit in policy-annotator.yaml above the one that applies: a workspace may only lower limits, so it is ignored.',
    help: 'Remove it or lower it; to read larger files, raise the limit yourself with the user setting policyAnnotator.limits.* or the CLI flags --max-text-size and --max-annotation-file-size.',
  },
  'unknown-field': {
    defaultSeverity: 'error',
    summary: 'A field that the annotation format does not define.',
    help: 'Rename the field to one the format defines (the message suggests the closest), or remove it.',
  },
  'missing-field': {
    defaultSeverity: 'error',
    summary: 'A required field is missing or empty.',
    help: 'Add the named field with a value.',
  },
  'invalid-value': {
    defaultSeverity: 'error',
    summary: 'A value has the wrong type or is outside its vocabulary.',
    help: 'Use a value of the expected type; vocabulary values are listed in the message. Actor kinds, relation types, claim types, stances (with their scores) and contributor roles can be extended under `vocabulary:` in policy-annotator.yaml; evidence values are fixed.',
  },
  'duplicate-id': {
    defaultSeverity: 'error',
    summary: 'Two definitions share one id.',
    help: 'Ids must be unique across the workspace: rename one of the definitions (the related information points at the other).',
  },
  'unknown-actor': {
    defaultSeverity: 'error',
    summary: 'A reference to an actor id that no actors list defines.',
    help: 'Use the id of an existing actor (the message suggests the closest) or define the actor in an actors file.',
    fixes: { 'use-only-suggestion': 'fix', 'use-suggestion': 'suggestion', 'create-definition': 'suggestion' },
  },
  'unknown-concept': {
    defaultSeverity: 'error',
    summary: 'A reference to a concept id that no concepts list defines.',
    help: 'Use the id of an existing concept (the message suggests the closest) or define the concept in a concepts file.',
    fixes: { 'use-only-suggestion': 'fix', 'use-suggestion': 'suggestion', 'create-definition': 'suggestion' },
  },
  'text-not-found': {
    defaultSeverity: 'error',
    summary: 'The `text:` path does not lead to a readable file.',
    help: 'Give the article path relative to the annotation file, e.g. `texts/article.txt`.',
  },
  'quote-not-found': {
    defaultSeverity: 'error',
    summary: 'A quote does not occur in its text.',
    help: 'Copy the quote from the article again; typographic quotes, dashes and whitespace may differ, but the words must match.',
  },
  'quote-ambiguous': {
    defaultSeverity: 'error',
    summary: 'A quote occurs more than once and prefix/suffix do not pick one.',
    help: 'Add a `prefix` (the text just before the quote) or a `suffix` (the text just after) that makes it unique; the related information lists every occurrence.',
    fixes: { 'add-context': 'suggestion' },
  },
  'quote-normalized': {
    defaultSeverity: 'info',
    summary: 'A quote matches only once quotes, dashes or whitespace are normalised.',
    help: 'Nothing is wrong; the quick fix copies the text\'s exact characters into `quote` so the anchor is exact.',
    fixes: { 'copy-exact-characters': 'fix' },
  },
  'quote-stale': {
    defaultSeverity: 'warning',
    summary: 'A quote no longer matches its text exactly, but a close match exists.',
    help: 'The text was probably copy-edited. Check the proposed place (the related information) and apply the quick fix to update `quote` (and `prefix`/`suffix`) to the text\'s current words.',
    fixes: { 'update-to-current-words': 'fix' },
  },
  'alias-conflict': {
    defaultSeverity: 'warning',
    summary: 'Two actors share an alias, so its mentions are ambiguous.',
    help: 'Remove the alias from one actor and record the other\'s mentions explicitly, or make the aliases more specific.',
    fixes: { 'remove-alias': 'suggestion' },
  },
  'alias-unused': {
    defaultSeverity: 'hint',
    summary: 'An alias occurs in no text.',
    help: 'Check its spelling and case (aliases match whole words, case-sensitively), or remove it.',
    fixes: { 'remove-alias': 'suggestion' },
  },
  'suppress-unused': {
    defaultSeverity: 'hint',
    summary: 'A `suppress:` span keeps no alias match from being a mention.',
    help: 'Check that its quote covers the whole alias it should block (aliases inside it are suppressed only when they lie entirely within it), or remove it.',
  },
  'actor-unused': {
    defaultSeverity: 'hint',
    summary: 'An actor is never mentioned in a text and never referenced in an annotation.',
    help: 'Add aliases that catch its mentions, reference it from a claim or relation, or remove it.',
  },
  'relation-self': {
    defaultSeverity: 'error',
    summary: 'A relation from an actor to itself.',
    help: 'Point the relation at another actor, or remove it.',
  },
  'relation-cycle': {
    defaultSeverity: 'error',
    summary: 'part-of/member-of relations form a cycle.',
    help: 'An actor cannot be (directly or indirectly) part of itself: remove or reverse one relation of the cycle listed in the related information.',
  },
  'relation-contradiction': {
    defaultSeverity: 'warning',
    summary: 'Two relations between the same actors contradict each other.',
    help: 'Keep the relation that holds (for example `allied-with` or `opposes`, not both), or add a note and turn the check off if the relation changed over time.',
  },
  'relation-duplicate': {
    defaultSeverity: 'warning',
    summary: 'A symmetric relation is stated on both sides, or the same relation twice.',
    help: 'State a symmetric relation (`allied-with`, `opposes`, `negotiates-with`) once, on either actor: the network export would otherwise count two edges. The quick fix removes the second statement.',
    fixes: { 'remove-second-statement': 'suggestion' },
  },
  'relation-kind': {
    defaultSeverity: 'warning',
    summary: 'A relation connects actors of kinds its type does not allow.',
    help: 'Use a relation type that fits the kinds (a person is `member-of` a group, not `part-of` it), fix an actor\'s kind, or change the constraints in policy-annotator.yaml.',
  },
  'stance-conflict': {
    defaultSeverity: 'warning',
    summary: 'The same claimant both supports and rejects the same concept (stances whose scores have opposite signs).',
    help: 'Check both claims (the related information points at the other): fix a stance or a claimant, or accept that the actor changed position.',
  },
  'on-behalf-of-person': {
    defaultSeverity: 'warning',
    summary: 'A claim made on behalf of a person: `on-behalf-of` names the organization a claimant speaks for.',
    help: 'Put the organization the claimant speaks for under `on-behalf-of` (a ministry, a party, a movement), or fix the kind of the actor named there.',
  },
  'claimant-not-mentioned': {
    defaultSeverity: 'warning',
    summary: "A claim's claimant is neither mentioned in the text nor its author.",
    help: 'Check the claimant; if the text refers to the actor in words no alias catches, add an alias or an explicit mention.',
  },
  'duplicate-claim': {
    defaultSeverity: 'warning',
    summary: 'Two claims with the same claimant anchor to the same span.',
    help: 'Merge the two claims, or anchor one of them to a different quote.',
  },
  'mention-overlap': {
    defaultSeverity: 'warning',
    summary: 'Explicit mentions overlap in the text.',
    help: 'Shorten one of the quotes so that each word belongs to one mention.',
  },
  'annotator-differs': {
    defaultSeverity: 'info',
    summary: 'While comparing with another annotator: their claim on the same words gives a field another value.',
    help: 'Take their value for this field, take their whole claim, or keep yours (which hides the difference until the comparison stops). Only shown while "Compare with Annotator…" is on.',
    fixes: { 'take-their-value': 'suggestion', 'take-their-claim': 'suggestion', 'keep-mine': 'suggestion' },
  },
  'annotator-only': {
    defaultSeverity: 'info',
    summary: 'While comparing with another annotator: they have a claim on these words and you have none.',
    help: 'Take their claim (it is added to your annotation file of the text), or keep yours (which hides the difference until the comparison stops). Only shown while "Compare with Annotator…" is on.',
    fixes: { 'take-their-claim': 'suggestion', 'keep-mine': 'suggestion' },
  },
  'annotator-missing': {
    defaultSeverity: 'info',
    summary: 'While comparing with another annotator: you have a claim on these words and they have none (on a text they annotated).',
    help: 'Remove your claim, or keep it (which hides the difference until the comparison stops). Only shown while "Compare with Annotator…" is on.',
    fixes: { 'remove-mine': 'suggestion', 'keep-mine': 'suggestion' },
  },
  'annotator-mention': {
    defaultSeverity: 'info',
    summary: 'While comparing with another annotator: they have a mention on these words that you lack, or theirs names another actor (explicit mentions and alias matches, each after its own registry).',
    help: 'Take their mention (an explicit `mentions:` entry is added to your annotation file of the text, or your explicit mention takes their actor), or keep yours (which hides the difference until the comparison stops). Only shown while "Compare with Annotator…" is on.',
    fixes: { 'take-their-mention': 'suggestion', 'keep-mine': 'suggestion' },
  },
  'annotator-text': {
    defaultSeverity: 'info',
    summary: 'While comparing with another annotator: they annotated this text and you have not.',
    help: 'Take their annotation file (created at the same path in your folder; an existing file is never overwritten), or keep yours (which hides the difference until the comparison stops). Only shown while "Compare with Annotator…" is on.',
    fixes: { 'take-their-annotation': 'suggestion', 'keep-mine': 'suggestion' },
  },
} satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** Whether a quick fix of a code is a `fix` or a `suggestion`; an id the catalogue does not list is a suggestion. */
export function fixSafety(code: string, fixId: string): FixSafety {
  const info: DiagnosticCodeInfo | undefined = isDiagnosticCode(code) ? DIAGNOSTIC_CODES[code] : undefined;
  return info?.fixes && Object.prototype.hasOwnProperty.call(info.fixes, fixId) ? info.fixes[fixId] : 'suggestion';
}

/** Whether a code has a quick fix that `check --fix` may apply. */
export function hasSafeFix(code: string): boolean {
  const info: DiagnosticCodeInfo | undefined = isDiagnosticCode(code) ? DIAGNOSTIC_CODES[code] : undefined;
  return Object.values(info?.fixes ?? {}).includes('fix');
}

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** True when `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(threshold);
}

/** Builds a diagnostic with the code's default severity. */
export function makeDiagnostic(uri: string, range: Span, code: DiagnosticCode, message: string, extra: { related?: RelatedLocation[]; data?: Record<string, unknown> } = {}): CoreDiagnostic {
  const diagnostic: CoreDiagnostic = { uri, range, severity: DIAGNOSTIC_CODES[code].defaultSeverity, code, message };
  if (extra.related && extra.related.length > 0) diagnostic.related = extra.related;
  if (extra.data) diagnostic.data = extra.data;
  return diagnostic;
}
