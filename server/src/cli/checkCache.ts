import type { AnnotationParser, CoreDiagnostic } from '../core';

export interface CheckCacheOptions {
  workspaceFolder: string;
  enabled: boolean;
  /** --cache-dir, when given. */
  dir?: string;
}

/** What `check` needs of a cache; the Node adapter stores it on disk. */
export interface CheckCache {
  /** Where the cache lives, for messages. */
  readonly location: string;
  /** A parser that reuses the parse results of unchanged files. */
  readonly parser: AnnotationParser;
  /** A digest of everything a check's result depends on. */
  digest(parts: string[]): string;
  loadResults(key: string): Promise<Record<string, CoreDiagnostic[]> | undefined>;
  saveResults(key: string, results: Record<string, CoreDiagnostic[]>): Promise<void>;
  flush(): Promise<void>;
}
