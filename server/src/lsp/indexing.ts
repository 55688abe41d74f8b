import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { ServerSession } from './serverSession';

/** Indexes (or re-indexes) the workspace, showing work-done progress where the client supports it. */
export async function indexWithProgress(session: ServerSession, run: (report: (message: string) => void) => Promise<void>): Promise<void> {
  let progress: WorkDoneProgressServerReporter | undefined;
  if (session.client.workDoneProgress) {
    try {
      progress = await session.connection.window.createWorkDoneProgress();
      progress.begin('Policy Annotator', undefined, 'Indexing annotations…');
    } catch (error) {
      session.log.info(`Indexing without a progress indicator: ${String(error)}`);
    }
  }
  const started = Date.now();
  try {
    await run((message) => progress?.report(message));
  } finally {
    progress?.done();
  }
  const files = session.workspace.diagnosableFiles().length;
  session.log.info(`Policy Annotator indexed ${files} files in ${Date.now() - started} ms.`);
}
