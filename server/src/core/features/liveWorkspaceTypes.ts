import { readWithLimit, type AnnotationParser, type FileRead, type LoadedWorkspace, type WorkspaceFileHost } from '../loadWorkspace';

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  uri: string;
  kind: FileChangeKind;
}

export interface LiveWorkspaceOptions {
  /** Workspace folder URIs. */
  folders: string[];
  /** Gives file access to these folders (the disk, in the server); open buffers are laid over it. */
  createHost: (folders: string[]) => WorkspaceFileHost;
  /** Where problems go that must not stop the workspace, such as a failed reload. */
  log?: (message: string) => void;
  /**
   * Lets other work run between slices of indexing (the server passes one
   * that waits for its event loop's next turn, so that requests arriving
   * while a folder is indexed are answered). Without it a folder is indexed
   * in one go.
   */
  yieldControl?: () => Promise<void>;
  /** With `yieldControl`: parses large annotation files while other work runs (see LoadWorkspaceOptions). */
  largeFileParser?: AnnotationParser;
}

/** Called with progress messages while a folder is indexed. */
export type ProgressReporter = (message: string) => void;

export type FileRole = 'config' | 'annotation' | 'text' | 'other';

/** A change applied to the index, with the files it reaches still to compute (see `stage`). */
export interface StagedChange {
  dependents: () => Set<string>;
  /** The texts whose analysis finding the dependents and refreshing them needs. */
  texts: string[];
  workspace?: LoadedWorkspace;
  reload?: boolean;
}

/** What reading a deleted file gives. */
export const GONE: FileRead = { problem: { kind: 'missing' } };


/** A host that reads through `host` and reports every 50 files read, for indexing progress. */
export function countingReads(host: WorkspaceFileHost, progress: ProgressReporter | undefined): WorkspaceFileHost {
  let read = 0;
  const counted = () => {
    if (++read % 50 === 0) progress?.(`${read} files read`);
  };
  return {
    listFiles: (uri) => host.listFiles(uri),
    readFile: (uri) => {
      counted();
      return host.readFile(uri);
    },
    read: (uri, limit) => {
      counted();
      return readWithLimit(host, uri, limit);
    },
    allowedLimits: (folderUri) => host.allowedLimits!(folderUri),
  };
}
