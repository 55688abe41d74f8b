import type { ActorDef, ClaimDef, EntityDef } from '../model';
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

/** A relation's note, after the relation it explains. */
function withNote(line: InlineInput[], note: string | undefined): InlineInput[] {
  return note ? [...line, ' — ', emphasis(oneLine(note, 300))] : line;
}

/** Relations the actor states, then those other actors state about it, read from its side; each with its note. */
function relationLines(index: WorkspaceView, actor: ActorDef, actorId: string): InlineInput[][] {
  const lines: InlineInput[][] = [];
  for (const relation of actor.relations) {
    if (!relation.type || !relation.target) continue;
    lines.push(withNote([`${relation.type.value} `, ...actorName(index, relation.target.value)], relation.note?.value));
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
    lines.push(withNote(line, relation.note?.value));
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
  const about = claims.filter((claim) => claim.about.some((a) => a.value === actorId) && claim.claimant?.value !== actorId);
  const where = textUri ? 'in this text' : 'in the workspace';
  if (made.length === 0 && about.length === 0) return [paragraph(emphasis(`Claims ${where}:`), ' none by or about this actor')];
  const items: InlineInput[][] = [];
  for (const claim of made.slice(0, LISTED_CLAIMS)) items.push(claimLine(index, claim, { showClaimant: false }));
  if (made.length > LISTED_CLAIMS) items.push([`…and ${made.length - LISTED_CLAIMS} more by it`]);
  for (const claim of about.slice(0, LISTED_CLAIMS)) items.push(claimLine(index, claim, { showClaimant: true }));
  if (about.length > LISTED_CLAIMS) items.push([`…and ${about.length - LISTED_CLAIMS} more about it`]);
  return [paragraph(emphasis(`Claims ${where}:`), ` ${count(made.length, 'claim')} by it, ${count(about.length, 'claim')} about it`), list(items)];
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
