/// <reference lib="dom" />
/*
 * The page's side of the drawing's input: the wheel zooms at the pointer, a
 * drag pans, a pointer at rest asks the renderer what is under it (at most
 * one question in flight: a newer position waits for the answer and
 * replaces any older waiting one), a press and release in place is a click.
 * The page keeps no geometry: the renderer answers.
 */
import type { ToRenderer } from './protocol';

/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP_PX = 4;

export interface InputTarget {
  send(message: ToRenderer): void;
  /** The pointer left the drawing. */
  left(): void;
}

export class PointerInput {
  private inFlight = false;
  private waiting: { x: number; y: number; event: PointerEvent } | undefined;
  /** The event of the hover question in flight: the answer is about it. */
  asked: PointerEvent | undefined;
  private press: { x: number; y: number; lastX: number; lastY: number; travelled: number } | undefined;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly target: InputTarget,
  ) {
    canvas.addEventListener('wheel', (event) => this.wheel(event), { passive: false });
    canvas.addEventListener('pointerdown', (event) => this.down(event));
    canvas.addEventListener('pointermove', (event) => this.moveTo(event));
    canvas.addEventListener('pointerup', (event) => this.up(event));
    canvas.addEventListener('pointercancel', () => (this.press = undefined));
    canvas.addEventListener('pointerleave', () => {
      if (this.press) return;
      this.waiting = undefined;
      this.target.send({ type: 'leave' });
      this.target.left();
    });
  }

  private local(event: MouseEvent): { x: number; y: number } {
    const box = this.canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  private wheel(event: WheelEvent): void {
    event.preventDefault();
    const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
    const delta = Math.max(-300, Math.min(300, event.deltaY * lines));
    this.target.send({ type: 'zoom', ...this.local(event), factor: Math.pow(1.0015, delta) });
  }

  private down(event: PointerEvent): void {
    if (event.button !== 0) return;
    const { x, y } = this.local(event);
    this.press = { x, y, lastX: x, lastY: y, travelled: 0 };
    this.canvas.setPointerCapture(event.pointerId);
  }

  private moveTo(event: PointerEvent): void {
    const { x, y } = this.local(event);
    const press = this.press;
    if (press) {
      press.travelled = Math.max(press.travelled, Math.hypot(x - press.x, y - press.y));
      if (press.travelled >= CLICK_SLOP_PX) {
        this.canvas.style.cursor = 'grabbing';
        this.target.send({ type: 'pan', dx: x - press.lastX, dy: y - press.lastY });
        press.lastX = x;
        press.lastY = y;
      }
      return;
    }
    this.hover(x, y, event);
  }

  private up(event: PointerEvent): void {
    const press = this.press;
    this.press = undefined;
    if (this.canvas.hasPointerCapture(event.pointerId)) this.canvas.releasePointerCapture(event.pointerId);
    if (!press) return;
    this.canvas.style.cursor = '';
    const { x, y } = this.local(event);
    if (press.travelled < CLICK_SLOP_PX) this.target.send({ type: 'pointer', x, y, purpose: 'click' });
    this.hover(x, y, event);
  }

  private hover(x: number, y: number, event: PointerEvent): void {
    if (this.inFlight) {
      this.waiting = { x, y, event };
      return;
    }
    this.inFlight = true;
    this.asked = event;
    this.target.send({ type: 'pointer', x, y, purpose: 'hover' });
  }

  /** The renderer answered the hover question in flight: the waiting position, if any, goes next. */
  answered(): void {
    this.inFlight = false;
    const next = this.waiting;
    this.waiting = undefined;
    if (next) this.hover(next.x, next.y, next.event);
  }
}
