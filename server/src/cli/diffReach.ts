import {
  annotationRoots,
  canonicalUri,
  CONFIG_FILE_NAME,
  DEFAULT_LIMITS,
  inlineParser,
  isAnnotationFileName,
  joinUri,
  loadConfig,
  readWithLimit,
  resolveTextReference,
  type AnnotationFile,
  type FileRead,
  type Limits,
  type WorkspaceConfig,
  type WorkspaceFileHost,
} from '../core';

/** What one annotation file shares with others: its text, its claim ids and claimant–concept pairs, whether it defines registry entries. */
interface FileReach {
  text?: string;
  keys: string[];
  registry: boolean;
}

/** Annotation files parsed at once while scanning: enough to keep the reader busy, few enough that their models never pile up. */
const SCAN_BATCH = 1000;

/**
 * The annotation files that a diff between two revisions of a workspace
 * must load so that `diffChangedFiles` on the two smaller workspaces gives
 * what `diffWorkspaces` gives on the whole ones: the registry (files that
 * define actors, entities or concepts), the changed annotation files, every
 * annotation file of a text they point at or that changed, the files that
 * share a claim id or a claimant's stance on a concept with those (their
 * diagnostics name each other), and, for every file loaded, the other files
 * of its text (a text is analysed with all of them).
 *
 * Every annotation file is read and parsed once to learn this (a file the
 * change did not touch, once for both revisions); none is indexed, and no
 * text is read. Undefined when the configuration or the registry changed, or
 * a file that defines registry entries is reached: then the whole workspaces
 * are compared.
 */
export async function filesReached(base: WorkspaceFileHost, head: WorkspaceFileHost, folderUri: string, changed: readonly string[]): Promise<Set<string> | undefined> {
  folderUri = canonicalUri(folderUri);
  const changedSet = new Set(changed);
  if (changedSet.has(joinUri(folderUri, CONFIG_FILE_NAME))) return undefined;
  const { config } = await loadConfig(base, folderUri);
  // Each file's canonical URI by the spelling the hosts list it in (the same in both revisions).
  const spellings = new Map<string, string>();
  const baseFiles = await annotationFilesOf(base, folderUri, config, spellings);
  const headFiles = await annotationFilesOf(head, folderUri, config, spellings);
  const baseReach = await scan(base, baseFiles, config, folderUri);
  const headReach = await scan(head, headFiles.filter((uri) => changedSet.has(uri)), config, folderUri);
  for (const uri of headFiles) {
    const reach = baseReach.get(uri);
    if (!changedSet.has(uri) && reach) headReach.set(uri, reach);
  }

  const sides = [baseReach, headReach];
  const byText = new Map<string, Set<string>>();
  const byKey = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, uri: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(uri);
    map.set(key, set);
  };
  const reachOf = (uri: string) => sides.flatMap((side) => side.get(uri) ?? []);
  const registry = new Set<string>();
  for (const side of sides) {
    for (const [uri, reach] of side) {
      // A file the change did not touch has the same reach in both revisions: once is enough.
      if (side === headReach && baseReach.get(uri) === reach) continue;
      if (reach.text) add(byText, reach.text, uri);
      for (const key of reach.keys) add(byKey, key, uri);
      if (reach.registry) registry.add(uri);
    }
  }
  const sharing = (uris: Iterable<string>) => {
    const found = new Set<string>();
    for (const uri of uris) for (const reach of reachOf(uri)) for (const key of reach.keys) for (const other of byKey.get(key) ?? []) found.add(other);
    return found;
  };

  // Every changed annotation file, even one that cannot be read (too large): its diagnostic may have changed.
  const listed = new Set([...baseFiles, ...headFiles]);
  const changedFiles = changed.filter((uri) => listed.has(uri));
  const texts = new Set(changed);
  for (const uri of changedFiles) for (const reach of reachOf(uri)) if (reach.text) texts.add(reach.text);
  const reached = new Set(changedFiles);
  for (const text of texts) for (const uri of byText.get(text) ?? []) reached.add(uri);
  if ([...reached].some((uri) => registry.has(uri))) return undefined;
  // The files whose diagnostics and claims are compared, then what those name or are analysed with.
  const compared = new Set([...reached, ...sharing(changedFiles)]);
  const loaded = new Set([...registry, ...compared, ...sharing(compared)]);
  for (const uri of [...loaded]) for (const reach of reachOf(uri)) if (reach.text) for (const sibling of byText.get(reach.text) ?? []) loaded.add(sibling);
  // With the spellings the hosts list them in, so that ReachedFilesHost need not canonicalise every file it lists.
  for (const [spelling, uri] of spellings) if (loaded.has(uri)) loaded.add(spelling);
  return loaded;
}

