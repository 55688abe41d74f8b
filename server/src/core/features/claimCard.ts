import { displayLocation } from '../describe';
import type { ClaimDef } from '../model';
import { stanceLabel, stanceScore } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import { anchorOf } from './anchorOf';
import { code, emphasis, joined, link, paragraph, quote, strong, type Block, type CardDocument, type InlineInput } from './card';
import { locationLink, oneLine } from './markdown';

const WEB_ADDRESS = /^https:\/\/\S+$/;

/** An actor's display name, or its id in code style when no actor has it. */
export function actorName(index: WorkspaceView, id: string): InlineInput[] {
  const name = index.actor(id)?.name?.value ?? index.entity(id)?.name?.value;
  return name ? [strong(name)] : [code(id), ' (no actor has this id)'];
}

/** A concept's label, or its id in code style when no concept has it. */
export function conceptLabel(index: WorkspaceView, id: string): InlineInput[] {
  const label = index.concept(id)?.label?.value;
  return label ? [emphasis(label)] : [code(id), ' (no concept has this id)'];
}

/** One line about a claim for lists in other cards: stance and concept, or type, and the quote. */
export function claimLine(index: WorkspaceView, claim: ClaimDef, options: { showClaimant: boolean }): InlineInput[] {
  const parts: InlineInput[][] = [];
  if (options.showClaimant && claim.claimant) parts.push(actorName(index, claim.claimant.value));
  if (claim.stance && claim.concept) parts.push([`${claim.stance.value} `, ...conceptLabel(index, claim.concept.value)]);
  else if (claim.type) parts.push([claim.type.value]);
  if (claim.quote) parts.push([`“${oneLine(claim.quote.value, 70)}”`]);
  return joined(parts, ' — ');
}

/** What cards add after a stance: its label where the workspace gave one, and its score (the network qualifier). */
export function stanceDetail(index: WorkspaceView, stance: string): string {
  const vocabulary = index.config.vocabulary;
  const label = stanceLabel(vocabulary, stance);
  const score = stanceScore(vocabulary, stance);
  return ` (${label ? `${oneLine(label, 80)}, ` : ''}score ${score})`;
}

/**
 * The hover card of a claim: claimant (and on whose behalf), who relays it,
 * type, stance (with its score) and concept, evidence, note, and who it is about.
 */
export function claimCard(index: WorkspaceView, claim: ClaimDef, annotationUri: string, options: { showQuote: boolean }): CardDocument {
  const blocks: Block[] = [];
  blocks.push(paragraph(strong('Claim'), ' ', claim.id ? code(claim.id.value) : '(no id)', claim.type && ` · ${claim.type.value}`));
  const onBehalfOf = claim.onBehalfOf ? [', on behalf of ', ...actorName(index, claim.onBehalfOf.value)] : [];
  blocks.push(paragraph(emphasis('Claimant:'), ' ', ...(claim.claimant ? actorName(index, claim.claimant.value) : ['not given']), ...onBehalfOf));
  if (claim.reportedBy.length > 0) {
    blocks.push(paragraph(emphasis('Reported by:'), ' ', ...joined(claim.reportedBy.map((relay) => actorName(index, relay.value)))));
  }
  if (claim.stance || claim.concept) {
    const stance = claim.stance ? claim.stance.value : 'concerns';
    const detail = claim.stance ? stanceDetail(index, claim.stance.value) : '';
    blocks.push(paragraph(emphasis('Stance:'), ` ${stance} `, ...(claim.concept ? conceptLabel(index, claim.concept.value) : ['(no concept given)']), detail));
  }
  if (claim.about.length > 0) {
    blocks.push(paragraph(emphasis('About:'), ' ', ...joined(claim.about.map((about) => actorName(index, about.value)))));
  }
  if (claim.evidence) blocks.push(paragraph(emphasis('Evidence:'), ` ${claim.evidence.value}`));
  if (claim.note) blocks.push(paragraph(emphasis('Note:'), ` ${oneLine(claim.note.value, 400)}`));
  if (options.showQuote && claim.quote) {
    blocks.push(quote(oneLine(claim.quote.value, 400)));
    blocks.push(paragraph(emphasis('Quote:'), ' ', ...anchorDescription(index, claim, annotationUri)));
  }
  const source = index.annotationFile(annotationUri)?.textAnnotation?.url?.value;
  if (options.showQuote && source && WEB_ADDRESS.test(source)) blocks.push(paragraph(emphasis('Article:'), ' ', link(oneLine(source, 100), source)));
  blocks.push(paragraph('Defined at ', locationLink(index, annotationUri, claim.id?.range ?? claim.range)));
  return { blocks };
}

function anchorDescription(index: WorkspaceView, claim: ClaimDef, annotationUri: string): InlineInput[] {
  const anchored = anchorOf(index, annotationUri, claim);
  if (!anchored) return ['its text is not loaded'];
  const { result, textUri } = anchored;
  switch (result.status) {
    case 'exact':
    case 'normalized':
      return ['found at ', locationLink(index, textUri, result.span!), result.status === 'normalized' && ' (after normalising quotes, dashes and spaces)'];
    case 'ambiguous':
      return [`occurs ${result.occurrences ?? result.candidates.length} times (${result.candidates.map((span) => displayLocation(index, textUri, span.start)).join(', ')}); add a prefix or suffix`];
    default:
      return ['not found in the text'];
  }
}
