import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { selectedClaimFields, selectedFields, type CodedText, type CoderAnnotations } from '../core/agreement/coderAnnotations';
import { anchorHandedText } from '../core/agreement/handedAnnotations';
import { FingerprintEntries, unpackWork, type HandedWork } from '../core/agreement/sharedTextWork';
import type { AgreementCoderRequest } from '../cli/cliContext';
import { unpackTexts } from './agreementMessages';
import type { AgreementWorkerMessage } from './agreementWorker';

/**
 * Where `bin/policy-annotator.js` leaves the worker it started for `agreement`
 * before it loaded the CLI's bundle: the worker boots (compiling its own
 * bundle) while this thread compiles the CLI. `failed` is set if it errs or
 * exits before it is taken.
 */
export const PRESTARTED_WORKER = Symbol.for('policy-annotator.agreementWorker');

interface PrestartedWorker {
  script: string;
  worker: Worker;
  failed: boolean;
}

/** The worker started ahead for `script`, if there is one still alive; it is taken once. */
function takePrestartedWorker(script: string): Worker | undefined {
  const store = globalThis as { [PRESTARTED_WORKER]?: PrestartedWorker };
  const prestarted = store[PRESTARTED_WORKER];
  if (!prestarted || path.resolve(prestarted.script) !== path.resolve(script)) return undefined;
  delete store[PRESTARTED_WORKER];
  if (prestarted.failed) return undefined;
  prestarted.worker.removeAllListeners();
  prestarted.worker.ref();
  return prestarted.worker;
}

/**
 * Loads one coder's workspace folder for `agreement` on a worker thread of
 * its own (`agreementWorker.ts`), so that it loads on the second core while
 * the command loads another here. The texts arrive a few at a time, in path
 * order, and each batch goes to `onTexts` as it comes (to be compared
 * meanwhile). Rejects if the worker cannot start, fails or dies: the command
 * then loads the folder itself.
 */
export function loadAgreementCoderOnWorker(
  workerScript = path.join(__dirname, 'agreementWorker.js'),
): (request: AgreementCoderRequest, onTexts?: (texts: CodedText[], work?: HandedWork) => void) => Promise<CoderAnnotations | undefined> {
  return (request, onTexts) =>
    new Promise((resolve, reject) => {
      const worker = takePrestartedWorker(workerScript) ?? new Worker(workerScript);
      const texts: CodedText[] = [];
      const withMentions = selectedFields(request).includes('mention');
      let listed: FingerprintEntries | undefined;
      const finish = (settle: () => void) => {
        worker.removeAllListeners();
        void worker.terminate();
        settle();
      };
      worker.on('message', (message: AgreementWorkerMessage) => {
        if ('error' in message) return finish(() => reject(new Error(message.error)));
        if ('empty' in message) return finish(() => resolve(undefined));
        if ('done' in message) return finish(() => resolve({ name: request.name, claimFields: selectedClaimFields(request), texts }));
        try {
          // The worker hands its texts on unanchored: their quotes are anchored here, with the work done on each there.
          if (message.fingerprint !== undefined) listed ??= new FingerprintEntries(message.fingerprint);
          const work = unpackWork(message.work, listed);
          const batch = unpackTexts(message.packed).map((text, i) => anchorHandedText(text, work[i]!, withMentions));
          texts.push(...batch);
          onTexts?.(batch, { work, fingerprint: message.fingerprint, registry: message.registry });
        } catch (error) {
          finish(() => reject(error instanceof Error ? error : new Error(String(error))));
        }
      });
      worker.once('error', (error) => finish(() => reject(error)));
      worker.once('exit', (code) => finish(() => reject(new Error(`agreement worker exited with code ${code}`))));
      worker.postMessage(request);
    });
}
