import type { ClaimDef } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { count, otherTextsLine, wikidataAndDefinitions } from './actorCard';
import { code, emphasis, list, paragraph, strong, type Block, type CardDocument, type InlineInput } from './card';
import { claimLine } from './claimCard';
import { oneLine } from './markdown';

/** How many claims an entity card lists before it only counts. */
const LISTED_CLAIMS = 3;

/**
 * The hover card of an entity (a named thing that is not an actor): name,
 * kind, description and aliases; the claims about it; how many texts
 * mention it; its Wikidata item; and links to its definition. Entities make
 * no claims and have no relations, so the card has neither.
 */
export function entityCard(index: WorkspaceView, entityId: string, context: { textUri?: string } = {}): CardDocument {
  const definitions = index.entityDefinitions(entityId);
  const entity = definitions[0];
  if (!entity) {
    return { blocks: [paragraph(code(entityId), ': no entity has this id. Define it under `entities:` in an annotation file, or use an existing id.')] };
  }
  const blocks: Block[] = [paragraph(strong(entity.name?.value ?? entityId), ` · ${entity.kind ? `${entity.kind.value} ` : ''}(entity) · `, code(entityId))];
  if (entity.description) blocks.push(paragraph(oneLine(entity.description.value, 600)));
  if (entity.aliases.length > 0) blocks.push(paragraph(emphasis('Aliases:'), ` ${entity.aliases.map((a) => a.value).join(', ')}`));
  blocks.push(...claimsAbout(index, entityId, context.textUri));
  blocks.push(otherTextsLine(index, entityId, context.textUri));
  blocks.push(...wikidataAndDefinitions(index, definitions));
  return { blocks };
}

/** The claims about the entity (its `about:` references): in the given text, or across the workspace. */
function claimsAbout(index: WorkspaceView, entityId: string, textUri: string | undefined): Block[] {
  const claims: ClaimDef[] = [];
  const isAbout = (claim: ClaimDef) => claim.about.some((a) => a.value === entityId);
  if (textUri) {
    for (const anchored of index.analysis(textUri)?.claims ?? []) if (isAbout(anchored.def)) claims.push(anchored.def);
  } else {
    const seen = new Set<ClaimDef>();
    for (const reference of index.actorReferencesWithRole(entityId, 'about')) {
      if (reference.claim && !seen.has(reference.claim)) {
        seen.add(reference.claim);
        claims.push(reference.claim);
      }
    }
  }
  const where = textUri ? 'in this text' : 'in the workspace';
  if (claims.length === 0) return [paragraph(emphasis(`Claims ${where}:`), ' none about this entity')];
  const items: InlineInput[][] = claims.slice(0, LISTED_CLAIMS).map((claim) => claimLine(index, claim, { showClaimant: true }));
  if (claims.length > LISTED_CLAIMS) items.push([`…and ${claims.length - LISTED_CLAIMS} more about it`]);
  return [paragraph(emphasis(`Claims ${where}:`), ` ${count(claims.length, 'claim')} about it`), list(items)];
}
