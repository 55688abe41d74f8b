/*
 * The messages between the page and the renderer of the Actor network
 * drawing. The renderer runs in a dedicated worker (messages posted, the big
 * arrays transferred) or, where a worker cannot start, on the page (the same
 * messages, its handler called directly).
 */
import type { Camera, Frame } from './camera';

/** What the renderer draws with, read by the page from the theme's CSS variables. */
export interface Theme {
  foreground: string;
  background: string;
  highlight: string;
  font: string;
}

/** A graph, as flat arrays: strings once, numbers typed (and transferred to a worker). */
export interface GraphMessage {
  type: 'graph';
  generation: number;
  labels: string[];
  x: Float32Array;
  y: Float32Array;
  size: Float32Array;
  colour: Uint16Array;
  palette: string[];
  /** 1 for a node the layout keeps in place. */
  fixed: Uint8Array;
  /** Whether the layout runs for this graph (some node is not fixed). */
  layout: boolean;
  source: Uint32Array;
  target: Uint32Array;
  edgeColour: Uint16Array;
  edgeSize: Float32Array;
  /** The edges' pull in the layout (the absolute weight). */
  weight: Float32Array;
  directed: Uint8Array;
  /** Whether directed edges get arrow heads. */
  arrows: boolean;
  highlighted: number[];
}

export interface RendererFigures {
  longestTaskMs: number;
  longestDrawMs: number;
  frames: number;
}

export type ToRenderer =
  | { type: 'init'; canvas?: OffscreenCanvas; width: number; height: number; dpr: number; theme: Theme }
  | { type: 'resize'; width: number; height: number; dpr: number }
  | { type: 'theme'; theme: Theme }
  | GraphMessage
  /** Starts the layout with every node free ("Run layout"), or stops it. */
  | { type: 'layout'; run: boolean }
  | { type: 'highlight'; nodes: number[] }
  /** The pointer at (x, y) of the canvas: the renderer answers with `picked`; a click pick also says so. */
  | { type: 'pointer'; x: number; y: number; purpose: 'hover' | 'click' }
  | { type: 'leave' }
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'zoom'; x: number; y: number; factor: number }
  | { type: 'centre'; node: number; ratio: number };

export type FromRenderer =
  | { type: 'ready' }
  /** The first frame with the graph of `generation` is drawn. */
  | { type: 'drawn'; generation: number }
  /** The layout stopped and a frame with every edge is drawn; the renderer's figures so far: its longest task (a layout step and its frame), its longest frame, its frames. */
  | { type: 'settled'; generation: number } & RendererFigures
  | { type: 'layout'; generation: number; running: boolean }
  /** Where the layout left the nodes (x, y interleaved), when it stops. */
  | { type: 'positions'; generation: number; xy: Float32Array }
  | { type: 'picked'; generation: number; purpose: 'hover' | 'click'; node: number; x: number; y: number }
  /** The camera and frame of the latest frame drawn, when they changed. */
  | { type: 'camera'; camera: Camera; frame: Frame; width: number; height: number }
  | { type: 'centred'; node: number }
  | { type: 'failed'; message: string };

/** The buffers of a graph message, to transfer rather than copy. */
export function transferables(message: GraphMessage): ArrayBuffer[] {
  return [message.x, message.y, message.size, message.colour, message.fixed, message.source, message.target, message.edgeColour, message.edgeSize, message.weight, message.directed].map((array) => array.buffer as ArrayBuffer);
}
