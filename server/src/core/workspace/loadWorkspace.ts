import { CONFIG_FILE_NAME, DEFAULT_CONFIG, DEFAULT_LIMITS, parseConfig, type Limits, type WorkspaceConfig } from '../config';
import type { AnnotationFile, CoreDiagnostic } from '../model';
import { LineIndex } from '../lineIndex';
import { parseAnnotationFile } from '../syntax/parseAnnotationFile';
import type { Vocabulary } from '../vocabulary';
import { canonicalUri, joinUri } from '../uris';
import type { ReadProblem } from './readProblems';
import { WorkspaceIndex } from './workspaceIndex';

/** A file's text, or why there is none. */
export type FileRead = { content: string } | { problem: ReadProblem };

/** What the core needs from a file system; the CLI and the server each supply one. */
export interface WorkspaceFileHost {
  /** Every file under a folder, recursively, as URIs; an absent folder has none. */
  listFiles(folderUri: string): Promise<string[]>;
  /** A file's text, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /**
   * A file's text, or why it cannot be used; files larger than `limit` bytes
   * are refused without being read. Hosts that lack it are read with `readFile`.
   */
  read?(uri: string, limit: number): Promise<FileRead>;
  /**
   * The limits the user allows in a folder (their own settings or flags,
   * never the workspace's); its policy-annotator.yaml may only lower them.
   * Hosts that lack it allow DEFAULT_LIMITS.
   */
  allowedLimits?(folderUri: string): Promise<Limits>;
  /**
   * Why no file may be created at `uri`, or undefined when one may: nothing
   * is there yet (not even a dangling link), and the nearest folder that
   * exists lies inside the workspace folders, also through links. Hosts that
   * lack it have no links (a workspace in memory): creating is allowed.
   */
  creationProblem?(uri: string): Promise<string | undefined>;
}

/** Reads a file through a host, applying a size limit whatever the host supports. */
export async function readWithLimit(host: WorkspaceFileHost, uri: string, limit: number): Promise<FileRead> {
  if (host.read) return host.read(uri, limit);
  const content = await host.readFile(uri);
  if (content === undefined) return { problem: { kind: 'missing' } };
  if (content.length > limit) return { problem: { kind: 'too-large', size: content.length, limit } };
  return { content };
}

/**
 * Files read at once. Enough to keep the host's I/O busy (Node reads on a
 * pool of four threads); few enough that their completions, each decoded
 * as it arrives, never pile up into one long task that keeps a server from
 * answering requests.
 */
const READS_IN_FLIGHT = 16;

/** Reads files through a host with a size limit, a bounded number at a time; results in the order of `uris`. */
export async function readAllWithLimit(host: WorkspaceFileHost, uris: readonly string[], limit: number): Promise<FileRead[]> {
  const results: FileRead[] = new Array(uris.length);
  let next = 0;
  const worker = async () => {
    while (next < uris.length) {
      const at = next++;
      results[at] = await readWithLimit(host, uris[at], limit);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, uris.length) }, worker));
  return results;
}

/** One annotation file to parse. */
export interface AnnotationSource {
  uri: string;
  content: string;
}

/**
 * Turns annotation files into models. The default parses them here, one by
 * one; an adapter may parse them elsewhere (worker threads) or take them from
 * a cache, as long as the result equals `parseAnnotationFile` for each.
 */
export interface AnnotationParser {
  parseAll(sources: AnnotationSource[], vocabulary: Vocabulary): Promise<AnnotationFile[]>;
}

export const inlineParser: AnnotationParser = {
  parseAll: async (sources, vocabulary) => sources.map((source) => parseAnnotationFile(source.uri, source.content, vocabulary)),
};

export interface LoadWorkspaceOptions {
  parser?: AnnotationParser;
  /**
   * Called between files while the index is built; a caller that must stay
   * responsive (the server) returns a promise that yields to its event loop
   * when the current slice has run long enough. Without it the files are
   * parsed and indexed in one go.
   */
  pause?: () => Promise<void>;
  /**
   * With `pause`: parses the annotation files of LARGE_FILE characters or
   * more while other work goes on (the server uses a worker thread), so that
   * none keeps the caller busy for long in one piece; its models must equal
   * `parseAnnotationFile`'s. Without it they are parsed here like the others.
   */
  largeFileParser?: AnnotationParser;
  /** Build the index for text analyses only (`WorkspaceIndexOptions.analysesOnly`): for agreement. */
  analysesOnly?: boolean;
}

/** Annotation files this large take the block reader about 50 ms or more on a slow machine (hostile #5: 440 KB). */
export const LARGE_FILE = 128 * 1024;

export interface LoadedWorkspace {
  index: WorkspaceIndex;
  /** The URI of policy-annotator.yaml, when the workspace has one. */
  configUri?: string;
  /** Problems in policy-annotator.yaml. */
  configDiagnostics: CoreDiagnostic[];
  /** The lines of policy-annotator.yaml as the configuration was read, to place its diagnostics. */
  configLines?: LineIndex;
}

