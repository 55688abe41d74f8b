/*
 * The renderer of the Actor network drawing: one module, two hosts. In a
 * dedicated worker (./worker.ts) it draws on an OffscreenCanvas the page
 * transferred, and runs the ForceAtlas2 layout in the same thread, so no
 * page task depends on the number of nodes; where no worker can start, the
 * page calls `handle` itself with a canvas of its own.
 *
 * Frames are drawn only when something changed (the camera, the positions,
 * the highlight), coalesced into one per animation frame. The layout runs a
 * few milliseconds per frame and is drawn as it goes; when it stops, the
 * positions go back to the page in one array.
 */
import { between, type Camera, type Frame, framed, frameOf, HOME, pan, sameCamera, zoomAt } from './camera';
import { batchEdges, batchNodes } from './edgeBatch';
import { ForceLayout, layoutBudgetMs } from './layout';
import { type Context2D, paintEdges, paintLabels, paintNodes, paintOnTop, project, type Scene } from './paint';
import { PickGrid } from './pickGrid';
import type { FromRenderer, GraphMessage, Theme, ToRenderer } from './protocol';

/** What the renderer needs from where it runs. */
export interface RendererHost {
  post(message: FromRenderer, transfer?: Transferable[]): void;
  now(): number;
  /** Calls back before the next frame (requestAnimationFrame, or a timer where there is none). */
  nextFrame(callback: () => void): void;
  /** Calls back after `ms`. */
  later(callback: () => void, ms: number): void;
}

interface Surface {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
}

/** The time the layout gets per frame. */
export const LAYOUT_STEP_MS = 8;
/** How long after the last wheel or drag the camera counts as moving. */
const MOVE_SETTLE_MS = 150;
/** A frame slower than this, while the camera moves, leaves the edges out of the next ones until it stops. */
const SLOW_FRAME_MS = 30;
const CENTRE_MS = 300;

export class Renderer {
  private surface: Surface | undefined;
  private context: Context2D | undefined;
  private scene: Scene | undefined;
  private viewport = { width: 300, height: 150 };
  private dpr = 1;
  private theme: Theme = { foreground: '#ccc', background: '#1e1e1e', highlight: '#ffcc00', font: 'sans-serif' };
  private camera: Camera = HOME;
  private highlighted = new Set<number>();
  private hovered = -1;
  private layout: ForceLayout | undefined;
  private layoutEnds = 0;
  private animation: { from: Camera; node: number; ratio: number; start: number } | undefined;
  private picker: PickGrid | undefined;
  private scheduled = false;
  private lastMove = -Infinity;
  private slow = false;
  private awaitingDrawn = false;
  private awaitingSettled = false;
  /** The renderer's own figures: its longest task (a layout step and a frame), its longest frame, its frames. */
  private readonly stats = { longestTaskMs: 0, longestDrawMs: 0, frames: 0 };
  private posted: { camera: Camera; frame: Frame; width: number; height: number } | undefined;

  constructor(
    private readonly host: RendererHost,
    surface?: Surface,
  ) {
    if (surface) this.attach(surface);
  }

  private attach(surface: Surface): void {
    this.surface = surface;
    const context = surface.getContext('2d') as Context2D | null;
    if (!context) throw new Error('the canvas has no 2D context');
    this.context = context;
  }

