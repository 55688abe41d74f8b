/**
 * Comparing coders whose texts arrive in pieces (from worker threads, each
 * coder's in path order, `codedTexts`): each text is compared as soon as
 * every coder's texts up to it are known, so that the comparison runs while
 * the slowest coder is still being read, and only the coefficients over all
 * units are left for the end. The report equals `compareAnnotations`' on the
 * same texts: they are compared in the same (path) order.
 */
import type { AgreementOptions, ClaimField, CodedText } from './coderAnnotations';
import { AgreementComparison, type AgreementReport } from './compareCoders';

interface CoderQueue {
  /** Received; those compared are let go (undefined). */
  texts: (CodedText | undefined)[];
  /** The first text not compared yet. */
  next: number;
  /** The last path received. */
  last: string | undefined;
  ended: boolean;
}

export class StreamingComparison {
  private readonly comparison: AgreementComparison;
  private readonly queues: CoderQueue[];
  /** Texts compared, for tests: each once. */
  compared = 0;

  constructor(names: readonly string[], claimFields: readonly ClaimField[], options: AgreementOptions = {}) {
    this.comparison = new AgreementComparison(names, claimFields, options);
    this.queues = names.map(() => ({ texts: [], next: 0, last: undefined, ended: false }));
  }

  /** More of coder `coder`'s texts, in path order after those given before; compares every text that is now settled. */
  add(coder: number, texts: readonly CodedText[]): void {
    const queue = this.queues[coder];
    if (queue.ended) throw new Error(`Coder ${coder}'s texts were already complete.`);
    for (const text of texts) {
      if (queue.last !== undefined && !(queue.last < text.path)) throw new Error(`Coder ${coder}'s texts are not in path order: ${text.path} came after ${queue.last}.`);
      queue.last = text.path;
      queue.texts.push(text);
    }
    this.compareSettled();
  }

  /** Coder `coder` has no more texts. */
  end(coder: number): void {
    this.queues[coder].ended = true;
    this.compareSettled();
  }

  /** The report, once every coder has ended. */
  report(): AgreementReport {
    const open = this.queues.findIndex((queue) => !queue.ended);
    if (open >= 0) throw new Error(`Coder ${open}'s texts are not complete yet.`);
    return this.comparison.report();
  }

  /** Compares, in path order, the texts no coder can still add a version of: those up to the least last path of the coders still open. */
  private compareSettled(): void {
    let bound: string | undefined;
    for (const queue of this.queues) {
      if (queue.ended) continue;
      if (queue.last === undefined) return;
      if (bound === undefined || queue.last < bound) bound = queue.last;
    }
    for (;;) {
      let path: string | undefined;
      for (const queue of this.queues) {
        const head = queue.texts[queue.next]?.path;
        if (head !== undefined && (path === undefined || head < path)) path = head;
      }
      if (path === undefined || (bound !== undefined && path > bound)) break;
      const own = this.queues.map((queue) => {
        const text = queue.texts[queue.next];
        if (text?.path !== path) return undefined;
        queue.texts[queue.next++] = undefined;
        return text;
      });
      this.comparison.addText(path, own);
      this.compared++;
    }
  }
}
