/*
 * Picking without a per-frame texture: each frame files the nodes it drew
 * into a screen-space grid (a node in every cell its circle's box covers),
 * and a pointer position looks only at the nodes of its own cell. Built in
 * one pass over the drawn nodes, as two flat arrays (counts, then the nodes
 * by cell), so a frame of thousands of nodes allocates two arrays.
 */

const CELL = 24;
/** Pixels of grace around a small node: a pointer next to a dot of 2 pixels still finds it. */
const GRACE = 3;

export class PickGrid {
  private readonly columns: number;
  private readonly rows: number;
  private starts = new Int32Array(1);
  private nodes = new Int32Array(0);
  private xs: ArrayLike<number> = new Float32Array(0);
  private ys: ArrayLike<number> = new Float32Array(0);
  private radii: ArrayLike<number> = new Float32Array(0);
  /** The draw order of each node (later: on top). */
  private order = new Int32Array(0);

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    this.columns = Math.max(1, Math.ceil(width / CELL));
    this.rows = Math.max(1, Math.ceil(height / CELL));
  }

  /**
   * Files the nodes drawn: `drawn` lists node indices in draw order, with
   * their screen position and radius in `x`, `y`, `radius` (indexed by node).
   */
  build(drawn: ArrayLike<number>, x: Float32Array, y: Float32Array, radius: Float32Array): void {
    const cells = this.columns * this.rows;
    const counts = new Int32Array(cells + 1);
    this.xs = x;
    this.ys = y;
    this.radii = radius;
    this.order = new Int32Array(x.length).fill(-1);
    const visit = (node: number, each: (cell: number) => void) => {
      const r = radius[node]! + GRACE;
      const c0 = Math.max(0, Math.floor((x[node]! - r) / CELL));
      const c1 = Math.min(this.columns - 1, Math.floor((x[node]! + r) / CELL));
      const r0 = Math.max(0, Math.floor((y[node]! - r) / CELL));
      const r1 = Math.min(this.rows - 1, Math.floor((y[node]! + r) / CELL));
      for (let row = r0; row <= r1; row++) for (let column = c0; column <= c1; column++) each(row * this.columns + column);
    };
    for (let i = 0; i < drawn.length; i++) visit(drawn[i]!, (cell) => counts[cell + 1]!++);
    for (let cell = 0; cell < cells; cell++) counts[cell + 1]! += counts[cell]!;
    const fill = counts.slice(0, cells);
    this.nodes = new Int32Array(counts[cells]!);
    for (let i = 0; i < drawn.length; i++) {
      const node = drawn[i]!;
      this.order[node] = i;
      visit(node, (cell) => (this.nodes[fill[cell]!++] = node));
    }
    this.starts = counts;
  }

  /** The node under the screen point (sx, sy): the nearest whose circle (with grace) holds it, the topmost of equals; -1 for none. */
  pick(sx: number, sy: number): number {
    if (sx < 0 || sy < 0 || sx >= this.width || sy >= this.height) return -1;
    const cell = Math.floor(sy / CELL) * this.columns + Math.floor(sx / CELL);
    if (cell + 1 >= this.starts.length) return -1;
    let best = -1;
    let bestDistance = Infinity;
    for (let at = this.starts[cell]!; at < this.starts[cell + 1]!; at++) {
      const node = this.nodes[at]!;
      const distance = Math.hypot(this.xs[node]! - sx, this.ys[node]! - sy);
      if (distance > this.radii[node]! + GRACE) continue;
      // Inside a circle beats near one; among those inside, the one drawn last (on top).
      const inside = distance <= this.radii[node]!;
      const score = inside ? -1 - this.order[node]! / 1e6 : distance;
      if (score < bestDistance) {
        bestDistance = score;
        best = node;
      }
    }
    return best;
  }
}
