import { parentPort } from 'node:worker_threads';
import { URI } from 'vscode-uri';
import type { WorkspaceFileHost } from '../core';
import { loadCoderAnnotations } from '../core/agreement/loadCoders';
import type { AgreementCoderRequest } from '../cli/cliContext';
import { GitRevisionHost } from '../cli/gitRevisionHost';
import { GitCatFileReader } from './gitCatFile';
import { BatchReadingFileHost } from './batchFileHost';
import { runGit } from './runGit';

/** A worker's answer: the coder's annotations as JSON with the texts' contents beside it (strings cross threads as they are), or none. */
export type AgreementWorkerReply = { json: string; contents: string[] } | { empty: true } | { error: string };

/**
 * A worker thread that loads one coder's workspace folder for `agreement`
 * (`agreementLoader.ts`), or the folder at a git commit, through the same
 * confined file host (or git reader) and limits as the command, and hands
 * back only what the comparison reads.
 */
parentPort?.once('message', (request: AgreementCoderRequest) => {
  void (async (): Promise<AgreementWorkerReply> => {
    try {
      const { limits, revision } = request;
      const git = { git: runGit, openGitBlobReader: async (cwd: string) => new GitCatFileReader(cwd), limits };
      const host = revision ? new GitRevisionHost(git, request.folder, revision.commit, revision.prefix) : undefined;
      const files: WorkspaceFileHost = host ?? Object.assign(new BatchReadingFileHost([request.folder]), limits ? { allowedLimits: async () => limits } : {});
      const coder = await loadCoderAnnotations(files, URI.file(request.folder).toString(), request.name, { fields: request.fields, texts: request.texts }).finally(() => host?.close());
      if (!coder) return { empty: true };
      const contents = coder.texts.map((text) => text.content);
      const json = JSON.stringify({ ...coder, texts: coder.texts.map((text) => ({ ...text, content: '' })) });
      return { json, contents };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  })().then((reply) => parentPort!.postMessage(reply));
});