/** The annotation files a workspace loads, as loadWorkspace lists them (canonical URIs); `spellings` maps each listed spelling to its canonical URI. */
async function annotationFilesOf(host: WorkspaceFileHost, folderUri: string, config: WorkspaceConfig, spellings: Map<string, string>): Promise<string[]> {
  const seen = new Set<string>();
  for (const root of annotationRoots(folderUri, config)) {
    for (const listed of await host.listFiles(root)) {
      if (!isAnnotationFileName(listed)) continue;
      let uri = spellings.get(listed);
      if (uri === undefined) spellings.set(listed, (uri = canonicalUri(listed)));
      seen.add(uri);
    }
  }
  return [...seen];
}

/** Reads and parses annotation files a batch at a time, and keeps only what each shares with others. */
async function scan(host: WorkspaceFileHost, uris: string[], config: WorkspaceConfig, folderUri: string): Promise<Map<string, FileReach>> {
  const reaches = new Map<string, FileReach>();
  for (let at = 0; at < uris.length; at += SCAN_BATCH) {
    const batch = uris.slice(at, at + SCAN_BATCH);
    // A whole batch at once: a host that reads through one process (git cat-file) gets it in one request.
    const reads = await Promise.all(batch.map((uri) => readWithLimit(host, uri, config.limits.annotationFileSize)));
    const sources = batch.flatMap((uri, i) => {
      const read = reads[i];
      return 'content' in read ? [{ uri, content: read.content }] : [];
    });
    for (const file of await inlineParser.parseAll(sources, config.vocabulary)) reaches.set(file.uri, reachOf(file, folderUri));
  }
  return reaches;
}

function reachOf(file: AnnotationFile, folderUri: string): FileReach {
  const annotation = file.textAnnotation;
  const path = annotation?.text?.value;
  const reference = path === undefined ? undefined : resolveTextReference(file.uri, path, [folderUri]);
  const keys: string[] = [];
  for (const claim of annotation?.claims ?? []) {
    if (claim.id) keys.push(`id\u0000${claim.id.value}`);
    if (claim.claimant && claim.concept) keys.push(`stance\u0000${claim.claimant.value}\u0000${claim.concept.value}`);
  }
  return { text: reference?.kind === 'ok' ? reference.uri : undefined, keys, registry: file.actors.length > 0 || file.entities.length > 0 || file.concepts.length > 0 };
}

/** A host that lists, of the annotation files, only those of a set; texts and everything else as the host it wraps. */
export class ReachedFilesHost implements WorkspaceFileHost {
  /** @param files the annotation files to list, in the spellings the host lists them in (filesReached gives those) */
  constructor(
    private readonly host: WorkspaceFileHost,
    private readonly files: ReadonlySet<string>,
  ) {}

  async listFiles(folderUri: string): Promise<string[]> {
    return (await this.host.listFiles(folderUri)).filter((uri) => this.files.has(uri) || !isAnnotationFileName(uri));
  }

  readFile(uri: string): Promise<string | undefined> {
    return this.host.readFile(uri);
  }

  read(uri: string, limit: number): Promise<FileRead> {
    return readWithLimit(this.host, uri, limit);
  }

  async allowedLimits(folderUri: string): Promise<Limits> {
    return (await this.host.allowedLimits?.(folderUri)) ?? DEFAULT_LIMITS;
  }
}
