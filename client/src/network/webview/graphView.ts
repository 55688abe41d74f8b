/// <reference lib="dom" />
/*
 * The drawing of the Actor network view, in the webview: a graphology graph
 * drawn by sigma.js (WebGL), laid out by ForceAtlas2 in a web worker so the
 * page stays responsive while the layout runs. Positions are kept by node
 * id across updates: an update that adds or changes a few nodes places only
 * those (next to their neighbours) and leaves the rest where they are.
 */
import Graph from 'graphology';
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeLineProgram, NodePointProgram } from 'sigma/rendering';
import type { NetworkGraphInfo, NetworkNodeInfo } from '../../protocol';

interface Point {
  x: number;
  y: number;
}

const KIND_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bcbd22', '#d37295', '#a0cbe8'];
const RELATION_COLOURS = ['#4e79a7', '#b07aa1', '#f28e2b', '#76b7b2', '#9c755f', '#edc948', '#e15759', '#59a14f'];
export const EDGE_COLOURS: Record<string, string> = { congruence: '#2e9d4f', conflict: '#d73a3a', supports: '#2e9d4f', rejects: '#d73a3a', both: '#e0a030' };
export const CONCEPT_COLOUR = '#8a8a8a';
const HIGHLIGHT_COLOUR = '#ffcc00';
/**
 * How often the running layout's positions are drawn. Every frame would
 * redraw thousands of nodes many times a second, each redraw a long task on
 * a slow machine; the layout itself runs on in its worker meanwhile.
 */
const LAYOUT_DRAW_INTERVAL_MS = 1_500;
/** How much of a graph is built, or handed to the drawing, in one task. */
const NODES_PER_SLICE = 500;
const EDGES_PER_SLICE = 1_000;
/**
 * Above this many edges, directed edges are drawn as plain lines, without
 * arrow heads: a head is three more triangles per edge, and on a machine
 * without a GPU (WebGL drawn on the CPU) thousands of them make each frame
 * a long task. The legend says so; the direction stays in the exports.
 */
export const ARROW_EDGE_LIMIT = 2_000;


/** A number in [0, 1) from a string: the same node gets the same starting point on every run. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

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
  /** After the first frame drawn with every edge of the graph (the layout stopped): nothing more to draw until the next change. */
  settled(): void;
  layout(running: boolean): void;
  layoutFailed(message: string): void;
}

/**
 * Two graphs: `graph`, the whole of the latest answer (search, the edge
 * weights and the layout work on it; the layout's worker writes its
 * positions there), and `drawing`, what sigma draws: the nodes, and the
 * edges only while no layout runs. Sigma indexes every node and edge of
 * its graph on each change of positions, so a drawing without its edges
 * costs a third as much per frame while the layout moves the nodes (and a
 * moving hairball shows nothing anyway); the edges join it in slices when
 * the layout stops.
 */
