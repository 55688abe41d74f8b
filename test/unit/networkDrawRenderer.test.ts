// The renderer of the Actor network drawing and its message protocol
// (client/src/network/webview/draw/renderer.ts), on a fake 2D context that
// records its calls and a fake host (a clock, frames run by the test): what
// a frame draws (one path per bucket), when `drawn` and `settled` are
// posted, the layout in steps with its positions sent back once, picking,
// centring, highlight, arrow heads. The compiled client modules are loaded.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/tempWorkspace';

type Message = { type: string; [key: string]: unknown };
interface Renderer {
  handle(message: Message): void;
}
const draw = (name: string) => path.join(REPO_ROOT, 'out', 'client', 'src', 'network', 'webview', 'draw', `${name}.js`);
/* eslint-disable @typescript-eslint/no-require-imports */
const { Renderer } = require(draw('renderer')) as { Renderer: new (host: FakeHost, surface?: unknown) => Renderer };
const { transferables } = require(draw('protocol')) as { transferables(message: Message): ArrayBuffer[] };
const camera = require(draw('camera')) as { toScreen(c: unknown, f: unknown, v: unknown, x: number, y: number, out: { x: number; y: number }): { x: number; y: number } };
/* eslint-enable @typescript-eslint/no-require-imports */

/** A Canvas 2D context that records each call with the fill and stroke styles in force. */
class FakeContext {
  readonly calls: { op: string; args: unknown[]; fill: unknown; stroke: unknown }[] = [];
  fillStyle: unknown = '#000';
  strokeStyle: unknown = '#000';
  lineWidth = 1;
  globalAlpha = 1;
  font = '';
  textBaseline = '';
  lineJoin = '';
  constructor() {
    for (const op of ['setTransform', 'clearRect', 'beginPath', 'closePath', 'moveTo', 'lineTo', 'arc', 'fill', 'stroke', 'fillText', 'strokeText']) {
      (this as unknown as Record<string, (...args: unknown[]) => void>)[op] = (...args: unknown[]) => this.calls.push({ op, args, fill: this.fillStyle, stroke: this.strokeStyle });
    }
  }
  measureText(text: string): { width: number } {
    return { width: text.length * 6 };
  }
  count(op: string): number {
    return this.calls.filter((call) => call.op === op).length;
  }
}

/** The renderer's host: a clock that moves on at each reading, frames and timers run when the test says. */
class FakeHost {
  clock = 0;
  readonly posted: Message[] = [];
  private frames: (() => void)[] = [];
  private timers: { at: number; callback: () => void }[] = [];
  post = (message: Message) => void this.posted.push(message);
  now = () => (this.clock += 0.25);
  nextFrame = (callback: () => void) => void this.frames.push(callback);
  later = (callback: () => void, ms: number) => void this.timers.push({ at: this.clock + ms, callback });
  /** Runs frames (and the timers due) until none is asked for, or `max`. */
  run(max = 100_000): number {
    let ran = 0;
    while ((this.frames.length > 0 || this.timers.length > 0) && ran < max) {
      const frame = this.frames.shift();
      if (frame) {
        frame();
        ran++;
      } else this.clock = Math.max(this.clock, ...this.timers.map((timer) => timer.at));
      const due = this.timers.filter((timer) => timer.at <= this.clock);
      this.timers = this.timers.filter((timer) => timer.at > this.clock);
      for (const timer of due) timer.callback();
    }
    return ran;
  }
  types(): string[] {
    return this.posted.map((message) => message.type);
  }
  last(type: string): Message | undefined {
    return this.posted.filter((message) => message.type === type).pop();
  }
}

const THEME = { foreground: '#eeeeee', background: '#111111', highlight: '#ffcc00', font: 'sans-serif' };

/** A graph of `n` nodes on a circle, edges from node i to i + 1, colours alternating. */
function graph(n: number, options: { layout?: boolean; fixed?: number[]; directed?: boolean; arrows?: boolean; generation?: number; highlighted?: number[] } = {}): Message {
  const x = Float32Array.from({ length: n }, (_, i) => Math.cos((i / n) * 2 * Math.PI) * 100);
  const y = Float32Array.from({ length: n }, (_, i) => Math.sin((i / n) * 2 * Math.PI) * 100);
  const edges = n - 1;
  return {
    type: 'graph',
    generation: options.generation ?? 1,
    labels: Array.from({ length: n }, (_, i) => `Node ${i}`),
    x,
    y,
    size: new Float32Array(n).fill(6),
    colour: Uint16Array.from({ length: n }, (_, i) => i % 2),
    palette: ['#111', '#222', '#333', '#444'],
    fixed: Uint8Array.from({ length: n }, (_, i) => (options.fixed?.includes(i) ? 1 : 0)),
    layout: options.layout ?? false,
    source: Uint32Array.from({ length: edges }, (_, e) => e),
    target: Uint32Array.from({ length: edges }, (_, e) => e + 1),
    edgeColour: Uint16Array.from({ length: edges }, (_, e) => 2 + (e % 2)),
    edgeSize: new Float32Array(edges).fill(1),
    weight: new Float32Array(edges).fill(1),
    directed: new Uint8Array(edges).fill(options.directed ? 1 : 0),
    arrows: options.arrows ?? false,
    highlighted: options.highlighted ?? [],
  };
}

