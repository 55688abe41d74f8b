import type { AnnotationParser, CoreDiagnostic, WorkspaceFileHost } from '../core';
import type { GitRunner } from './gitRunner';

export interface CheckCacheOptions {
  workspaceFolder: string;
  enabled: boolean;
  /** --cache-dir, when given. */
  dir?: string;
}

/** What a check printed, in order, and its exit code. */
export interface CheckReport {
  output: Array<['stdout' | 'stderr', string]>;
  code: number;
}

/**
 * A file host and git that note every answer a check got from them, so that
 * a later run can tell whether any input changed without redoing the check.
 */
export interface InputRecorder {
  readonly host: WorkspaceFileHost;
  readonly git: GitRunner;
  /** Stores the report with the answers it depended on (unless an answer changed during the run). */
  save(key: string, report: CheckReport): Promise<void>;
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
  /**
   * The report of an earlier check with this key, when every file and git
   * answer it depended on is the same now; asks `host` and `git` again.
   */
  loadReport(key: string, host: WorkspaceFileHost, git: GitRunner): Promise<CheckReport | undefined>;
  /** Starts noting the answers of `host` and `git` for a report. */
  recordInputs(host: WorkspaceFileHost, git: GitRunner): InputRecorder;
  flush(): Promise<void>;
}