export function isAnnotationFileName(uri: string): boolean {
  return /\.ya?ml$/i.test(uri) && !uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

/** The annotation root folders of a workspace folder, as URIs. */
export function annotationRoots(folderUri: string, config: WorkspaceConfig): string[] {
  return config.roots.map((root) => (root === '.' ? canonicalUri(folderUri) : joinUri(folderUri, ...root.split('/'))));
}

/** Reads the workspace configuration, or the defaults when there is none. */
export async function loadConfig(host: WorkspaceFileHost, folderUri: string): Promise<{ config: WorkspaceConfig; configUri?: string; configText?: string; diagnostics: CoreDiagnostic[] }> {
  const configUri = joinUri(folderUri, CONFIG_FILE_NAME);
  const allowed = (await host.allowedLimits?.(folderUri)) ?? DEFAULT_LIMITS;
  const text = await host.readFile(configUri);
  if (text === undefined) return { config: allowed === DEFAULT_LIMITS ? DEFAULT_CONFIG : { ...DEFAULT_CONFIG, limits: allowed }, diagnostics: [] };
  const parsed = parseConfig(configUri, text, allowed);
  return { config: parsed.config, configUri, configText: text, diagnostics: parsed.diagnostics };
}

/** Supplies every referenced text that has not been loaded yet; `pause` as in LoadWorkspaceOptions. */
export async function loadPendingTexts(host: WorkspaceFileHost, index: WorkspaceIndex, pause?: () => Promise<void>): Promise<void> {
  const pending = index.pendingTexts();
  const reads = await readAllWithLimit(host, pending, index.config.limits.textSize);
  for (let i = 0; i < pending.length; i++) {
    storeText(index, pending[i], reads[i]);
    if (pause) await pause();
  }
}

/** Records a text read (or the reason it failed) in the index. */
export function storeText(index: WorkspaceIndex, uri: string, read: FileRead): void {
  if ('content' in read) index.setText(uri, read.content);
  else index.setTextUnreadable(uri, read.problem);
}

/** Builds the index of a workspace folder: its configuration, annotation files and texts. */
export async function loadWorkspace(host: WorkspaceFileHost, folderUri: string, options: LoadWorkspaceOptions = {}): Promise<LoadedWorkspace> {
  folderUri = canonicalUri(folderUri);
  const { config, configUri, configText, diagnostics } = await loadConfig(host, folderUri);
  const index = new WorkspaceIndex({ workspaceFolders: [folderUri], config, analysesOnly: options.analysesOnly });
  const seen = new Set<string>();
  const sources: AnnotationSource[] = [];
  for (const root of annotationRoots(folderUri, config)) {
    const files = (await host.listFiles(root)).map(canonicalUri).filter((uri) => isAnnotationFileName(uri) && !seen.has(uri));
    files.forEach((uri) => seen.add(uri));
    const reads = await readAllWithLimit(host, files, config.limits.annotationFileSize);
    files.forEach((uri, i) => {
      const read = reads[i];
      if ('content' in read) sources.push({ uri, content: read.content });
      else if (read.problem.kind !== 'missing') index.setAnnotationFileUnreadable(uri, read.problem);
    });
  }
  const pause = options.pause;
  let parsed: AnnotationFile[];
  if (options.parser || !pause) {
    parsed = await (options.parser ?? inlineParser).parseAll(sources, config.vocabulary);
  } else {
    // Smallest first: by the time the large files come (a registry of thousands of actors), the parser is
    // compiled, so that no single file keeps the caller's event loop busy for long.
    parsed = new Array<AnnotationFile>(sources.length);
    const bySize = sources.map((_, i) => i).sort((a, b) => sources[a].content.length - sources[b].content.length);
    const large = options.largeFileParser ? bySize.filter((i) => sources[i].content.length >= LARGE_FILE) : [];
    // Started first, so that the large files are parsed elsewhere while the small ones are parsed here.
    const parsingLarge = options.largeFileParser?.parseAll(large.map((i) => sources[i]), config.vocabulary);
    for (const i of bySize.slice(0, bySize.length - large.length)) {
      parsed[i] = parseAnnotationFile(sources[i].uri, sources[i].content, config.vocabulary);
      await pause();
    }
    (await parsingLarge)?.forEach((file, j) => (parsed[large[j]] = file));
  }
  for (let i = 0; i < sources.length; i++) {
    const steps = index.setAnnotationFileInSteps(sources[i].uri, sources[i].content, parsed[i]);
    while (!steps.next().done) if (pause) await pause();
    if (pause) await pause();
  }
  await loadPendingTexts(host, index, pause);
  return { index, configUri, configLines: configText === undefined ? undefined : new LineIndex(configText), configDiagnostics: diagnostics };
}
