import { CONFIG_FILE_NAME, DEFAULT_CONFIG, DEFAULT_LIMITS, parseConfig, type Limits, type WorkspaceConfig } from './config';
import type { AnnotationFile, CoreDiagnostic } from './model';
import { parseAnnotationFile } from './parseAnnotationFile';
import type { Vocabulary } from './vocabulary';
import { canonicalUri, joinUri } from './uris';
import { WorkspaceIndex } from './workspaceIndex';

/** Why a file could not be used. Messages name the reason, never the file's content. */
export type ReadProblem =
  | { kind: 'missing' | 'directory' | 'binary' | 'invalid-encoding' | 'outside-workspace' | 'symlink-loop' | 'unreadable' }
  | { kind: 'too-large'; size: number; limit: number };

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
   * With `pause`: called once the index exists and after each annotation
   * file is added to it, with how many are left, so that a caller can answer
   * from what is indexed so far (an annotation file and its text are in
   * before the next file is parsed, small files first); the load waits for
   * what it returns (the server lets requests it can now answer run first).
   */
  progress?: (index: WorkspaceIndex, annotationFilesLeft: number) => Promise<void> | void;
  /**
   * With `pause`: parses each flow-style annotation file of 256 KB or more
   * (one that would keep the caller's event loop busy for long) while other work runs; its models
   * must equal `parseAnnotationFile`'s. Without it they are parsed here.
   */
  largeFileParser?: AnnotationParser;
  /**
   * With `pause`: the files requests are waiting for (texts or annotation
   * files). The annotation files that are or likely point at them (they
   * name the file) are indexed next, and their texts read at once.
   */
  wanted?: () => readonly string[];
}

/** Annotation files this large are parsed after the texts of the smaller ones have been read, so those can be answered about meanwhile. */
const LARGE_ANNOTATION_FILE = 64 * 1024;

/**
 * Annotation files this large in the flow style (`{...}` or `[...]`) go to
 * `largeFileParser`: the full YAML parser they need would keep the caller
 * busy for 100 ms or more. Block-style files are read here by the fast
 * reader, faster than their models could be handed back from elsewhere.
 */
const PARSED_ELSEWHERE = 256 * 1024;

