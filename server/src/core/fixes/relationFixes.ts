import type { CoreDiagnostic, Span } from '../model';
import { removeListItem } from '../edits/yamlEdits';
import type { WorkspaceView } from '../workspace/workspaceView';
import { quickFix, type CodeFix } from './codeFix';

/** `relation-duplicate`: remove the second statement. A suggestion: it deletes what the user wrote. */
export function fixDuplicateRelation(index: WorkspaceView, diagnostic: CoreDiagnostic): CodeFix[] {
  const range = diagnostic.data?.relationRange as Span | undefined;
  const content = index.content(diagnostic.uri);
  if (!range || content === undefined) return [];
  const edit = removeListItem(diagnostic.uri, content, range);
  return edit ? [quickFix(diagnostic, 'remove-second-statement', 'Remove this second statement of the relation', [edit])] : [];
}
