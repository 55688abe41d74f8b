import type { TextEdit } from '../edits/textEdit';
import type { CoreDiagnostic } from '../model';
import type { WorkspaceIndex } from '../workspaceIndex';
import { quickFixes } from './quickFixes';

export interface FixAllResult {
  edits: TextEdit[];
  /** The diagnostics whose preferred fix is among the edits. */
  fixed: CoreDiagnostic[];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.uri !== b.uri) return false;
  if (a.range.start === a.range.end && b.range.start === b.range.end) return a.range.start === b.range.start;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/**
 * The preferred quick fix of each diagnostic (the one an editor would apply
 * on its own: a did-you-mean id, a stale quote updated to the text's words,
 * a normalised quote's exact characters, an unused alias removed), skipping
 * any whose edits would collide with one already chosen. For `check --fix`.
 */
export function preferredFixes(index: WorkspaceIndex, diagnostics: readonly CoreDiagnostic[]): FixAllResult {
  const edits: TextEdit[] = [];
  const fixed: CoreDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const fix = quickFixes(index, diagnostic).find((candidate) => candidate.isPreferred);
    if (!fix || fix.edits.some((edit) => edits.some((taken) => overlaps(edit, taken)))) continue;
    edits.push(...fix.edits);
    fixed.push(diagnostic);
  }
  return { edits, fixed };
}
