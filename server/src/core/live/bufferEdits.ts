import { drain } from '../aliasAutomaton';
import { LARGE_FILE, type AnnotationParser, type FileRead, type LoadedWorkspace } from '../workspace/loadWorkspace';
import type { AnnotationFile } from '../model';
import { anchoringStepsFor, Slicer, textsAnalysedFor } from './analysisSlices';
import { stageInSteps, type StagingHost } from './stageInSteps';
import { fileRole, type StagedChange } from './stagedChange';

/** What applying edits in steps needs of the live workspace, besides staging them. */
export interface BufferEditsHost extends StagingHost {
  readonly yieldControl?: () => Promise<void>;
  readonly largeFileParser?: AnnotationParser;
  /** The open buffer's content now: a newer edit may have replaced the one being applied. */
  bufferContent(uri: string): string | undefined;
  /** These files and those whose diagnostics point into them (their related locations may have moved). */
  withFilesPointingInto(uris: Iterable<string>): Set<string>;
  notify(uris: Iterable<string>): void;
  /** The disk work that may follow a change (texts newly pointed at, a reload). */
  followUp(workspace: LoadedWorkspace | undefined, reload: boolean | undefined): (() => Promise<void>) | undefined;
  /** Runs a task after those queued before it. */
  enqueue(task: () => Promise<void>): Promise<void>;
}

/** What a change applied in steps leaves for its follow-up. */
interface Applied {
  workspace?: LoadedWorkspace;
  reload?: boolean;
}

/**
 * Applies the editor's changes to the index and refreshes the diagnostics
 * they reach, in steps when the work is large, so that requests are answered
 * in between (issue 13: an edit in a file of 70,000 claims, an alias renamed
 * over a text of megabytes).
 *
 * A small edit is applied before `apply` returns and refreshed in the same
 * turn when that takes less than a slice. An annotation file of LARGE_FILE
 * characters or more is parsed off the event loop (on a worker, when the
 * live workspace has a large-file parser) and entered into the index a step
 * at a time; while it is half entered, read requests see the folder as
 * during its first indexing. While an edit runs in steps, later edits queue
 * behind it, so edits apply in order.
 *
 * A newer version wins: an edit whose file has newer content by the time
 * its turn comes (or its parse returns) is dropped, and a refresh under way
 * gives way as soon as another edit is waiting, carrying the files it had
 * still to refresh (and those whose new diagnostics it had not announced)
 * to the next edit's refresh. So no diagnostics of a version older than the
 * editor's are published, and the last edit's refresh covers everything the
 * edits before it reached.
 */
export class BufferEdits {
  /** Edits queued or running in steps: while there is one, every edit waits its turn. */
  private inSteps = 0;
  /** Edits queued that have not started: a refresh under way gives way to them. */
  private waiting = 0;
  private carriedReached = new Set<string>();
  private carriedChanged = new Set<string>();
  /** The last edit queued, for `whenRefreshed`. */
  last: Promise<void> = Promise.resolve();
  /** How many turns edits applied in steps have yielded, for tests. */
  pauses = 0;
  /** Files with an edit not yet entered into the index, and a promise that resolves once none is left. */
  private readonly unstaged = new Map<string, { count: number; done: Promise<void>; resolve: () => void }>();

  constructor(readonly host: BufferEditsHost) {}

  /** An open buffer's new content (already laid over the disk by the caller). */
  apply(uri: string, content: string): Promise<void> {
    const staged = this.willStage(uri);
    const workspace = this.host.workspaceFor(uri);
    const large = this.host.yieldControl !== undefined && content.length >= LARGE_FILE && workspace !== undefined && fileRole(workspace, uri) === 'annotation';
    if (this.inSteps === 0 && !large) {
      // The index holds the new content when this returns (a request that follows sees it); the refresh runs while time allows.
      const slicer = new Slicer(this.host.yieldControl);
      let change: StagedChange;
      try {
        change = drain(stageInSteps(this.host, uri, { content }));
      } finally {
        staged();
      }
      const steps = this.steps(uri, { content }, undefined, undefined, change);
      let step = steps.next();
      for (; !step.done && !slicer.due; step = steps.next());
      if (step.done) {
        const followUp = this.host.followUp(step.value.workspace, step.value.reload);
        return followUp ? this.host.enqueue(followUp) : Promise.resolve();
      }
      return this.queue(false, () => this.drive(steps, slicer));
    }
    return this.queue(true, async () => {
      try {
        const parsed = large && this.host.bufferContent(uri) === content ? await this.parseElsewhere(uri, content) : undefined;
        // A newer edit of the file is queued (or it was closed): that one applies its content.
        if (this.host.bufferContent(uri) !== content) return {};
        return await this.drive(this.steps(uri, { content }, parsed, staged));
      } finally {
        staged();
      }
    });
  }

