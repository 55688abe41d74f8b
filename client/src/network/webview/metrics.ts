/// <reference lib="dom" />
/*
 * The view's own figures, for the e2e test that holds it to its targets (at
 * 4,000 nodes: interactive within 3 s, no main-thread task over 100 ms):
 * kept as data attributes of a hidden <output>, where the test reads them.
 *
 * - interactiveMs: from the start of the webview's page to the first frame
 *   drawn with a graph (the view answers zoom, pan, hover and search from
 *   then on);
 * - drawMs: from the latest answer's arrival to its first frame; draws:
 *   how many answers were drawn so far;
 * - longestTaskMs / longTasks: the longest main-thread task of the page and
 *   how many took over 50 ms (the Long Tasks API reports no shorter ones);
 * - layout: "running" or "stopped"; layoutRuns: how many times the
 *   layout (ForceAtlas2, in the drawing's web worker) started;
 * - renderer: "worker" when the drawing and the layout run in their
 *   dedicated worker (not observed by the page's long-task observer: their
 *   own longest task, a frame or a layout step, is rendererLongestTaskMs),
 *   "page" when they run on the main thread (their tasks are the page's);
 *   rendererLongestDrawMs: its longest frame alone; rendererFrames: the
 *   frames it drew so far;
 * - kept: how many nodes of the latest graph kept the place they had;
 * - edgeWeight: the summed absolute weight of the edges drawn (the matrix's cells);
 * - taskPhases: each long task as `phase:ms`, the phase being the latest
 *   `network:` performance mark made before the task ended (script,
 *   renderer, received, place, nodes): where the time goes;
 * - settled: "1" once the latest answer is drawn with all its edges (the
 *   layout stopped), with the long tasks of that last frame counted; "0"
 *   from the answer's arrival until then.
 */
import type { RendererFigures } from './draw/protocol';

export class Metrics {
  private receivedAt = 0;
  private longest = 0;
  private tasks = 0;
  private draws = 0;
  private layoutRuns = 0;
  private observer: PerformanceObserver | undefined;

  constructor(private readonly output: HTMLOutputElement) {
    this.output.dataset.longestTaskMs = '0';
    this.output.dataset.longTasks = '0';
    try {
      const observer = new PerformanceObserver((list) => this.count(list.getEntries()));
      observer.observe({ type: 'longtask', buffered: true });
      this.observer = observer;
      this.output.dataset.observing = 'longtask';
    } catch {
      // A browser without the Long Tasks API: the figures stay unmeasured, and the test says so.
    }
  }

  private readonly phases: string[] = [];

  private count(entries: PerformanceEntryList): void {
    const marks = performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('network:'));
    for (const entry of entries) {
      this.longest = Math.max(this.longest, entry.duration);
      this.tasks++;
      const end = entry.startTime + entry.duration;
      const phase = marks.filter((mark) => mark.startTime <= end).pop()?.name.slice('network:'.length) ?? 'script';
      this.phases.push(`${phase}:${Math.round(entry.duration)}`);
    }
    this.output.dataset.longestTaskMs = String(Math.round(this.longest));
    this.output.dataset.longTasks = String(this.tasks);
    this.output.dataset.taskPhases = this.phases.join(' ');
  }

  requested(): void {
    this.output.dataset.state = 'requested';
  }

  received(): void {
    performance.mark('network:received');
    this.receivedAt = performance.now();
    this.output.dataset.state = 'received';
    this.output.dataset.settled = '0';
  }

  drawn(nodes: number, edgeWeight: number): void {
    this.output.dataset.edgeWeight = String(edgeWeight);
    const now = performance.now();
    if (this.output.dataset.interactiveMs === undefined) this.output.dataset.interactiveMs = String(Math.round(now));
    this.output.dataset.drawMs = String(Math.round(now - this.receivedAt));
    this.output.dataset.nodes = String(nodes);
    this.output.dataset.draws = String(++this.draws);
    this.output.dataset.state = 'drawn';
  }

  /** The last frame is drawn: in the next task, its long task (if it was one) is in the observer's records. */
  settled(figures: RendererFigures, renderer: 'worker' | 'page'): void {
    this.output.dataset.renderer = renderer;
    this.output.dataset.rendererLongestTaskMs = String(figures.longestTaskMs);
    this.output.dataset.rendererLongestDrawMs = String(figures.longestDrawMs);
    this.output.dataset.rendererFrames = String(figures.frames);
    window.setTimeout(() => {
      if (this.observer) this.count(this.observer.takeRecords());
      this.output.dataset.settled = '1';
    }, 0);
  }

  kept(nodes: number): void {
    this.output.dataset.kept = String(nodes);
  }

  layout(running: boolean): void {
    this.output.dataset.layout = running ? 'running' : 'stopped';
    if (running) this.output.dataset.layoutRuns = String(++this.layoutRuns);
  }
}
