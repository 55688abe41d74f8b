import { CONFIG_FILE_NAME } from '../config';
import { annotationRoots, isAnnotationFileName, type FileRead, type LoadedWorkspace } from '../workspace/loadWorkspace';
import { isUnder, joinUri } from '../uris';

/** What a file is to its folder's index, which decides how a change to it is applied. */
export type FileRole = 'config' | 'annotation' | 'text' | 'other';

/** What a file is to the index of the folder that holds it. */
export function fileRole(workspace: LoadedWorkspace, uri: string): FileRole {
  const folder = workspace.index.workspaceFolders[0];
  if (uri === joinUri(folder, CONFIG_FILE_NAME)) return 'config';
  const index = workspace.index;
  if (isAnnotationFileName(uri) && annotationRoots(folder, index.config).some((root) => isUnder(uri, root))) return 'annotation';
  // A text no annotation points at any more is still kept in step, for when one points at it again.
  if (index.isText(uri) || index.textStatus(uri) !== 'unknown') return 'text';
  return 'other';
}

/** A change applied to the index, with the files it reaches still to compute (see `LiveWorkspace.stage`). */
export interface StagedChange {
  /** The files the change reaches, found a step at a time (comparing two versions of a file of 70,000 claims). */
  dependents: () => Generator<void, Set<string>>;
  /** The texts whose analysis finding the dependents and refreshing them needs. */
  texts: string[];
  workspace?: LoadedWorkspace;
  reload?: boolean;
}

/** What reading a deleted file gives. */
export const GONE: FileRead = { problem: { kind: 'missing' } };

/** Dependents worked out in one piece, in the stepped form `StagedChange.dependents` has. */
export function* atOnce(compute: () => Set<string>): Generator<void, Set<string>> {
  yield* [];
  return compute();
}
