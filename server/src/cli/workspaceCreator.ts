/** A file `init` creates: a path relative to the new workspace folder (with `/`), and its content. */
export interface NewWorkspaceFile {
  path: string;
  content: string | Uint8Array;
}

/** The file system side of `init`, supplied by the Node entry point. */
export interface WorkspaceCreator {
  /** The bytes of the text to copy (the user's own file, named on the command line). */
  readSourceText: (file: string) => Promise<Uint8Array>;
  /**
   * Creates the files under the folder (created if missing), never
   * overwriting anything and never following a symbolic link; refuses
   * (InitRefused) before writing anything when one of them already exists.
   */
  createFiles: (folder: string, files: NewWorkspaceFile[]) => Promise<void>;
}

/** `init` cannot go ahead without overwriting or following a link: reported, exit 2. */
export class InitRefused extends Error {}