/** Whether a file opens with a flow collection, after blank and comment lines (looked for in its first 4 KB). */
function opensWithFlowCollection(content: string): boolean {
  return /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]*[{[]/.test(content.slice(0, 4096));
}

export interface LoadedWorkspace {
  index: WorkspaceIndex;
  /** The URI of policy-annotator.yaml, when the workspace has one. */
  configUri?: string;
  /** Problems in policy-annotator.yaml. */
  configDiagnostics: CoreDiagnostic[];
}

export function isAnnotationFileName(uri: string): boolean {
  return /\.ya?ml$/i.test(uri) && !uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

/** The annotation root folders of a workspace folder, as URIs. */
export function annotationRoots(folderUri: string, config: WorkspaceConfig): string[] {
  return config.roots.map((root) => (root === '.' ? canonicalUri(folderUri) : joinUri(folderUri, ...root.split('/'))));
}

/** Reads the workspace configuration, or the defaults when there is none. */
export async function loadConfig(host: WorkspaceFileHost, folderUri: string): Promise<{ config: WorkspaceConfig; configUri?: string; diagnostics: CoreDiagnostic[] }> {
  const configUri = joinUri(folderUri, CONFIG_FILE_NAME);
  const allowed = (await host.allowedLimits?.(folderUri)) ?? DEFAULT_LIMITS;
  const text = await host.readFile(configUri);
  if (text === undefined) return { config: allowed === DEFAULT_LIMITS ? DEFAULT_CONFIG : { ...DEFAULT_CONFIG, limits: allowed }, diagnostics: [] };
  const parsed = parseConfig(configUri, text, allowed);
  return { config: parsed.config, configUri, diagnostics: parsed.diagnostics };
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
  const { config, configUri, diagnostics } = await loadConfig(host, folderUri);
  const index = new WorkspaceIndex({ workspaceFolders: [folderUri], config });
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
  if (options.parser || !pause) {
    const parsed = await (options.parser ?? inlineParser).parseAll(sources, config.vocabulary);
    for (let i = 0; i < sources.length; i++) {
      index.setAnnotationFile(sources[i].uri, sources[i].content, parsed[i]);
      if (pause) await pause();
    }
    await loadPendingTexts(host, index, pause);
  } else {
    await indexInSizeOrder(host, index, sources, pause, options);
  }
  return { index, configUri, configDiagnostics: diagnostics };
}

/**
 * Parses and indexes annotation files one at a time, smallest first: by the
 * time the large files come (a registry of thousands of actors), the parser
 * is compiled, so that no single file keeps the caller's event loop busy for
 * long; and the small files' texts are read before a large file is parsed,
 * so that a caller can answer about them while the large ones are indexed.
 * The index is the same whatever the order its files are added in.
 */
async function indexInSizeOrder(host: WorkspaceFileHost, index: WorkspaceIndex, sources: AnnotationSource[], pause: () => Promise<void>, options: LoadWorkspaceOptions): Promise<void> {
  const { progress, largeFileParser, wanted } = options;
  const bySize = [...sources].sort((a, b) => a.content.length - b.content.length);
  const looked = new Set<string>();
  /** Where the files moved forward for waiting requests end: their texts are read once those are all in. */
  let neededEnd = 0;
  await progress?.(index, bySize.length);
  for (let i = 0; i < bySize.length; i++) {
    const waitedFor = wanted?.() ?? [];
    for (const uri of waitedFor) {
      if (looked.has(uri)) continue;
      looked.add(uri);
      neededEnd = Math.max(neededEnd, i + moveForward(bySize, i, uri));
    }
    const source = bySize[i];
    const pendingTexts = index.pendingTexts().length;
    const textWaitedFor = i >= neededEnd && waitedFor.some((uri) => index.isText(uri) && index.textStatus(uri) === 'unknown');
    if (pendingTexts > 0 && (textWaitedFor || pendingTexts >= READS_IN_FLIGHT || source.content.length >= LARGE_ANNOTATION_FILE)) {
      await loadPendingTexts(host, index, pause);
      await progress?.(index, bySize.length - i);
    }
    const large = source.content.length >= PARSED_ELSEWHERE && opensWithFlowCollection(source.content) && largeFileParser;
    const parsed = large ? (await large.parseAll([source], index.config.vocabulary))[0] : parseAnnotationFile(source.uri, source.content, index.config.vocabulary);
    // A matcher built for early answers would take a large registry's aliases one by one, in one piece: it is built again later, in slices.
    if (source.content.length >= LARGE_ANNOTATION_FILE && parsed.actors.length > 0) index.discardAliasMatcher();
    index.setAnnotationFile(source.uri, source.content, parsed);
    await progress?.(index, bySize.length - i - 1);
    await pause();
  }
  await loadPendingTexts(host, index, pause);
  await progress?.(index, 0);
}

/**
 * Moves the files from `from` on that are, or name, a file a request waits
 * for (and, for a text, the small files that may define actors) to the
 * front of those, keeping their order; returns how many were moved. Only the order of
 * indexing changes, never its result; each waited-for file is looked for once.
 */
function moveForward(queue: AnnotationSource[], from: number, uri: string): number {
  let name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded properly: looked for as it is.
  }
  const first: AnnotationSource[] = [];
  const rest: AnnotationSource[] = [];
  // A request about a text needs the actors too: files that may define some come along, unless they are large (then it gets no card until they are in).
  const isText = !isAnnotationFileName(uri);
  const needed = (source: AnnotationSource) =>
    source.uri === uri || (name !== '' && source.content.includes(name)) || (isText && source.content.length < LARGE_ANNOTATION_FILE && source.content.includes('actors:'));
  for (let i = from; i < queue.length; i++) (needed(queue[i]) ? first : rest).push(queue[i]);
  first.concat(rest).forEach((source, i) => (queue[from + i] = source));
  return first.length;
}
