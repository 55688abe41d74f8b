// The camera maths of the Actor network drawing
// (client/src/network/webview/draw/camera.ts): framing, graph to screen and
// back, zoom at the pointer, pan, the centring animation, node radii. The
// client is compiled apart from the tests, so its compiled module is loaded.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/tempWorkspace';

interface Camera {
  x: number;
  y: number;
  ratio: number;
}
interface Frame {
  cx: number;
  cy: number;
  extent: number;
}
interface Viewport {
  width: number;
  height: number;
}
interface Point {
  x: number;
  y: number;
}
interface CameraModule {
  HOME: Camera;
  MIN_RATIO: number;
  MAX_RATIO: number;
  frameOf(x: ArrayLike<number>, y: ArrayLike<number>): Frame;
  toScreen(camera: Camera, frame: Frame, viewport: Viewport, gx: number, gy: number, out: Point): Point;
  toFramed(camera: Camera, viewport: Viewport, sx: number, sy: number): Point;
  framed(frame: Frame, gx: number, gy: number): Point;
  zoomAt(camera: Camera, viewport: Viewport, sx: number, sy: number, factor: number): Camera;
  pan(camera: Camera, viewport: Viewport, dx: number, dy: number): Camera;
  between(from: Camera, to: Camera, t: number): Camera;
  radiusOf(size: number, camera: Camera): number;
  sameCamera(a: Camera, b: Camera): boolean;
  centreRatio(nodes: number): number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const camera = require(path.join(REPO_ROOT, 'out', 'client', 'src', 'network', 'webview', 'draw', 'camera.js')) as CameraModule;

const viewport = { width: 800, height: 600 };
const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-6, `${what}: ${actual} ≠ ${expected}`);

describe('the network drawing camera', () => {
  it('frames the nodes by their bounding box, on its longer side', () => {
    assert.deepEqual(camera.frameOf([0, 10, 4], [0, 2, -2]), { cx: 5, cy: 0, extent: 10 });
    assert.deepEqual(camera.frameOf([], []), { cx: 0, cy: 0, extent: 1 }, 'no nodes: a unit frame');
    assert.deepEqual(camera.frameOf([3], [3]), { cx: 3, cy: 3, extent: 1 }, 'one node: no zero extent');
  });

  it('draws the whole graph inside the viewport at the home camera, centred, y up', () => {
    const frame = camera.frameOf([-50, 50], [-20, 20]);
    const point = { x: 0, y: 0 };
    camera.toScreen(camera.HOME, frame, viewport, 0, 0, point);
    assert.deepEqual(point, { x: 400, y: 300 });
    camera.toScreen(camera.HOME, frame, viewport, 50, 20, point);
    assert.ok(point.x > 400 && point.x <= 800 && point.y < 300 && point.y >= 0, `the top right corner on screen: ${JSON.stringify(point)}`);
    camera.toScreen(camera.HOME, frame, viewport, -50, -20, point);
    assert.ok(point.x >= 0 && point.y <= 600);
  });

  it('maps screen points back to the framed points they show', () => {
    const frame = camera.frameOf([0, 100], [0, 60]);
    const cam = { x: 0.3, y: 0.7, ratio: 0.4 };
    const on = camera.toScreen(cam, frame, viewport, 25, 40, { x: 0, y: 0 });
    const back = camera.toFramed(cam, viewport, on.x, on.y);
    const expected = camera.framed(frame, 25, 40);
    close(back.x, expected.x, 'x');
    close(back.y, expected.y, 'y');
  });

  it('zooms around the pointer: the point under it stays there', () => {
    const before = { x: 0.5, y: 0.5, ratio: 1 };
    const after = camera.zoomAt(before, viewport, 600, 150, 0.5);
    close(after.ratio, 0.5, 'ratio');
    const under = camera.toFramed(before, viewport, 600, 150);
    const still = camera.toFramed(after, viewport, 600, 150);
    close(still.x, under.x, 'x');
    close(still.y, under.y, 'y');
    assert.equal(camera.zoomAt(before, viewport, 0, 0, 1e-9).ratio, camera.MIN_RATIO, 'zoom in is bounded');
    assert.equal(camera.zoomAt(before, viewport, 0, 0, 1e9).ratio, camera.MAX_RATIO, 'zoom out is bounded');
  });

  it('pans with the drag: a node moves on screen by the drag', () => {
    const frame = camera.frameOf([0, 100], [0, 100]);
    const before = { x: 0.5, y: 0.5, ratio: 0.3 };
    const after = camera.pan(before, viewport, 40, -25);
    const a = camera.toScreen(before, frame, viewport, 70, 20, { x: 0, y: 0 });
    const b = camera.toScreen(after, frame, viewport, 70, 20, { x: 0, y: 0 });
    close(b.x - a.x, 40, 'dx');
    close(b.y - a.y, -25, 'dy');
  });

  it('animates from one camera to another, ending exactly there', () => {
    const from = { x: 0.5, y: 0.5, ratio: 1 };
    const to = { x: 0.1, y: 0.9, ratio: 0.25 };
    assert.deepEqual(camera.between(from, to, 0), from);
    const end = camera.between(from, to, 1);
    close(end.x, to.x, 'x');
    close(end.ratio, to.ratio, 'ratio');
    const middle = camera.between(from, to, 0.5);
    close(middle.ratio, 0.5, 'the ratio moves geometrically');
    assert.deepEqual(camera.between(from, to, 7), end, 'past the end is the end');
  });

  it('grows node radii slower than distances when zooming in', () => {
    assert.equal(camera.radiusOf(4, { x: 0, y: 0, ratio: 1 }), 4);
    assert.equal(camera.radiusOf(4, { x: 0, y: 0, ratio: 0.25 }), 8);
    assert.ok(camera.sameCamera({ x: 1, y: 2, ratio: 3 }, { x: 1, y: 2, ratio: 3 }));
    assert.ok(!camera.sameCamera({ x: 1, y: 2, ratio: 3 }, { x: 1, y: 2, ratio: 2 }));
  });

  it('zooms closer to centre a node in a bigger graph, within bounds', () => {
    assert.equal(camera.centreRatio(40), 0.6, 'a small graph: the neighbourhood stays in view');
    assert.equal(camera.centreRatio(4000), 0.25);
    assert.equal(camera.centreRatio(0), 0.6);
    assert.ok(camera.centreRatio(400) < 0.6 && camera.centreRatio(400) > 0.25);
  });
});
