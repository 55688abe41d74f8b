/*
 * The Actor network drawing's worker: the renderer, fed by the page's
 * messages. Bundled by scripts/build.mjs into a string inside the view's
 * script, which starts it from a blob: URL (a webview cannot start a
 * worker from its resource URLs; the page's policy allows blob: workers).
 */
import type { ToRenderer, FromRenderer } from './protocol';
import { Renderer } from './renderer';

interface WorkerScope {
  postMessage(message: FromRenderer, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToRenderer>) => void) | null;
  requestAnimationFrame?: (callback: () => void) => number;
}

const scope = globalThis as unknown as WorkerScope;
const renderer = new Renderer({
  post: (message, transfer) => scope.postMessage(message, transfer ?? []),
  now: () => performance.now(),
  nextFrame: (callback) => (typeof scope.requestAnimationFrame === 'function' ? scope.requestAnimationFrame(callback) : setTimeout(callback, 16)),
  later: (callback, ms) => setTimeout(callback, ms),
});
scope.onmessage = (event) => renderer.handle(event.data);
scope.postMessage({ type: 'ready' });
