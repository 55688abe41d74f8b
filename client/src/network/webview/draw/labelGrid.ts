/*
 * Which labels fit: a screen-space grid of the label boxes already placed.
 * Candidates come biggest node first (forced ones, the highlighted and the
 * hovered, before all); a label is drawn when its box overlaps no box placed
 * before it. The grid only bounds the search: a box is checked against the
 * boxes registered in the cells it covers.
 */

export interface LabelBox {
  /** The node's index. */
  node: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const CELL = 64;

export class LabelGrid {
  private readonly columns: number;
  private readonly rows: number;
  private readonly cells: LabelBox[][];

  constructor(width: number, height: number) {
    this.columns = Math.max(1, Math.ceil(width / CELL));
    this.rows = Math.max(1, Math.ceil(height / CELL));
    this.cells = Array.from({ length: this.columns * this.rows }, () => []);
  }

  /** Registers `box` unless it overlaps a registered one (or `force`); true when registered. */
  place(box: LabelBox, force = false): boolean {
    const [c0, c1, r0, r1] = this.span(box);
    if (!force) {
      for (let r = r0; r <= r1; r++) {
        for (let c = c0; c <= c1; c++) {
          for (const other of this.cells[r * this.columns + c]!) if (overlap(box, other)) return false;
        }
      }
    }
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.cells[r * this.columns + c]!.push(box);
    return true;
  }

  /** The cells a box covers, clamped to the grid (a box partly off screen registers in the border cells). */
  private span(box: LabelBox): [number, number, number, number] {
    const clamp = (value: number, max: number) => Math.min(Math.max(Math.floor(value / CELL), 0), max - 1);
    return [clamp(box.x, this.columns), clamp(box.x + box.width, this.columns), clamp(box.y, this.rows), clamp(box.y + box.height, this.rows)];
  }
}

function overlap(a: LabelBox, b: LabelBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The labels to draw, in order: `forced` first (always), then `candidates`
 * (already sorted, biggest first) whose boxes fit, at most `limit` of them.
 */
export function chooseLabels(width: number, height: number, forced: LabelBox[], candidates: Iterable<LabelBox>, limit: number): LabelBox[] {
  const grid = new LabelGrid(width, height);
  const chosen: LabelBox[] = [];
  for (const box of forced) {
    grid.place(box, true);
    chosen.push(box);
  }
  let count = 0;
  for (const box of candidates) {
    if (count >= limit) break;
    if (box.x > width || box.y > height || box.x + box.width < 0 || box.y + box.height < 0) continue;
    if (grid.place(box)) {
      chosen.push(box);
      count++;
    }
  }
  return chosen;
}
