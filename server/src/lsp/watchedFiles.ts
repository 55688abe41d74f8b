import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import type { FileChangeKind } from '../core/live';
import { guardNotification } from './guard';
import type { ServerSession } from './serverSession';

const KINDS: Record<FileChangeType, FileChangeKind> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/**
 * Picks up files created, changed, deleted or renamed on disk: annotation
 * files, texts and policy-annotator.yaml (which rebuilds its folder). The
 * server asks to watch every file, since texts may have any extension and a
 * deleted folder is reported as the folder alone.
 */
export function startWatchingFiles(session: ServerSession): void {
  session.connection.onDidChangeWatchedFiles(
    guardNotification(session.log, 'workspace/didChangeWatchedFiles', (params) =>
      session.workspace.filesChanged(params.changes.map((change) => ({ uri: change.uri, kind: KINDS[change.type] }))),
    ),
  );
  if (session.client.watchedFilesRegistration) {
    session.connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
      .catch((error: unknown) => session.log.error(`Could not ask the editor to watch files; changes on disk will be noticed only when files are opened: ${String(error)}`));
  }
}
