import { readWithLimit, type WorkspaceFileHost } from '../workspace/loadWorkspace';

/** The host, reporting every 50 files read, for the progress shown while a folder is indexed. */
export function countingReads(host: WorkspaceFileHost, progress: ((message: string) => void) | undefined): WorkspaceFileHost {
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
