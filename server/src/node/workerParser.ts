import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { inlineParser, markReadWithFullParser, type AnnotationFile, type AnnotationParser, type AnnotationSource, type Vocabulary } from '../core';
import type { ModelPieces } from './modelPieces';
import type { ParseRequest } from './parseWorker';

/**
 * Below this many characters in all, parsing here is faster: a new thread
 * loads the parser and compiles it afresh, which costs about as much as
 * parsing a few megabytes once warm.
 */
const PARALLEL_THRESHOLD = 4 * 1024 * 1024;

/**
 * The number of parsing threads: $POLICY_ANNOTATOR_THREADS, or one. Files in
 * the block YAML subset parse at tens of MB/s, faster than a worker can hand
 * its models back (16x benchmark: 5.2 s on one thread, 6.2 s on two), so
 * threads pay only for workspaces whose files mostly fall back to the full
 * YAML parser (flow style, anchors): set it to the number of cores there.
 */
export function parsingThreads(env: Record<string, string | undefined>): number {
  const configured = Number(env.POLICY_ANNOTATOR_THREADS);
  return Number.isInteger(configured) && configured > 0 ? configured : 1;
}
/** Batches per thread, so that threads finishing early take more work. */
const BATCHES_PER_THREAD = 4;

/** A worker's answer: the models as one JSON text, or in pieces (`ParseRequest.inPieces`), and which were read with the full YAML parser. */
export interface ParseReply {
  id: number;
  json?: string;
  pieces?: ModelPieces[];
  fullParser: number[];
}
type Reply = ParseReply | { id: number; error: string };

/**
 * Parses annotation files on worker threads, using every core. A batch whose
 * worker fails is parsed here instead, so a crash never loses a file.
 */
export class WorkerParser implements AnnotationParser {
  constructor(
    private readonly threads = parsingThreads(process.env),
    private readonly threshold = PARALLEL_THRESHOLD,
    private readonly workerScript = path.join(__dirname, 'parseWorker.js'),
  ) {}

  async parseAll(sources: AnnotationSource[], vocabulary: Vocabulary): Promise<AnnotationFile[]> {
    const size = sources.reduce((sum, s) => sum + s.content.length, 0);
    if (this.threads < 2 || size < this.threshold) return inlineParser.parseAll(sources, vocabulary);
    const batches = makeBatches(sources, size / (this.threads * BATCHES_PER_THREAD));
    const results = new Array<AnnotationFile[]>(batches.length);
    let next = 0;
    const runThread = async () => {
      let worker: Worker | undefined;
      try {
        worker = new Worker(this.workerScript);
      } catch {
        worker = undefined;
      }
      for (let batch = next++; batch < batches.length; batch = next++) {
        if (worker) {
          try {
            results[batch] = await parseOn(worker, { id: batch, sources: batches[batch], vocabulary });
            continue;
          } catch {
            // The worker failed or died: this thread's remaining batches are parsed here.
            void worker.terminate();
            worker = undefined;
          }
        }
        results[batch] = await inlineParser.parseAll(batches[batch], vocabulary);
      }
      await worker?.terminate();
    };
    await Promise.all(Array.from({ length: Math.min(this.threads, batches.length) }, runThread));
    return results.flat();
  }
}

function makeBatches(sources: AnnotationSource[], targetSize: number): AnnotationSource[][] {
  const batches: AnnotationSource[][] = [];
  let current: AnnotationSource[] = [];
  let size = 0;
  for (const source of sources) {
    current.push(source);
    size += source.content.length;
    if (size >= targetSize) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length) batches.push(current);
  return batches;
}

async function parseOn(worker: Worker, request: ParseRequest): Promise<AnnotationFile[]> {
  const reply = await askWorker(worker, request);
  const files = JSON.parse(reply.json!) as AnnotationFile[];
  for (const i of reply.fullParser) markReadWithFullParser(files[i]);
  return files;
}

/** Sends a worker one request and resolves with its reply; rejects if it fails, dies or cannot parse. */
export function askWorker(worker: Worker, request: ParseRequest): Promise<ParseReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: Reply) => {
      if (reply.id !== request.id) return;
      cleanup();
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`parse worker exited with code ${code}`));
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(request);
  });
}