  handle(message: ToRenderer): void {
    try {
      this.dispatch(message);
    } catch (error) {
      this.host.post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private dispatch(message: ToRenderer): void {
    switch (message.type) {
      case 'init':
        if (message.canvas) this.attach(message.canvas as unknown as Surface);
        this.theme = message.theme;
        this.resize(message.width, message.height, message.dpr);
        return;
      case 'resize':
        return this.resize(message.width, message.height, message.dpr);
      case 'theme':
        this.theme = message.theme;
        if (this.scene) this.scene.labelWidths.fill(NaN);
        return this.request();
      case 'graph':
        return this.show(message);
      case 'layout':
        if (message.run) this.startLayout(false);
        else this.stopLayout();
        return;
      case 'highlight':
        this.highlighted = new Set(message.nodes.filter((node) => this.scene && node < this.scene.graph.x.length));
        return this.request();
      case 'pointer':
        return this.point(message.x, message.y, message.purpose);
      case 'leave':
        if (this.hovered >= 0) this.request();
        this.hovered = -1;
        return;
      case 'pan':
        return this.move(pan(this.camera, this.viewport, message.dx, message.dy));
      case 'zoom':
        return this.move(zoomAt(this.camera, this.viewport, message.x, message.y, message.factor));
      case 'centre':
        if (!this.scene || message.node >= this.scene.graph.x.length) return this.host.post({ type: 'centred', node: message.node });
        this.animation = { from: this.camera, node: message.node, ratio: Math.min(this.camera.ratio, message.ratio), start: this.host.now() };
        return this.request();
    }
  }

  private resize(width: number, height: number, dpr: number): void {
    this.viewport = { width: Math.max(1, width), height: Math.max(1, height) };
    this.dpr = dpr > 0 ? dpr : 1;
    if (this.surface) {
      this.surface.width = Math.round(this.viewport.width * this.dpr);
      this.surface.height = Math.round(this.viewport.height * this.dpr);
    }
    if (this.scene) this.scene.viewport = this.viewport;
    this.request();
  }

  /** A new graph: the old one's layout stops (its positions go back first), the new one is drawn at the next frame and laid out when asked. */
  private show(graph: GraphMessage): void {
    if (this.layout) this.stopLayout();
    const count = graph.x.length;
    const bySize = Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) => graph.size[b]! - graph.size[a]!);
    this.scene = {
      graph,
      edges: batchEdges(graph.edgeColour, graph.edgeSize),
      nodes: batchNodes(graph.colour),
      bySize,
      labelWidths: new Float32Array(count).fill(NaN),
      camera: this.camera,
      frame: frameOf(graph.x, graph.y),
      viewport: this.viewport,
      dpr: this.dpr,
      theme: this.theme,
      highlighted: this.highlighted,
      hovered: -1,
      screenX: new Float32Array(count),
      screenY: new Float32Array(count),
      radius: new Float32Array(count),
    };
    this.highlighted = new Set(graph.highlighted.filter((node) => node < count));
    this.hovered = -1;
    this.picker = undefined;
    this.awaitingDrawn = true;
    this.awaitingSettled = false;
    if (graph.layout) this.startLayout(true);
    else this.awaitingSettled = true;
    this.request();
  }

  /** Starts ForceAtlas2: the graph's unfixed nodes move (`keepFixed`), or all of them. */
  private startLayout(keepFixed: boolean): void {
    this.layout = undefined;
    const graph = this.scene?.graph;
    if (!graph || graph.x.length < 2) {
      this.awaitingSettled = true;
      return this.request();
    }
    const layout = new ForceLayout({ x: graph.x, y: graph.y, size: graph.size, fixed: keepFixed ? graph.fixed : undefined, source: graph.source, target: graph.target, weight: graph.weight });
    this.layout = layout;
    this.layoutEnds = this.host.now() + layoutBudgetMs(layout.moving);
    this.awaitingSettled = false;
    this.host.post({ type: 'layout', generation: graph.generation, running: true });
    this.request();
  }

  /** Stops the layout and sends its positions back (x, y interleaved, in one transferred array). */
  private stopLayout(): void {
    const graph = this.scene?.graph;
    if (!this.layout || !graph) return;
    this.layout = undefined;
    const xy = new Float32Array(graph.x.length * 2);
    for (let i = 0; i < graph.x.length; i++) {
      xy[2 * i] = graph.x[i]!;
      xy[2 * i + 1] = graph.y[i]!;
    }
    this.host.post({ type: 'positions', generation: graph.generation, xy }, [xy.buffer]);
    this.host.post({ type: 'layout', generation: graph.generation, running: false });
    this.awaitingSettled = true;
    this.request();
  }

  private point(x: number, y: number, purpose: 'hover' | 'click'): void {
    const node = this.picker?.pick(x, y) ?? -1;
    if (purpose === 'hover' && node !== this.hovered) {
      this.hovered = node;
      this.request();
    }
    const scene = this.scene;
    this.host.post({ type: 'picked', generation: scene?.graph.generation ?? 0, purpose, node, x: node >= 0 && scene ? scene.screenX[node]! : x, y: node >= 0 && scene ? scene.screenY[node]! : y });
  }

