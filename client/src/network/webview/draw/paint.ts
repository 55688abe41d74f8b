/*
 * One frame of the Actor network drawing on a Canvas 2D context: the edges
 * (one path per colour and width, arrow heads filled per bucket), the nodes
 * (one path per colour), the labels that fit, and the highlighted and
 * hovered nodes on top with their labels. Pure drawing: the renderer owns
 * the state, this reads it.
 */
import { type Camera, type Frame, type Viewport, radiusOf, toScreen } from './camera';
import type { EdgeBucket } from './edgeBatch';
import { chooseLabels, type LabelBox } from './labelGrid';
import type { GraphMessage, Theme } from './protocol';

/** The subset of CanvasRenderingContext2D (and OffscreenCanvasRenderingContext2D) a frame uses. */
export interface Context2D {
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, width: number, height: number): void;
  beginPath(): void;
  closePath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, radius: number, start: number, end: number): void;
  fill(): void;
  stroke(): void;
  fillText(text: string, x: number, y: number): void;
  strokeText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  globalAlpha: number;
  font: string;
  textBaseline: string;
  lineJoin: string;
}

/** What a frame draws from: the graph and its batches, the camera, and scratch arrays the frame fills (screen positions and radii, by node). */
export interface Scene {
  graph: GraphMessage;
  edges: EdgeBucket[];
  nodes: Map<number, Uint32Array>;
  /** Node indices, biggest first: the order labels are offered in. */
  bySize: Uint32Array;
  /** Label widths at the label font, measured once each (NaN until then). */
  labelWidths: Float32Array;
  camera: Camera;
  frame: Frame;
  viewport: Viewport;
  dpr: number;
  theme: Theme;
  highlighted: Set<number>;
  hovered: number;
  screenX: Float32Array;
  screenY: Float32Array;
  radius: Float32Array;
}

const TAU = Math.PI * 2;
export const LABEL_FONT_PX = 12;
/** Nodes drawn smaller than this get no label unless forced (sigma.js's label threshold). */
const LABEL_MIN_RADIUS = 5;
const LABEL_LIMIT = 400;
const EDGE_ALPHA = 0.55;

/** Screen positions and radii of every node into the scene's scratch arrays; the indices of the nodes on screen. */
export function project(scene: Scene): Uint8Array {
  const { graph, camera, frame, viewport, screenX, screenY, radius } = scene;
  const visible = new Uint8Array(graph.x.length);
  const point = { x: 0, y: 0 };
  for (let i = 0; i < graph.x.length; i++) {
    toScreen(camera, frame, viewport, graph.x[i]!, graph.y[i]!, point);
    const r = radiusOf(graph.size[i]!, camera);
    screenX[i] = point.x;
    screenY[i] = point.y;
    radius[i] = r;
    visible[i] = point.x + r >= 0 && point.y + r >= 0 && point.x - r <= viewport.width && point.y - r <= viewport.height ? 1 : 0;
  }
  return visible;
}

/** The edges, bucket by bucket; an edge whose two ends lie beyond one side of the screen is skipped. */
export function paintEdges(context: Context2D, scene: Scene): void {
  const { graph, screenX: x, screenY: y, radius, viewport } = scene;
  const { width, height } = viewport;
  context.globalAlpha = EDGE_ALPHA;
  for (const bucket of scene.edges) {
    const colour = graph.palette[bucket.colour] ?? '#888';
    context.strokeStyle = colour;
    context.lineWidth = bucket.width;
    context.beginPath();
    let heads = false;
    for (const edge of bucket.edges) {
      const s = graph.source[edge]!;
      const t = graph.target[edge]!;
      const [x1, y1, x2, y2] = [x[s]!, y[s]!, x[t]!, y[t]!];
      if ((x1 < 0 && x2 < 0) || (y1 < 0 && y2 < 0) || (x1 > width && x2 > width) || (y1 > height && y2 > height)) continue;
      context.moveTo(x1, y1);
      context.lineTo(x2, y2);
      heads ||= graph.arrows && graph.directed[edge] === 1;
    }
    context.stroke();
    if (!heads) continue;
    context.fillStyle = colour;
    context.beginPath();
    for (const edge of bucket.edges) if (graph.directed[edge] === 1) arrowHead(context, x[graph.source[edge]!]!, y[graph.source[edge]!]!, x[graph.target[edge]!]!, y[graph.target[edge]!]!, radius[graph.target[edge]!]!, bucket.width);
    context.fill();
  }
  context.globalAlpha = 1;
}

