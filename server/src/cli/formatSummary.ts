import { displayPath, type WorkspaceIndex, type WorkspaceSummary } from '../core';
import type { Colors } from './formatStylish';

/** A short account of what the workspace holds: actors, concepts, and claims and mentions per text. */
export function formatSummary(summary: WorkspaceSummary, index: WorkspaceIndex, colors: Colors): string {
  const lines = [
    colors.bold(`Workspace: ${summary.actors} actors, ${summary.concepts} concepts, ${summary.annotationFiles} annotation files, ${summary.texts.length} texts`),
  ];
  for (const text of summary.texts) {
    const title = text.title ? ` — ${text.title}` : '';
    lines.push(`  ${displayPath(index, text.uri)}${title}`);
    lines.push(`    claims:   ${text.claims} (${text.anchoredClaims} anchored)`);
    lines.push(`    mentions: ${text.mentions} (${text.explicitMentions} explicit) of ${text.actors} actors`);
  }
  return lines.join('\n');
}
