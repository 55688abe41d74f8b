import { displayLocation } from '../checks/describe';
import type { ClaimDef } from '../model';
import type { WorkspaceIndex } from '../workspaceIndex';
import { anchorOf } from './anchorOf';
import { escapeMarkdown, inlineCode, locationLink, oneLine } from './markdown';

/** An actor's display name, or its id in code style when no actor has it. */
export function actorName(index: WorkspaceIndex, id: string): string {
  const name = index.actor(id)?.name?.value;
  return name ? `**${escapeMarkdown(name)}**` : `${inlineCode(id)} (no actor has this id)`;
}

/** A concept's label, or its id in code style when no concept has it. */
export function conceptLabel(index: WorkspaceIndex, id: string): string {
  const label = index.concept(id)?.label?.value;
  return label ? `*${escapeMarkdown(label)}*` : `${inlineCode(id)} (no concept has this id)`;
}

/** One line about a claim for lists in other cards: stance and concept, or type, and the quote. */
export function claimLine(index: WorkspaceIndex, claim: ClaimDef, options: { showClaimant: boolean }): string {
  const parts: string[] = [];
  if (options.showClaimant && claim.claimant) parts.push(actorName(index, claim.claimant.value));
  if (claim.stance && claim.concept) parts.push(`${claim.stance.value} ${conceptLabel(index, claim.concept.value)}`);
  else if (claim.type) parts.push(claim.type.value);
  if (claim.quote) parts.push(`“${escapeMarkdown(oneLine(claim.quote.value, 70))}”`);
  return parts.join(' — ');
}

/** The hover card of a claim: claimant, type, stance and concept, evidence, note, and who it is about. */
export function claimCard(index: WorkspaceIndex, claim: ClaimDef, annotationUri: string, options: { showQuote: boolean }): string {
  const lines: string[] = [];
  lines.push(`**Claim** ${claim.id ? inlineCode(claim.id.value) : '(no id)'}${claim.type ? ` · ${claim.type.value}` : ''}`);
  lines.push('');
  lines.push(`*Claimant:* ${claim.claimant ? actorName(index, claim.claimant.value) : 'not given'}`);
  if (claim.stance || claim.concept) {
    const stance = claim.stance ? claim.stance.value : 'concerns';
    lines.push('');
    lines.push(`*Stance:* ${stance} ${claim.concept ? conceptLabel(index, claim.concept.value) : '(no concept given)'}`);
  }
  if (claim.about.length > 0) {
    lines.push('');
    lines.push(`*About:* ${claim.about.map((about) => actorName(index, about.value)).join(', ')}`);
  }
  if (claim.evidence) {
    lines.push('');
    lines.push(`*Evidence:* ${claim.evidence.value}`);
  }
  if (claim.note) {
    lines.push('');
    lines.push(`*Note:* ${escapeMarkdown(oneLine(claim.note.value, 400))}`);
  }
  if (options.showQuote && claim.quote) {
    lines.push('');
    lines.push(`> ${escapeMarkdown(oneLine(claim.quote.value, 400))}`);
    lines.push('');
    lines.push(`*Quote:* ${anchorDescription(index, claim, annotationUri)}`);
  }
  lines.push('');
  lines.push(`Defined at ${locationLink(index, annotationUri, claim.id?.range ?? claim.range)}`);
  return lines.join('\n');
}

function anchorDescription(index: WorkspaceIndex, claim: ClaimDef, annotationUri: string): string {
  const anchored = anchorOf(index, annotationUri, claim);
  if (!anchored) return 'its text is not loaded';
  const { result, textUri } = anchored;
  switch (result.status) {
    case 'exact':
    case 'normalized':
      return `found at ${locationLink(index, textUri, result.span!)}${result.status === 'normalized' ? ' (after normalising quotes, dashes and spaces)' : ''}`;
    case 'ambiguous':
      return `occurs ${result.occurrences ?? result.candidates.length} times (${result.candidates.map((span) => escapeMarkdown(displayLocation(index, textUri, span.start))).join(', ')}); add a prefix or suffix`;
    default:
      return 'not found in the text';
  }
}
