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

function edgeColour(graph: NetworkGraphInfo, type: string, relations: Map<string, string>): string {
  if (graph.id === 'relations') return relations.get(type) ?? '#888';
  if (graph.id === 'congruence' || graph.id === 'conflict') return EDGE_COLOURS[graph.id]!;
  return EDGE_COLOURS[type] ?? '#888';
}

export interface GraphViewEvents {
  hover(id: string | undefined, event: MouseEvent | undefined): void;
  click(id: string): void;
  /** After the first frame drawn with a new graph: the view answers input from here on. */
  drawn(): void;
  layout(running: boolean): void;
}

export class GraphView {
  private readonly positions = new Map<string, Point>();
  private graph = new Graph({ multi: true, type: 'mixed' });
  private readonly sigma: Sigma;
  private layout: FA2LayoutSupervisor | undefined;
  private layoutTimer: number | undefined;
  private highlighted = new Set<string>();
  private hovered: string | undefined;
  private awaitingFrame = false;

  constructor(
    container: HTMLElement,
    private readonly events: GraphViewEvents,
  ) {
    this.sigma = new Sigma(this.graph, container, {
      allowInvalidContainer: true,
      defaultEdgeType: 'line',
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
    this.sigma.on('enterNode', ({ node, event }) => {
      this.hovered = node;
      container.style.cursor = 'pointer';
      this.events.hover(node, event.original instanceof MouseEvent ? event.original : undefined);
    });
    this.sigma.on('leaveNode', () => {
      this.hovered = undefined;
      container.style.cursor = '';
      this.events.hover(undefined, undefined);
    });
    this.sigma.on('clickNode', ({ node }) => this.events.click(node));
    this.sigma.on('afterRender', () => {
      if (!this.awaitingFrame) return;
      this.awaitingFrame = false;
      this.events.drawn();
    });
  }

  get nodeCount(): number {
    return this.graph.order;
  }

  get layoutRunning(): boolean {
    return this.layout?.isRunning() ?? false;
  }

  /**
   * Draws `info`. Nodes drawn before keep their place; a new node starts at
   * the centre of its placed neighbours (or on a spiral around the drawing
   * when it has none), and only then does the layout run, for a time that
   * grows with the number of new nodes.
   */
  show(info: NetworkGraphInfo, kindColours: Map<string, string>): void {
    this.stopLayout();
    this.layout?.kill();
    this.layout = undefined;
    const graph = new Graph({ multi: true, type: 'mixed' });
    const relations = relationColours(info);
    const maxWeight = info.nodes.reduce((max, node) => Math.max(max, node.weightedDegree), 1);
    for (const node of info.nodes) {
      graph.addNode(node.id, {
        label: node.label,
        size: nodeSize(node, maxWeight),
        color: node.kind === 'concept' ? CONCEPT_COLOUR : (kindColours.get(node.actorKind || 'unknown') ?? '#888'),
        x: 0,
        y: 0,
      });
    }
    for (const edge of info.edges) {
      if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
      const attributes = { color: edgeColour(info, edge.type, relations), size: Math.min(0.6 + Math.log2(1 + edge.weight) * 0.8, 5), weight: edge.weight, type: edge.directed ? 'arrow' : 'line' };
      if (edge.directed) graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
      else graph.addUndirectedEdgeWithKey(edge.id, edge.source, edge.target, attributes);
    }
    const placed = this.place(graph);
    this.graph = graph;
    this.highlighted = new Set([...this.highlighted].filter((id) => graph.hasNode(id)));
    this.awaitingFrame = true;
    this.sigma.setGraph(graph);
    if (placed < graph.order) this.runLayout(graph.order - placed);
  }

  /** Gives every node of `graph` a position: its own from before, else next to its placed neighbours. Answers how many had one. */
  private place(graph: Graph): number {
    let placed = 0;
    let spread = 1;
    graph.forEachNode((id) => {
      const known = this.positions.get(id);
      if (!known) return;
      graph.mergeNodeAttributes(id, known);
      spread = Math.max(spread, Math.abs(known.x), Math.abs(known.y));
      placed++;
    });
    if (placed === 0) spread = Math.sqrt(graph.order) * 10;
    let fresh = 0;
    graph.forEachNode((id) => {
      if (this.positions.has(id)) return;
      let x = 0;
      let y = 0;
      let neighbours = 0;
      graph.forEachNeighbor(id, (neighbour) => {
        const point = this.positions.get(neighbour);
        if (!point) return;
        x += point.x;
        y += point.y;
        neighbours++;
      });
      const jitter = hash(id);
      if (neighbours > 0) {
        x = x / neighbours + (jitter - 0.5) * 2;
        y = y / neighbours + (hash(`${id}#`) - 0.5) * 2;
      } else {
        // A spiral (golden angle) fills a disc evenly; the hash only turns it.
        const angle = fresh * 2.399963 + jitter * 0.5;
        const radius = placed === 0 ? spread * Math.sqrt((fresh + 0.5) / graph.order) : spread * (1.05 + 0.1 * jitter);
        x = Math.cos(angle) * radius;
        y = Math.sin(angle) * radius;
        fresh++;
      }
      graph.mergeNodeAttributes(id, { x, y });
    });
    graph.forEachNode((id, attributes) => this.positions.set(id, { x: attributes.x as number, y: attributes.y as number }));
    return placed;
  }

  /** Runs ForceAtlas2 in its worker; it stops by itself after a while (longer for more new nodes), or when asked. */
  runLayout(newNodes = this.graph.order): void {
    this.stopLayout();
    if (this.graph.order < 2) return;
    if (!this.layout) {
      const graph = this.graph;
      this.layout = new FA2LayoutSupervisor(graph, { settings: { ...inferSettings(graph), slowDown: 5 }, getEdgeWeight: 'weight' });
    }
    this.layout.start();
    this.events.layout(true);
    const budget = Math.min(2000 + newNodes * 2, 10_000);
    this.layoutTimer = window.setTimeout(() => this.stopLayout(), budget);
  }

  stopLayout(): void {
    if (this.layoutTimer !== undefined) window.clearTimeout(this.layoutTimer);
    this.layoutTimer = undefined;
    if (!this.layout?.isRunning()) return;
    this.layout.stop();
    this.graph.forEachNode((id, attributes) => this.positions.set(id, { x: attributes.x as number, y: attributes.y as number }));
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
    this.highlighted = new Set([...ids].filter((id) => this.graph.hasNode(id)));
    this.sigma.refresh({ skipIndexation: true });
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

function nodeSize(node: NetworkNodeInfo, maxWeight: number): number {
  return 3 + 9 * Math.sqrt(node.weightedDegree / maxWeight);
}
