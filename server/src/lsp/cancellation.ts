import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** The error a cancelled request answers with. */
export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw requestCancelled();
}

/** Turns of the event loop in one pause: the connection handles one queued message per turn. */
const TURNS_PER_PAUSE = 4;

/**
 * Lets pending messages (requests, `$/cancelRequest`) through before going
 * on: a few turns of the event loop, so that several that queued up during
 * a slice of work are all handled, not one per slice.
 */
export async function yieldToEventLoop(): Promise<void> {
  for (let turn = 0; turn < TURNS_PER_PAUSE; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** How long a long request computes before it lets other messages through. */
export const SLICE_MS = 5;

/**
 * Runs `step` on each item, pausing every few milliseconds so that other
 * requests are served and a cancellation can arrive; answers RequestCancelled
 * as soon as one has. For requests that visit the whole workspace. `now` is
 * the clock slices are measured by (tests pass one that counts steps).
 */
export async function forEachCancellable<T>(items: Iterable<T>, token: CancellationToken, step: (item: T) => void, now: () => number = Date.now): Promise<void> {
  await yieldToEventLoop();
  throwIfCancelled(token);
  let sliceStart = now();
  for (const item of items) {
    if (now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      throwIfCancelled(token);
      sliceStart = now();
    }
    step(item);
  }
}

/**
 * The clock of a slicing loop that runs over nested lists (files, then each
 * file's items): `pauseIfDue` lets other messages through once SLICE_MS has
 * passed since the last pause, and answers RequestCancelled if the request
 * was cancelled meanwhile. `start` pauses once first, as forEachCancellable
 * does. `now` is the clock (tests pass one that counts steps).
 */
export class RequestSlices {
  private sliceStart: number;
  /** How many times the loop paused (for tests). */
  pauses = 0;

  constructor(
    private readonly token: CancellationToken,
    private readonly now: () => number = Date.now,
  ) {
    this.sliceStart = now();
  }

  async start(): Promise<void> {
    await yieldToEventLoop();
    throwIfCancelled(this.token);
    this.sliceStart = this.now();
  }

  async pauseIfDue(): Promise<void> {
    if (this.now() - this.sliceStart < SLICE_MS) return;
    this.pauses++;
    await yieldToEventLoop();
    throwIfCancelled(this.token);
    this.sliceStart = this.now();
  }
}

/** Waits for a promise unless the request is cancelled first. */
export function unlessCancelled<T>(promise: Promise<T>, token: CancellationToken): Promise<T> {
  if (token.isCancellationRequested) return Promise.reject(requestCancelled());
  return new Promise<T>((resolve, reject) => {
    const subscription = token.onCancellationRequested(() => reject(requestCancelled()));
    promise.then(
      (value) => {
        subscription.dispose();
        resolve(value);
      },
      (error: unknown) => {
        subscription.dispose();
        reject(error);
      },
    );
  });
}
