import { textDiagnostics } from '../features/textDiagnostics';
import { annotationFileDiagnostics, sortDiagnostics } from '../checks/index';
import { applySeverityOverrides, DEFAULT_LIMITS } from '../config';
import { loadWorkspace, readAllWithLimit, readWithLimit, storeText, type AnnotationParser, type FileRead, type LoadedWorkspace, type WorkspaceFileHost } from '../workspace/loadWorkspace';
import { drain } from '../aliasAutomaton';
import type { CoreDiagnostic } from '../model';
import type { LineIndex } from '../lineIndex';
import { basenameUri, canonicalUri, isUnder } from '../uris';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { WorkspaceView } from '../workspace/workspaceView';
import { dependentsOfTextChange, textMentionFootprint } from './diagnosticDependencies';
import { DiagnosticsTracker, type TrackedDiagnostics } from './diagnosticsTracker';
import { anchoringStepsFor, bySize, Slicer, textsAnalysedFor } from './analysisSlices';
import { countingReads } from './countingReads';
import { DiagnosticsAhead } from './diagnosticsAhead';
import { fileRole, GONE, type StagedChange } from './stagedChange';
import { stageInSteps } from './stageInSteps';
import { BufferEdits } from './bufferEdits';
import { indexSoFar, soFarOf } from './indexSoFar';
import type { ParanoidMode } from './paranoid';

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
  /** With `yieldControl`: parses large annotation files while other work runs (see `LoadWorkspaceOptions`). */
  largeFileParser?: AnnotationParser;
  paranoid?: ParanoidMode;
}

/** Called with progress messages while a folder is indexed. */
export type ProgressReporter = (message: string) => void;

/**
 * The workspace as an editor sees it: every folder's index, with the
 * editor's open buffers laid over the files on disk (open buffers win).
 *
 * Each change re-parses only the file it touched and refreshes the
 * diagnostics of the files that depend on it; listeners hear which files'
 * diagnostics actually changed. Buffer changes update the index before the
 * call returns, so a request that follows sees them; work that needs the
 * disk (texts a new `text:` points at, a reload after a configuration
 * change) runs after it, one task at a time.
 */
export class LiveWorkspace {
  private folders: string[];
  private host: WorkspaceFileHost;
  private readonly overlay: WorkspaceFileHost;
  private readonly loaded = new Map<string, LoadedWorkspace>();
  /**
   * What queries see: a folder's index once its first indexing has finished
   * (a reloaded one as soon as it is read). Changes apply to `loaded` at
   * once, so that indexing in slices never loses an edit made between two
   * slices.
   */
  private readonly serving = new Map<string, LoadedWorkspace>();
  /** What read requests may see of a folder during its first indexing, once its files are parsed (`readingIndexFor`). */
  private readonly readableSoFar = new Map<string, { index: WorkspaceIndex; view: WorkspaceView }>();
  /** Files whose diagnostics changed while their folder was indexed for the first time, announced once it is served. */
  private readonly unannounced = new Set<string>();
  private readonly buffers = new Map<string, string>();
  private readonly ahead = new DiagnosticsAhead();
  private readonly tracker = new DiagnosticsTracker((uri) => this.computeDiagnostics(uri));
  private readonly listeners = new Set<(uris: string[]) => void>();
  private tasks: Promise<unknown> = Promise.resolve();
  /** Folders whose index holds a file half entered (`StagingHost.halfUpdated`): whole-index requests wait. */
  private readonly halfUpdated = new Set<string>();
  /** Applies buffer changes, in steps when they are large. */
  private readonly edits: BufferEdits;
  private readonly firstLoad: Promise<void>;
  private markLoaded!: () => void;

