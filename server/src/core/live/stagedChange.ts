import type { FileRead, LoadedWorkspace } from '../loadWorkspace';

/** What a file is to its folder's index, which decides how a change to it is applied. */
export type FileRole = 'config' | 'annotation' | 'text' | 'other';

/** A change applied to the index, with the files it reaches still to compute (see `LiveWorkspace.stage`). */
export interface StagedChange {
  dependents: () => Set<string>;
  /** The texts whose analysis finding the dependents and refreshing them needs. */
  texts: string[];
  workspace?: LoadedWorkspace;
  reload?: boolean;
}

/** What reading a deleted file gives. */
export const GONE: FileRead = { problem: { kind: 'missing' } };
