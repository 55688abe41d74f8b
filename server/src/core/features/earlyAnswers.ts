import type { WorkspaceIndex } from '../workspaceIndex';

interface Indexing {
  index: WorkspaceIndex;
  annotationFilesLeft: number;
}

interface Waiter {
  uri: string;
  resolve: () => void;
}

/**
 * Folders during their first indexing, for read requests that need not wait
 * for all of it: a hover right after a folder opens gets its card as soon as
 * the text it points into, its annotation file and the files indexed before
 * it are in (small files come first), while large files still index.
 */
export class EarlyAnswers {
  private readonly indexing = new Map<string, Indexing>();
  private readonly waiters = new Map<string, Waiter[]>();

  /**
   * Loading reports the index so far and how many annotation files are left;
   * requests waiting for a file it now holds are let go. True when some were.
   */
  progress(folder: string, index: WorkspaceIndex, annotationFilesLeft: number, bufferOf: (uri: string) => string | undefined): boolean {
    this.indexing.set(folder, { index, annotationFilesLeft });
    const waiting = this.waiters.get(folder);
    if (!waiting) return false;
    const still = waiting.filter((waiter) => {
      if (!this.indexFor(folder, waiter.uri, bufferOf(waiter.uri))) return true;
      waiter.resolve();
      return false;
    });
    if (still.length > 0) this.waiters.set(folder, still);
    else this.waiters.delete(folder);
    return still.length < waiting.length;
  }

  /** The folder is served in full (or removed): it needs no early answers any more. */
  served(folder: string): void {
    this.indexing.delete(folder);
    for (const waiter of this.waiters.get(folder) ?? []) waiter.resolve();
    this.waiters.delete(folder);
  }

  /** The index so far, when it holds the file (an annotation file, or a loaded text) with the content the editor has open. */
  indexFor(folder: string, uri: string, buffer: string | undefined): WorkspaceIndex | undefined {
    const index = this.indexing.get(folder)?.index;
    if (!index) return undefined;
    const holds = index.isAnnotationFile(uri) || index.textStatus(uri) === 'loaded';
    if (!holds || (buffer !== undefined && index.content(uri) !== buffer)) return undefined;
    return index;
  }

  filesLeft(folder: string): number {
    return this.indexing.get(folder)?.annotationFilesLeft ?? 0;
  }

  waitFor(folder: string, uri: string): Promise<void> {
    return new Promise((resolve) => {
      const waiting = this.waiters.get(folder) ?? [];
      waiting.push({ uri, resolve });
      this.waiters.set(folder, waiting);
    });
  }
}
