import { canonicalUri, type CoreDiagnostic, type WorkspaceView } from '../core';
import { curatedTextsOf, curationDiagnostics, CurationCache, type CuratedWorkspace } from '../core/agreement';
import type { TrackedDiagnostics } from '../core/live';
import type { CompareTarget } from '../protocol';

/**
 * Loads the other annotator's workspace, read-only, for a folder of mine
 * (injected by the node entry point: the lsp layer reads no disk and runs
 * no git). `pause` lets requests in between, as indexing does.
 */
export type ComparisonLoader = (myFolderUri: string, target: CompareTarget, pause: () => Promise<void>) => Promise<CuratedWorkspace | { error: string }>;

/**
 * The session's comparison with another annotator, while there is one: the
 * other workspace, the differences dismissed ("keep mine"), and who listens
 * for files whose curation diagnostics changed. The differences of a text
 * are computed when first asked for and kept in the comparison's cache
 * until my text, its annotation files or the registry change (the cache
 * sees that from my index: curationCache.ts), so my edits update them
 * without bookkeeping here.
 */
export class Comparison {
  private current: { folder: string; theirs: CuratedWorkspace; cache: CurationCache } | undefined;
  private readonly dismissed = new Set<string>();
  private readonly listeners = new Set<() => void>();
  /** Bumped on start, stop and dismiss: part of every result id while comparing. */
  private generation = 0;

  get active(): { folder: string; name: string } | undefined {
    return this.current && { folder: this.current.folder, name: this.current.theirs.name };
  }

  start(folder: string, theirs: CuratedWorkspace): void {
    this.current = { folder: canonicalUri(folder), theirs, cache: new CurationCache(theirs) };
    this.dismissed.clear();
    this.changed();
  }

  stop(): boolean {
    if (!this.current) return false;
    this.current = undefined;
    this.dismissed.clear();
    this.changed();
    return true;
  }

  dismiss(key: string): boolean {
    if (!this.current || this.dismissed.has(key)) return false;
    this.dismissed.add(key);
    this.changed();
    return true;
  }

  /** Listens for a change of the comparison itself (every compared file's diagnostics may change). */
  onChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.generation++;
    for (const listener of this.listeners) listener();
  }

  /** My workspace and theirs, when `index` is the index of the compared folder. */
  sides(index: WorkspaceView | undefined): { mine: CuratedWorkspace; theirs: CuratedWorkspace; cache: CurationCache } | undefined {
    if (!this.current || !index || !index.workspaceFolders.includes(this.current.folder)) return undefined;
    return { mine: { view: index, folderUri: this.current.folder, name: 'you' }, theirs: this.current.theirs, cache: this.current.cache };
  }

  /** A file's own diagnostics with its curation diagnostics added, and a result id that changes when either does. */
  merged(index: WorkspaceView | undefined, uri: string, own: TrackedDiagnostics): TrackedDiagnostics {
    const sides = this.sides(index);
    if (!sides) return own;
    const extra = curationDiagnostics(sides.mine, sides.theirs, canonicalUri(uri), this.dismissed, sides.cache);
    if (extra.length === 0) return { ...own, resultId: `${own.resultId}~${this.generation}` };
    return { resultId: `${own.resultId}~${this.generation}~${stampOf(extra)}`, diagnostics: [...own.diagnostics, ...extra] };
  }

  /** The files whose curation diagnostics an edit of these files can change: each text with its annotation files. */
  withComparedFiles(index: (uri: string) => WorkspaceView | undefined, uris: readonly string[]): string[] {
    if (!this.current) return [...uris];
    const all = new Set(uris);
    for (const uri of uris) {
      const view = index(uri);
      if (!this.sides(view)) continue;
      for (const text of curatedTextsOf(view!, uri)) {
        all.add(text);
        for (const annotation of view!.annotationsOf(text)) all.add(annotation);
      }
    }
    return [...all];
  }
}

/** A short stamp of curation diagnostics: their codes, places, keys and messages (linear in their size). */
function stampOf(diagnostics: readonly CoreDiagnostic[]): string {
  let hash = 0x811c9dc5;
  for (const d of diagnostics) {
    const text = `${d.code}:${d.range.start}:${d.range.end}:${String(d.data?.key ?? '')}:${d.message};`;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return `${diagnostics.length}.${(hash >>> 0).toString(36)}`;
}
