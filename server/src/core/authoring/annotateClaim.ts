import { appendListItem, yamlScalar } from '../edits/yamlEdits';
import { applyEdits, type TextEdit } from '../edits/textEdit';
import { disambiguatingContext } from '../fixes/selectors';
import type { Span } from '../model';
import { normalizeWithMap } from '../normalizeText';
import { parseAnnotationFile } from '../syntax/parseAnnotationFile';
import { resolveQuote, type AnchorableText, type QuoteSelector } from '../resolveQuote';
import { basenameUri, canonicalUri } from '../uris';
import type { WorkspaceView } from '../workspace/workspaceView';
import { refuse, type AuthoringResult } from './change';
import { idFromQuote, uniqueId } from './ids';
import { collapseWhitespace, trimSelection } from './selection';
import { annotationFileForText, isInWorkspace } from './targetFiles';

/** "Annotate selection as claim…": the selected words of a text and what the analyst picked. */
export interface ClaimRequest {
  textUri: string;
  /** The text's current content (the editor's buffer). */
  text: string;
  /** The selection, as UTF-16 offsets into `text`. */
  selection: Span;
  claimant: string;
  about?: string[];
  type?: string;
  stance?: string;
  concept?: string;
}

/**
 * Writes a claim for a selection into the text's annotation file (creating
 * the file, with its `text:` field, when there is none). The claim gets a
 * generated id that is unique in the workspace, the selection as its quote,
 * and a prefix or suffix when the selected words occur more than once.
 */
export function annotateClaim(index: WorkspaceView, request: ClaimRequest): AuthoringResult {
  const textUri = canonicalUri(request.textUri);
  if (!isInWorkspace(index, textUri)) return refuse('This text is outside the workspace folder, so no annotation file can point at it.');
  const span = trimSelection(request.text, request.selection);
  if (!span) return refuse('Select the words of the claim in the text first.');

  const vocabulary = index.config.vocabulary;
  if (index.actorDefinitions(request.claimant).length === 0) return refuse(index.entityDefinitions(request.claimant).length > 0 ? `\`${request.claimant}\` is an entity, and entities make no claims: pick an actor as the claimant.` : `No actor has the id \`${request.claimant}\`.`);
  // A claim may be about actors and (format v1.1) entities.
  const unknownAbout = (request.about ?? []).filter((id) => index.actorDefinitions(id).length + index.entityDefinitions(id).length === 0);
  if (unknownAbout.length > 0) return refuse(`No actor or entity has the id ${unknownAbout.map((id) => `\`${id}\``).join(', ')}.`);
  if (request.concept !== undefined && index.conceptDefinitions(request.concept).length === 0) return refuse(`No concept has the id \`${request.concept}\`.`);
  if (request.stance !== undefined && request.concept === undefined) return refuse('A stance is taken toward a concept: pick the concept too.');
  if (request.stance !== undefined && !vocabulary.stances.includes(request.stance)) return refuse(`\`${request.stance}\` is not a stance; use one of: ${vocabulary.stances.join(', ')}.`);
  if (request.type !== undefined && !vocabulary.claimTypes.includes(request.type)) return refuse(`\`${request.type}\` is not a claim type; use one of: ${vocabulary.claimTypes.join(', ')}.`);

  const selector = quoteSelectorFor(request.text, span);
  if (!selector) {
    return refuse('The selected words occur several times and the eight words around them do not tell the places apart. Select a longer passage.');
  }
  const found = annotationFileForText(index, textUri);
  if (!found) return refuse('The workspace has no annotation root to put a new annotation file in.');
  const { target, textPath } = found;

  const id = uniqueId(`${request.claimant}-${idFromQuote(selector.quote, 4, request.claimant.split('-'))}`.replace(/-+$/, ''), (candidate) => index.claimDefinitions(candidate).length > 0);
  const lines = [`id: ${id}`, `claimant: ${request.claimant}`, `quote: ${yamlScalar(selector.quote)}`];
  if (selector.prefix !== undefined) lines.push(`prefix: ${yamlScalar(selector.prefix)}`);
  if (selector.suffix !== undefined) lines.push(`suffix: ${yamlScalar(selector.suffix)}`);
  if (request.about && request.about.length > 0) lines.push(`about: [${request.about.join(', ')}]`);
  if (request.concept !== undefined) lines.push(`concept: ${request.concept}`);
  if (request.stance !== undefined) lines.push(`stance: ${request.stance}`);
  if (request.type !== undefined) lines.push(`type: ${request.type}`);

  const before = target.exists ? target.content : `text: ${yamlScalar(textPath ?? '')}\n`;
  const append = appendListItem(target.uri, before, 'claims', lines);
  const edits: TextEdit[] = target.exists ? [append] : [{ uri: target.uri, range: { start: 0, end: 0 }, newText: applyEdits(before, [append]) }];
  const newContent = target.exists ? applyEdits(before, edits) : edits[0].newText;
  const written = parseAnnotationFile(target.uri, newContent, vocabulary).textAnnotation?.claims.find((claim) => claim.id?.value === id);
  if (!written) return refuse(`The claim could not be added to ${basenameUri(target.uri)}: its \`claims\` are not a list that can be appended to.`);
  return {
    ok: true,
    change: {
      uri: target.uri,
      create: !target.exists,
      edits,
      newContent,
      reveal: written.range,
      summary: `claim \`${id}\` in ${basenameUri(target.uri)}`,
      warnings: [],
    },
  };
}

/**
 * The selector for a selection: its exact characters as the quote (so that
 * it matches exactly, not only after normalisation), plus the shortest
 * context that makes it resolve to exactly this place, with the context's
 * whitespace collapsed for readability; undefined when no context does.
 */
export function quoteSelectorFor(text: string, span: Span): QuoteSelector | undefined {
  const target: AnchorableText = { text, normalized: normalizeWithMap(text) };
  const quote = text.slice(span.start, span.end);
  const context = disambiguatingContext(target, quote, span);
  if (!context) return undefined;
  const tidy: QuoteSelector = { quote };
  if (context.prefix !== undefined) tidy.prefix = collapseWhitespace(context.prefix);
  if (context.suffix !== undefined) tidy.suffix = collapseWhitespace(context.suffix);
  // Context is matched with whitespace normalised, so collapsing it changes nothing; check rather than trust.
  if (resolvesTo(target, tidy, span)) return tidy;
  return { quote, ...context };
}

function resolvesTo(target: AnchorableText, selector: QuoteSelector, span: Span): boolean {
  const result = resolveQuote(target, selector);
  return result.span?.start === span.start && result.span.end === span.end && !result.contextMismatch;
}
