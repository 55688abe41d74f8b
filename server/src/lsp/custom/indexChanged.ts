import type { ServerSession } from '../serverSession';
import { IndexChangedNotification } from '../../protocol';

/** Quiet time after the last change before the client is told, so a burst of keystrokes or file events is one notification. */
const SETTLE_MS = 250;

/**
 * Tells the client (`policyAnnotator/indexChanged`, and a semantic tokens
 * refresh where supported) when the annotations or texts it may be showing changed: after the first indexing, and after any
 * edit, file event or re-indexing that changed the content of an annotation
 * file or text. Content is compared by identity of the stored strings, which
 * costs one pass over the file list.
 */
class IndexChangeNotifier {
  private snapshot = new Map<string, string | undefined>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly session: ServerSession) {}

  start(): void {
    const { documents, workspace } = this.session;
    documents.onDidChangeContent(() => this.schedule());
    documents.onDidClose(() => this.schedule());
    workspace.onDiagnosticsChanged(() => this.schedule());
    void workspace.whenReady().then(() => {
      this.snapshot = this.take();
      this.send();
    });
  }

  /** Checks for a change once things have settled. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const next = this.take();
      if (sameContents(this.snapshot, next)) return;
      this.snapshot = next;
      this.send();
    }, SETTLE_MS);
  }

  private take(): Map<string, string | undefined> {
    const contents = new Map<string, string | undefined>();
    for (const index of this.session.workspace.indexes()) {
      for (const file of index.annotationFiles()) contents.set(file.uri, index.content(file.uri));
      for (const text of index.referencedTexts()) contents.set(text, index.content(text));
    }
    return contents;
  }

  private send(): void {
    const { connection, client, log } = this.session;
    connection.sendNotification(IndexChangedNotification, {}).catch((error: unknown) => log.error(`Could not notify the client of changed annotations: ${String(error)}`));
    // Mentions and claim spans in open texts depend on every annotation file: have the editor ask for their tokens again.
    if (client.semanticTokensRefresh) connection.languages.semanticTokens.refresh().catch((error: unknown) => log.error(`Could not ask the client to refresh semantic tokens: ${String(error)}`));
  }
}

function sameContents(a: Map<string, string | undefined>, b: Map<string, string | undefined>): boolean {
  if (a.size !== b.size) return false;
  for (const [uri, content] of a) if (b.get(uri) !== content || !b.has(uri)) return false;
  return true;
}

const notifiers = new WeakMap<ServerSession, IndexChangeNotifier>();

/** Starts telling the client about changed annotations. */
export function startIndexChangeNotifications(session: ServerSession): void {
  const notifier = new IndexChangeNotifier(session);
  notifiers.set(session, notifier);
  notifier.start();
}

/** A file was read from disk for the index: its content may have changed. */
export function noteFileRead(session: ServerSession): void {
  notifiers.get(session)?.schedule();
}
