/*
 * ForceAtlas2 (graphology-layout-forceatlas2's own iteration) run by the
 * renderer in bounded steps: the matrices are built once per run, each step
 * iterates until its time is up, and the positions are read from the node
 * matrix by the frame that follows. Nothing crosses threads per frame.
 */
import defaults from 'graphology-layout-forceatlas2/defaults.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { inferSettings } from 'graphology-layout-forceatlas2';

/** Floats per node and per edge in the package's matrices. */
const PER_NODE = 10;
const PER_EDGE = 3;

export interface LayoutInput {
  x: Float32Array;
  y: Float32Array;
  size: Float32Array;
  /** 1 for a node kept in place; undefined: every node moves. */
  fixed: Uint8Array | undefined;
  source: Uint32Array;
  target: Uint32Array;
  weight: Float32Array;
}

/** How long a run lasts: longer for more moving nodes, at most 12 s (as the view's worker-run layout did). */
export function layoutBudgetMs(moving: number): number {
  return Math.min(3000 + moving * 2, 12_000);
}

export class ForceLayout {
  private readonly nodes: Float32Array;
  private readonly edges: Float32Array;
  private readonly settings: Required<Parameters<typeof iterate>[0]>;
  readonly moving: number;
  iterations = 0;

  constructor(private readonly input: LayoutInput) {
    const count = input.x.length;
    this.nodes = new Float32Array(count * PER_NODE);
    this.edges = new Float32Array(input.source.length * PER_EDGE);
    let moving = 0;
    for (let i = 0; i < count; i++) {
      const at = i * PER_NODE;
      this.nodes[at] = input.x[i]!;
      this.nodes[at + 1] = input.y[i]!;
      this.nodes[at + 6] = 1; // mass: 1 + the weighted degree, added below
      this.nodes[at + 7] = 1; // convergence
      this.nodes[at + 8] = input.size[i] || 1;
      this.nodes[at + 9] = input.fixed?.[i] ? 1 : 0;
      if (!input.fixed?.[i]) moving++;
    }
    for (let e = 0; e < input.source.length; e++) {
      const s = input.source[e]! * PER_NODE;
      const t = input.target[e]! * PER_NODE;
      const w = input.weight[e]!;
      this.nodes[s + 6]! += w;
      this.nodes[t + 6]! += w;
      this.edges[e * PER_EDGE] = s;
      this.edges[e * PER_EDGE + 1] = t;
      this.edges[e * PER_EDGE + 2] = w;
    }
    this.moving = moving;
    this.settings = { ...defaults, ...inferSettings(count), scalingRatio: 10, slowDown: 2 };
  }

  /** Iterates until `until()` says the step's time is up (at least once), then writes the positions to the input's x and y. */
  step(until: () => boolean): void {
    do {
      iterate(this.settings, this.nodes, this.edges);
      this.iterations++;
    } while (!until());
    const { x, y } = this.input;
    for (let i = 0; i < x.length; i++) {
      x[i] = this.nodes[i * PER_NODE]!;
      y[i] = this.nodes[i * PER_NODE + 1]!;
    }
  }
}
