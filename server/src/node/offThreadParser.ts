import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { inlineParser, type AnnotationFile, type AnnotationParser, type AnnotationSource, type Vocabulary } from '../core';
import { parseOn } from './workerParser';

/**
 * Parses annotation files on a worker thread, so that the language server
 * keeps answering while a large file (thousands of claims, a registry of
 * actors) is parsed. The models equal `parseAnnotationFile`'s; if the worker
 * cannot start or fails, the files are parsed here instead.
 */
export class OffThreadParser implements AnnotationParser {
  private requests = 0;

  constructor(private readonly workerScript = path.join(__dirname, 'parseWorker.js')) {}

  async parseAll(sources: AnnotationSource[], vocabulary: Vocabulary): Promise<AnnotationFile[]> {
    let worker: Worker | undefined;
    try {
      worker = new Worker(this.workerScript);
      return await parseOn(worker, { id: this.requests++, sources, vocabulary });
    } catch {
      return inlineParser.parseAll(sources, vocabulary);
    } finally {
      void worker?.terminate();
    }
  }
}
