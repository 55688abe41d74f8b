/**
 * What agreement reads of one coder's workspace, as plain data: for each
 * text (by its path in the workspace folder), its content, the anchored
 * claims with their field values and the mentions with the actor each
 * names. `compareAnnotations` needs nothing else, so a coder's workspace can
 * be loaded and read anywhere (another thread) and only this crosses over.
 */
import type { Span } from '../model';
import { relativePath } from '../uris';
import type { Vocabulary } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import { AGREEMENT_FIELDS, CLAIM_AGREEMENT_FIELDS, claimFieldValue, mentionValue, type AgreementField, type FieldValue } from './fieldValues';

/** A text's analysis, as the view gives it. */
type TextAnalysis = NonNullable<ReturnType<WorkspaceView['analysis']>>;

export interface CoderWorkspace {
  name: string;
  view: WorkspaceView;
  /** The coder's workspace folder URI: texts are matched by their path under it. */
  folderUri: string;
}

export interface AgreementOptions {
  /** Only these fields (and `claim`: the claims only some coders made). Default: all. */
  fields?: readonly string[];
  /** Only the texts at these workspace paths, or under these folders. Default: all. */
  texts?: readonly string[];
}

export type ClaimField = (typeof CLAIM_AGREEMENT_FIELDS)[number];

export interface CodedClaim {
  span: Span;
  /** The claim's id, as written; undefined without one. */
  id?: string;
  /** The value of each of `CoderAnnotations.claimFields`, in that order (null: missing; null, unlike undefined, survives JSON). */
  values: (FieldValue | null)[];
}

export interface CodedMention {
  span: Span;
  /** The actor it names (`mentionValue`). */
  value: string;
}

export interface CodedText {
  /** The text's path in the workspace folder. */
  path: string;
  content: string;
  /** The claims whose quote anchors, in the analysis's order. */
  claims: CodedClaim[];
  /** How many claims do not anchor. */
  unanchored: number;
  /** Explicit mentions and alias matches; empty unless the `mention` field is selected. */
  mentions: CodedMention[];
}

export interface CoderAnnotations {
  name: string;
  /** The claim fields whose values `CodedClaim.values` holds. */
  claimFields: ClaimField[];
  /** The coder's analysed texts that the options select, by path (sorted). */
  texts: CodedText[];
}

/** The fields the options select, in report order. */
export function selectedFields(options: AgreementOptions): AgreementField[] {
  return AGREEMENT_FIELDS.filter((f) => !options.fields || options.fields.includes(f));
}

function isSelected(path: string, texts: readonly string[] | undefined): boolean {
  if (!texts) return true;
  return texts.some((t) => {
    const wanted = t.replace(/^\.\//, '').replace(/\/+$/, '');
    return path === wanted || path.startsWith(`${wanted}/`);
  });
}

/** The claim fields the options select, in report order: what each `CodedClaim.values` holds. */
export function selectedClaimFields(options: AgreementOptions): ClaimField[] {
  const fields = selectedFields(options);
  return CLAIM_AGREEMENT_FIELDS.filter((f) => fields.includes(f));
}

/** Reads what agreement compares from a coder's workspace: every selected text it has analysed. */
export function readCoderAnnotations(coder: CoderWorkspace, options: AgreementOptions = {}): CoderAnnotations {
  return { name: coder.name, claimFields: selectedClaimFields(options), texts: [...codedTexts(coder, options)] };
}

/**
 * The texts `readCoderAnnotations` reads, one at a time in path order (code
 * unit order), each analysed only when it is its turn: a caller can hand
 * each on (to another thread) while the next is analysed.
 */
export function* codedTexts(coder: CoderWorkspace, options: AgreementOptions = {}): Generator<CodedText, void> {
  const reader = codedTextReader(coder, options);
  for (const { path, uri } of selectedTexts(coder, options)) {
    const text = reader(path, uri);
    if (text) yield text.coded;
  }
}

/** The coder's referenced texts that the options select, by path in path order, with their URIs: those `codedTexts` reads, if analysed. */
export function selectedTexts(coder: CoderWorkspace, options: AgreementOptions = {}): { path: string; uri: string }[] {
  const uris = new Map<string, string>();
  for (const uri of coder.view.referencedTexts()) {
    const path = relativePath(coder.folderUri, uri);
    if (path !== undefined && isSelected(path, options.texts)) uris.set(path, uri);
  }
  return [...uris.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((path) => ({ path, uri: uris.get(path)! }));
}

/** What a reader of a coder's texts reads per claim, given the options: the selected claim fields, whether mentions, and the vocabulary values are checked against. */
export function readingPlan(view: Pick<WorkspaceView, 'config'>, options: AgreementOptions): { claimFields: ClaimField[]; withMentions: boolean; vocabulary: Vocabulary } {
  return { claimFields: selectedClaimFields(options), withMentions: selectedFields(options).includes('mention'), vocabulary: view.config.vocabulary };
}

/** Reads one selected text (`selectedTexts`) as `codedTexts` does, with its analysis; undefined when it is not analysed (not loaded). */
export function codedTextReader(coder: CoderWorkspace, options: AgreementOptions = {}): (path: string, uri: string) => { coded: CodedText; analysis: TextAnalysis } | undefined {
  const { view } = coder;
  const { claimFields, withMentions, vocabulary } = readingPlan(view, options);
  return (path, uri) => {
    const analysis = view.analysis(uri);
    if (!analysis) return undefined;
    const claims: CodedClaim[] = [];
    for (const claim of analysis.claims) {
      const span = claim.result.span;
      if (span === undefined) continue;
      claims.push({ span, id: claim.def.id?.value, values: claimFields.map((field) => claimFieldValue(claim.def, field, vocabulary) ?? null) });
    }
    const mentions = withMentions ? analysis.mentions.map((mention) => ({ span: mention.span, value: mentionValue(mention) })) : [];
    return { coded: { path, content: view.content(uri) ?? '', claims, unanchored: analysis.claims.length - claims.length, mentions }, analysis };
  };
}
