import type { CoreDiagnostic } from '../model';

/** The diagnostics of one file and an id that changes whenever they do (LSP pull diagnostics' `resultId`). */
export interface TrackedDiagnostics {
  diagnostics: CoreDiagnostic[];
  resultId: string;
}

interface Entry extends TrackedDiagnostics {
  fingerprint: string;
}

/**
 * Remembers the last diagnostics of every file, recomputes them for the files
 * a change can reach, and tells which ones actually changed, so that only
 * those are sent to the editor.
 */
export class DiagnosticsTracker {
  private readonly entries = new Map<string, Entry>();
  private revision = 0;

  constructor(private readonly compute: (uri: string) => CoreDiagnostic[]) {}

  /** Recomputes the diagnostics of these files; returns those whose diagnostics changed. */
  refresh(uris: Iterable<string>): string[] {
    const changed: string[] = [];
    for (const uri of new Set(uris)) {
      const diagnostics = this.compute(uri);
      const fingerprint = JSON.stringify(diagnostics);
      const previous = this.entries.get(uri);
      if (previous?.fingerprint === fingerprint) continue;
      this.entries.set(uri, { diagnostics, fingerprint, resultId: this.nextResultId() });
      // A file seen for the first time without problems has nothing to show or clear.
      if (previous || diagnostics.length > 0) changed.push(uri);
    }
    return changed;
  }

  /** The current diagnostics of a file, computed on first request. */
  get(uri: string): TrackedDiagnostics {
    if (!this.entries.has(uri)) this.refresh([uri]);
    const { diagnostics, resultId } = this.entries.get(uri)!;
    return { diagnostics, resultId };
  }

  trackedUris(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Files whose current diagnostics include any of these codes. */
  urisWithCodes(codes: readonly string[]): string[] {
    return [...this.entries].filter(([, entry]) => entry.diagnostics.some((d) => codes.includes(d.code))).map(([uri]) => uri);
  }

  /** Stops tracking a file that no longer exists (after its diagnostics were cleared). */
  forget(uri: string): void {
    this.entries.delete(uri);
  }

  private nextResultId(): string {
    return String(++this.revision);
  }
}