  constructor(private readonly options: LiveWorkspaceOptions) {
    this.folders = options.folders.map(canonicalUri);
    this.host = options.createHost(this.folders);
    this.overlay = {
      listFiles: (folderUri) => this.host.listFiles(folderUri),
      readFile: async (uri) => this.buffers.get(canonicalUri(uri)) ?? this.host.readFile(uri),
      read: async (uri, limit) => {
        const buffer = this.buffers.get(canonicalUri(uri));
        return buffer !== undefined ? { content: buffer } : readWithLimit(this.host, uri, limit);
      },
      allowedLimits: async (folderUri) => (await this.host.allowedLimits?.(folderUri)) ?? DEFAULT_LIMITS,
    };
    this.firstLoad = new Promise((resolve) => (this.markLoaded = resolve));
    this.edits = new BufferEdits({
      workspaceFor: (uri) => this.workspaceFor(uri),
      tracker: this.tracker,
      ahead: this.ahead,
      paranoid: options.paranoid,
      isOpen: (uri) => this.buffers.has(uri),
      halfUpdated: (workspace, half) => this.setHalfUpdated(workspace, half),
      yieldControl: options.yieldControl,
      largeFileParser: options.largeFileParser,
      bufferContent: (uri) => this.buffers.get(uri),
      withFilesPointingInto: (uris) => this.withFilesPointingInto(uris),
      notify: (uris) => this.notify(uris),
      followUp: (workspace, reload) => this.followUp(workspace, reload),
      enqueue: (task) => this.enqueue(task),
    });
    options.paranoid?.attach({ workspaces: () => [...this.loaded.values()], tracker: this.tracker, host: this.overlay, whenReady: () => this.firstLoad, tasks: () => this.tasks, yieldControl: options.yieldControl });
  }

  // ---- loading -------------------------------------------------------------

  /** Indexes every folder (again). Requests keep being served from the previous index meanwhile. */
  load(progress?: ProgressReporter): Promise<void> {
    return this.enqueue(async () => {
      for (const folder of this.folders) await this.loadFolder(folder, progress);
      this.markLoaded();
    });
  }

  /** True once every folder has been indexed. */
  get isReady(): boolean {
    return this.folders.every((folder) => this.serving.has(folder));
  }

  /** Resolves when the first indexing has finished. */
  whenReady(): Promise<void> {
    return this.firstLoad;
  }

  /** The workspace folders, as canonical URIs. */
  folderUris(): string[] {
    return [...this.folders];
  }

  /** Replaces the workspace folders and indexes the new ones. */
  setFolders(folders: string[], progress?: ProgressReporter): Promise<void> {
    return this.enqueue(async () => {
      const next = folders.map(canonicalUri);
      const removed = [...this.loaded.keys()].filter((folder) => !next.includes(folder));
      this.folders = next;
      this.host = this.options.createHost(next);
      for (const folder of removed) {
        const files = this.knownFiles(this.loaded.get(folder));
        this.loaded.delete(folder);
        this.serving.delete(folder);
        this.readableSoFar.delete(folder);
        this.refresh(files);
        for (const uri of files) this.tracker.forget(uri);
      }
      for (const folder of next) if (!this.loaded.has(folder)) await this.loadFolder(folder, progress);
    });
  }

  private async loadFolder(folder: string, progress?: ProgressReporter): Promise<void> {
    const previous = this.knownFiles(this.loaded.get(folder));
    progress?.(`Indexing ${basenameUri(folder)}`);
    const slicer = new Slicer(this.options.yieldControl);
    const workspace = await loadWorkspace(countingReads(this.overlay, progress), folder, this.options.yieldControl ? { pause: () => slicer.pause(), largeFileParser: this.options.largeFileParser } : {});
    this.loaded.set(folder, workspace);
    // A reload is served at once, so that no query sees content older than an edit; a first indexing once it has finished.
    if (this.serving.has(folder)) this.serving.set(folder, workspace);
    // Buffers that changed while the folder was read.
    for (const [uri, content] of this.buffers) {
      if (this.folderOf(uri) === folder) this.apply(uri, { content });
    }
    await this.loadPendingTexts(workspace);
    await workspace.index.prepareAliasMatcher(() => slicer.pause());
    if (!this.serving.has(folder)) this.readableSoFar.set(folder, { index: workspace.index, view: indexSoFar(workspace.index) });
    const changed = await this.refreshInSlices([...previous, ...this.knownFiles(workspace)], slicer);
    // From here on, edits refresh only the files whose alias or actor use they change.
    workspace.index.takeUsageChanges();
    if (this.loaded.get(folder) === workspace) this.serving.set(folder, workspace);
    this.readableSoFar.delete(folder);
    // Listeners hear once the folder is served, as they read its files through the queries.
    for (const uri of changed) this.unannounced.add(uri);
    const waiting = [...this.unannounced];
    this.unannounced.clear();
    this.notify(waiting);
  }

