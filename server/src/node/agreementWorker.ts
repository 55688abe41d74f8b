import { parentPort } from 'node:worker_threads';
import { URI } from 'vscode-uri';
import type { WorkspaceFileHost } from '../core';
import { loadCoderAnnotations } from '../core/agreement/loadCoders';
import type { AgreementCoderRequest } from '../cli/cliContext';
import { NodeFileHost } from './nodeFileHost';

/** A worker's answer: the coder's annotations as JSON with the texts' contents beside it (strings cross threads as they are), or none. */
export type AgreementWorkerReply = { json: string; contents: string[] } | { empty: true } | { error: string };

/**
 * A worker thread that loads one coder's workspace folder for `agreement`
 * (`agreementLoader.ts`), through the same confined file host and limits as
 * the command, and hands back only what the comparison reads.
 */
parentPort?.once('message', (request: AgreementCoderRequest) => {
  void (async (): Promise<AgreementWorkerReply> => {
    try {
      const limits = request.limits;
      const host: WorkspaceFileHost = Object.assign(new NodeFileHost([request.folder]), limits ? { allowedLimits: async () => limits } : {});
      const coder = await loadCoderAnnotations(host, URI.file(request.folder).toString(), request.name, { fields: request.fields, texts: request.texts });
      if (!coder) return { empty: true };
      const contents = coder.texts.map((text) => text.content);
      const json = JSON.stringify({ ...coder, texts: coder.texts.map((text) => ({ ...text, content: '' })) });
      return { json, contents };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  })().then((reply) => parentPort!.postMessage(reply));
});