  /** Whether an edit is queued or applied in steps (read requests then answer from the index so far). */
  get busy(): boolean {
    return this.inSteps > 0;
  }

  /**
   * Resolves once the open buffer's content is in the index (at once, unless an edit of it is applied in steps):
   * a request at a position in it must wait for that, as its positions are in the new content.
   */
  whenStaged(uri: string): Promise<void> | undefined {
    return this.unstaged.get(uri)?.done;
  }

  /** Counts an edit of the file as not yet in the index; the function returned says it is (or was dropped), once. */
  private willStage(uri: string): () => void {
    let entry = this.unstaged.get(uri);
    if (entry) entry.count++;
    else {
      let resolve!: () => void;
      const done = new Promise<void>((settle) => (resolve = settle));
      this.unstaged.set(uri, (entry = { count: 1, done, resolve }));
    }
    const counted = entry;
    let said = false;
    return () => {
      if (said) return;
      said = true;
      if (--counted.count > 0) return;
      if (this.unstaged.get(uri) === counted) this.unstaged.delete(uri);
      counted.resolve();
    };
  }

  /** Applies a change read from disk (a closed buffer, a file changed on disk) in steps, in a task already queued. */
  async applyRead(uri: string, read: FileRead): Promise<void> {
    const applied = await this.drive(this.steps(uri, read));
    await this.host.followUp(applied.workspace, applied.reload)?.();
  }

  /** Resolves once every edit queued so far is applied and refreshed. */
  whenRefreshed(): Promise<void> {
    return this.last;
  }

  private queue(waits: boolean, run: () => Promise<Applied>): Promise<void> {
    this.inSteps++;
    if (waits) this.waiting++;
    this.last = this.host.enqueue(async () => {
      if (waits) this.waiting--;
      try {
        const applied = await run();
        await this.host.followUp(applied.workspace, applied.reload)?.();
      } finally {
        this.inSteps--;
      }
    });
    return this.last;
  }

  /** Runs the steps, pausing whenever the slice (begun in this turn, or by the caller) has run its time. */
  private async drive(steps: Generator<void, Applied>, slicer = new Slicer(this.host.yieldControl)): Promise<Applied> {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (slicer.due) this.pauses++;
      await slicer.pause();
    }
  }

  /** The model of a large annotation file, parsed while other work runs; undefined (parse it here) when the folder's vocabulary changed meanwhile. */
  private async parseElsewhere(uri: string, content: string): Promise<AnnotationFile | undefined> {
    const parser = this.host.largeFileParser;
    const workspace = this.host.workspaceFor(uri);
    if (!parser || !workspace) return undefined;
    const [parsed] = await parser.parseAll([{ uri, content }], workspace.index.config.vocabulary);
    return this.host.workspaceFor(uri) === workspace ? parsed : undefined;
  }

  /** One change: staged in steps, its texts anchored and re-matched in steps, then the files it reaches refreshed. */
  private *steps(uri: string, read: FileRead, parsed?: AnnotationFile, staged?: () => void, stagedChange?: StagedChange): Generator<void, Applied> {
    let change: StagedChange;
    try {
      change = stagedChange ?? (yield* stageInSteps(this.host, uri, read, parsed));
    } finally {
      staged?.();
    }
    const { dependents, texts, workspace, reload } = change;
    if (workspace) yield* anchoringStepsFor(workspace.index, [...texts, ...workspace.index.textsToRematch()]);
    const reached = yield* dependents();
    for (const carried of this.carriedReached) reached.add(carried);
    this.carriedReached = new Set();
    yield* this.refreshSteps(reached);
    return { workspace, reload };
  }

  /**
   * Refreshes the diagnostics of the files reached, one file at a time (its
   * text's quotes anchored and its checks run in steps first), and announces
   * those that changed; gives way to a waiting edit (see the class).
   */
  private *refreshSteps(reached: Set<string>): Generator<void, void> {
    const changed = this.carriedChanged;
    this.carriedChanged = new Set();
    const files = [...this.host.withFilesPointingInto(reached)];
    for (let i = 0; i < files.length; i++) {
      const index = this.host.workspaceFor(files[i])?.index;
      if (index) {
        yield* anchoringStepsFor(index, textsAnalysedFor(index, [files[i]]));
        yield* this.host.ahead.computeSteps(index, files[i]);
      }
      if (this.waiting > 0) {
        for (const uri of files.slice(i)) this.carriedReached.add(uri);
        this.carriedChanged = changed;
        return;
      }
      for (const uri of this.host.tracker.refresh([files[i]])) changed.add(uri);
      this.host.ahead.take(files[i]);
    }
    this.host.notify(changed);
  }
}
