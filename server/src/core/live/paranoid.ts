import { annotationFileDiagnostics, sortDiagnostics } from '../checks/index';
import { applySeverityOverrides, CONFIG_FILE_NAME, DEFAULT_LIMITS, type Limits } from '../config';
import { textDiagnostics } from '../features/textDiagnostics';
import { loadWorkspace, readWithLimit, type FileRead, type LoadedWorkspace, type WorkspaceFileHost } from '../workspace/loadWorkspace';
import type { CoreDiagnostic } from '../model';
import { parseAnnotationFile } from '../syntax/parseAnnotationFile';
import { isUnder, joinUri } from '../uris';
import { anchoringStepsFor, Slicer, textsAnalysedFor } from './analysisSlices';
import { sameValue, type DiagnosticsTracker } from './diagnosticsTracker';

/** How every paranoid report begins, so that a test or CI run can find them in a log. */
export const PARANOID_PREFIX = 'Paranoid mode:';

/** The most files whose differences one report spells out. */
const FILES_SPELLED_OUT = 5;
/** The most changes one report spells out, the latest ones. */
const CHANGES_SPELLED_OUT = 3;

/** What paranoid mode reads of a live workspace, given by the LiveWorkspace itself. */
export interface LiveWorkspaceState {
  /** Every folder's index as changes are applied to it. */
  workspaces(): LoadedWorkspace[];
  tracker: DiagnosticsTracker;
  /** Files as a fresh load reads them: the disk with the open buffers laid over it. */
  host: WorkspaceFileHost;
  /** The last of the tasks the live workspace runs one after another (disk reads, refreshes in slices, reloads). */
  tasks(): Promise<unknown>;
  /** Resolves once the first indexing has finished. */
  whenReady(): Promise<void>;
  /** Lets other work run between slices of a check, as between slices of indexing (see LiveWorkspaceOptions). */
  yieldControl?: () => Promise<void>;
}

/** What was read ahead of a rebuild: files by URI, and the limits each folder's user allows. */
interface ReadAhead {
  files: Map<string, FileRead>;
  limits: Map<string, Limits>;
}

export interface ParanoidOptions {
  /** Gets every difference, as one line (an error). */
  report(message: string): void;
  /** Gets a line after every check that names the changes it covered (for a log a test can wait on). */
  checked?(message: string): void;
  /** Waits so long (a timer: the core has none); without it checks follow each other at once. */
  wait?(ms: number): Promise<void>;
}

interface PendingChanges {
  count: number;
  latest: string[];
  /** Annotation files whose new content the block reader's check has not seen yet; undefined: every file. */
  annotationFiles: Set<string> | undefined;
}

/**
 * Paranoid mode (POLICY_ANNOTATOR_PARANOID=1 in the server): after changes,
 * rebuilds every folder's index from scratch from the contents the live
 * workspace holds, as a first load would (`loadWorkspace`), computes every
 * file's diagnostics afresh and compares them with what the incremental
 * tracker holds; every file the block reader read since the last check is
 * also read with `parseDocument` and the two trees compared. Any difference
 * is reported as one line that begins with PARANOID_PREFIX and names the
 * files, the first differing diagnostic on each side and the changes since
 * the last check.
 *
 * A rebuild costs as much as a first load. It runs in slices, as indexing
 * does, so that requests are answered meanwhile: it starts from a snapshot
 * of the contents and of the tracked diagnostics, taken when every change so
 * far has been refreshed. Checks run at most half of the time (given `wait`): a change after
 * a quiet spell is checked on its own, at once; changes that come while a
 * check runs, or in the pause after it as long as it, are checked together,
 * and the report names them all (the latest spelled out).
 */
export class ParanoidMode {
  private live: LiveWorkspaceState | undefined;
  private pending: PendingChanges = { count: 0, latest: [], annotationFiles: new Set() };
  /** Changes seen since the workspace was attached (the first indexing counts as one). */
  private seen = 0;
  /** URIs read ahead of a rebuild (configuration, unreadable files) that a change touched since. */
  private readAhead = new Set<string>();
  private touchedAhead = false;
  private running: Promise<void> | undefined;
  private lastCheck = { ms: 0, endedAt: 0 };
  /** How many checks ran, and how many found a difference (for tests and logs). */
  readonly counts = { checks: 0, differences: 0 };

