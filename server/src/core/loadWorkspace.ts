import { CONFIG_FILE_NAME, DEFAULT_CONFIG, parseConfig, type WorkspaceConfig } from './config';
import type { AnnotationFile, CoreDiagnostic } from './model';
import { parseAnnotationFile } from './parseAnnotationFile';
import type { Vocabulary } from './vocabulary';
import { canonicalUri, joinUri } from './uris';
import { WorkspaceIndex } from './workspaceIndex';

/** What the core needs from a file system; the CLI and the server each supply one. */
export interface WorkspaceFileHost {
  /** Every file under a folder, recursively, as URIs; an absent folder has none. */
  listFiles(folderUri: string): Promise<string[]>;
  /** A file's text, or undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
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
  const text = await host.readFile(configUri);
  if (text === undefined) return { config: DEFAULT_CONFIG, diagnostics: [] };
  const parsed = parseConfig(configUri, text);
  return { config: parsed.config, configUri, diagnostics: parsed.diagnostics };
}

/** Supplies every referenced text that has not been loaded yet. */
export async function loadPendingTexts(host: WorkspaceFileHost, index: WorkspaceIndex): Promise<void> {
  const pending = index.pendingTexts();
  const contents = await Promise.all(pending.map((uri) => host.readFile(uri)));
  pending.forEach((uri, i) => {
    const content = contents[i];
    if (content === undefined) index.setTextMissing(uri);
    else index.setText(uri, content);
  });
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
    const contents = await Promise.all(files.map((uri) => host.readFile(uri)));
    files.forEach((uri, i) => {
      const content = contents[i];
      if (content !== undefined) sources.push({ uri, content });
    });
  }
  const parsed = await (options.parser ?? inlineParser).parseAll(sources, config.vocabulary);
  sources.forEach((source, i) => index.setAnnotationFile(source.uri, source.content, parsed[i]));
  await loadPendingTexts(host, index);
  return { index, configUri, configDiagnostics: diagnostics };
}
