/**
 * A coder's texts handed on unanchored. Agreement's worker reads the second
 * coder and does the text work the first coder takes from it (normalising,
 * alias matching: `sharedTextWork.ts`); anchoring that coder's quotes is
 * left to the command's thread, which has time to spare once it skips the
 * shared registry (`sharedRegistry.ts`). So the worker hands on, per text,
 * each annotation file's selectors as written with what the comparison
 * reads of them (`handedTextReader`), and the command's thread anchors them
 * exactly as the worker's own analysis would have (`anchorHandedText`: each
 * file's selectors of each kind together, for their spans only, against the
 * text and its normalised form), and reads the coded text from that.
 */
import { anchorSelectors } from '../anchorSelectors';
import type { AnchorableText, QuoteSelector } from '../anchorTypes';
import type { QuoteSelectorDef } from '../model';
import type { AliasMatch } from '../aliasMatcher';
import { withQuote } from '../workspace/anchoringCache';
import { mergeMentions, suppressMatches, type Mention } from '../workspace/mentionMerge';
import type { WorkspaceView } from '../workspace/workspaceView';
import { readingPlan, type AgreementOptions, type CodedClaim, type CodedText } from './coderAnnotations';
import { claimFieldValue, mentionValue, type FieldValue } from './fieldValues';
import type { TextWork } from './sharedTextWork';

/** A quote selector as written: quote, prefix, suffix (null: not written). */
export type HandedSelector = [quote: string, prefix: string | null, suffix: string | null];

/** What the comparison reads of one annotation file of a text, unanchored; only selectors with a quote, in file order. */
export interface HandedFile {
  /** Each claim: its selector, its id (null: none) and the values of the selected claim fields (`CodedClaim.values`). */
  claims: [HandedSelector, string | null, (FieldValue | null)[]][];
  /** Each explicit mention: its selector and the ids it names (empty unless the `mention` field is selected). */
  mentions: [HandedSelector, string[]][];
  /** Each suppressed span's selector (empty unless the `mention` field is selected). */
  suppress: HandedSelector[];
}

/** A text as handed on unanchored: its path, content and annotation files in the order the analysis reads them. */
export interface HandedText {
  path: string;
  content: string;
  files: HandedFile[];
}

/** The index of the coder read: its view, and the text work without anchoring (the index's `aliasWork`). */
export interface HandingCoder {
  view: WorkspaceView;
  index: { aliasWork(textUri: string): { text: AnchorableText; matches: AliasMatch[] } | undefined };
}

function handedSelector(def: QuoteSelectorDef): HandedSelector {
  return [def.quote!.value, def.prefix?.value ?? null, def.suffix?.value ?? null];
}

/**
 * Reads one selected text unanchored, with its work (normalised form and
 * alias matches); undefined when it is not loaded, as `codedTextReader`.
 */
export function handedTextReader(coder: HandingCoder, options: AgreementOptions = {}): (path: string, uri: string) => { handed: HandedText; work: TextWork } | undefined {
  const { view } = coder;
  const { claimFields, withMentions, vocabulary } = readingPlan(view, options);
  return (path, uri) => {
    const done = coder.index.aliasWork(uri);
    if (!done) return undefined;
    const files: HandedFile[] = [];
    for (const annotationUri of view.annotationsOf(uri)) {
      const annotation = view.annotationFile(annotationUri)?.textAnnotation;
      if (!annotation) continue;
      files.push({
        claims: withQuote(annotation.claims).map((def) => [handedSelector(def), def.id?.value ?? null, claimFields.map((field) => claimFieldValue(def, field, vocabulary) ?? null)]),
        mentions: withMentions ? withQuote(annotation.mentions).map((def) => [handedSelector(def), def.actors.map((id) => id.value)]) : [],
        suppress: withMentions ? withQuote(annotation.suppress).map(handedSelector) : [],
      });
    }
    return { handed: { path, content: view.content(uri) ?? '', files }, work: { normalized: done.text.normalized, matches: done.matches } };
  };
}

/** Anchors one file's selectors of one kind together, for their spans only, as the analysis of an index for agreement does. */
function anchorAll(target: AnchorableText, selectors: readonly HandedSelector[]) {
  const quoted: QuoteSelector[] = selectors.map(([quote, prefix, suffix]) => ({ quote, prefix: prefix ?? undefined, suffix: suffix ?? undefined }));
  return anchorSelectors(target, quoted, { spansOnly: true, shareOccurrences: true });
}

/**
 * The coded text (`codedTextReader`'s) of a text handed on unanchored, with
 * the work done on it where it was read: its quotes anchored here against
 * its content and normalised form, its mentions (when `withMentions`) the
 * alias matches outside its suppressed spans merged with its explicit ones.
 */
export function anchorHandedText(text: HandedText, work: TextWork, withMentions: boolean): CodedText {
  const target: AnchorableText = { text: text.content, normalized: work.normalized };
  const claims: CodedClaim[] = [];
  const explicit: Mention[] = [];
  const suppressions: { result: { span?: { start: number; end: number } } }[] = [];
  let quoted = 0;
  for (const file of text.files) {
    quoted += file.claims.length;
    anchorAll(
      target,
      file.claims.map((claim) => claim[0]),
    ).forEach(({ span }, i) => {
      const [, id, values] = file.claims[i];
      if (span) claims.push(id === null ? { span, values } : { span, id, values });
    });
    if (!withMentions) continue;
    anchorAll(
      target,
      file.mentions.map((mention) => mention[0]),
    ).forEach(({ span }, i) => {
      const ids = file.mentions[i][1];
      if (span && ids.length > 0) explicit.push({ span, actorId: ids[0], source: 'explicit', ...(ids.length > 1 && { actorIds: ids }) });
    });
    for (const result of anchorAll(target, file.suppress)) suppressions.push({ result });
  }
  const mentions = withMentions ? mergeMentions(suppressMatches(work.matches, suppressions).kept, explicit).map((mention) => ({ span: mention.span, value: mentionValue(mention) })) : [];
  return { path: text.path, content: text.content, claims, unanchored: quoted - claims.length, mentions };
}
