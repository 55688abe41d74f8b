import { displayPath, type WorkspaceView, type WorkspaceSummary } from '../core';
import type { Colors } from './formatStylish';

/** A short account of what the workspace holds: actors, concepts, and claims and mentions per text. */
export function formatSummary(summary: WorkspaceSummary, index: WorkspaceView, colors: Colors): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = [
    colors.bold(`Workspace: ${count(summary.actors, 'actor')}, ${count(summary.concepts, 'concept')}, ${count(summary.annotationFiles, 'annotation file')}, ${count(summary.texts.length, 'text')}`),
  ];
  for (const text of summary.texts) {
    const title = text.title ? ` — ${text.title}` : '';
    lines.push(`  ${displayPath(index, text.uri)}${title}`);
    lines.push(`    claims:   ${text.claims} (${text.anchoredClaims} anchored)`);
    lines.push(`    mentions: ${text.mentions} (${text.explicitMentions} explicit) of ${text.actors} actors`);
  }
  return lines.join('\n');
}
