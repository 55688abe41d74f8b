/// <reference lib="dom" />
/*
 * The drawing of the Actor network view, on the page's side. The drawing
 * itself (Canvas 2D) and the ForceAtlas2 layout run in a dedicated worker
 * (./draw/renderer.ts, started by ./draw/host.ts; on the page where no
 * worker can start): the page builds the graph's flat arrays once per
 * answer, forwards input, and keeps what the controls need (ids, labels,
 * sizes for search; positions for the next answer). Positions are kept by
 * node id across updates: an update that adds or changes a few nodes places
 * only those (next to their neighbours) and leaves the rest where they are.
 */
import type { NetworkGraphInfo, NetworkNodeInfo } from '../../protocol';
import { type Camera, centreRatio, type Frame, type Point, toScreen } from './draw/camera';
import { type DrawHost, startHost } from './draw/host';
import { PointerInput } from './draw/input';
import { placeNodes } from './draw/place';
import { type FromRenderer, type GraphMessage, type RendererFigures, type Theme, transferables } from './draw/protocol';

const KIND_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bcbd22', '#d37295', '#a0cbe8'];
const RELATION_COLOURS = ['#4e79a7', '#b07aa1', '#f28e2b', '#76b7b2', '#9c755f', '#edc948', '#e15759', '#59a14f'];
export const EDGE_COLOURS: Record<string, string> = { congruence: '#2e9d4f', conflict: '#d73a3a', supports: '#2e9d4f', rejects: '#d73a3a', both: '#e0a030' };
export const CONCEPT_COLOUR = '#8a8a8a';
const HIGHLIGHT_COLOUR = '#ffcc00';
/**
 * Above this many edges, directed edges are drawn as plain lines, without
 * arrow heads: thousands of heads hide the nodes they point at. The legend
 * says so; the direction stays in the exports.
 */
export const ARROW_EDGE_LIMIT = 2_000;

/** Colours per name (actor kind, relation type), stable: assigned in the order of the names. */
export function colourMap(names: Iterable<string>, palette: string[] = KIND_COLOURS): Map<string, string> {
  return new Map([...new Set(names)].sort().map((name, i) => [name, palette[i % palette.length]!]));
}

export function relationColours(graph: NetworkGraphInfo): Map<string, string> {
  return colourMap(graph.id === 'relations' ? graph.edges.map((edge) => edge.type) : [], RELATION_COLOURS);
}

function edgeColour(graph: NetworkGraphInfo, edge: { type: string; weight: number }, relations: Map<string, string>): string {
  if (graph.id === 'relations') return relations.get(edge.type) ?? '#888';
  if (graph.id === 'congruence' || graph.id === 'conflict') return EDGE_COLOURS[edge.weight < 0 ? 'conflict' : graph.id]!;
  return EDGE_COLOURS[edge.type] ?? '#888';
}

export interface GraphViewEvents {
  hover(id: string | undefined, event: MouseEvent | undefined): void;
  click(id: string): void;
  /** After the first frame drawn with a new graph: the view answers input from here on. */
  drawn(): void;
  /** After the first frame drawn with every edge of the graph once the layout stopped; the renderer's figures (in its worker, or on the page). */
  settled(figures: RendererFigures): void;
  layout(running: boolean): void;
  /** Something the view's notes should say: the drawing runs on the page, or failed. */
  note(message: string): void;
}

/** Colour names to indices into one palette, as the renderer takes them. */
class Palette {
  readonly colours: string[] = [];
  private readonly index = new Map<string, number>();
  of(colour: string): number {
    let at = this.index.get(colour);
    if (at === undefined) this.index.set(colour, (at = this.colours.push(colour) - 1));
    return at;
  }
}

function readTheme(): Theme {
  const style = getComputedStyle(document.body);
  const variable = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return { foreground: variable('--vscode-foreground', '#ccc'), background: variable('--vscode-editor-background', '#1e1e1e'), highlight: HIGHLIGHT_COLOUR, font: variable('--vscode-font-family', 'sans-serif') };
}

