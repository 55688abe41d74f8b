/// <reference lib="dom" />
/*
 * Where the Actor network's renderer runs: in a dedicated worker started from
 * a blob: URL (its code is a string in the view's bundle, put there by
 * scripts/build.mjs), drawing on the page's canvas through an
 * OffscreenCanvas; or, where there is no Worker or OffscreenCanvas or the
 * worker cannot start (a stricter page policy), on the page itself, the
 * same renderer called directly.
 */
import type { FromRenderer, ToRenderer } from './protocol';
import { Renderer } from './renderer';

/** The worker's bundled code (scripts/build.mjs defines it); undefined in a build without it (the unit tests' compile). */
declare const NETWORK_WORKER_SOURCE: string | undefined;

/** How long the worker gets to say it runs before the page draws by itself. */
const WORKER_START_MS = 10_000;

export interface DrawHost {
  send(message: ToRenderer, transfer?: Transferable[]): void;
  /** Undefined in the worker; else why the drawing runs on the page. */
  readonly fallback: string | undefined;
}

type Init = Extract<ToRenderer, { type: 'init' }>;

/** Starts the renderer for `canvas`; its messages go to `receive`. */
export async function startHost(canvas: HTMLCanvasElement, init: Init, receive: (message: FromRenderer) => void): Promise<DrawHost> {
  let reason = 'this page cannot run a web worker with an OffscreenCanvas';
  const source = typeof NETWORK_WORKER_SOURCE === 'string' ? NETWORK_WORKER_SOURCE : undefined;
  if (source !== undefined && typeof Worker === 'function' && typeof canvas.transferControlToOffscreen === 'function') {
    try {
      const worker = await startWorker(source);
      worker.onmessage = (event: MessageEvent<FromRenderer>) => receive(event.data);
      worker.onerror = (event) => receive({ type: 'failed', message: event.message || 'the drawing worker failed' });
      const offscreen = canvas.transferControlToOffscreen();
      worker.postMessage({ ...init, canvas: offscreen }, [offscreen]);
      return { send: (message, transfer) => worker.postMessage(message, transfer ?? []), fallback: undefined };
    } catch (error) {
      reason = `the drawing worker could not start: ${error instanceof Error ? error.message : String(error)}`;
    }
  } else if (source === undefined) reason = 'this build has no drawing worker';
  const renderer = new Renderer(
    {
      // Posted after the current task's work, as a worker's messages would be.
      post: (message) => queueMicrotask(() => receive(message)),
      now: () => performance.now(),
      nextFrame: (callback) => requestAnimationFrame(callback),
      later: (callback, ms) => window.setTimeout(callback, ms),
    },
    canvas,
  );
  renderer.handle(init);
  return { send: (message) => renderer.handle(message), fallback: reason };
}

/** A worker that said it runs; rejects when it fails to load or stays silent. */
function startWorker(source: string): Promise<Worker> {
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Promise<Worker>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(url, { name: 'policy-annotator-network' });
    } catch (error) {
      URL.revokeObjectURL(url);
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const fail = (message: string) => {
      window.clearTimeout(timer);
      URL.revokeObjectURL(url);
      worker.terminate();
      reject(new Error(message));
    };
    const timer = window.setTimeout(() => fail(`no answer in ${WORKER_START_MS / 1000} s`), WORKER_START_MS);
    worker.onerror = (event) => {
      event.preventDefault();
      fail(event.message || 'it did not load (a content security policy?)');
    };
    worker.onmessage = (event: MessageEvent<FromRenderer>) => {
      if (event.data?.type !== 'ready') return;
      window.clearTimeout(timer);
      URL.revokeObjectURL(url);
      resolve(worker);
    };
  });
}
