import { createHash } from 'node:crypto';
import { promises as fs, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { wasReadWithFullParser, type AnnotationFile, type AnnotationParser, type AnnotationSource, type CoreDiagnostic, type Vocabulary, type WorkspaceFileHost } from '../core';
import type { CheckCache, CheckCacheOptions, CheckReport, InputRecorder } from '../cli/checkCache';
import type { GitRunner } from '../cli/gitRunner';
import { loadReport, recordInputs } from './checkReports';
import { WorkerParser } from './workerParser';

/** Bumped whenever the shape of cached data changes, so old caches are ignored. */
// 4: the parser reads `attributes:` (DNA import) and `suppress:`, which older cached models report as unknown fields.
const CACHE_SCHEMA = 4;

type ParseEntries = Record<string, AnnotationFile>;

function sha1(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

/** Where a workspace's cache lives unless --cache-dir says otherwise. */
export function defaultCacheDir(workspaceFolder: string, env: Record<string, string | undefined>): string {
  let real = workspaceFolder;
  try {
    real = realpathSync(workspaceFolder);
  } catch {
    // A folder that cannot be resolved still gets a stable cache location.
  }
  const base = env.POLICY_ANNOTATOR_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'policy-annotator');
  return path.join(base, sha1(real).slice(0, 16));
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as { schema?: number; version?: string } & T;
    return data;
  } catch {
    return undefined;
  }
}

/** Writes a file atomically, so a concurrent run never reads half a cache. */
async function writeJson(file: string, data: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(data));
  await fs.rename(temporary, file);
}

/**
 * The CLI's cache: parse results of annotation files that needed the full
 * YAML parser, keyed by a hash of their URI, content and vocabulary; the last
 * check's diagnostics, keyed by a digest of every input; and whole reports
 * (./checkReports). Nothing stale can be used: any change to a file, the
 * configuration or the tool's version changes the key. A cache that cannot be
 * read or written is ignored.
 */
export class NodeCheckCache implements CheckCache {
  readonly parser: AnnotationParser;
  private readonly used: ParseEntries = {};
  private loadedEntries: Promise<ParseEntries> | undefined;
  private dirty = false;

  constructor(readonly location: string, private readonly version: string, private readonly inner: AnnotationParser = new WorkerParser()) {
    this.parser = { parseAll: (sources, vocabulary) => this.parseAll(sources, vocabulary) };
  }

  /** The stored parse results, read only when something must be parsed (a warm check never does). */
  private get entries(): Promise<ParseEntries> {
    this.loadedEntries ??= readJson<{ schema: number; version: string; entries: ParseEntries }>(this.parseFile).then((data) =>
      data && data.schema === CACHE_SCHEMA && data.version === this.version && typeof data.entries === 'object' && data.entries !== null ? data.entries : {},
    );
    return this.loadedEntries;
  }

  private get parseFile(): string {
    return path.join(this.location, 'parse-cache.json');
  }

  private get resultsFile(): string {
    return path.join(this.location, 'results.json');
  }

  /**
   * Parses what the cache lacks. Only models read with the full YAML parser
   * are kept: a file in the block subset is read again faster than its model
   * can be loaded from the cache (at the 16x benchmark scale, storing every
   * model made a run with one changed file slower than no cache at all).
   */
  private async parseAll(sources: AnnotationSource[], vocabulary: Vocabulary): Promise<AnnotationFile[]> {
    const entries = await this.entries;
    const vocabularyKey = sha1(JSON.stringify(vocabulary));
    const keys = sources.map((source) => sha1(source.uri, vocabularyKey, source.content));
    const missing = sources.filter((_, i) => !entries[keys[i]]);
    const parsed = missing.length ? await this.inner.parseAll(missing, vocabulary) : [];
    let fresh = 0;
    let reused = 0;
    const files = sources.map((_, i) => {
      const stored = entries[keys[i]];
      if (stored) {
        reused++;
        this.used[keys[i]] = stored;
        return stored;
      }
      const file = parsed[fresh++];
      if (wasReadWithFullParser(file)) {
        this.used[keys[i]] = file;
        this.dirty = true;
      }
      return file;
    });
    // Entries of files that are gone or changed are dropped.
    if (reused !== Object.keys(entries).length) this.dirty = true;
    return files;
  }

  digest(parts: string[]): string {
    return sha1(String(CACHE_SCHEMA), this.version, ...parts);
  }

  async loadResults(key: string): Promise<Record<string, CoreDiagnostic[]> | undefined> {
    const data = await readJson<{ schema: number; key: string; results: Record<string, CoreDiagnostic[]> }>(this.resultsFile);
    return data && data.schema === CACHE_SCHEMA && data.key === key ? data.results : undefined;
  }

  async saveResults(key: string, results: Record<string, CoreDiagnostic[]>): Promise<void> {
    await writeJson(this.resultsFile, { schema: CACHE_SCHEMA, key, results }).catch(() => undefined);
  }

  loadReport(key: string, host: WorkspaceFileHost, git: GitRunner): Promise<CheckReport | undefined> {
    return loadReport(this.location, key, host, git);
  }

  recordInputs(host: WorkspaceFileHost, git: GitRunner): InputRecorder {
    return recordInputs(this.location, host, git);
  }

  /** Stores the parse results this run used (and drops the others). */
  async flush(): Promise<void> {
    if (!this.dirty) return;
    await writeJson(this.parseFile, { schema: CACHE_SCHEMA, version: this.version, entries: this.used }).catch(() => undefined);
  }
}

/** The cache the CLI asked for: a real one, or none (then parsing still uses every core). */
export function openCheckCache(options: CheckCacheOptions, version: string, env: Record<string, string | undefined>): CheckCache | undefined {
  if (!options.enabled) return undefined;
  return new NodeCheckCache(options.dir ?? defaultCacheDir(options.workspaceFolder, env), version);
}
