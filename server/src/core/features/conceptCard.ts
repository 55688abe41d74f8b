import type { WorkspaceIndex } from '../workspaceIndex';
import { escapeMarkdown, inlineCode, locationLink, oneLine } from './markdown';

/** The hover card of a concept: label, description, how claims stand toward it, and where it is defined. */
export function conceptCard(index: WorkspaceIndex, conceptId: string): string {
  const definitions = index.conceptDefinitions(conceptId);
  const concept = definitions[0];
  if (!concept) {
    return `${inlineCode(conceptId)}: no concept has this id. Define it in a concepts file, or use an existing concept id.`;
  }
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(concept.label?.value ?? conceptId)}** · concept ${inlineCode(conceptId)}`);
  if (concept.description) {
    lines.push('');
    lines.push(escapeMarkdown(oneLine(concept.description.value, 600)));
  }
  const stances = new Map<string, number>();
  let claims = 0;
  for (const reference of index.conceptReferences(conceptId)) {
    if (reference.role !== 'concept' || !reference.claim) continue;
    claims++;
    const stance = reference.claim.stance?.value;
    if (stance) stances.set(stance, (stances.get(stance) ?? 0) + 1);
  }
  lines.push('');
  const byStance = [...stances].map(([stance, count]) => `${count} ${stance}`).join(', ');
  lines.push(`*Claims:* ${claims === 0 ? 'none yet' : `${claims}${byStance ? ` (${byStance})` : ''}`}`);
  lines.push('');
  lines.push(`Defined at ${definitions.map((d) => locationLink(index, d.uri, d.id?.range ?? d.range)).join(', ')}`);
  return lines.join('\n');
}
