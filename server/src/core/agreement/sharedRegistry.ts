/**
 * Reading the shared codebook once for two coders. Two annotators normally
 * share their registry files (actors, entities, concepts) byte for byte;
 * only their text annotation files differ. Agreement reads a coder's
 * registry for one thing only, the alias matches (everything else it reads
 * is in the text annotation files), and the coder read on a worker hands
 * its matches on when the aliases are the same (`PartnerTextWork`). So the
 * coder read here need not parse a registry file that the partner has with
 * the same bytes: it is set aside unparsed (`deferSharedRegistryFiles`), and
 * once the partner has said which of its files add registry entries and
 * with what configuration it read them, either the registries are provably
 * the same (`registriesProvablySame`) and the partner's aliases are used, or
 * the set-aside files are parsed after all, before the first text is
 * analysed, and everything goes on as if they had never been set aside.
 */
import type { AnnotationFile } from '../model';
import type { AliasEntry } from '../aliasMatcher';
import { relativePath } from '../uris';
import { inlineParser, type AnnotationParser, type AnnotationSource } from '../workspace/loadWorkspace';
import type { Vocabulary } from '../vocabulary';
import type { WorkspaceConfig } from '../config';

/** What the partner coder says of its registry, with its first texts. */
export interface PartnerRegistry {
  /** Its files (paths in its workspace folder) that add a registry entry: an actor, entity or concept. */
  entryFiles: string[];
  /** Its configuration as read (`configKey`). */
  config: string;
}

/** A workspace's configuration as one string: equal strings read the same files alike. */
export function configKey(config: WorkspaceConfig): string {
  return JSON.stringify(config);
}

/** Whether a parsed file adds anything to the registry. */
export function addsRegistryEntries(file: AnnotationFile): boolean {
  return file.actors.length > 0 || file.entities.length > 0 || file.concepts.length > 0;
}

/** What the partner says of its registry (`PartnerRegistry`), from its loaded files. */
export function partnerRegistryOf(files: readonly AnnotationFile[], folderUri: string, config: WorkspaceConfig): PartnerRegistry {
  const entryFiles: string[] = [];
  for (const file of files) if (addsRegistryEntries(file)) entryFiles.push(relativePath(folderUri, file.uri) ?? file.uri);
  return { entryFiles, config: configKey(config) };
}

