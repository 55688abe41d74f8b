// The pure parts of the Actor network drawing that decide what is drawn and
// what is under the pointer (client/src/network/webview/draw/): the label
// grid (labels that fit without overlap, forced ones first), the picking
// grid (the node under a screen point), and the batching of edges and nodes
// into one path per colour and width. The compiled client modules are loaded.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/tempWorkspace';

interface LabelBox {
  node: number;
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Grids {
  chooseLabels(width: number, height: number, forced: LabelBox[], candidates: Iterable<LabelBox>, limit: number): LabelBox[];
  PickGrid: new (width: number, height: number) => { build(drawn: ArrayLike<number>, x: Float32Array, y: Float32Array, radius: Float32Array): void; pick(x: number, y: number): number };
  batchEdges(colours: ArrayLike<number>, sizes: ArrayLike<number>): { colour: number; width: number; edges: Uint32Array }[];
  batchNodes(colours: ArrayLike<number>): Map<number, Uint32Array>;
  widthOf(size: number): number;
}
const load = (name: string) => require(path.join(REPO_ROOT, 'out', 'client', 'src', 'network', 'webview', 'draw', `${name}.js`)) as Partial<Grids>; // eslint-disable-line @typescript-eslint/no-require-imports
const grids = { ...load('labelGrid'), ...load('pickGrid'), ...load('edgeBatch') } as Grids;

const box = (node: number, x: number, y: number, width = 50, height = 14): LabelBox => ({ node, x, y, width, height });

describe('the network drawing label grid', () => {
  it('keeps the first of two overlapping labels, and both of two apart', () => {
    const chosen = grids.chooseLabels(800, 600, [], [box(0, 10, 10), box(1, 40, 15), box(2, 200, 10)], 10);
    assert.deepEqual(
      chosen.map((b) => b.node),
      [0, 2],
    );
  });

  it('finds overlaps across cell borders (a long label spans several cells)', () => {
    const chosen = grids.chooseLabels(800, 600, [], [box(0, 0, 100, 300), box(1, 250, 105, 40)], 10);
    assert.deepEqual(
      chosen.map((b) => b.node),
      [0],
    );
  });

  it('draws forced labels whatever they overlap, and they push the others out', () => {
    const chosen = grids.chooseLabels(800, 600, [box(7, 10, 10), box(8, 20, 12)], [box(0, 30, 10), box(1, 400, 300)], 10);
    assert.deepEqual(
      chosen.map((b) => b.node),
      [7, 8, 1],
    );
  });

  it('skips labels off screen and stops at the limit', () => {
    const candidates = [box(0, -500, 10), box(1, 10, 900), ...Array.from({ length: 20 }, (_, i) => box(2 + i, 10, 20 * i))];
    const chosen = grids.chooseLabels(800, 600, [], candidates, 5);
    assert.deepEqual(
      chosen.map((b) => b.node),
      [2, 3, 4, 5, 6],
    );
  });

  it('looks only at what it needs: a lazy list of candidates is not read past the limit', () => {
    let read = 0;
    function* many(): Generator<LabelBox> {
      for (let i = 0; i < 1e6; i++) {
        read++;
        yield box(i, (i % 10) * 80, Math.floor(i / 10) * 20);
      }
    }
    assert.equal(grids.chooseLabels(800, 600, [], many(), 30).length, 30);
    assert.equal(read, 31);
  });
});

describe('the network drawing picking grid', () => {
  const x = Float32Array.from([100, 104, 300, 500]);
  const y = Float32Array.from([100, 100, 300, 50]);
  const radius = Float32Array.from([6, 6, 3, 10]);

  it('finds the node under the pointer, the one drawn last where two overlap', () => {
    const grid = new grids.PickGrid(800, 600);
    grid.build([0, 1, 2, 3], x, y, radius);
    assert.equal(grid.pick(102, 100), 1, 'inside both: the one on top');
    assert.equal(grid.pick(95, 100), 0, 'inside one only');
    assert.equal(grid.pick(300, 300), 2);
    assert.equal(grid.pick(508, 55), 3, 'a big node, across cell borders');
  });

  it('gives a small node a few pixels of grace, and finds nothing away from the nodes', () => {
    const grid = new grids.PickGrid(800, 600);
    grid.build([0, 1, 2, 3], x, y, radius);
    assert.equal(grid.pick(305, 300), 2, '2 px outside a 3 px node');
    assert.equal(grid.pick(310, 300), -1);
    assert.equal(grid.pick(700, 500), -1);
    assert.equal(grid.pick(-5, 100), -1, 'off the canvas');
  });

  it('knows only the nodes drawn (a node off screen or not drawn is not picked)', () => {
    const grid = new grids.PickGrid(800, 600);
    grid.build([0, 3], x, y, radius);
    assert.equal(grid.pick(300, 300), -1);
    assert.equal(grid.pick(102, 100), 0, 'node 1 was not drawn: node 0 is under the pointer');
  });
});

describe('the network drawing batches', () => {
  it('groups edges by colour and width, thin before thick, each group in edge order', () => {
    const buckets = grids.batchEdges([0, 1, 0, 0, 1], [1, 1, 3.9, 1.1, 1]);
    assert.deepEqual(
      buckets.map((b) => [b.colour, b.width, [...b.edges]]),
      [
        [0, 1, [0, 3]],
        [1, 1, [1, 4]],
        [0, 4, [2]],
      ],
    );
  });

  it('rounds widths to half pixels between 0.5 and 4', () => {
    assert.deepEqual([0.1, 0.8, 1.3, 2.24, 9].map(grids.widthOf), [0.5, 1, 1.5, 2, 4]);
  });

  it('groups nodes by colour: one fill per colour', () => {
    const groups = grids.batchNodes([2, 0, 2, 1]);
    assert.deepEqual(
      [...groups].map(([colour, nodes]) => [colour, [...nodes]]),
      [
        [2, [0, 2]],
        [0, [1]],
        [1, [3]],
      ],
    );
  });
});
