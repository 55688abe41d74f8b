/**
 * A computation done in steps: a generator that yields between small pieces
 * of work and returns its result. The CLI runs it to the end at once
 * (`runSteps`); the language server runs it a few milliseconds at a time, so
 * that it keeps answering other requests and can stop when cancelled.
 */
export type Steps<T> = Generator<void, T, void>;

export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How many statements a loop handles between two yields (a yield costs more than a statement). */
export const STATEMENTS_PER_STEP = 2048;