export class GraphView {
  private readonly positions = new Map<string, Point>();
  private graph = new Graph({ multi: true, type: 'mixed' });
  private drawing = new Graph({ multi: true, type: 'mixed' });
  private renderer: Sigma | undefined;
  private layout: FA2LayoutSupervisor | undefined;
  private layoutTimer: number | undefined;
  private layoutDrawTimer: number | undefined;
  /** Counts the times the edges were taken out of the drawing: a slicing of them into it stops when it sees a newer. */
  private edgeTicket = 0;
  private highlighted = new Set<string>();
  private hovered: string | undefined;
  private awaitingFrame = false;
  private awaitingSettle = false;
  /** Counts calls of show(): a slice of an older one stops when it sees a newer. */
  private generation = 0;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: GraphViewEvents,
  ) {
    // Sigma's WebGL layers and programs are made in a task of their own, not in the page script's (two shorter tasks, not one long one).
    window.setTimeout(() => this.sigma, 0);
  }

  /** The drawing, made on first use. */
  private get sigma(): Sigma {
    this.renderer ??= this.createRenderer();
    return this.renderer;
  }

  private createRenderer(): Sigma {
    performance.mark('network:sigma');
    const container = this.container;
    const sigma = new Sigma(this.drawing, container, {
      allowInvalidContainer: true,
      defaultEdgeType: 'line',
      // Points and one-pixel lines: the cheapest programs to draw thousands of nodes and edges with.
      nodeProgramClasses: { circle: NodePointProgram },
      edgeProgramClasses: { line: EdgeLineProgram, arrow: EdgeArrowProgram },
      renderEdgeLabels: false,
      hideEdgesOnMove: true,
      labelDensity: 0.35,
      labelRenderedSizeThreshold: 7,
      labelColor: { color: getComputedStyle(document.body).getPropertyValue('--vscode-foreground').trim() || '#ccc' },
      zIndex: true,
      nodeReducer: (node, data) => {
        if (this.highlighted.has(node) || node === this.hovered) return { ...data, highlighted: true, color: this.highlighted.has(node) ? HIGHLIGHT_COLOUR : data.color, zIndex: 2, forceLabel: true };
        return data;
      },
    });
    this.renderer = sigma;
    this.showLayers();
    sigma.on('enterNode', ({ node, event }) => {
      this.hovered = node;
      this.showLayers();
      container.style.cursor = 'pointer';
      this.events.hover(node, event.original instanceof MouseEvent ? event.original : undefined);
    });
    sigma.on('leaveNode', () => {
      this.hovered = undefined;
      this.showLayers();
      container.style.cursor = '';
      this.events.hover(undefined, undefined);
    });
    sigma.on('clickNode', ({ node }) => this.events.click(node));
    sigma.on('afterRender', () => {
      if (this.awaitingFrame) {
        this.awaitingFrame = false;
        this.events.drawn();
      } else if (this.awaitingSettle) {
        this.awaitingSettle = false;
        this.events.settled();
      }
    });
    return sigma;
  }

  /**
   * Takes the edges' and the hovered nodes' WebGL layers out of the page
   * while they have nothing to show. Sigma clears every layer on every
   * frame, and a browser that composites without a GPU reads each visible
   * WebGL layer back to the CPU after each frame it was drawn or cleared:
   * an empty layer costs as much as a full one. A layer not displayed is
   * not read back.
   */
  private showLayers(): void {
    const layers = this.sigma.getCanvases();
    const show = (canvas: HTMLCanvasElement | undefined, shown: boolean) => canvas && (canvas.style.display = shown ? '' : 'none');
    show(layers.edges, this.drawing.size > 0);
    show(layers.hoverNodes, this.highlighted.size > 0 || this.hovered !== undefined);
  }

  get nodeCount(): number {
    return this.graph.order;
  }

  /** The summed (absolute) weight of the edges of the graph shown: the e2e test sees a DNA option change the matrix's cells. */
  get edgeWeight(): number {
    let sum = 0;
    this.graph.forEachEdge((_id, attributes) => {
      sum += (attributes as { weight: number }).weight;
    });
    return sum;
  }

  get layoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  /**
   * Draws `info`. Nodes drawn before keep their place; a new node starts at
   * the centre of its placed neighbours (or on a spiral around the drawing
   * when it has none), and then the layout moves the new nodes only (all of
   * them for a first drawing), for a time that grows with their number. The
   * graphs are built in slices, one task each, before the drawing gets its
   * nodes (drawing in between would redraw the whole of it after every
   * slice); the edges follow in slices once no layout runs. A later call
   * abandons an earlier one. Resolves with how many nodes kept their place
   * and whether arrow heads are drawn, or undefined when a later call took
   * over.
   */
  async show(info: NetworkGraphInfo, kindColours: Map<string, string>): Promise<{ kept: number; arrows: boolean } | undefined> {
    const generation = ++this.generation;
    this.stopLayout(false);
    this.layout?.kill();
    this.layout = undefined;
    const { points, kept, placed } = this.place(info);
    const graph = new Graph({ multi: true, type: 'mixed' });
    const drawing = new Graph({ multi: true, type: 'mixed' });
    const relations = relationColours(info);
    const arrows = info.edges.length <= ARROW_EDGE_LIMIT;
    // Normalised networks weigh less than 1: node sizes are relative to the heaviest node.
    const maxWeight = info.nodes.reduce((max, node) => Math.max(max, node.weightedDegree), 0) || 1;
    for (let at = 0; at < info.nodes.length; at += NODES_PER_SLICE) {
      if (at > 0 && !(await this.nextSlice(generation))) return undefined;
      for (const node of info.nodes.slice(at, at + NODES_PER_SLICE)) {
        const point = points.get(node.id)!;
        const attributes = {
          label: node.label,
          size: nodeSize(node, maxWeight, info.nodes.length),
          color: node.kind === 'concept' ? CONCEPT_COLOUR : (kindColours.get(node.actorKind || 'unknown') ?? '#888'),
          x: point.x,
          y: point.y,
        };
        graph.addNode(node.id, attributes);
        drawing.addNode(node.id, { ...attributes });
      }
    }
    const lightest = info.edges.reduce((min, edge) => (edge.weight !== 0 ? Math.min(min, Math.abs(edge.weight)) : min), Infinity);
    for (let at = 0; at < info.edges.length; at += EDGES_PER_SLICE) {
      if (!(await this.nextSlice(generation))) return undefined;
      for (const edge of info.edges.slice(at, at + EDGES_PER_SLICE)) {
        if (!points.has(edge.source) || !points.has(edge.target)) continue;
        // Width by the weight relative to the lightest edge (normalised networks weigh less than 1); the layout pulls by its size, as a negative (subtract) weight cannot pull.
        const magnitude = Math.abs(edge.weight);
        const attributes = { color: edgeColour(info, edge, relations), size: Math.min(1 + Math.log2(magnitude / lightest), 4), weight: magnitude, type: edge.directed && arrows ? 'arrow' : 'line' };
        if (edge.directed) graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
        else graph.addUndirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
      }
    }
    if (!(await this.nextSlice(generation))) return undefined;
    this.graph = graph;
    this.drawing = drawing;
    this.edgeTicket++;
    this.highlighted = new Set([...this.highlighted].filter((id) => graph.hasNode(id)));
    this.awaitingFrame = true;
    performance.mark('network:nodes');
    this.sigma.setGraph(drawing);
    this.showLayers();
    // A graph that needs its layout is drawn without its edges until the layout stops.
    if (kept < info.nodes.length && info.nodes.length > 1) this.runLayout(kept > 0 ? placed : undefined);
    else void this.showEdges();
    return { kept, arrows };
  }

  /** Puts the graph's edges into the drawing, a slice per task (sigma draws them as they come); stops when they are taken out again meanwhile. */
  private async showEdges(): Promise<void> {
    const ticket = this.edgeTicket;
    const [graph, drawing] = [this.graph, this.drawing];
    const edges = graph.edges();
    for (let at = 0; at < edges.length; at += EDGES_PER_SLICE) {
      if (at > 0 && !(await new Promise<boolean>((resolve) => window.setTimeout(() => resolve(ticket === this.edgeTicket), 0)))) return;
      performance.mark('network:edges');
      for (const edge of edges.slice(at, at + EDGES_PER_SLICE)) {
        // Drawn already (the layout could not start, with the edges in the drawing): nothing to add.
        if (drawing.hasEdge(edge)) continue;
        const { color, size, type } = graph.getEdgeAttributes(edge);
        const [source, target] = graph.extremities(edge);
        if (graph.isDirected(edge)) drawing.addDirectedEdgeWithKey(edge, source, target, { color, size, type });
        else drawing.addUndirectedEdgeWithKey(edge, source, target, { color, size, type });
      }
      if (at === 0) this.showLayers();
    }
    this.awaitingSettle = true;
    this.sigma.scheduleRender();
  }

  /** Takes the edges out of the drawing (and stops a slicing of them into it). */
  private hideEdges(): void {
    this.edgeTicket++;
    this.awaitingSettle = false;
    if (this.drawing.size > 0) this.drawing.clearEdges();
    this.showLayers();
  }

  /** Lets the page breathe between two slices of work (input, a frame); false when a later graph took over meanwhile. */
  private nextSlice(generation: number): Promise<boolean> {
    return new Promise((resolve) => window.setTimeout(() => resolve(generation === this.generation), 0));
  }

  /** A position for every node of `info`: its own from before, else next to its placed neighbours, else on a spiral. */
  private place(info: NetworkGraphInfo): { points: Map<string, Point>; kept: number; placed: Set<string> } {
    const points = new Map<string, Point>();
    let spread = 1;
    for (const node of info.nodes) {
      const known = this.positions.get(node.id);
      if (!known) continue;
      points.set(node.id, known);
      spread = Math.max(spread, Math.abs(known.x), Math.abs(known.y));
    }
    const kept = points.size;
    if (kept === 0) spread = Math.sqrt(info.nodes.length) * 10;
    const neighbours = new Map<string, string[]>();
    for (const edge of info.edges) {
      if (points.has(edge.source) === points.has(edge.target)) continue;
      const [fresh, placed] = points.has(edge.source) ? [edge.target, edge.source] : [edge.source, edge.target];
      const list = neighbours.get(fresh) ?? [];
      list.push(placed);
      neighbours.set(fresh, list);
    }
    let fresh = 0;
    const placed = new Set<string>();
    for (const node of info.nodes) {
      if (points.has(node.id)) continue;
      placed.add(node.id);
      const jitter = hash(node.id);
      const around = (neighbours.get(node.id) ?? []).map((id) => points.get(id)!);
      let point: Point;
      if (around.length > 0) {
        point = {
          x: around.reduce((sum, p) => sum + p.x, 0) / around.length + (jitter - 0.5) * 2,
          y: around.reduce((sum, p) => sum + p.y, 0) / around.length + (hash(`${node.id}#`) - 0.5) * 2,
        };
      } else {
        // A spiral (golden angle) fills a disc evenly; the hash only turns it.
        const angle = fresh * 2.399963 + jitter * 0.5;
        const radius = kept === 0 ? spread * Math.sqrt((fresh + 0.5) / info.nodes.length) : spread * (1.05 + 0.1 * jitter);
        point = { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
        fresh++;
      }
      points.set(node.id, point);
    }
    for (const [id, point] of points) this.positions.set(id, point);
    return { points, kept, placed };
  }

  /**
   * Runs ForceAtlas2 in its worker, on the graph shown (its positions land
   * there), with the edges out of the drawing; the drawing takes the
   * positions every LAYOUT_DRAW_INTERVAL_MS. With `moving`, only those nodes
   * move (the new nodes of an update: the others keep their place); without,
   * every node does (the "Run layout" button). It stops by itself after a
   * while (longer for more moving nodes), or when asked.
   */
  runLayout(moving?: Set<string>): void {
    this.stopLayout();
    this.layout?.kill();
    this.layout = undefined;
    const graph = this.graph;
    if (graph.order < 2) return;
    graph.updateEachNodeAttributes(
      (id, attributes) => {
        attributes.fixed = moving ? !moving.has(id) : false;
        return attributes;
      },
      { attributes: ['fixed'] },
    );
    try {
      this.layout = new FA2LayoutSupervisor(graph, { settings: { ...inferSettings(graph), scalingRatio: 10, slowDown: 2 }, getEdgeWeight: 'weight' });
    } catch (error) {
      // No worker (a page policy that forbids it): the nodes stay where they were placed, and the view says why.
      void this.showEdges();
      this.events.layoutFailed(error instanceof Error ? error.message : String(error));
      return;
    }
    this.hideEdges();
    this.layout.start();
    this.events.layout(true);
    this.layoutDrawTimer = window.setInterval(() => this.drawLayout(), LAYOUT_DRAW_INTERVAL_MS);
    const budget = Math.min(3000 + (moving?.size ?? graph.order) * 2, 12_000);
    this.layoutTimer = window.setTimeout(() => this.stopLayout(), budget);
  }

  /** Draws the layout's positions as they are now, and keeps them as the nodes' places. */
  private drawLayout(): void {
    const graph = this.graph;
    performance.mark('network:layout-frame');
    this.drawing.updateEachNodeAttributes(
      (id, attributes) => {
        const { x, y } = graph.getNodeAttributes(id) as Point;
        this.positions.set(id, { x, y });
        attributes.x = x;
        attributes.y = y;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
  }

  /** Stops the layout, keeps its positions and draws the edges again; with `drawEdges` false (a new graph comes), the edges stay out. */
  stopLayout(drawEdges = true): void {
    if (this.layoutTimer !== undefined) window.clearTimeout(this.layoutTimer);
    if (this.layoutDrawTimer !== undefined) window.clearInterval(this.layoutDrawTimer);
    this.layoutTimer = undefined;
    this.layoutDrawTimer = undefined;
    if (!this.layout?.isRunning()) return;
    this.layout.stop();
    this.drawLayout();
    if (drawEdges) void this.showEdges();
    this.events.layout(false);
  }

  /** The nodes whose label or id contains `query` (any case), best first: whole-word starts before inner matches, then by size. */
  find(query: string, limit: number): { id: string; label: string }[] {
    const needle = query.trim().toLowerCase();
    if (!needle) return [];
    const found: { id: string; label: string; rank: number; size: number }[] = [];
    this.graph.forEachNode((id, attributes) => {
      const label = String(attributes.label ?? id);
      const at = label.toLowerCase().indexOf(needle);
      const rank = at === 0 ? 0 : at > 0 ? 1 : id.toLowerCase().includes(needle) ? 2 : -1;
      if (rank >= 0) found.push({ id, label, rank, size: attributes.size as number });
    });
    return found
      .sort((a, b) => a.rank - b.rank || b.size - a.size || (a.label < b.label ? -1 : 1))
      .slice(0, limit)
      .map(({ id, label }) => ({ id, label }));
  }

  highlight(ids: Iterable<string>): void {
    const before = this.highlighted;
    this.highlighted = new Set([...ids].filter((id) => this.drawing.hasNode(id)));
    // Only the nodes whose look changed are looked at again (the whole graph is not re-read).
    const changed = [...before, ...this.highlighted].filter((id) => this.drawing.hasNode(id) && before.has(id) !== this.highlighted.has(id));
    this.showLayers();
    if (changed.length > 0) this.sigma.refresh({ partialGraph: { nodes: changed }, schedule: true });
  }

  /** Moves the camera to `id` and zooms in on it. */
  async centre(id: string): Promise<void> {
    const display = this.sigma.getNodeDisplayData(id);
    if (!display) return;
    await this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: Math.min(this.sigma.getCamera().ratio, 0.25) }, { duration: 300 });
  }

  /** Where `id` is drawn, in the page's coordinates. */
  screenPosition(id: string): Point | undefined {
    const display = this.sigma.getNodeDisplayData(id);
    if (!display) return undefined;
    const point = this.sigma.framedGraphToViewport(display);
    const box = this.sigma.getContainer().getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  }
}

/** Bigger for more (weighted) edges; smaller in a crowded graph, so thousands of nodes do not cover each other. */
function nodeSize(node: NetworkNodeInfo, maxWeight: number, count: number): number {
  const scale = count > 1000 ? 0.5 : count > 200 ? 0.75 : 1;
  return scale * (4 + 10 * Math.sqrt(node.weightedDegree / maxWeight));
}
