/*
 * The camera of the Actor network drawing: pure maths, shared by the
 * renderer (in its worker, or on the page as the fallback) and the page
 * (which places the hover card from the last camera the renderer drew).
 *
 * Graph coordinates are first framed: the bounding box of the nodes maps to
 * [0, 1] on its longer side, centred on 0.5 (so the whole graph fits at
 * ratio 1 whatever its extent, as the layout moves it). The camera is a
 * point of that framed space and a ratio (smaller: closer). Screen
 * coordinates are CSS pixels of the canvas, y down; graph y points up.
 */

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

/** The nodes' bounding box: its centre and its longer side. */
export interface Frame {
  cx: number;
  cy: number;
  extent: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export const HOME: Camera = { x: 0.5, y: 0.5, ratio: 1 };
export const MIN_RATIO = 1 / 128;
export const MAX_RATIO = 8;
/** Pixels left free around the graph at ratio 1. */
const PADDING = 24;

/** The frame of the points (x[i], y[i]). */
export function frameOf(x: ArrayLike<number>, y: ArrayLike<number>): Frame {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const px = x[i]!;
    const py = y[i]!;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  if (minX > maxX) return { cx: 0, cy: 0, extent: 1 };
  return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, extent: Math.max(maxX - minX, maxY - minY) || 1 };
}

/** How many screen pixels one framed unit covers at ratio 1. */
function scaleOf(viewport: Viewport): number {
  return Math.max(Math.min(viewport.width, viewport.height) - 2 * PADDING, 1);
}

/** Multiplies into `out` (no allocation per node in a frame): the screen position of the graph point (gx, gy). */
export function toScreen(camera: Camera, frame: Frame, viewport: Viewport, gx: number, gy: number, out: Point): Point {
  const k = scaleOf(viewport) / camera.ratio;
  out.x = viewport.width / 2 + ((gx - frame.cx) / frame.extent + 0.5 - camera.x) * k;
  out.y = viewport.height / 2 - ((gy - frame.cy) / frame.extent + 0.5 - camera.y) * k;
  return out;
}

/** The framed point under the screen point (sx, sy). */
export function toFramed(camera: Camera, viewport: Viewport, sx: number, sy: number): Point {
  const k = camera.ratio / scaleOf(viewport);
  return { x: camera.x + (sx - viewport.width / 2) * k, y: camera.y - (sy - viewport.height / 2) * k };
}

/** The framed point of the graph point (gx, gy). */
export function framed(frame: Frame, gx: number, gy: number): Point {
  return { x: (gx - frame.cx) / frame.extent + 0.5, y: (gy - frame.cy) / frame.extent + 0.5 };
}

/** The camera zoomed by `factor` (< 1: closer) around the screen point (sx, sy), which stays where it is. */
export function zoomAt(camera: Camera, viewport: Viewport, sx: number, sy: number, factor: number): Camera {
  const ratio = Math.min(Math.max(camera.ratio * factor, MIN_RATIO), MAX_RATIO);
  const anchor = toFramed(camera, viewport, sx, sy);
  const k = ratio / scaleOf(viewport);
  return { x: anchor.x - (sx - viewport.width / 2) * k, y: anchor.y + (sy - viewport.height / 2) * k, ratio };
}

/** The camera moved so the drawing follows a drag of (dx, dy) screen pixels. */
export function pan(camera: Camera, viewport: Viewport, dx: number, dy: number): Camera {
  const k = camera.ratio / scaleOf(viewport);
  return { x: camera.x - dx * k, y: camera.y + dy * k, ratio: camera.ratio };
}

/** The camera at `t` (0 to 1) of an animation from `from` to `to`, eased in and out. */
export function between(from: Camera, to: Camera, t: number): Camera {
  const clamped = Math.min(Math.max(t, 0), 1);
  const e = clamped < 0.5 ? 2 * clamped * clamped : 1 - (-2 * clamped + 2) ** 2 / 2;
  return { x: from.x + (to.x - from.x) * e, y: from.y + (to.y - from.y) * e, ratio: from.ratio * (to.ratio / from.ratio) ** e };
}

/** A node's radius on screen: closer makes it bigger, but less than the distances grow (as sigma.js does), so a crowd opens up. */
export function radiusOf(size: number, camera: Camera): number {
  return size / Math.sqrt(camera.ratio);
}

/** How close centring a node zooms for a graph of `nodes` nodes: close enough to single it out of a crowd, not so close that a small graph shows only the node. */
export function centreRatio(nodes: number): number {
  return Math.min(Math.max(10 / Math.sqrt(Math.max(nodes, 1)), 0.25), 0.6);
}

export function sameCamera(a: Camera, b: Camera): boolean {
  return a.x === b.x && a.y === b.y && a.ratio === b.ratio;
}
