import { applySeverityOverrides } from '../config';
import { applyEdits, type TextEdit } from '../edits/textEdit';
import type { CoreDiagnostic } from '../model';
import { parseAnnotationFile } from '../syntax/parseAnnotationFile';
import type { WorkspaceView } from '../workspace/workspaceView';

/**
 * Checks that edits do not damage a file: shared by `check --fix` (which
 * re-parses and re-checks the whole result) and the editor's code actions
 * (which only re-parse the files an action edits, to stay fast).
 */

/**
 * A diagnostic's identity across an edit: its code and message, with numbers
 * (line numbers, counts, percentages) left out, since edits move lines.
 */
export function problemKey(diagnostic: CoreDiagnostic): string {
  return `${diagnostic.uri}\u0000${diagnostic.code}\u0000${diagnostic.message.replace(/\d+/g, '#')}`;
}

/** The errors of `after` that `before` does not have (as many times as `after` has more of them). */
export function addedErrors(before: readonly CoreDiagnostic[], after: readonly CoreDiagnostic[]): CoreDiagnostic[] {
  const counts = new Map<string, number>();
  for (const diagnostic of before) {
    if (diagnostic.severity !== 'error') continue;
    const key = problemKey(diagnostic);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const added: CoreDiagnostic[] = [];
  for (const diagnostic of after) {
    if (diagnostic.severity !== 'error') continue;
    const key = problemKey(diagnostic);
    const left = counts.get(key) ?? 0;
    if (left > 0) counts.set(key, left - 1);
    else added.push(diagnostic);
  }
  return added;
}

/** The edits grouped by file, in the order the files first appear. */
export function editsByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const list = byFile.get(edit.uri);
    if (list) list.push(edit);
    else byFile.set(edit.uri, [edit]);
  }
  return byFile;
}

/**
 * Why applying `edits` would damage a file, judged by re-parsing only the
 * files they touch (not re-checking the workspace): a new YAML or format
 * error, or an edit on a file that is not an annotation file. Undefined
 * when the edits are harmless to parse. For code actions, which must be fast.
 */
export function editsBreakParsing(index: WorkspaceView, edits: readonly TextEdit[]): string | undefined {
  for (const [uri, list] of editsByFile(edits)) {
    const content = index.content(uri);
    const before = index.annotationFile(uri);
    if (content === undefined || !before) return 'it edits a file that is not a loaded annotation file';
    const after = parseAnnotationFile(uri, applyEdits(content, list), index.config.vocabulary);
    const added = addedErrors(applySeverityOverrides([...before.diagnostics], index.config), applySeverityOverrides([...after.diagnostics], index.config));
    if (added.length > 0) return `it would add the error "${added[0].message}"`;
  }
  return undefined;
}
