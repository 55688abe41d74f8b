import { appendFileSync } from 'node:fs';

/**
 * Paranoid mode, from the environment: POLICY_ANNOTATOR_PARANOID=1 turns it
 * on (the server then compares its incremental diagnostics with a rebuild
 * after changes, and the block reader's trees with parseDocument's, and logs
 * every difference as an error). With POLICY_ANNOTATOR_PARANOID_LOG=<file>
 * each report is also appended to that file, which a test of a server it
 * cannot talk to (the e2e suite, through VS Code) reads afterwards; the file
 * gets one `started` line when the server starts, so that such a test can
 * tell that the mode was on.
 *
 * Returns what the server calls with each report besides logging it, or
 * undefined when the mode is off.
 */
export function paranoidModeFromEnvironment(env: NodeJS.ProcessEnv): ((report: string) => void) | undefined {
  if (env.POLICY_ANNOTATOR_PARANOID !== '1') return undefined;
  const file = env.POLICY_ANNOTATOR_PARANOID_LOG;
  if (!file) return () => undefined;
  const append = (line: string) => {
    try {
      appendFileSync(file, `${line.replace(/[\r\n]+/g, ' ')}\n`);
    } catch {
      // The report is in the server's log all the same.
    }
  };
  append(`started: language server process ${process.pid}`);
  return append;
}
