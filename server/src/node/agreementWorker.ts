import { parentPort } from 'node:worker_threads';
import { URI } from 'vscode-uri';
import type { WorkspaceFileHost } from '../core';
import { selectedTexts } from '../core/agreement/coderAnnotations';
import { handedTextReader, type HandedText } from '../core/agreement/handedAnnotations';
import { FingerprintEntries, packWork, type PackedWork, type TextWork } from '../core/agreement/sharedTextWork';
import { partnerRegistryOf, type PartnerRegistry } from '../core/agreement/sharedRegistry';
import { loadCoderWorkspace } from '../core/agreement/loadCoders';
import type { AgreementCoderRequest } from '../cli/cliContext';
import { GitRevisionHost } from '../cli/gitRevisionHost';
import { packTexts, type PackedTexts } from './agreementMessages';
import { BatchReadingFileHost } from './batchFileHost';
import { GitCatFileReader } from './gitCatFile';
import { runGit } from './runGit';

/**
 * A worker's messages: the coder's texts, a few at a time in path order
 * (`packTexts`), with the work done on them; then the end, or that there are
 * none, or the error.
 */
export type AgreementWorkerMessage = { packed: PackedTexts; work: PackedWork; fingerprint?: string; registry?: PartnerRegistry } | { done: true } | { empty: true } | { error: string };

/** Texts per message: enough that messages stay few, few enough that the command compares them while the next are read. */
const TEXTS_PER_MESSAGE = 20;

function post(message: AgreementWorkerMessage): void {
  parentPort!.postMessage(message);
}

/**
 * Texts with the work done on each (normalised form, alias matches: `packWork`), and with the first
 * of them the fingerprint of the aliases and what the registry is made of (`partnerRegistryOf`).
 */
function postTexts(texts: HandedText[], work: TextWork[], first: { fingerprint: string; registry: PartnerRegistry } | undefined, listed: FingerprintEntries): void {
  if (texts.length === 0) return;
  post({ packed: packTexts(texts), work: packWork(work, listed), ...first });
}

/**
 * A worker thread that loads one coder's workspace folder for `agreement`
 * (`agreementLoader.ts`), or the folder at a git commit, through the same
 * confined file host (or git reader) and limits as the command, and hands
 * back only what the comparison reads, text by text as it is analysed.
 */
parentPort?.once('message', (request: AgreementCoderRequest) => {
  void (async (): Promise<AgreementWorkerMessage> => {
    try {
      const { limits, revision } = request;
      const git = { git: runGit, openGitBlobReader: async (cwd: string) => new GitCatFileReader(cwd), limits };
      const host = revision ? new GitRevisionHost(git, request.folder, revision.commit, revision.prefix) : undefined;
      const files: WorkspaceFileHost = host ?? Object.assign(new BatchReadingFileHost([request.folder]), limits ? { allowedLimits: async () => limits } : {});
      const coder = await loadCoderWorkspace(files, URI.file(request.folder).toString(), request.name).finally(() => host?.close());
      if (!coder) return { empty: true };
      const options = { fields: request.fields, texts: request.texts };
      // Its quotes are anchored on the command's thread (`anchorHandedText`), which has time to spare.
      const read = handedTextReader(coder, options);
      const fingerprint = coder.index.aliasFingerprint();
      // The matches are numbered by the fingerprint's entries, which the command's thread reads once.
      const listed = new FingerprintEntries(fingerprint);
      let first: Parameters<typeof postTexts>[2] = { fingerprint, registry: partnerRegistryOf(coder.index.annotationFiles(), coder.folderUri, coder.index.config) };
      let batch: HandedText[] = [];
      let work: TextWork[] = [];
      for (const { path, uri } of selectedTexts(coder, options)) {
        const text = read(path, uri);
        if (!text) continue;
        batch.push(text.handed);
        work.push(text.work);
        if (batch.length === TEXTS_PER_MESSAGE) {
          postTexts(batch, work, first, listed);
          first = undefined;
          batch = [];
          work = [];
        }
      }
      postTexts(batch, work, first, listed);
      return { done: true };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  })().then(post);
});
