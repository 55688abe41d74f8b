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

  /** Loading reports the index so far and how many annotation files are left. */
  record(folder: string, index: WorkspaceIndex, annotationFilesLeft: number): void {
    this.indexing.set(folder, { index, annotationFilesLeft });
  }

  /** The files requests are waiting for in a folder. */
  wanted(folder: string): string[] {
    return (this.waiters.get(folder) ?? []).map((waiter) => waiter.uri);
  }

  hasWaiters(folder: string): boolean {
    return this.waiters.has(folder);
  }

  /** Lets go the requests waiting for a file the index so far now holds. True when some were. */
  release(folder: string, bufferOf: (uri: string) => string | undefined): boolean {
    const waiting = this.waiters.get(folder);
    if (!waiting) return false;
    const still = waiting.filter((waiter) => {
      if (!this.holds(folder, waiter.uri, bufferOf(waiter.uri))) return true;
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

  /** Whether the index so far holds the file (an annotation file, or a loaded text) with the content the editor has open. */
  holds(folder: string, uri: string, buffer: string | undefined): boolean {
    const index = this.indexing.get(folder)?.index;
    if (!index) return false;
    const holds = index.isAnnotationFile(uri) || index.textStatus(uri) === 'loaded';
    return holds && (buffer === undefined || index.content(uri) === buffer);
  }

  /**
   * The index so far, when it holds the file; for a text, only while the
   * alias matcher is built (after a large registry is added, it is built
   * again in slices: meanwhile a request gets no answer rather than build it
   * in one piece).
   */
  indexFor(folder: string, uri: string, buffer: string | undefined): WorkspaceIndex | undefined {
    const index = this.indexing.get(folder)?.index;
    if (!index || !this.holds(folder, uri, buffer)) return undefined;
    return index.isAnnotationFile(uri) || index.hasAliasMatcher ? index : undefined;
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
