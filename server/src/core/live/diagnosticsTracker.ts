import type { CoreDiagnostic } from '../model';

/** The diagnostics of one file and an id that changes whenever they do (LSP pull diagnostics' `resultId`). */
export interface TrackedDiagnostics {
  diagnostics: CoreDiagnostic[];
  resultId: string;
}

type Entry = TrackedDiagnostics;

/**
 * Remembers the last diagnostics of every file, recomputes them for the files
 * a change can reach, and tells which ones actually changed, so that only
 * those are sent to the editor.
 */
export class DiagnosticsTracker {
  private readonly entries = new Map<string, Entry>();
  /** For each file, the files whose diagnostics point into it (related information). */
  private readonly pointedFrom = new Map<string, Set<string>>();
  /** For each diagnostic code, the files whose current diagnostics include it. */
  private readonly urisByCode = new Map<string, Set<string>>();
  private revision = 0;

  constructor(private readonly compute: (uri: string) => CoreDiagnostic[]) {}

  /** Recomputes the diagnostics of these files; returns those whose diagnostics changed. */
  refresh(uris: Iterable<string>): string[] {
    const changed: string[] = [];
    for (const uri of new Set(uris)) {
      const diagnostics = this.compute(uri);
      const previous = this.entries.get(uri);
      // A structural compare: no serialised copy of every file's diagnostics is built or kept.
      if (previous && sameValue(previous.diagnostics, diagnostics)) continue;
      this.entries.set(uri, { diagnostics, resultId: this.nextResultId() });
      this.updatePointers(uri, previous?.diagnostics ?? [], diagnostics);
      this.updateCodes(uri, previous?.diagnostics ?? [], diagnostics);
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

  /** The diagnostics last computed for a file, without computing them (paranoid mode compares them with a rebuild). */
  lastComputed(uri: string): CoreDiagnostic[] | undefined {
    return this.entries.get(uri)?.diagnostics;
  }

  trackedUris(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Files whose current diagnostics include any of these codes. */
  urisWithCodes(codes: readonly string[]): string[] {
    const uris = new Set<string>();
    for (const code of codes) for (const uri of this.urisByCode.get(code) ?? []) uris.add(uri);
    return [...uris];
  }

  /**
   * Files whose diagnostics point into this one (related information, such
   * as the other actor of an alias conflict). A change to this file can move
   * what they point at, so their diagnostics need refreshing too.
   */
  filesPointingInto(uri: string): string[] {
    return [...(this.pointedFrom.get(uri) ?? [])];
  }

  /** Stops tracking a file that no longer exists (after its diagnostics were cleared). */
  forget(uri: string): void {
    this.updatePointers(uri, this.entries.get(uri)?.diagnostics ?? [], []);
    this.updateCodes(uri, this.entries.get(uri)?.diagnostics ?? [], []);
    this.entries.delete(uri);
  }

  private updateCodes(uri: string, before: CoreDiagnostic[], after: CoreDiagnostic[]): void {
    for (const { code } of before) this.urisByCode.get(code)?.delete(uri);
    for (const { code } of after) {
      const uris = this.urisByCode.get(code);
      if (uris) uris.add(uri);
      else this.urisByCode.set(code, new Set([uri]));
    }
  }

  private updatePointers(uri: string, before: CoreDiagnostic[], after: CoreDiagnostic[]): void {
    const targets = (diagnostics: CoreDiagnostic[]) => new Set(diagnostics.flatMap((d) => (d.related ?? []).map((r) => r.uri)).filter((target) => target !== uri));
    for (const target of targets(before)) this.pointedFrom.get(target)?.delete(uri);
    for (const target of targets(after)) {
      const sources = this.pointedFrom.get(target) ?? new Set<string>();
      sources.add(uri);
      this.pointedFrom.set(target, sources);
    }
  }

  private nextResultId(): string {
    return String(++this.revision);
  }
}

/**
 * Deep equality of plain data (what JSON.stringify would write): arrays in
 * order, objects by their defined properties (a property set to undefined
 * counts as absent, as in JSON).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let defined = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    defined++;
    if (!sameValue(left[key], right[key])) return false;
  }
  for (const key in right) if (right[key] !== undefined) defined--;
  return defined === 0;
}
