import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/** How long indexing runs before it lets other work run, when it may. */
export const SLICE_MS = 5;

/** Cuts long work into slices of about SLICE_MS, yielding between them when the host lets it. */
export class Slicer {
  private started = Date.now();

  constructor(private readonly yieldControl: (() => Promise<void>) | undefined) {}

  /** True when the current slice has run its time and the host lets others run. */
  get due(): boolean {
    return this.yieldControl !== undefined && Date.now() - this.started >= SLICE_MS;
  }

  /** Yields if the current slice has run its time. */
  async pause(): Promise<void> {
    if (!this.due) return;
    await this.yieldControl!();
    this.started = Date.now();
  }

  /** Runs steps until they are done, yielding whenever a slice has run its time. */
  async drive(steps: Iterator<unknown, unknown>): Promise<void> {
    while (!steps.next().done) await this.pause();
  }

  /** Runs steps for the rest of the current slice; true when they are done. */
  runWhileTime(steps: Iterator<unknown, unknown>): boolean {
    while (!this.due) if (steps.next().done) return true;
    return false;
  }
}

/** The texts whose analysis the diagnostics of these files need first: the texts themselves, and those annotation files point at. */
export function textsAnalysedFor(index: WorkspaceIndex, uris: Iterable<string>): string[] {
  const texts = new Set<string>();
  for (const uri of uris) {
    if (index.isText(uri)) texts.add(uri);
    const reference = index.textReferenceOf(uri);
    if (reference?.kind === 'ok') texts.add(reference.uri);
  }
  return [...texts];
}

/**
 * Anchors the quotes of these texts ahead of their analysis, one step at a
 * time (the searches of a hostile text can take seconds in all), so that a
 * caller can run them in slices; the analysis then finds them done.
 */
export function* anchoringStepsFor(index: WorkspaceIndex, texts: Iterable<string>): Generator<void, void> {
  for (const text of texts) yield* index.anchoringSteps(text);
}

/**
 * Files in the order of how much their analysis reads, smallest first: a
 * file's content and that of the texts it needs (the order of refreshing
 * diagnostics changes no result, only which are ready first).
 */
export function bySize(uris: string[], indexOf: (uri: string) => WorkspaceIndex | undefined): string[] {
  const size = (uri: string): number => {
    const index = indexOf(uri);
    if (!index) return 0;
    return textsAnalysedFor(index, [uri]).reduce((sum, text) => sum + (index.content(text)?.length ?? 0), index.isText(uri) ? 0 : (index.content(uri)?.length ?? 0));
  };
  const sizes = new Map(uris.map((uri) => [uri, size(uri)]));
  return [...uris].sort((a, b) => sizes.get(a)! - sizes.get(b)!);
}