/** A head at the rim of the target node, pointing along the edge. */
function arrowHead(context: Context2D, x1: number, y1: number, x2: number, y2: number, targetRadius: number, width: number): void {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  const size = 4 + width * 2;
  if (length < targetRadius + size) return;
  const [ux, uy] = [dx / length, dy / length];
  const tipX = x2 - ux * targetRadius;
  const tipY = y2 - uy * targetRadius;
  const baseX = tipX - ux * size;
  const baseY = tipY - uy * size;
  context.moveTo(tipX, tipY);
  context.lineTo(baseX - uy * size * 0.5, baseY + ux * size * 0.5);
  context.lineTo(baseX + uy * size * 0.5, baseY - ux * size * 0.5);
  context.closePath();
}

/** The nodes, one path per colour, except the highlighted and the hovered (drawn last); returns the nodes drawn, in draw order (for picking). */
export function paintNodes(context: Context2D, scene: Scene, visible: Uint8Array): Uint32Array {
  const { graph, screenX: x, screenY: y, radius } = scene;
  const drawn = new Uint32Array(graph.x.length);
  let count = 0;
  for (const [colour, nodes] of scene.nodes) {
    context.fillStyle = graph.palette[colour] ?? '#888';
    context.beginPath();
    for (const node of nodes) {
      if (!visible[node] || scene.highlighted.has(node) || node === scene.hovered) continue;
      context.moveTo(x[node]! + radius[node]!, y[node]!);
      context.arc(x[node]!, y[node]!, radius[node]!, 0, TAU);
      drawn[count++] = node;
    }
    context.fill();
  }
  for (const node of onTop(scene)) if (visible[node]) drawn[count++] = node;
  return drawn.subarray(0, count);
}

/** The highlighted nodes, then the hovered one. */
function onTop(scene: Scene): number[] {
  const nodes = [...scene.highlighted].filter((node) => node !== scene.hovered);
  if (scene.hovered >= 0) nodes.push(scene.hovered);
  return nodes;
}

function labelBox(context: Context2D, scene: Scene, node: number): LabelBox {
  let width = scene.labelWidths[node]!;
  if (Number.isNaN(width)) width = scene.labelWidths[node] = context.measureText(scene.graph.labels[node] ?? '').width;
  return { node, x: scene.screenX[node]! + scene.radius[node]! + 3, y: scene.screenY[node]! - LABEL_FONT_PX / 2 - 1, width, height: LABEL_FONT_PX + 2 };
}

/** The labels: forced ones (the nodes on top), then the biggest visible nodes' that fit without overlapping. */
export function paintLabels(context: Context2D, scene: Scene, visible: Uint8Array): LabelBox[] {
  context.font = `${LABEL_FONT_PX}px ${scene.theme.font}`;
  context.textBaseline = 'middle';
  const forced = onTop(scene)
    .filter((node) => visible[node])
    .map((node) => labelBox(context, scene, node));
  const forcedNodes = new Set(forced.map((box) => box.node));
  function* candidates(): Generator<LabelBox> {
    for (const node of scene.bySize) {
      if (scene.radius[node]! < LABEL_MIN_RADIUS) return;
      if (visible[node] && !forcedNodes.has(node)) yield labelBox(context, scene, node);
    }
  }
  const chosen = chooseLabels(scene.viewport.width, scene.viewport.height, forced, candidates(), LABEL_LIMIT);
  context.fillStyle = scene.theme.foreground;
  for (const box of chosen.slice(forced.length)) context.fillText(scene.graph.labels[box.node] ?? '', box.x, scene.screenY[box.node]!);
  return chosen;
}

/** The highlighted and hovered nodes, bigger and ringed, with their labels on a halo of the background colour. */
export function paintOnTop(context: Context2D, scene: Scene, visible: Uint8Array): void {
  const { graph, screenX: x, screenY: y, radius, theme } = scene;
  context.lineJoin = 'round';
  for (const node of onTop(scene)) {
    if (!visible[node]) continue;
    const r = Math.max(radius[node]! * 1.25, 5);
    context.fillStyle = scene.highlighted.has(node) ? theme.highlight : (graph.palette[graph.colour[node]!] ?? '#888');
    context.strokeStyle = theme.foreground;
    context.lineWidth = 1.5;
    context.beginPath();
    context.arc(x[node]!, y[node]!, r, 0, TAU);
    context.fill();
    context.stroke();
    const label = graph.labels[node] ?? '';
    context.strokeStyle = theme.background;
    context.lineWidth = 3;
    context.strokeText(label, x[node]! + r + 3, y[node]!);
    context.fillStyle = theme.foreground;
    context.fillText(label, x[node]! + r + 3, y[node]!);
  }
}