export class GraphView {
  private readonly positions = new Map<string, Point>();
  private readonly canvas: HTMLCanvasElement;
  private readonly host: Promise<DrawHost>;
  private readonly input: PointerInput;
  /** The graph sent last: its node ids, labels and sizes by index. */
  private ids: string[] = [];
  private labels: string[] = [];
  private sizes = new Float32Array(0);
  private index = new Map<string, number>();
  private weightSum = 0;
  private highlighted = new Set<string>();
  private hovered: string | undefined;
  private running = false;
  private view: { camera: Camera; frame: Frame; width: number; height: number } | undefined;
  /** Counts calls of show(); the renderer's messages name the graph they are about. */
  private generation = 0;
  private sent = 0;
  /** Waiting for a stopped layout's positions (or its stop, when it had stopped by itself). */
  private positionsWanted: (() => void)[] = [];
  private readonly centring = new Map<number, (() => void)[]>();
  /** Why the drawing runs on the page, when it does. */
  fallback: string | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: GraphViewEvents,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.style.cssText = 'display:block;width:100%;height:100%;touch-action:none';
    container.appendChild(this.canvas);
    // The renderer starts in a task of its own, after the page's script (two shorter tasks, not one long one).
    this.host = new Promise<void>((resolve) => window.setTimeout(resolve, 0)).then(() => {
      performance.mark('network:renderer');
      return startHost(this.canvas, { type: 'init', ...this.size(), theme: readTheme() }, (message) => this.receive(message));
    });
    void this.host.then((host) => {
      this.fallback = host.fallback;
      if (host.fallback) this.events.note(`The drawing runs on the page's main thread (${host.fallback}).`);
      const resize = () => host.send({ type: 'resize', ...this.size() });
      new ResizeObserver(resize).observe(container);
      // A change of zoom or screen changes the pixel ratio, not the size: the window's resize event says so.
      window.addEventListener('resize', resize);
      // A theme change restyles the page (VS Code sets its colours on the root element, its kind on the body): the labels follow.
      const theme = new MutationObserver(() => host.send({ type: 'theme', theme: readTheme() }));
      for (const element of [document.documentElement, document.body]) theme.observe(element, { attributes: true, attributeFilter: ['class', 'style'] });
    });
    this.input = new PointerInput(this.canvas, {
      send: (message) => void this.host.then((host) => host.send(message)),
      left: () => this.hover(undefined, undefined),
    });
  }

  private size(): { width: number; height: number; dpr: number } {
    return { width: this.container.clientWidth, height: this.container.clientHeight, dpr: window.devicePixelRatio || 1 };
  }

  private receive(message: FromRenderer): void {
    switch (message.type) {
      case 'drawn':
        if (message.generation === this.sent) this.events.drawn();
        return;
      case 'settled':
        if (message.generation === this.sent) this.events.settled(message);
        return;
      case 'layout':
        this.running = message.running;
        this.events.layout(message.running);
        if (!message.running) this.positionsWanted.splice(0).forEach((done) => done());
        return;
      case 'positions':
        if (message.generation === this.sent) for (let i = 0; i < this.ids.length; i++) this.positions.set(this.ids[i]!, { x: message.xy[2 * i]!, y: message.xy[2 * i + 1]! });
        return;
      case 'picked':
        if (message.purpose === 'hover') {
          const event = this.input.asked;
          this.input.answered();
          if (message.generation === this.sent) this.hover(message.node >= 0 ? this.ids[message.node] : undefined, event);
        } else if (message.node >= 0 && message.generation === this.sent) this.events.click(this.ids[message.node]!);
        return;
      case 'camera':
        this.view = message;
        return;
      case 'centred':
        for (const done of this.centring.get(message.node) ?? []) done();
        this.centring.delete(message.node);
        return;
      case 'failed':
        this.events.note(`The drawing failed: ${message.message}`);
        return;
      case 'ready':
        return;
    }
  }

  private hover(id: string | undefined, event: MouseEvent | undefined): void {
    if (id === this.hovered) return;
    this.hovered = id;
    this.canvas.style.cursor = id ? 'pointer' : '';
    this.events.hover(id, event);
  }

  get nodeCount(): number {
    return this.ids.length;
  }

  /** The summed (absolute) weight of the edges of the graph shown: the e2e test sees a DNA option change the matrix's cells. */
  get edgeWeight(): number {
    return this.weightSum;
  }

  get layoutRunning(): boolean {
    return this.running;
  }

  /**
   * Draws `info`. Nodes drawn before keep their place (a running layout is
   * stopped first, and its positions kept); a new node starts at the centre
   * of its placed neighbours (or on a spiral around the drawing when it has
   * none), and then the layout moves the new nodes only (all of them for a
   * first drawing). The graph goes to the renderer as flat arrays in one
   * message. A later call abandons an earlier one. Resolves with how many
   * nodes kept their place and whether arrow heads are drawn, or undefined
   * when a later call took over.
   */
  async show(info: NetworkGraphInfo, kindColours: Map<string, string>): Promise<{ kept: number; arrows: boolean } | undefined> {
    const generation = ++this.generation;
    const host = await this.host;
    // The graph's arrays are built in a task of their own, after the one that updated the controls (two shorter tasks, not one long one).
    await new Promise((resolve) => window.setTimeout(resolve, 0));
    if (this.running) {
      await new Promise<void>((resolve) => {
        this.positionsWanted.push(resolve);
        host.send({ type: 'layout', run: false });
      });
    }
    if (generation !== this.generation) return undefined;
    performance.mark('network:place');
    const { points, kept, placed } = placeNodes(info, this.positions);
    // Placing and building the arrays are each linear in the graph: a task each.
    await new Promise((resolve) => window.setTimeout(resolve, 0));
    if (generation !== this.generation) return undefined;
    const message = this.flatten(info, kindColours, points, kept > 0 ? placed : undefined);
    message.generation = generation;
    message.layout = kept < info.nodes.length && info.nodes.length > 1;
    this.sent = generation;
    this.hovered = undefined;
    performance.mark('network:nodes');
    host.send(message, transferables(message));
    return { kept, arrows: message.arrows };
  }

  /** The graph as the renderer takes it; the page keeps ids, labels and sizes (search) and the summed edge weight. */
  private flatten(info: NetworkGraphInfo, kindColours: Map<string, string>, points: Map<string, Point>, moving: Set<string> | undefined): GraphMessage {
    const count = info.nodes.length;
    const palette = new Palette();
    const [x, y, size] = [new Float32Array(count), new Float32Array(count), new Float32Array(count)];
    const colour = new Uint16Array(count);
    const fixed = new Uint8Array(count);
    // Normalised networks weigh less than 1: node sizes are relative to the heaviest node.
    const maxWeight = info.nodes.reduce((max, node) => Math.max(max, node.weightedDegree), 0) || 1;
    this.ids = info.nodes.map((node) => node.id);
    this.labels = info.nodes.map((node) => node.label);
    this.index = new Map(this.ids.map((id, i) => [id, i]));
    info.nodes.forEach((node, i) => {
      const point = points.get(node.id)!;
      x[i] = point.x;
      y[i] = point.y;
      size[i] = nodeSize(node, maxWeight, count);
      colour[i] = palette.of(node.kind === 'concept' ? CONCEPT_COLOUR : (kindColours.get(node.actorKind || 'unknown') ?? '#888'));
      fixed[i] = moving && !moving.has(node.id) ? 1 : 0;
    });
    this.sizes = size.slice();
    const edges = info.edges.filter((edge) => this.index.has(edge.source) && this.index.has(edge.target));
    const relations = relationColours(info);
    const arrows = info.edges.length <= ARROW_EDGE_LIMIT;
    const lightest = edges.reduce((min, edge) => (edge.weight !== 0 ? Math.min(min, Math.abs(edge.weight)) : min), Infinity);
    const [source, target] = [new Uint32Array(edges.length), new Uint32Array(edges.length)];
    const [edgeSize, weight] = [new Float32Array(edges.length), new Float32Array(edges.length)];
    const edgeColourIndex = new Uint16Array(edges.length);
    const directed = new Uint8Array(edges.length);
    this.weightSum = 0;
    edges.forEach((edge, e) => {
      source[e] = this.index.get(edge.source)!;
      target[e] = this.index.get(edge.target)!;
      // Width by the weight relative to the lightest edge (normalised networks weigh less than 1); the layout pulls by its size, as a negative (subtract) weight cannot pull.
      const magnitude = Math.abs(edge.weight);
      edgeSize[e] = Math.min(1 + Math.log2(magnitude / lightest), 4);
      weight[e] = magnitude;
      this.weightSum += magnitude;
      edgeColourIndex[e] = palette.of(edgeColour(info, edge, relations));
      directed[e] = edge.directed ? 1 : 0;
    });
    const highlighted = [...this.highlighted].flatMap((id) => this.index.get(id) ?? []);
    return { type: 'graph', generation: 0, labels: this.labels, x, y, size, colour, palette: palette.colours, fixed, layout: false, source, target, edgeColour: edgeColourIndex, edgeSize, weight, directed, arrows, highlighted };
  }

  /** Runs ForceAtlas2 again with every node free (the "Run layout" button). */
  runLayout(): void {
    void this.host.then((host) => host.send({ type: 'layout', run: true }));
  }

  /** Stops the layout; its positions come back and are kept. */
  stopLayout(): void {
    void this.host.then((host) => host.send({ type: 'layout', run: false }));
  }

  /** The nodes whose label or id contains `query` (any case), best first: whole-word starts before inner matches, then by size. */
  find(query: string, limit: number): { id: string; label: string }[] {
    const needle = query.trim().toLowerCase();
    if (!needle) return [];
    const found: { id: string; label: string; rank: number; size: number }[] = [];
    this.ids.forEach((id, i) => {
      const label = this.labels[i] ?? id;
      const at = label.toLowerCase().indexOf(needle);
      const rank = at === 0 ? 0 : at > 0 ? 1 : id.toLowerCase().includes(needle) ? 2 : -1;
      if (rank >= 0) found.push({ id, label, rank, size: this.sizes[i]! });
    });
    return found
      .sort((a, b) => a.rank - b.rank || b.size - a.size || (a.label < b.label ? -1 : 1))
      .slice(0, limit)
      .map(({ id, label }) => ({ id, label }));
  }

  /** Highlights the nodes `ids` of the graph sent last (the indices are taken when the message goes, after any graph on its way). */
  highlight(ids: Iterable<string>): void {
    this.highlighted = new Set(ids);
    void this.host.then((host) => host.send({ type: 'highlight', nodes: [...this.highlighted].flatMap((id) => this.index.get(id) ?? []) }));
  }

  /** Moves the camera to `id` and zooms in on it (closer in a bigger graph); resolves once the frame that shows it centred is drawn. */
  async centre(id: string): Promise<void> {
    const node = this.index.get(id);
    if (node === undefined) return;
    const host = await this.host;
    await new Promise<void>((resolve) => {
      this.centring.set(node, [...(this.centring.get(node) ?? []), resolve]);
      host.send({ type: 'centre', node, ratio: centreRatio(this.ids.length) });
    });
  }

  /** Where `id` is drawn, in the page's coordinates (from the renderer's last camera and the positions kept). */
  screenPosition(id: string): Point | undefined {
    const point = this.positions.get(id);
    const view = this.view;
    if (!point || !view) return undefined;
    const on = toScreen(view.camera, view.frame, view, point.x, point.y, { x: 0, y: 0 });
    const box = this.canvas.getBoundingClientRect();
    return { x: box.left + on.x, y: box.top + on.y };
  }
}

/** Bigger for more (weighted) edges; smaller in a crowded graph, so thousands of nodes do not cover each other. */
function nodeSize(node: NetworkNodeInfo, maxWeight: number, count: number): number {
  const scale = count > 1000 ? 0.5 : count > 200 ? 0.75 : 1;
  return scale * (4 + 10 * Math.sqrt(node.weightedDegree / maxWeight));
}
