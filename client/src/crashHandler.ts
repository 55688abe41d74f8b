import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

/** Restarts allowed within the window before the server is given up on. */
const MAX_RESTARTS = 5;
const WINDOW_MS = 3 * 60 * 1000;

/** What the crash handler needs from the editor: a way to tell the user, and the log. */
export interface CrashReporter {
  /** Shown once per session, the first time the server is restarted. */
  restarted(message: string): void;
  /** Shown when the server keeps crashing and is no longer restarted. */
  gaveUp(message: string): void;
  log(message: string): void;
}

/**
 * What happens when the language server crashes: it is restarted, and the
 * user hears about it once (not on every crash); if it crashes more than
 * MAX_RESTARTS times within three minutes, it stays down and the user is
 * told how to restart it. Errors on the connection are logged, and the
 * connection is kept unless they keep coming.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(
    private readonly reporter: CrashReporter,
    private readonly now: () => number = Date.now,
  ) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.reporter.log(`Error on the connection to the language server (${count ?? 1} in a row): ${error.message}`);
    return count !== undefined && count > 3 ? { action: ErrorAction.Shutdown, handled: true } : { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_RESTARTS) {
      this.reporter.log(`The language server stopped ${this.crashes.length} times in ${WINDOW_MS / 60000} minutes; not restarting it.`);
      this.reporter.gaveUp(`The Policy Annotator language server crashed ${this.crashes.length} times in ${WINDOW_MS / 60000} minutes and was not restarted. Its output has the details; run "Policy Annotator: Restart Language Server" to try again.`);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.reporter.log('The language server stopped unexpectedly; restarting it.');
    if (!this.told) {
      this.told = true;
      this.reporter.restarted('The Policy Annotator language server stopped unexpectedly and was restarted. If it happens again it is restarted without telling you; the output channel has the details.');
    }
    return { action: CloseAction.Restart, handled: true };
  }

  /** A restart the user asked for starts the count afresh. */
  reset(): void {
    this.crashes.length = 0;
  }
}
