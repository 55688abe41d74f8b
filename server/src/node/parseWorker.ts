import { parentPort } from 'node:worker_threads';
import { parseAnnotationFile, wasReadWithFullParser, type AnnotationSource, type Vocabulary } from '../core';
import { cutModel } from './modelPieces';

/** A worker thread that parses batches of annotation files for `WorkerParser` and `OffThreadParser`. */
export interface ParseRequest {
  id: number;
  sources: AnnotationSource[];
  vocabulary: Vocabulary;
  /** Send each model cut into pieces (`ModelPieces`) rather than all as one JSON text. */
  inPieces?: boolean;
}

parentPort?.on('message', (request: ParseRequest) => {
  try {
    const files = request.sources.map((source) => parseAnnotationFile(source.uri, source.content, request.vocabulary));
    // Which ones needed the full YAML parser does not survive JSON: it travels beside the models.
    const fullParser = files.flatMap((file, i) => (wasReadWithFullParser(file) ? [i] : []));
    // Models are plain data of many small objects: as JSON they cross threads several times faster than by structured clone.
    if (request.inPieces) {
      const pieces = files.map((file) => cutModel(file));
      // Transferred, not copied: the receiving thread gets the buffers at no cost and decodes a piece at a time.
      parentPort!.postMessage({ id: request.id, pieces, fullParser }, pieces.map((model) => model.bytes.buffer as ArrayBuffer));
    }
    else parentPort!.postMessage({ id: request.id, json: JSON.stringify(files), fullParser });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
