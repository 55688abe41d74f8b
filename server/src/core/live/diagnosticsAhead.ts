import { annotationFileDiagnosticsInSteps } from '../checks/index';
import type { CoreDiagnostic } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { Slicer } from './analysisSlices';

/**
 * The diagnostics of one annotation file, computed a slice at a time just
 * before its refresh (the checks of a file of 70,000 claims take a second in
 * one piece), and given to that refresh. A change to the index between two
 * slices makes them stale: they are dropped, and the refresh computes them.
 */
export class DiagnosticsAhead {
  private generation = 0;
  private ready: { uri: string; diagnostics: CoreDiagnostic[] } | undefined;

  /** The index changed: what is being computed ahead is stale. */
  invalidate(): void {
    this.generation++;
    this.ready = undefined;
  }

  /** Computes an annotation file's diagnostics in slices, for the `take` that follows in the same turn. */
  async compute(index: WorkspaceView, uri: string, slicer: Slicer): Promise<void> {
    const steps = this.computeSteps(index, uri);
    while (!steps.next().done) await slicer.pause();
  }

  /** `compute` a step at a time; stops early when the index changes between two steps. */
  *computeSteps(index: WorkspaceView, uri: string): Generator<void, void> {
    this.ready = undefined;
    if (!index.isAnnotationFile(uri)) return;
    const generation = this.generation;
    const steps = annotationFileDiagnosticsInSteps(index, uri);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        this.ready = { uri, diagnostics: step.value };
        return;
      }
      yield;
      if (generation !== this.generation) return;
    }
  }

  /** What was computed for this file, once; undefined when it was not or is stale. */
  take(uri: string): CoreDiagnostic[] | undefined {
    const ready = this.ready;
    this.ready = undefined;
    return ready?.uri === uri ? ready.diagnostics : undefined;
  }
}