  /**
   * `refresh` for the many files of an indexing, a slice at a time. Files
   * that define actors come last: their checks look at every text's
   * mentions, which the others have analysed by then, one text per step.
   * A change applied between slices refreshes what it reaches itself.
   * Returns the files whose diagnostics changed, for the caller to announce.
   */
  private async refreshInSlices(uris: Iterable<string>, slicer: Slicer): Promise<string[]> {
    const reached = new Set(uris);
    for (const uri of [...reached]) {
      for (const pointing of this.tracker.filesPointingInto(uri)) reached.add(pointing);
      await slicer.pause();
    }
    const first: string[] = [];
    const last: string[] = [];
    for (const uri of reached) {
      ((this.workspaceFor(uri)?.index.annotationFile(uri)?.actors.length ?? 0) > 0 ? last : first).push(uri);
      await slicer.pause();
    }
    // Small files and texts first, so that read requests can be answered about them while the large ones are analysed.
    const ordered = bySize(first, (uri) => this.workspaceFor(uri)?.index).concat(last);
    const changed: string[] = [];
    for (const uri of ordered) {
      const index = this.workspaceFor(uri)?.index;
      // The long part of a file's checks, anchoring its text's quotes, runs in slices first.
      if (index) await slicer.drive(anchoringStepsFor(index, textsAnalysedFor(index, [uri])));
      // Then its checks, which the refresh takes from `ahead` unless the index changed meanwhile.
      if (index) await this.ahead.compute(index, uri, slicer);
      changed.push(...this.tracker.refresh([uri]));
      this.ahead.take(uri);
      await slicer.pause();
    }
    return changed;
  }

  /** Tells the listeners which files' diagnostics changed; those of a folder still being indexed for the first time wait until it is served. */
  private notify(changed: Iterable<string>): void {
    const ready: string[] = [];
    for (const uri of changed) {
      const folder = this.folderOf(uri);
      if (folder !== undefined && this.loaded.has(folder) && !this.serving.has(folder)) this.unannounced.add(uri);
      else ready.push(uri);
    }
    if (ready.length === 0) return;
    for (const listener of this.listeners) listener(ready);
  }

  // ---- open buffers ----------------------------------------------------------

  /**
   * An editor opened or changed a document. The index holds the new content when this returns, unless the change
   * is large (an annotation file of 128 KB or more) or waits behind one: then it is applied in steps (`BufferEdits`).
   */
  setBuffer(uri: string, content: string): Promise<void> {
    uri = canonicalUri(uri);
    this.buffers.set(uri, content);
    return this.edits.apply(uri, content);
  }

  /** Resolves once the diagnostics of every buffer change so far are up to date. */
  whenRefreshed(): Promise<void> {
    return this.edits.whenRefreshed();
  }

  /** Resolves once an open buffer's latest content is in the index; undefined when it already is. */
  whenStaged(uri: string): Promise<void> | undefined {
    return this.edits.whenStaged(canonicalUri(uri));
  }

  /** How many times buffer changes applied in steps have let other work run (for tests). */
  get editPauses(): number {
    return this.edits.pauses;
  }

  /** While a folder's index holds a file half entered, reads see it as during a first indexing, and whole-index requests wait. */
  private setHalfUpdated(workspace: LoadedWorkspace, half: boolean): void {
    const folder = workspace.index.workspaceFolders[0];
    if (!this.serving.has(folder)) return;
    if (half) this.readableSoFar.set(folder, soFarOf(workspace.index));
    else this.readableSoFar.delete(folder);
    if (half) this.halfUpdated.add(folder);
    else this.halfUpdated.delete(folder);
  }

  /** An editor closed a document: the file on disk counts again. */
  closeBuffer(uri: string): Promise<void> {
    uri = canonicalUri(uri);
    if (!this.buffers.delete(uri)) return Promise.resolve();
    return this.enqueue(async () => {
      const read = await this.readFromDisk(uri);
      if (!this.buffers.has(uri)) await this.applyAndRefreshInSlices(uri, read);
    });
  }

  isOpen(uri: string): boolean { return this.buffers.has(canonicalUri(uri)); }

  // ---- files on disk -----------------------------------------------------------

  /** Files created, changed or deleted on disk (a rename is a delete and a create). Open buffers keep winning. */
  filesChanged(changes: FileChange[]): Promise<void> {
    return this.enqueue(async () => {
      for (const change of changes) {
        const uri = canonicalUri(change.uri);
        if (this.buffers.has(uri)) continue;
        const workspace = this.workspaceFor(uri);
        if (!workspace) continue;
        if (change.kind === 'deleted' && fileRole(workspace, uri) === 'other') {
          this.forgetFolderContents(workspace, uri);
          continue;
        }
        const read = change.kind === 'deleted' ? GONE : await this.readFromDisk(uri);
        if (!this.buffers.has(uri)) await this.applyAndRefreshInSlices(uri, read);
      }
    });
  }