function setUp(): { host: FakeHost; context: FakeContext; renderer: Renderer; surface: { width: number; height: number } } {
  const host = new FakeHost();
  const context = new FakeContext();
  const surface = { width: 0, height: 0, getContext: () => context };
  const renderer = new Renderer(host, surface);
  renderer.handle({ type: 'init', width: 400, height: 300, dpr: 2, theme: THEME });
  return { host, context, renderer, surface };
}

/** Where node `i` is on screen after the last frame (the camera message the renderer posted). */
function screenOf(host: FakeHost, message: Message, i: number): { x: number; y: number } {
  const view = host.last('camera')!;
  return camera.toScreen(view.camera, view.frame, view, (message.x as Float32Array)[i]!, (message.y as Float32Array)[i]!, { x: 0, y: 0 });
}

describe('the network drawing renderer', () => {
  it('sizes its canvas by the device pixel ratio', () => {
    const { surface } = setUp();
    assert.deepEqual([surface.width, surface.height], [800, 600]);
  });

  it('draws a graph that needs no layout in one frame: one stroke per edge bucket, one fill per node colour, then drawn and settled', () => {
    const { host, context, renderer } = setUp();
    renderer.handle(graph(6));
    assert.equal(host.run(), 1, 'one frame, and none more while nothing changes');
    assert.equal(context.count('stroke'), 2, 'two edge colours of one width: two strokes for five edges');
    assert.equal(context.count('lineTo'), 5);
    assert.equal(context.count('arc'), 6);
    assert.deepEqual(
      context.calls.filter((call) => call.op === 'fill').map((call) => call.fill),
      ['#111', '#222'],
    );
    assert.deepEqual(host.types(), ['camera', 'drawn', 'settled']);
    assert.equal(host.last('settled')!.generation, 1);
  });

  it('runs the layout in steps, drawing as it goes, keeps fixed nodes in place, and sends the positions back once when it stops', () => {
    const { host, renderer } = setUp();
    const message = graph(8, { layout: true, fixed: [0, 1, 2, 3] });
    const before = { x: Float32Array.from(message.x as Float32Array), y: Float32Array.from(message.y as Float32Array) };
    renderer.handle(message);
    assert.ok(host.run() > 10, 'many frames while the layout runs');
    const types = host.types().filter((type) => type !== 'camera');
    assert.deepEqual(types, ['layout', 'drawn', 'positions', 'layout', 'settled']);
    assert.deepEqual(
      host.posted.filter((m) => m.type === 'layout').map((m) => m.running),
      [true, false],
    );
    const xy = host.last('positions')!.xy as Float32Array;
    assert.equal(xy.length, 16);
    for (let i = 0; i < 4; i++) assert.deepEqual([xy[2 * i], xy[2 * i + 1]], [before.x[i], before.y[i]], `fixed node ${i} kept its place`);
    assert.ok([4, 5, 6, 7].some((i) => xy[2 * i] !== before.x[i] || xy[2 * i + 1] !== before.y[i]), 'the free nodes moved');
  });

  it('stops the layout when asked: positions and the stop at once, settled with the next frame', () => {
    const { host, renderer } = setUp();
    renderer.handle(graph(5, { layout: true }));
    host.run(3);
    renderer.handle({ type: 'layout', run: false });
    assert.deepEqual(host.types().slice(-2), ['positions', 'layout']);
    host.run();
    assert.equal(host.types().pop(), 'settled');
    renderer.handle({ type: 'layout', run: true });
    assert.equal(host.last('layout')!.running, true, 'Run layout starts it again, every node free');
  });

  it('abandons a running layout for a new graph: the old graph’s positions go back first', () => {
    const { host, renderer } = setUp();
    renderer.handle(graph(5, { layout: true, generation: 1 }));
    host.run(2);
    renderer.handle(graph(3, { generation: 2 }));
    assert.deepEqual(
      host.posted.filter((m) => m.type === 'positions').map((m) => m.generation),
      [1],
    );
    host.run();
    assert.equal(host.last('settled')!.generation, 2);
    assert.equal(host.last('drawn')!.generation, 2);
  });

  it('answers the node under the pointer with its screen position, for hover and click; nothing off the nodes', () => {
    const { host, renderer } = setUp();
    const message = graph(6);
    renderer.handle(message);
    host.run();
    const at = screenOf(host, message, 3);
    renderer.handle({ type: 'pointer', x: at.x + 1, y: at.y - 1, purpose: 'hover' });
    const picked = host.last('picked')!;
    assert.deepEqual([picked.node, picked.purpose, picked.generation], [3, 'hover', 1]);
    assert.ok(Math.abs((picked.x as number) - at.x) < 1e-3 && Math.abs((picked.y as number) - at.y) < 1e-3);
    renderer.handle({ type: 'pointer', x: at.x, y: at.y, purpose: 'click' });
    assert.deepEqual([host.last('picked')!.node, host.last('picked')!.purpose], [3, 'click']);
    renderer.handle({ type: 'pointer', x: 200, y: 150, purpose: 'hover' });
    assert.equal(host.last('picked')!.node, -1, 'the middle of a ring is empty');
  });

  it('draws the hovered node on top with its label forced', () => {
    const { host, context, renderer } = setUp();
    const message = graph(6);
    renderer.handle(message);
    host.run();
    const at = screenOf(host, message, 2);
    context.calls.length = 0;
    renderer.handle({ type: 'pointer', x: at.x, y: at.y, purpose: 'hover' });
    host.run();
    assert.ok(context.calls.some((call) => call.op === 'fillText' && call.args[0] === 'Node 2'));
    assert.ok(context.calls.some((call) => call.op === 'strokeText' && call.args[0] === 'Node 2' && call.stroke === THEME.background), 'on a halo of the background');
  });

  it('highlights nodes in the highlight colour, on top, labelled', () => {
    const { host, context, renderer } = setUp();
    renderer.handle(graph(6));
    host.run();
    context.calls.length = 0;
    renderer.handle({ type: 'highlight', nodes: [4, 99] });
    assert.equal(host.run(), 1, 'a change of highlight draws one frame');
    assert.ok(context.calls.some((call) => call.op === 'fill' && call.fill === THEME.highlight));
    assert.ok(context.calls.some((call) => call.op === 'fillText' && call.args[0] === 'Node 4'));
  });

  it('centres a node: the camera moves over frames, then `centred`; the node ends in the middle, closer', () => {
    const { host, renderer } = setUp();
    const message = graph(6);
    renderer.handle(message);
    host.run();
    renderer.handle({ type: 'centre', node: 1, ratio: 0.25 });
    assert.ok(host.run() > 2, 'an animation of several frames');
    assert.equal(host.types().pop(), 'centred');
    const at = screenOf(host, message, 1);
    assert.ok(Math.abs(at.x - 200) < 1e-3 && Math.abs(at.y - 150) < 1e-3, `in the middle: ${JSON.stringify(at)}`);
    assert.equal((host.last('camera')!.camera as { ratio: number }).ratio, 0.25);
  });

  it('zooms at the pointer and pans: each posts the new camera after its frame', () => {
    const { host, renderer } = setUp();
    renderer.handle(graph(6));
    host.run();
    renderer.handle({ type: 'zoom', x: 100, y: 100, factor: 0.5 });
    host.run();
    assert.equal((host.last('camera')!.camera as { ratio: number }).ratio, 0.5);
    const before = host.last('camera')!.camera as { x: number };
    renderer.handle({ type: 'pan', dx: 50, dy: 0 });
    host.run();
    assert.ok((host.last('camera')!.camera as { x: number }).x < before.x, 'a drag to the right moves the camera left');
  });

  it('draws arrow heads for directed edges only when the graph says so', () => {
    for (const arrows of [true, false]) {
      const { host, context, renderer } = setUp();
      renderer.handle(graph(6, { directed: true, arrows }));
      host.run();
      assert.equal(context.count('closePath'), arrows ? 5 : 0, `arrows ${arrows}`);
    }
  });

  it('reports a bad message instead of throwing', () => {
    const { host, renderer } = setUp();
    renderer.handle({ ...graph(3), x: undefined });
    assert.equal(host.last('failed')?.type, 'failed');
  });

  it('transfers every typed array of a graph message, each once', () => {
    const message = graph(4);
    const buffers = transferables(message);
    assert.equal(buffers.length, 11);
    assert.equal(new Set(buffers).size, 11);
    for (const [key, value] of Object.entries(message)) if (ArrayBuffer.isView(value)) assert.ok(buffers.includes(value.buffer as ArrayBuffer), key);
  });
});
