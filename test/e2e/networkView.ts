import type { FrameLocator, Locator, Page } from 'playwright-core';
import { UI_TIMEOUT_MS, type Workbench } from './workbench';

/** The figures the Actor network view keeps about itself (client/src/network/webview/metrics.ts). */
export interface NetworkViewMetrics {
  interactiveMs?: number;
  drawMs?: number;
  nodes?: number;
  draws: number;
  kept?: number;
  edgeWeight?: number;
  longestTaskMs: number;
  longTasks: number;
  observing?: string;
  layout?: string;
  layoutRuns: number;
  /** The answer is drawn with all its edges, the long tasks of its last frame counted. */
  settled: boolean;
  /** Each long task as `phase:ms` (client/src/network/webview/metrics.ts). */
  taskPhases?: string;
  /** Where the drawing and the layout run: "worker" (their own thread) or "page" (the main thread). */
  renderer?: string;
  /** The renderer's longest task (a frame or a layout step), in its worker: the page's long-task observer does not see it. */
  rendererLongestTaskMs?: number;
  /** Its longest frame alone, and the frames it drew. */
  rendererLongestDrawMs?: number;
  rendererFrames?: number;
}

/** Drives the Actor network webview (an iframe in an iframe) as a person does: its controls, its search, the mouse on its drawing. */
export class NetworkView {
  readonly frame: FrameLocator;

  constructor(
    page: Page,
    private readonly bench: Workbench,
  ) {
    this.frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  locator(selector: string, options?: { hasText?: string | RegExp }): Locator {
    return this.frame.locator(selector, options);
  }

  async metrics(): Promise<NetworkViewMetrics> {
    const data = await this.locator('#metrics').evaluate((element) => ({ ...(element as unknown as { dataset: Record<string, string> }).dataset }));
    const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
    return {
      interactiveMs: number(data.interactiveMs),
      drawMs: number(data.drawMs),
      nodes: number(data.nodes),
      draws: number(data.draws) ?? 0,
      kept: number(data.kept),
      edgeWeight: number(data.edgeWeight),
      longestTaskMs: number(data.longestTaskMs) ?? 0,
      longTasks: number(data.longTasks) ?? 0,
      observing: data.observing,
      layout: data.layout,
      layoutRuns: number(data.layoutRuns) ?? 0,
      settled: data.settled === '1',
      taskPhases: data.taskPhases,
      renderer: data.renderer,
      rendererLongestTaskMs: number(data.rendererLongestTaskMs),
      rendererLongestDrawMs: number(data.rendererLongestDrawMs),
      rendererFrames: number(data.rendererFrames),
    };
  }

  /** Waits until the view has drawn an answer (with `nodes` nodes, when given) after `draws` earlier ones, its layout has stopped and its edges are drawn. */
  async waitForDrawn(nodes: number | undefined, draws = 0): Promise<NetworkViewMetrics> {
    let last: NetworkViewMetrics | undefined;
    await this.bench.until(`the network view to draw ${nodes ?? 'a graph'} (answer ${draws + 1}) , stop its layout and draw its edges`, async () => {
      last = await this.metrics().catch(() => undefined);
      return last !== undefined && (nodes === undefined || last.nodes === nodes) && last.draws > draws && last.layout !== 'running' && last.settled;
    });
    return last!;
  }

  /** Finds a node with the view's search and chooses it: the view centres it and pins its card. */
  async find(query: string, id: string): Promise<void> {
    await this.locator('#search').fill(query);
    await this.locator(`#matches button[data-id="${id}"]`).click({ timeout: UI_TIMEOUT_MS });
    await this.locator('#card.pinned').waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** The centre of the drawing, in page coordinates: where a node the search chose ends up. */
  async centre(): Promise<{ x: number; y: number }> {
    const box = await this.locator('#graph').boundingBox();
    if (!box) throw new Error('the network view’s drawing is not visible');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** The values a select offers, in order. */
  async options(selector: string): Promise<string[]> {
    return this.locator(`${selector} option`).evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
  }

  /** Changes a control the way its `change` event fires (selects; number and range inputs). */
  async set(selector: string, value: string): Promise<void> {
    await this.locator(selector).evaluate((element, next) => {
      const input = element as unknown as { value: string; dispatchEvent(event: unknown): boolean };
      input.value = next;
      const EventClass = (globalThis as unknown as { Event: new (type: string, init: object) => unknown }).Event;
      input.dispatchEvent(new EventClass('input', { bubbles: true }));
      input.dispatchEvent(new EventClass('change', { bubbles: true }));
    }, value);
  }
}