  private readonly report: (message: string) => void;
  private readonly checked?: (message: string) => void;
  private readonly wait?: (ms: number) => Promise<void>;

  constructor(options: ParanoidOptions) {
    ({ report: this.report, checked: this.checked, wait: this.wait } = options);
  }

  /** Called by the LiveWorkspace it watches, once; the first check runs after the first indexing. */
  attach(live: LiveWorkspaceState): void {
    this.live = live;
    this.pending = { count: 1, latest: ['the first indexing'], annotationFiles: undefined };
    this.seen = 1;
    void live.whenReady().then(() => this.schedule());
  }

  /** Called as the live workspace applies new content (or a file's absence) to a file, before it does. */
  changed(uri: string, read: FileRead, before: string | undefined, inEditor: boolean): void {
    this.pending.count++;
    this.seen++;
    this.pending.latest.push(describeChange(uri, read, before, inEditor));
    if (this.pending.latest.length > CHANGES_SPELLED_OUT) this.pending.latest.shift();
    this.pending.annotationFiles?.add(uri);
    if (this.readAhead.has(uri)) this.touchedAhead = true;
    this.schedule();
  }

  /** Resolves once every change so far has been checked (for tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private schedule(): void {
    if (this.running || !this.live) return;
    this.running = this.run().finally(() => (this.running = undefined));
  }

  private async run(): Promise<void> {
    const live = this.live!;
    while (this.pending.count > 0) {
      // At least as long a pause after a check as it took, so that the requests in between are answered at full speed.
      const rest = this.lastCheck.endedAt + this.lastCheck.ms - Date.now();
      if (rest > 0) await this.wait?.(rest);
      await settled(live);
      const started = Date.now();
      try {
        await this.check(live);
      } catch (error) {
        this.report(`${PARANOID_PREFIX} the check itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      this.lastCheck = { ms: Date.now() - started, endedAt: Date.now() };
    }
  }

  private async check(live: LiveWorkspaceState): Promise<void> {
    // What the index does not hold (the configuration, why a file is unreadable) is read first; a change to one of those files meanwhile means reading again.
    let ahead: ReadAhead;
    do {
      this.touchedAhead = false;
      this.readAhead = new Set(live.workspaces().flatMap(urisReadAhead));
      ahead = { files: new Map(), limits: new Map() };
      for (const workspace of live.workspaces()) {
        const folder = workspace.index.workspaceFolders[0];
        ahead.limits.set(folder, (await live.host.allowedLimits?.(folder)) ?? DEFAULT_LIMITS);
        for (const uri of urisReadAhead(workspace)) ahead.files.set(uri, await readAheadOf(live.host, workspace, uri));
      }
      await settled(live);
    } while (this.touchedAhead);
    this.readAhead.clear();
    // The snapshot: the contents the index holds and the diagnostics the tracker holds, at one moment when every
    // change so far has been refreshed. The rebuild from the contents runs in slices after it, while requests and
    // further changes are served; its diagnostics are compared with those the tracker held at the snapshot.
    const changes = this.pending;
    const covered = this.seen;
    this.pending = { count: 0, latest: [], annotationFiles: new Set() };
    const incremental = new Map(live.tracker.trackedUris().map((uri) => [uri, live.tracker.lastComputed(uri) ?? []]));
    const snapshots = live.workspaces().map((workspace) => ({ folder: workspace.index.workspaceFolders[0], host: snapshotHost(workspace, ahead) }));
    const slicer = new Slicer(live.yieldControl);
    const blockReader: string[] = [];
    const fresh = new Map<string, CoreDiagnostic[]>();
    for (const { folder, host } of snapshots) {
      const rebuilt = await loadWorkspace(host, folder, {
        pause: () => slicer.pause(),
        parser: {
          parseAll: async (sources, vocabulary) => {
            const parsed = [];
            for (const source of sources) {
              const checked = changes.annotationFiles === undefined || changes.annotationFiles.has(source.uri);
              parsed.push(parseAnnotationFile(source.uri, source.content, vocabulary, checked ? { onBlockReaderDisagreement: (message) => blockReader.push(message) } : {}));
              await slicer.pause();
            }
            return parsed;
          },
        },
      });
      await rebuilt.index.prepareAliasMatcher(() => slicer.pause());
      const steps = diagnosticSteps(rebuilt);
      for (let step = steps.next(); ; step = steps.next()) {
        if (step.done) {
          for (const [uri, diagnostics] of step.value) fresh.set(uri, diagnostics);
          break;
        }
        await slicer.pause();
      }
    }
    this.counts.checks++;
    const after = describeChanges(changes);
    for (const message of blockReader) this.report(`${PARANOID_PREFIX} the block reader and parseDocument disagree on ${message} (${after})`);
    const differing: string[] = [];
    for (const uri of new Set([...fresh.keys(), ...incremental.keys()])) {
      const before = incremental.get(uri) ?? [];
      const rebuilt = fresh.get(uri) ?? [];
      if (!sameValue(before, rebuilt)) differing.push(describeDifference(uri, before, rebuilt));
    }
    if (differing.length > 0 || blockReader.length > 0) this.counts.differences++;
    this.checked?.(`${PARANOID_PREFIX} checked ${fresh.size} files ${after}: ${differing.length + blockReader.length === 0 ? 'no difference' : 'differences reported'} (${covered} of ${this.seen} changes checked so far)`);
    if (differing.length === 0) return;
    const more = differing.length > FILES_SPELLED_OUT ? `; and ${count(differing.length - FILES_SPELLED_OUT, 'more file')}` : '';
    this.report(`${PARANOID_PREFIX} the incremental diagnostics of ${count(differing.length, 'file')} differ from a rebuild from scratch ${after}: ${differing.slice(0, FILES_SPELLED_OUT).join('; ')}${more}`);
  }
}

/** Resolves once the live workspace has no task left: every change applied so far has refreshed its diagnostics. */
async function settled(live: LiveWorkspaceState): Promise<void> {
  for (let tail = live.tasks(); ; tail = live.tasks()) {
    await tail;
    if (tail === live.tasks()) return;
  }
}

/** Every diagnostic of a loaded workspace, computed afresh: annotation files, the texts they point at, the configuration. */
export function workspaceDiagnostics(workspace: LoadedWorkspace): Map<string, CoreDiagnostic[]> {
  const steps = diagnosticSteps(workspace);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `workspaceDiagnostics` a step at a time (anchoring one text's quotes, checking one file), for a caller that runs it in slices. */
function* diagnosticSteps(workspace: LoadedWorkspace): Generator<void, Map<string, CoreDiagnostic[]>> {
  const { index } = workspace;
  const result = new Map<string, CoreDiagnostic[]>();
  // Files that define actors come last: their checks look at every text's mentions, which are analysed by then, one text per step.
  const files = index.annotationFiles();
  for (const file of files.filter((candidate) => candidate.actors.length === 0)) {
    yield* anchoringStepsFor(index, textsAnalysedFor(index, [file.uri]));
    result.set(file.uri, annotationFileDiagnostics(index, file.uri));
    yield;
  }
  for (const uri of index.referencedTexts()) {
    if (index.textStatus(uri) !== 'loaded') continue;
    yield* anchoringStepsFor(index, [uri]);
    result.set(uri, textDiagnostics(index, uri));
    yield;
  }
  for (const file of files.filter((candidate) => candidate.actors.length > 0)) {
    yield* anchoringStepsFor(index, textsAnalysedFor(index, [file.uri]));
    result.set(file.uri, annotationFileDiagnostics(index, file.uri));
    yield;
  }
  if (workspace.configUri) result.set(workspace.configUri, sortDiagnostics(applySeverityOverrides(workspace.configDiagnostics, index.config)));
  return result;
}

/** Files whose content the index does not keep: the configuration, annotation files that could not be read, texts not read yet. */
function urisReadAhead(workspace: LoadedWorkspace): string[] {
  const index = workspace.index;
  const unreadable = index.annotationFiles().filter((file) => index.content(file.uri) === '' && file.diagnostics.some((d) => d.code === 'file-unreadable'));
  const unknownTexts = index.referencedTexts().filter((uri) => index.textStatus(uri) === 'unknown');
  return [joinUri(index.workspaceFolders[0], CONFIG_FILE_NAME), ...unreadable.map((file) => file.uri), ...unknownTexts];
}

/** What a first load reads of one of those files: the configuration as the host gives it (editor settings may stand in for it), the others within their size limit. */
async function readAheadOf(host: WorkspaceFileHost, workspace: LoadedWorkspace, uri: string): Promise<FileRead> {
  const index = workspace.index;
  if (uri === joinUri(index.workspaceFolders[0], CONFIG_FILE_NAME)) {
    const content = await host.readFile(uri);
    return content === undefined ? { problem: { kind: 'missing' } } : { content };
  }
  return readWithLimit(host, uri, index.isAnnotationFile(uri) ? index.config.limits.annotationFileSize : index.config.limits.textSize);
}

/** A file host over what the live index holds, and what was read ahead: a first load through it sees what the live workspace has seen. */
function snapshotHost(workspace: LoadedWorkspace, ahead: ReadAhead): WorkspaceFileHost {
  const index = workspace.index;
  const files = new Map<string, FileRead>(ahead.files);
  for (const file of index.annotationFiles()) if (!files.has(file.uri)) files.set(file.uri, { content: index.content(file.uri) ?? '' });
  for (const uri of index.referencedTexts()) {
    if (files.has(uri)) continue;
    const content = index.content(uri);
    files.set(uri, content !== undefined && index.textStatus(uri) === 'loaded' ? { content } : { problem: index.textProblem(uri) ?? { kind: 'missing' } });
  }
  const annotationFiles = index.annotationFiles().map((file) => file.uri);
  const read = (uri: string): FileRead => files.get(uri) ?? { problem: { kind: 'missing' } };
  return {
    listFiles: async (folderUri) => annotationFiles.filter((uri) => isUnder(uri, folderUri)),
    readFile: async (uri) => {
      const got = read(uri);
      return 'content' in got ? got.content : undefined;
    },
    read: async (uri) => read(uri),
    allowedLimits: async (folderUri) => ahead.limits.get(folderUri) ?? DEFAULT_LIMITS,
  };
}

/** A change as a report names it: where, what kind, and the span it replaced (never the text). */
export function describeChange(uri: string, read: FileRead, before: string | undefined, inEditor: boolean): string {
  const where = inEditor ? 'in an editor' : 'on disk';
  if ('problem' in read) return read.problem.kind === 'missing' ? `${uri} deleted` : `${uri} became unreadable (${read.problem.kind})`;
  const after = read.content;
  if (before === undefined) return `${uri} appeared ${where} (${count(after.length, 'character')})`;
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (start === before.length && start === after.length) return `${uri} unchanged ${where} (opened, or read again)`;
  return `${uri} changed ${where}: offsets ${start}–${before.length - end} (${count(before.length - end - start, 'character')}) replaced by ${count(after.length - end - start, 'character')}`;
}

function describeChanges(changes: PendingChanges): string {
  if (changes.count === 1) return `after ${changes.latest[0]}`;
  return `after ${changes.count} changes since the last check (the latest: ${changes.latest.join('; ')})`;
}

function describeDifference(uri: string, incremental: CoreDiagnostic[], rebuilt: CoreDiagnostic[]): string {
  let i = 0;
  while (i < incremental.length && i < rebuilt.length && sameValue(incremental[i], rebuilt[i])) i++;
  return `${uri} has ${count(incremental.length, 'diagnostic')} incrementally and ${rebuilt.length} after a rebuild; the first that differs is ${describeDiagnostic(incremental[i])} incrementally, ${describeDiagnostic(rebuilt[i])} after a rebuild`;
}

function describeDiagnostic(diagnostic: CoreDiagnostic | undefined): string {
  if (!diagnostic) return 'none';
  const message = diagnostic.message.length > 120 ? `${diagnostic.message.slice(0, 120)}…` : diagnostic.message;
  return `${diagnostic.code} at ${diagnostic.range.start}–${diagnostic.range.end} (${diagnostic.severity}) "${message}"`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
