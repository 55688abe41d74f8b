import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { inlineParser, markReadWithFullParser, type AnnotationFile, type AnnotationParser, type AnnotationSource, type Vocabulary } from '../core';
import { Slicer } from '../core/live/analysisSlices';
import { joinModel } from './modelPieces';
import { askWorker } from './workerParser';

/** Lets the event loop run: other requests are answered between the pieces of a model. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Parses annotation files on a worker thread, so that the language server
 * keeps answering while a large file (thousands of claims, a registry of
 * actors, a file in the flow style that needs the full YAML parser) is
 * parsed: the models come back in pieces and are rebuilt here a slice at a
 * time. They equal `parseAnnotationFile`'s. If the worker cannot start or
 * fails, the files are parsed here instead, as before.
 */
export class OffThreadParser implements AnnotationParser {
  private requests = 0;

  constructor(private readonly workerScript = path.join(__dirname, 'parseWorker.js')) {}

  async parseAll(sources: AnnotationSource[], vocabulary: Vocabulary): Promise<AnnotationFile[]> {
    if (sources.length === 0) return [];
    let worker: Worker | undefined;
    try {
      worker = new Worker(this.workerScript);
      const reply = await askWorker(worker, { id: this.requests++, sources, vocabulary, inPieces: true });
      void worker.terminate();
      worker = undefined;
      const slicer = new Slicer(nextTurn);
      const files: AnnotationFile[] = [];
      for (const pieces of reply.pieces ?? []) {
        const steps = joinModel(pieces);
        let step = steps.next();
        while (!step.done) {
          await slicer.pause();
          step = steps.next();
        }
        files.push(step.value);
      }
      if (files.length !== sources.length) throw new Error(`the parse worker sent ${files.length} models for ${sources.length} files`);
      for (const i of reply.fullParser) markReadWithFullParser(files[i]);
      return files;
    } catch {
      return inlineParser.parseAll(sources, vocabulary);
    } finally {
      void worker?.terminate();
    }
  }
}