  /** A deleted folder: everything that was read from under it is gone. */
  private forgetFolderContents(workspace: LoadedWorkspace, folderUri: string): void {
    const index = workspace.index;
    const affected = new Set<string>();
    for (const file of index.annotationFiles()) {
      if (isUnder(file.uri, folderUri) && !this.buffers.has(file.uri)) for (const uri of this.apply(file.uri, GONE).affected) affected.add(uri);
    }
    for (const text of index.referencedTexts()) {
      if (isUnder(text, folderUri) && !this.buffers.has(text)) for (const uri of this.apply(text, GONE).affected) affected.add(uri);
    }
    this.refresh(affected);
  }

  // ---- applying a change ----------------------------------------------------------

  /**
   * Applies new content (undefined: the file is gone) to the index and
   * refreshes the diagnostics it can reach, anchoring the quotes they need
   * in slices first; then runs the disk work that may follow.
   */
  private applyAndRefreshInSlices(uri: string, read: FileRead): Promise<void> {
    return this.edits.applyRead(uri, read);
  }

  /** The disk work that may follow a change: loading newly referenced texts, or a reload after a configuration change. */
  private followUp(workspace: LoadedWorkspace | undefined, reload: boolean | undefined): (() => Promise<void>) | undefined {
    if (!workspace) return undefined;
    if (reload) return () => this.loadFolder(workspace.index.workspaceFolders[0]);
    return workspace.index.pendingTexts().length > 0 ? () => this.loadPendingTexts(workspace) : undefined;
  }

  /** Updates the index for one file, as a fresh load would store what was read; returns the files it reaches. */
  private apply(uri: string, read: FileRead): { affected: Set<string>; workspace?: LoadedWorkspace; reload?: boolean } {
    const { dependents, workspace, reload } = this.stage(uri, read);
    return { affected: drain(dependents()), workspace, reload };
  }

  /** `apply`, with the files it reaches left to compute (that analyses `texts`, whose quotes may be anchored in slices first). */
  private stage(uri: string, read: FileRead): StagedChange {
    return drain(stageInSteps(this.edits.host, uri, read));
  }

  /** Reads the texts that annotation files point at but the index has not got yet. */
  private async loadPendingTexts(workspace: LoadedWorkspace): Promise<void> {
    const index = workspace.index;
    const pending = index.pendingTexts();
    if (pending.length === 0) return;
    const reads = await readAllWithLimit(this.overlay, pending, index.config.limits.textSize);
    if (this.loaded.get(index.workspaceFolders[0]) !== workspace) return;
    const stored: { uri: string; mentionsBefore: string }[] = [];
    pending.forEach((uri, i) => {
      // Opened, or loaded by another task, while it was being read.
      if (index.textStatus(uri) !== 'unknown') return;
      stored.push({ uri, mentionsBefore: textMentionFootprint(index, uri) });
      storeText(index, uri, reads[i]);
    });
    await new Slicer(this.options.yieldControl).drive(anchoringStepsFor(index, stored.map((text) => text.uri)));
    const affected = new Set<string>();
    for (const { uri, mentionsBefore } of stored) {
      for (const dependent of dependentsOfTextChange(index, uri, mentionsBefore, textMentionFootprint(index, uri))) affected.add(dependent);
    }
    this.refresh(affected);
  }

  /** Reads a file from disk with the size limit of its role, as a fresh load would. */
  private readFromDisk(uri: string): Promise<FileRead> {
    const workspace = this.workspaceFor(uri);
    if (!workspace) return Promise.resolve(GONE);
    const limits = workspace.index.config.limits;
    const limit = fileRole(workspace, uri) === 'annotation' ? limits.annotationFileSize : limits.textSize;
    return readWithLimit(this.host, uri, limit);
  }

  // ---- queries ------------------------------------------------------------------

  /** The index of the folder that holds a file, read-only: only the live workspace changes it. */
  indexFor(uri: string): WorkspaceView | undefined {
    const folder = this.folderOf(canonicalUri(uri));
    return folder === undefined || this.halfUpdated.has(folder) ? undefined : this.serving.get(folder)?.index;
  }

