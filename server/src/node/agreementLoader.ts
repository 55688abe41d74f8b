import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CoderAnnotations } from '../core/agreement/coderAnnotations';
import type { AgreementCoderRequest } from '../cli/cliContext';
import type { AgreementWorkerReply } from './agreementWorker';

/**
 * Loads one coder's workspace folder for `agreement` on a worker thread of
 * its own (`agreementWorker.ts`), so that it loads on the second core while
 * the command loads another here. Rejects if the worker cannot start, fails
 * or dies: the command then loads the folder itself.
 */
export function loadAgreementCoderOnWorker(workerScript = path.join(__dirname, 'agreementWorker.js')): (request: AgreementCoderRequest) => Promise<CoderAnnotations | undefined> {
  return (request) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerScript);
      const finish = (settle: () => void) => {
        worker.removeAllListeners();
        void worker.terminate();
        settle();
      };
      worker.once('message', (reply: AgreementWorkerReply) => {
        if ('error' in reply) return finish(() => reject(new Error(reply.error)));
        if ('empty' in reply) return finish(() => resolve(undefined));
        const coder = JSON.parse(reply.json) as CoderAnnotations;
        coder.texts.forEach((text, i) => (text.content = reply.contents[i]));
        finish(() => resolve(coder));
      });
      worker.once('error', (error) => finish(() => reject(error)));
      worker.once('exit', (code) => finish(() => reject(new Error(`agreement worker exited with code ${code}`))));
      worker.postMessage(request);
    });
}
