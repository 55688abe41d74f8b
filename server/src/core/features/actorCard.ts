import type { ActorDef, ClaimDef } from '../model';
import { relationType } from '../vocabulary';
import type { WorkspaceIndex } from '../workspaceIndex';
import { actorName, claimLine } from './claimCard';
import { itemAt } from './locate';
import { escapeMarkdown, inlineCode, locationLink, oneLine } from './markdown';

/** How many claims an actor card lists before it only counts. */
const LISTED_CLAIMS = 3;

export interface ActorCardContext {
  /** The text the card is shown in: claims are those of this text, and other texts are counted apart from it. */
  textUri?: string;
}

/**
 * The hover card of an actor: name, kind, description and aliases; relations
 * named by the other actor's name; the claims it makes and the claims about
 * it; how many texts mention it; and links to its definition.
 */
export function actorCard(index: WorkspaceIndex, actorId: string, context: ActorCardContext = {}): string {
  const definitions = index.actorDefinitions(actorId);
  const actor = definitions[0];
  if (!actor) {
    return `${inlineCode(actorId)}: no actor has this id. Define it in an actors file, or use an existing actor id.`;
  }
  const sections: string[] = [header(actor, actorId)];
  if (actor.description) sections.push(escapeMarkdown(oneLine(actor.description.value, 600)));
  if (actor.aliases.length > 0) sections.push(`*Aliases:* ${actor.aliases.map((a) => escapeMarkdown(a.value)).join(', ')}`);
  const relations = relationLines(index, actor, actorId);
  if (relations.length > 0) sections.push(['*Relations:*', ...relations.map((line) => `- ${line}`)].join('\n'));
  sections.push(claimsSection(index, actorId, context.textUri));
  sections.push(otherTextsLine(index, actorId, context.textUri));
  sections.push(`Defined at ${definitions.map((d) => locationLink(index, d.uri, d.id?.range ?? d.range)).join(', ')}`);
  return sections.join('\n\n');
}

function header(actor: ActorDef, actorId: string): string {
  const name = actor.name?.value ?? actorId;
  return `**${escapeMarkdown(name)}**${actor.kind ? ` · ${actor.kind.value}` : ''} · ${inlineCode(actorId)}`;
}

/** Relations the actor states, then those other actors state about it, read from its side. */
function relationLines(index: WorkspaceIndex, actor: ActorDef, actorId: string): string[] {
  const lines: string[] = [];
  for (const relation of actor.relations) {
    if (!relation.type || !relation.target) continue;
    lines.push(`${relation.type.value} ${actorName(index, relation.target.value)}`);
  }
  for (const reference of index.actorReferences(actorId)) {
    if (reference.role !== 'relation-target') continue;
    const subject = itemAt(index.annotationFile(reference.uri)?.actors ?? [], reference.range.start, (a) => a.range);
    const relation = subject?.relations.find((r) => r.target?.range.start === reference.range.start);
    if (!subject?.id || !relation?.type) continue;
    const info = relationType(index.config.vocabulary, relation.type.value);
    const subjectName = actorName(index, subject.id.value);
    if (info?.inverse) lines.push(`${info.inverse} ${subjectName}`);
    else if (info?.symmetric) lines.push(`${relation.type.value} ${subjectName}`);
    else lines.push(`${subjectName} ${relation.type.value} this actor`);
  }
  return lines;
}

/** Claims the actor makes and claims about it: in the given text, or across the workspace. */
function claimsSection(index: WorkspaceIndex, actorId: string, textUri: string | undefined): string {
  const claims: ClaimDef[] = [];
  if (textUri) {
    for (const anchored of index.analysis(textUri)?.claims ?? []) claims.push(anchored.def);
  } else {
    const seen = new Set<ClaimDef>();
    for (const reference of index.actorReferences(actorId)) {
      if (reference.claim && !seen.has(reference.claim)) {
        seen.add(reference.claim);
        claims.push(reference.claim);
      }
    }
  }
  const made = claims.filter((claim) => claim.claimant?.value === actorId);
  const about = claims.filter((claim) => claim.about.some((a) => a.value === actorId) && claim.claimant?.value !== actorId);
  const where = textUri ? 'in this text' : 'in the workspace';
  if (made.length === 0 && about.length === 0) return `*Claims ${where}:* none by or about this actor`;
  const lines = [`*Claims ${where}:* ${count(made.length, 'claim')} by it, ${count(about.length, 'claim')} about it`];
  for (const claim of made.slice(0, LISTED_CLAIMS)) lines.push(`- ${claimLine(index, claim, { showClaimant: false })}`);
  if (made.length > LISTED_CLAIMS) lines.push(`- …and ${made.length - LISTED_CLAIMS} more by it`);
  for (const claim of about.slice(0, LISTED_CLAIMS)) lines.push(`- ${claimLine(index, claim, { showClaimant: true })}`);
  if (about.length > LISTED_CLAIMS) lines.push(`- …and ${about.length - LISTED_CLAIMS} more about it`);
  return lines.join('\n');
}

function otherTextsLine(index: WorkspaceIndex, actorId: string, textUri: string | undefined): string {
  // The index keeps the texts of each actor up to date incrementally, so hovering does not analyse every text again.
  const mentioning = index.textsWithMentionOf(actorId);
  const texts = [...mentioning].filter((uri) => uri !== textUri);
  return textUri ? `*Mentioned in ${count(texts.length, 'other text')}.*` : `*Mentioned in ${count(texts.length, 'text')}.*`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