/** A line at column 0 that may stand in a file of registry entries only: one of their keys, alone, or a comment or nothing. */
const REGISTRY_TOP_LINE = /^(?:(?:actors|entities|concepts):(?: +#.*| *)|#.*|)\r?$/;

/**
 * Whether a file surely holds registry entries only, decided without
 * parsing it and erring towards "no": its first line with content starts
 * at column 0, and every line that starts at column 0 is blank, a comment,
 * or `actors:`, `entities:` or `concepts:` with nothing after but a
 * comment. Anything else there (another key, a quote, a flow collection, a
 * document marker, a directive, a tag, an anchor, a tab, a byte order mark)
 * says "parse it". Then the file has no text annotation key at the top
 * level, so it cannot annotate a text.
 */
export function holdsOnlyRegistry(content: string): boolean {
  let seenKey = false;
  let at = 0;
  while (at <= content.length) {
    let end = content.indexOf('\n', at);
    if (end < 0) end = content.length;
    const first = content.charCodeAt(at);
    if (first === 0x20) {
      // An indented line: content of a key above, unless it comes first (the whole mapping indented) and is not blank or a comment.
      if (!seenKey && !/^ *(?:#.*)?\r?$/.test(content.slice(at, end))) return false;
    } else if (at < end || end < content.length) {
      const line = content.slice(at, end);
      if (!REGISTRY_TOP_LINE.test(line)) return false;
      if (line !== '' && line[0] !== '#' && line[0] !== '\r') seenKey = true;
    }
    at = end + 1;
  }
  return seenKey;
}

/** What `deferSharedRegistryFiles` set aside, and how to take it back. */
export interface DeferredRegistry {
  /** The files set aside unparsed (each indexed meanwhile as a file with nothing in it), in loading order. */
  readonly files: readonly AnnotationSource[];
  /** Every annotation file given to the parser, in loading order. */
  readonly order: readonly string[];
  /** The vocabulary they were to be parsed with. */
  readonly vocabulary: Vocabulary;
  /** The parser to parse them with after all. */
  readonly parser: AnnotationParser;
}

/** A file that adds nothing and annotates nothing: what a set-aside file is in the index until it is parsed. */
function placeholder(uri: string): AnnotationFile {
  return { uri, actors: [], entities: [], concepts: [], diagnostics: [] };
}

/**
 * A parser that sets aside, unparsed, the files that hold registry entries
 * only (`holdsOnlyRegistry`) and that the partner has with the same bytes
 * at the same path (`sameInPartner`), and parses the others with `parser`;
 * `deferred()` says what it set aside (nothing until it has parsed).
 */
export function deferSharedRegistryFiles(
  sameInPartner: (uri: string, content: string) => Promise<boolean>,
  parser: AnnotationParser = inlineParser,
): { parser: AnnotationParser; deferred: () => DeferredRegistry | undefined } {
  let deferred: DeferredRegistry | undefined;
  return {
    parser: {
      parseAll: async (sources, vocabulary) => {
        const aside = new Set<number>();
        for (let i = 0; i < sources.length; i++) {
          const { uri, content } = sources[i];
          if (holdsOnlyRegistry(content) && (await sameInPartner(uri, content))) aside.add(i);
        }
        const parsed = await parser.parseAll(
          sources.filter((_, i) => !aside.has(i)),
          vocabulary,
        );
        let next = 0;
        const files = sources.map((source, i) => (aside.has(i) ? placeholder(source.uri) : parsed[next++]));
        if (aside.size > 0) deferred = { files: sources.filter((_, i) => aside.has(i)), order: sources.map((source) => source.uri), vocabulary, parser };
        return files;
      },
    },
    deferred: () => deferred,
  };
}

/** What of a coder's index the settling of set-aside files uses. */
export interface RegistryCompleter {
  annotationFiles(): AnnotationFile[];
  annotationFile(uri: string): AnnotationFile | undefined;
  content(uri: string): string | undefined;
  setAnnotationFile(uri: string, content: string, parsed?: AnnotationFile): AnnotationFile;
  readonly config: WorkspaceConfig;
  readonly workspaceFolders: string[];
}

/**
 * Whether the coder's registry, had it parsed its set-aside files, would be
 * the partner's: the configurations are the same, none of the coder's
 * parsed files adds a registry entry, and every partner file that adds one
 * is one the coder set aside (the same bytes at the same path). Then both
 * registries are the same files read alike, in the same order (both
 * listings are sorted by path).
 */
export function registriesProvablySame(index: RegistryCompleter, deferred: DeferredRegistry, partner: PartnerRegistry | undefined): boolean {
  if (!partner || partner.config !== configKey(index.config)) return false;
  const aside = new Set(deferred.files.map((file) => file.uri));
  const folder = index.workspaceFolders[0];
  const asidePaths = new Set(deferred.files.map((file) => relativePath(folder, file.uri)));
  if (index.annotationFiles().some((file) => !aside.has(file.uri) && addsRegistryEntries(file))) return false;
  return partner.entryFiles.every((path) => asidePaths.has(path));
}

/**
 * Parses the set-aside files after all and enters them, before any text is
 * analysed, so that the index is what loading them in the first place
 * would have made: each is entered in loading order together with every
 * other file that adds registry entries (entered again, after the ones
 * before it), so that the registry lists its entries in loading order.
 */
export async function completeRegistry(index: RegistryCompleter, deferred: DeferredRegistry): Promise<void> {
  const parsed = await deferred.parser.parseAll([...deferred.files], deferred.vocabulary);
  const byUri = new Map<string, { content: string; file?: AnnotationFile }>();
  deferred.files.forEach((source, i) => byUri.set(source.uri, { content: source.content, file: parsed[i] }));
  for (const file of index.annotationFiles()) {
    if (byUri.has(file.uri) || !addsRegistryEntries(file)) continue;
    byUri.set(file.uri, { content: index.content(file.uri) ?? '', file });
  }
  for (const uri of deferred.order) {
    const entry = byUri.get(uri);
    if (entry) index.setAnnotationFile(uri, entry.content, entry.file);
  }
}

/** The alias entries a partner's fingerprint (`aliasFingerprint`: its entries as JSON) stands for. */
export function aliasEntriesOfFingerprint(fingerprint: string): Map<string, AliasEntry> {
  return new Map(JSON.parse(fingerprint) as [string, AliasEntry][]);
}
