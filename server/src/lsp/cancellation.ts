import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** The error a cancelled request answers with. */
export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw requestCancelled();
}

/** Lets pending messages (such as `$/cancelRequest`) through before going on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How long a long request computes before it lets other messages through. */
const SLICE_MS = 8;

/**
 * Runs `step` on each item, pausing every few milliseconds so that other
 * requests are served and a cancellation can arrive; answers RequestCancelled
 * as soon as one has. For requests that visit the whole workspace.
 */
export async function forEachCancellable<T>(items: Iterable<T>, token: CancellationToken, step: (item: T) => void): Promise<void> {
  await yieldToEventLoop();
  throwIfCancelled(token);
  let sliceStart = Date.now();
  for (const item of items) {
    if (Date.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      throwIfCancelled(token);
      sliceStart = Date.now();
    }
    step(item);
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
