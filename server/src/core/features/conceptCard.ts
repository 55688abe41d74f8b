import type { WorkspaceView } from '../workspace/workspaceView';
import { code, emphasis, joined, paragraph, strong, type Block, type CardDocument } from './card';
import { locationLink, oneLine } from './markdown';

/** The hover card of a concept: label, description, how claims stand toward it, and where it is defined. */
export function conceptCard(index: WorkspaceView, conceptId: string): CardDocument {
  const definitions = index.conceptDefinitions(conceptId);
  const concept = definitions[0];
  if (!concept) {
    return { blocks: [paragraph(code(conceptId), ': no concept has this id. Define it in a concepts file, or use an existing concept id.')] };
  }
  const blocks: Block[] = [paragraph(strong(concept.label?.value ?? conceptId), ' · concept ', code(conceptId))];
  if (concept.description) blocks.push(paragraph(oneLine(concept.description.value, 600)));
  const stances = new Map<string, number>();
  let claims = 0;
  for (const reference of index.conceptReferences(conceptId)) {
    if (reference.role !== 'concept' || !reference.claim) continue;
    claims++;
    const stance = reference.claim.stance?.value;
    if (stance) stances.set(stance, (stances.get(stance) ?? 0) + 1);
  }
  const byStance = [...stances].map(([stance, count]) => `${count} ${stance}`).join(', ');
  blocks.push(paragraph(emphasis('Claims:'), ` ${claims === 0 ? 'none yet' : `${claims}${byStance ? ` (${byStance})` : ''}`}`));
  blocks.push(paragraph('Defined at ', ...joined(definitions.map((d) => [locationLink(index, d.uri, d.id?.range ?? d.range)]))));
  return { blocks };
}