  /**
   * The index for a read request (hover, definition, highlights): the folder's, or during its first indexing, and
   * while an edit is applied in steps, the index so far (`soFar`; it never analyses a text itself, so a request
   * elsewhere never waits for a hostile text's anchoring) once it has the file: an annotation file, or an analysed
   * text (during an edit, a text not analysed yet is read from the index, which analyses it).
   */
  readingIndexFor(uri: string): { index: WorkspaceView; soFar: boolean } | undefined {
    const served = this.indexFor(uri);
    if (served && !this.edits.busy) return { index: served, soFar: false };
    const folder = this.folderOf(canonicalUri(uri)) ?? '';
    const soFar = served ? soFarOf(this.loaded.get(folder)!.index) : this.readableSoFar.get(folder);
    if (soFar && (soFar.index.isAnnotationFile(uri) || soFar.index.hasCurrentAnalysis(uri))) return { index: soFar.view, soFar: true };
    // A text the edit made stale is analysed for a request about it, as outside an edit.
    return served && { index: served, soFar: false };
  }

  /** A file's line index: an indexed file's, or policy-annotator.yaml's, which the index does not hold. */
  lineIndex(uri: string): LineIndex | undefined {
    const canonical = canonicalUri(uri);
    const workspace = this.workspaceFor(canonical);
    return this.indexFor(canonical)?.lineIndex(canonical) ?? (workspace?.configUri === canonical ? workspace.configLines : undefined);
  }

  private workspaceFor(uri: string): LoadedWorkspace | undefined {
    const folder = this.folderOf(uri);
    return folder === undefined ? undefined : this.loaded.get(folder);
  }

  /** The innermost workspace folder that holds the file. */
  private folderOf(uri: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) {
      if (isUnder(uri, folder) && (best === undefined || folder.length > best.length)) best = folder;
    }
    return best;
  }

  /** Every indexed index, one per workspace folder, read-only. */
  indexes(): WorkspaceView[] {
    return [...this.serving.values()].map((workspace) => workspace.index);
  }

  /** Every file that can have diagnostics: annotation files, the texts they point at, configuration files. */
  diagnosableFiles(): string[] {
    return [...this.loaded.values()].flatMap((workspace) => this.knownFiles(workspace)).sort();
  }

  private knownFiles(workspace: LoadedWorkspace | undefined): string[] {
    if (!workspace) return [];
    const index = workspace.index;
    return [
      ...(workspace.configUri ? [workspace.configUri] : []),
      ...index.annotationFiles().map((file) => file.uri),
      ...index.referencedTexts().filter((uri) => index.textStatus(uri) === 'loaded'),
    ];
  }

  // ---- diagnostics --------------------------------------------------------------

  /** The current diagnostics of a file, with the id that changes whenever they do. */
  diagnostics(uri: string): TrackedDiagnostics {
    return this.tracker.get(canonicalUri(uri));
  }

  /** Listens for files whose diagnostics changed. Returns a function that stops listening. */
  onDiagnosticsChanged(listener: (uris: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Recomputes the diagnostics of the files a change reached, and of the
   * files whose diagnostics point into them (their related locations may
   * have moved), and tells the listeners which changed.
   */
  private refresh(uris: Iterable<string>): void {
    this.notify(this.tracker.refresh(this.withFilesPointingInto(uris)));
  }

  private withFilesPointingInto(uris: Iterable<string>): Set<string> {
    const reached = new Set(uris);
    for (const uri of [...reached]) for (const pointing of this.tracker.filesPointingInto(uri)) reached.add(pointing);
    return reached;
  }

  private computeDiagnostics(uri: string): CoreDiagnostic[] {
    const workspace = this.workspaceFor(uri);
    if (!workspace) return [];
    const index = workspace.index;
    if (uri === workspace.configUri) return sortDiagnostics(applySeverityOverrides(workspace.configDiagnostics, index.config));
    if (index.isAnnotationFile(uri)) return this.ahead.take(uri) ?? annotationFileDiagnostics(index, uri);
    if (index.isText(uri)) return textDiagnostics(index, uri);
    return [];
  }

  // ---- tasks ----------------------------------------------------------------------

  /** Runs tasks that read files one after another, so that a slow read never overwrites a newer change. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.tasks.then(task).catch((error: unknown) => {
      this.options.log?.(`Policy Annotator could not update the workspace: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
    this.tasks = run;
    return run;
  }
}
