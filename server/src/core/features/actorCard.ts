import { describePeriod } from '../describe';
import type { ActorDef, ClaimDef, EntityDef, RelationDef } from '../model';
import { relationType } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import { code, emphasis, joined, link, list, paragraph, strong, type Block, type CardDocument, type InlineInput } from './card';
import { actorName, claimLine } from './claimCard';
import { itemAt } from './locate';
import { locationLink, oneLine } from './markdown';

/** How many claims an actor card lists before it only counts. */
const LISTED_CLAIMS = 3;
const WIKIDATA_ITEM = /^Q[1-9][0-9]*$/;

export interface ActorCardContext {
  /** The text the card is shown in: claims are those of this text, and other texts are counted apart from it. */
  textUri?: string;
}

/**
 * The hover card of an actor: name, kind, description and aliases; relations
 * named by the other actor's name, with their notes; the claims it makes and
 * the claims about it; how many texts mention it; its Wikidata item; and
 * links to its definition.
 */
export function actorCard(index: WorkspaceView, actorId: string, context: ActorCardContext = {}): CardDocument {
  const definitions = index.actorDefinitions(actorId);
  const actor = definitions[0];
  if (!actor) {
    return { blocks: [paragraph(code(actorId), ': no actor has this id. Define it in an actors file, or use an existing actor id.')] };
  }
  const blocks: Block[] = [header(actor, actorId)];
  if (actor.description) blocks.push(paragraph(oneLine(actor.description.value, 600)));
  if (actor.aliases.length > 0) blocks.push(paragraph(emphasis('Aliases:'), ` ${actor.aliases.map((a) => a.value).join(', ')}`));
  const relations = relationLines(index, actor, actorId);
  if (relations.length > 0) blocks.push(paragraph(emphasis('Relations:')), list(relations));
  blocks.push(...claimsSection(index, actorId, context.textUri));
  blocks.push(otherTextsLine(index, actorId, context.textUri));
  blocks.push(...wikidataAndDefinitions(index, definitions));
  return { blocks };
}

/** The closing lines of an actor's or entity's card: its Wikidata item (only a well-formed item id is linked) and where it is defined. */
export function wikidataAndDefinitions(index: WorkspaceView, definitions: readonly (ActorDef | EntityDef)[]): Block[] {
  const blocks: Block[] = [];
  const wikidata = definitions[0]?.wikidata?.value;
  if (wikidata && WIKIDATA_ITEM.test(wikidata)) blocks.push(paragraph(emphasis('Wikidata:'), ' ', link(wikidata, `https://www.wikidata.org/wiki/${wikidata}`)));
  blocks.push(paragraph('Defined at ', ...joined(definitions.map((d) => [locationLink(index, d.uri, d.id?.range ?? d.range)]))));
  return blocks;
}

function header(actor: ActorDef, actorId: string): Block {
  const name = actor.name?.value ?? actorId;
  return paragraph(strong(name), actor.kind && ` · ${actor.kind.value}`, ' · ', code(actorId));
}

/** When a relation held, as cards show it (see `describePeriod`); empty without dates. */
export function relationPeriod(relation: RelationDef): string {
  return describePeriod(relation.from?.value, relation.until?.value);
}

/** A relation's period and note, after the relation they qualify. */
function withNote(line: InlineInput[], relation: RelationDef): InlineInput[] {
  const dated = [...line, relationPeriod(relation)];
  return relation.note ? [...dated, ' — ', emphasis(oneLine(relation.note.value, 300))] : dated;
}

/** Relations the actor states, then those other actors state about it, read from its side; each with its note. */
function relationLines(index: WorkspaceView, actor: ActorDef, actorId: string): InlineInput[][] {
  const lines: InlineInput[][] = [];
  for (const relation of actor.relations) {
    if (!relation.type || !relation.target) continue;
    lines.push(withNote([`${relation.type.value} `, ...actorName(index, relation.target.value)], relation));
  }
  for (const reference of index.actorReferencesWithRole(actorId, 'relation-target')) {
    const subject = itemAt(index.annotationFile(reference.uri)?.actors ?? [], reference.range.start, (a) => a.range);
    const relation = subject?.relations.find((r) => r.target?.range.start === reference.range.start);
    if (!subject?.id || !relation?.type) continue;
    const info = relationType(index.config.vocabulary, relation.type.value);
    const subjectName = actorName(index, subject.id.value);
    let line: InlineInput[];
    if (info?.inverse) line = [`${info.inverse} `, ...subjectName];
    else if (info?.symmetric) line = [`${relation.type.value} `, ...subjectName];
    else line = [...subjectName, ` ${relation.type.value} this actor`];
    lines.push(withNote(line, relation));
  }
  return lines;
}

/** Claims the actor makes and claims about it: in the given text, or across the workspace. */
function claimsSection(index: WorkspaceView, actorId: string, textUri: string | undefined): Block[] {
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
  const others = claims.filter((claim) => claim.claimant?.value !== actorId);
  const onBehalf = others.filter((claim) => claim.onBehalfOf?.value === actorId);
  const relayed = others.filter((claim) => claim.onBehalfOf?.value !== actorId && claim.reportedBy.some((r) => r.value === actorId));
  const about = others.filter((claim) => claim.about.some((a) => a.value === actorId) && !onBehalf.includes(claim) && !relayed.includes(claim));
  const where = textUri ? 'in this text' : 'in the workspace';
  if (made.length + onBehalf.length + relayed.length + about.length === 0) return [paragraph(emphasis(`Claims ${where}:`), ' none by or about this actor')];
  const items: InlineInput[][] = [];
  const listed = (group: ClaimDef[], showClaimant: boolean, more: string) => {
    for (const claim of group.slice(0, LISTED_CLAIMS)) items.push(claimLine(index, claim, { showClaimant }));
    if (group.length > LISTED_CLAIMS) items.push([`…and ${group.length - LISTED_CLAIMS} more ${more}`]);
  };
  listed(made, false, 'by it');
  listed(onBehalf, true, 'on its behalf');
  listed(relayed, true, 'relayed by it');
  listed(about, true, 'about it');
  const counts = [`${count(made.length, 'claim')} by it`];
  if (onBehalf.length > 0) counts.push(`${onBehalf.length} on its behalf`);
  if (relayed.length > 0) counts.push(`${relayed.length} relayed by it`);
  counts.push(`${count(about.length, 'claim')} about it`);
  return [paragraph(emphasis(`Claims ${where}:`), ` ${counts.join(', ')}`), list(items)];
}

export function otherTextsLine(index: WorkspaceView, actorId: string, textUri: string | undefined): Block {
  // The index keeps the texts of each actor up to date incrementally, so hovering does not analyse every text again.
  const mentioning = index.textsWithMentionOf(actorId);
  const texts = mentioning.size - (textUri !== undefined && mentioning.has(textUri) ? 1 : 0);
  return paragraph(emphasis(textUri ? `Mentioned in ${count(texts, 'other text')}.` : `Mentioned in ${count(texts, 'text')}.`));
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