  private move(camera: Camera): void {
    this.animation = undefined;
    this.camera = camera;
    this.lastMove = this.host.now();
    this.request();
    // A frame once the camera has come to rest: the edges come back if moving left them out.
    this.host.later(() => this.request(), MOVE_SETTLE_MS + 10);
  }

  private request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.host.nextFrame(() => this.tick());
  }

  private tick(): void {
    this.scheduled = false;
    const started = this.host.now();
    if (this.layout) {
      this.layout.step(() => this.host.now() - started >= LAYOUT_STEP_MS);
      if (this.host.now() >= this.layoutEnds) this.stopLayout();
    }
    this.animate(started);
    this.draw(started);
    if (this.layout || this.animation) this.request();
  }

  /** The camera of a centring animation at this frame; its end is posted after the frame that shows it. */
  private animate(now: number): void {
    const animation = this.animation;
    const scene = this.scene;
    if (!animation || !scene) return;
    const frame = frameOf(scene.graph.x, scene.graph.y);
    const target = framed(frame, scene.graph.x[animation.node]!, scene.graph.y[animation.node]!);
    const t = (now - animation.start) / CENTRE_MS;
    this.camera = between(animation.from, { ...target, ratio: animation.ratio }, t);
    if (t < 1) return;
    this.animation = undefined;
    this.host.later(() => this.host.post({ type: 'centred', node: animation.node }), 0);
  }

  /** Draws a frame; `taskStarted`: when the task drawing it started (a layout step may come first). */
  private draw(taskStarted: number): void {
    const context = this.context;
    if (!context) return;
    const started = this.host.now();
    context.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    context.clearRect(0, 0, this.viewport.width, this.viewport.height);
    const scene = this.scene;
    if (!scene) return;
    Object.assign(scene, { camera: this.camera, frame: frameOf(scene.graph.x, scene.graph.y), viewport: this.viewport, dpr: this.dpr, theme: this.theme, highlighted: this.highlighted, hovered: this.hovered });
    const visible = project(scene);
    const moving = this.animation !== undefined || started - this.lastMove < MOVE_SETTLE_MS;
    const edges = !(moving && this.slow);
    if (edges) paintEdges(context, scene);
    const drawn = paintNodes(context, scene, visible);
    paintLabels(context, scene, visible);
    paintOnTop(context, scene, visible);
    this.picker = new PickGrid(this.viewport.width, this.viewport.height);
    this.picker.build(drawn, scene.screenX, scene.screenY, scene.radius);
    const ended = this.host.now();
    if (edges) this.slow = ended - started > SLOW_FRAME_MS;
    this.stats.frames++;
    this.stats.longestDrawMs = Math.max(this.stats.longestDrawMs, ended - started);
    this.stats.longestTaskMs = Math.max(this.stats.longestTaskMs, ended - taskStarted);
    this.postCamera(scene);
    const generation = scene.graph.generation;
    if (this.awaitingDrawn) {
      this.awaitingDrawn = false;
      this.host.post({ type: 'drawn', generation });
    }
    if (this.awaitingSettled && !this.layout && edges) {
      this.awaitingSettled = false;
      const { longestTaskMs, longestDrawMs, frames } = this.stats;
      this.host.post({ type: 'settled', generation, longestTaskMs: Math.round(longestTaskMs), longestDrawMs: Math.round(longestDrawMs), frames });
    }
  }

  /** The camera and frame of this frame, when they differ from the last posted: the page places the hover card with them. */
  private postCamera(scene: Scene): void {
    const { camera, frame, viewport } = scene;
    const last = this.posted;
    if (last && sameCamera(last.camera, camera) && last.frame.cx === frame.cx && last.frame.cy === frame.cy && last.frame.extent === frame.extent && last.width === viewport.width && last.height === viewport.height) return;
    this.posted = { camera, frame, width: viewport.width, height: viewport.height };
    this.host.post({ type: 'camera', ...this.posted });
  }
}
