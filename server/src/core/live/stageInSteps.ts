import type { AnnotationFile } from '../model';
import { storeText, type FileRead, type LoadedWorkspace } from '../workspace/loadWorkspace';
import { textsAnalysedFor } from './analysisSlices';
import { CODES_DEPENDING_ON_ALL_IDS, dependentsOfAnnotationChange, dependentsOfTextChange, textMentionFootprint } from './diagnosticDependencies';
import type { DiagnosticsAhead } from './diagnosticsAhead';
import type { DiagnosticsTracker } from './diagnosticsTracker';
import type { ParanoidMode } from './paranoid';
import { atOnce, fileRole, type StagedChange } from './stagedChange';

/** What applying a change to a folder's index needs of the live workspace. */
export interface StagingHost {
  workspaceFor(uri: string): LoadedWorkspace | undefined;
  readonly tracker: DiagnosticsTracker;
  readonly ahead: DiagnosticsAhead;
  readonly paranoid?: ParanoidMode;
  isOpen(uri: string): boolean;
  /**
   * Called around the steps in which the index holds a file half entered
   * (its registry entries added a step at a time): read requests then see the
   * folder as during its first indexing, and whole-index requests wait.
   */
  halfUpdated(workspace: LoadedWorkspace, half: boolean): void;
}

/**
 * Updates the index for one file as a fresh load would store what was read,
 * a step at a time (a file of 70,000 claims enters the registry in many
 * steps), and returns the change with the files it reaches still to
 * compute. `parsed` is the model of `read`'s content when it was parsed
 * elsewhere (on a worker thread).
 */
export function* stageInSteps(host: StagingHost, uri: string, read: FileRead, parsed?: AnnotationFile): Generator<void, StagedChange> {
  host.ahead.invalidate();
  const none = (workspace?: LoadedWorkspace): StagedChange => ({ dependents: () => atOnce(() => new Set()), texts: [], workspace });
  const workspace = host.workspaceFor(uri);
  if (!workspace) return none();
  const index = workspace.index;
  host.paranoid?.changed(uri, read, index.content(uri), host.isOpen(uri));
  const content = 'content' in read ? read.content : undefined;
  switch (fileRole(workspace, uri)) {
    case 'config':
      return { ...none(workspace), reload: true };
    case 'annotation': {
      const before = index.annotationFile(uri);
      const textsBefore = textsAnalysedFor(index, [uri]);
      if (content !== undefined) {
        if (before && index.content(uri) === content) return none(workspace);
        host.halfUpdated(workspace, true);
        try {
          yield* index.setAnnotationFileInSteps(uri, content, parsed);
        } finally {
          host.halfUpdated(workspace, false);
        }
      } else if ('problem' in read && read.problem.kind !== 'missing') {
        index.setAnnotationFileUnreadable(uri, read.problem);
      } else {
        if (!before) return none(workspace);
        index.removeAnnotationFile(uri);
      }
      const after = index.annotationFile(uri);
      const withIdCodes = host.tracker.urisWithCodes(CODES_DEPENDING_ON_ALL_IDS);
      const texts = [...new Set([...textsBefore, ...textsAnalysedFor(index, [uri])])];
      return { dependents: () => dependentsOfAnnotationChange(index, uri, before, after, withIdCodes), texts, workspace };
    }
    case 'text': {
      if (content !== undefined && index.textStatus(uri) === 'loaded' && index.content(uri) === content) return none(workspace);
      const mentionsBefore = textMentionFootprint(index, uri);
      storeText(index, uri, read);
      return { dependents: () => atOnce(() => dependentsOfTextChange(index, uri, mentionsBefore, textMentionFootprint(index, uri))), texts: [uri], workspace };
    }
    default:
      return none(workspace);
  }
}
