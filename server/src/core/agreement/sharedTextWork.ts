/**
 * Doing the text work once for two coders. Their texts are normally the
 * same, byte for byte, and their registries often give the same aliases:
 * then normalising a text and matching its aliases gives the same result
 * for both. The coder read elsewhere (a worker thread) hands on, with each
 * text, the normalised form and the alias matches it made, and the
 * fingerprint of its aliases; the coder read here waits, text by text, until
 * the other has passed that text, and takes what fits instead of doing it
 * again: the normalised form when the content is the same, the matches when
 * the aliases are the same too. Everything else (anchoring the quotes, the
 * explicit mentions, the suppressions) stays each coder's own.
 */
import type { AliasEntry, AliasMatch } from '../aliasMatcher';
import type { NormalizedText } from '../normalizeText';
import type { AnchorableText } from '../anchorTypes';
import { codedTextReader, selectedClaimFields, selectedTexts, type AgreementOptions, type CodedText, type CoderAnnotations, type CoderWorkspace } from './coderAnnotations';
import { aliasEntriesOfFingerprint, completeRegistry, registriesProvablySame, type DeferredRegistry, type PartnerRegistry, type RegistryCompleter } from './sharedRegistry';

/** A text's work, as the coder who did it hands it on. */
export interface TextWork {
  normalized: NormalizedText;
  /** Every alias match (`TextAnalysis.aliasMatches`). */
  matches: AliasMatch[];
}

/** A coder's texts as handed on from elsewhere, with the work done on each (null: none) and, the first time, the fingerprint of the aliases it was done with. */
export interface HandedWork {
  work: (TextWork | null)[];
  fingerprint?: string;
  /** The first time too: which of its files add registry entries, and its configuration (`sharedRegistry.ts`). */
  registry?: PartnerRegistry;
}

/**
 * The work on some texts packed to cross threads cheaply: per text its
 * normalised form and its matches as numbers (start, end, entry), rather
 * than an object per match for the structured clone to walk. The entries
 * are the distinct aliases matched (key, alias, actors) in `entries`, or,
 * when `entries` is null, the positions in the alias entries the
 * fingerprint lists (`aliasFingerprint`, sent once): then no batch carries
 * thousands of small arrays again.
 */
export interface PackedWork {
  normalized: (NormalizedText | null)[];
  matches: (Int32Array | null)[];
  entries: [key: string, alias: string, actorIds: string[]][] | null;
}

/** A fingerprint's entries by position, and each key's position: what `packWork` and `unpackWork` number the matches by. */
export class FingerprintEntries {
  readonly entries: [key: string, entry: AliasEntry][];
  /** Each key's position; -1 once it was found listed otherwise than matched. */
  private positions: Map<string, number> | undefined;
  private readonly checked = new Set<string>();

  constructor(fingerprint: string) {
    this.entries = JSON.parse(fingerprint) as [string, AliasEntry][];
  }

  /** The position of an alias matched (its key, spelling and actors), if the fingerprint lists it alike; each key is checked once. */
  positionOf(key: string, alias: string, actorIds: readonly string[]): number | undefined {
    this.positions ??= new Map(this.entries.map(([listedKey], i) => [listedKey, i]));
    const at = this.positions.get(key);
    if (at === undefined || at < 0) return undefined;
    if (this.checked.has(key)) return at;
    const listed = this.entries[at][1];
    if (listed.alias !== alias || listed.actorIds.length !== actorIds.length || listed.actorIds.some((id, i) => id !== actorIds[i])) {
      this.positions.set(key, -1);
      return undefined;
    }
    this.checked.add(key);
    return at;
  }
}

/** Packs texts' work; with `listed`, the matches by position in its entries when every alias matched is listed alike there. */
export function packWork(work: readonly (TextWork | null)[], listed?: FingerprintEntries): PackedWork {
  const index = new Map<string, number>();
  const entries: [key: string, alias: string, actorIds: string[]][] = [];
  let global = listed !== undefined;
  const matches = work.map((done) => {
    if (!done) return null;
    const packed = new Int32Array(done.matches.length * 3);
    done.matches.forEach((match, i) => {
      let entry = index.get(match.key);
      if (entry === undefined) {
        entry = entries.push([match.key, match.alias, match.actorIds]) - 1;
        index.set(match.key, entry);
      }
      packed[3 * i] = match.span.start;
      packed[3 * i + 1] = match.span.end;
      packed[3 * i + 2] = entry;
    });
    return packed;
  });
  const positions = global ? entries.map(([key, alias, actorIds]) => listed!.positionOf(key, alias, actorIds)) : [];
  global &&= positions.every((at) => at !== undefined);
  if (global) for (const packed of matches) if (packed) for (let i = 2; i < packed.length; i += 3) packed[i] = positions[packed[i]]!;
  return { normalized: work.map((done) => done?.normalized ?? null), matches, entries: global ? null : entries };
}

/** The work `packWork` packed (matches of one alias share its list of actors, as the matcher's own do); `listed` for matches numbered by the fingerprint. */
export function unpackWork(packed: PackedWork, listed?: FingerprintEntries): (TextWork | null)[] {
  const table: [key: string, alias: string, actorIds: string[]][] | undefined = packed.entries ?? undefined;
  if (!table && !listed) throw new Error('The work is numbered by the aliases of a fingerprint that did not come.');
  return packed.normalized.map((normalized, t) => {
    const numbers = packed.matches[t];
    if (!normalized || !numbers) return null;
    const matches: AliasMatch[] = new Array<AliasMatch>(numbers.length / 3);
    for (let i = 0; i < matches.length; i++) {
      const at = numbers[3 * i + 2];
      const span = { start: numbers[3 * i], end: numbers[3 * i + 1] };
      if (table) {
        const [key, alias, actorIds] = table[at];
        matches[i] = { span, alias, key, actorIds };
      } else {
        const [key, { alias, actorIds }] = listed!.entries[at];
        matches[i] = { span, alias, key, actorIds };
      }
    }
    return { normalized, matches };
  });
}

/** What of a coder's index takes work done elsewhere (the loader's index has it: `offerTextWork`, `aliasFingerprint`). */
export interface TextWorkTaker {
  /** Takes a text's normalised form, and its alias matches if given, for its next analysis; whether it took them. */
  offerTextWork(textUri: string, content: string, normalized: NormalizedText, matches?: AliasMatch[]): boolean;
  /** What its alias matcher is built from, as one string. */
  aliasFingerprint(): string;
  /** How many texts its analyses matched aliases in themselves (for tests). */
  textsAliasMatched(): number;
  /** A text's normalised form and alias matches, its quotes not anchored (the index's `aliasWork`): what the worker hands on. */
  aliasWork(textUri: string): { text: AnchorableText; matches: AliasMatch[] } | undefined;
  /** Matches aliases with these entries, vouched to be its registry's with every file entered (the index's `adoptAliasEntries`). */
  adoptAliasEntries(entries: () => ReadonlyMap<string, AliasEntry>): void;
}

/** A coder's workspace with the index that may take work done elsewhere. */
export interface SharingCoder extends CoderWorkspace {
  index: TextWorkTaker & RegistryCompleter;
  /** The registry files it set aside unparsed, as the partner has them (`deferSharedRegistryFiles`); settled before its first text is read. */
  deferredRegistry?: DeferredRegistry;
}

/** What the partner coder has handed on so far, and the waits for it. */
export class PartnerTextWork {
  private readonly byPath = new Map<string, { content: string; work: TextWork }>();
  private last: string | undefined;
  private ended = false;
  private fingerprint: string | undefined;
  /** What the partner said of its registry, with its first texts. */
  private registry: PartnerRegistry | undefined;
  /** Whether the partner's aliases are the coder's, once compared. */
  private sameAliases: boolean | undefined;
  private waiting: { path: string; resolve: () => void }[] = [];
  /** Texts whose normalised form, and whose matches, were taken: for tests. */
  readonly taken = { normalized: 0, matches: 0, registryShared: false };

  /** More of the partner's texts, in path order, with the work done on each, if any. */
  add(texts: readonly CodedText[], handed?: HandedWork): void {
    if (this.ended) return;
    if (handed?.fingerprint !== undefined && this.fingerprint === undefined) this.fingerprint = handed.fingerprint;
    if (handed?.registry !== undefined && this.registry === undefined) this.registry = handed.registry;
    texts.forEach((text, i) => {
      const done = handed?.work[i];
      if (done) this.byPath.set(text.path, { content: text.content, work: done });
      this.last = text.path;
    });
    this.release();
  }

  /** The partner has no more texts (or failed: what it handed on before is right all the same): every wait ends. */
  end(): void {
    this.ended = true;
    this.release();
  }

  /** Resolves once the partner has handed on every text up to `path` in path order, or ended. */
  passed(path: string): Promise<void> {
    if (this.isPassed(path)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ path, resolve }));
  }

  /**
   * Offers the partner's work on the text at `path` to the coder's index
   * (call once the partner has passed it): the normalised form if the content
   * is the same, and the matches if the aliases are the same too. Lets go of it.
   */
  offerTo(coder: SharingCoder, path: string, uri: string, ownFingerprint: () => string): void {
    const shared = this.byPath.get(path);
    if (!shared) return;
    this.byPath.delete(path);
    // Compared once: a registry of thousands of aliases makes a long string.
    this.sameAliases ??= this.fingerprint !== undefined && this.fingerprint === ownFingerprint();
    const sameAliases = this.sameAliases;
    if (!coder.index.offerTextWork(uri, shared.content, shared.work.normalized, sameAliases ? shared.work.matches : undefined)) return;
    this.taken.normalized++;
    if (sameAliases) this.taken.matches++;
  }

  /**
   * Settles the registry files a coder set aside (call before its first
   * text, once the partner has passed it): if its registry is provably the
   * partner's (`registriesProvablySame`), its aliases are the partner's,
   * and the partner's matches are taken without comparing fingerprints;
   * otherwise the files are parsed and entered after all (`completeRegistry`).
   */
  async settleRegistry(coder: SharingCoder, deferred: DeferredRegistry): Promise<void> {
    const fingerprint = this.fingerprint;
    if (fingerprint !== undefined && registriesProvablySame(coder.index, deferred, this.registry)) {
      let entries: Map<string, AliasEntry> | undefined;
      // Only a text whose matches are not handed on (another content, a text only this coder has) needs them.
      coder.index.adoptAliasEntries(() => (entries ??= aliasEntriesOfFingerprint(fingerprint)));
      this.sameAliases = true;
      this.taken.registryShared = true;
      return;
    }
    await completeRegistry(coder.index, deferred);
  }

  private isPassed(path: string): boolean {
    return this.ended || (this.last !== undefined && this.last >= path);
  }

  private release(): void {
    const still: typeof this.waiting = [];
    for (const wait of this.waiting) {
      if (this.isPassed(wait.path)) wait.resolve();
      else still.push(wait);
    }
    this.waiting = still;
  }
}

/**
 * Reads a coder as `readCoderAnnotations` does, text by text in path order,
 * first waiting for the partner to pass each text and taking its work that
 * fits (`PartnerTextWork.offerTo`); each text goes to `onText` as it is read.
 * The result is the same as without a partner.
 */
export async function readCoderSharing(coder: SharingCoder, options: AgreementOptions, partner: PartnerTextWork, onText?: (text: CodedText) => void): Promise<CoderAnnotations> {
  const read = codedTextReader(coder, options);
  const texts: CodedText[] = [];
  let fingerprint: string | undefined;
  const ownFingerprint = () => (fingerprint ??= coder.index.aliasFingerprint());
  let deferred = coder.deferredRegistry;
  for (const { path, uri } of selectedTexts(coder, options)) {
    await partner.passed(path);
    if (deferred) {
      await partner.settleRegistry(coder, deferred);
      deferred = undefined;
    }
    partner.offerTo(coder, path, uri, ownFingerprint);
    const text = read(path, uri);
    if (!text) continue;
    texts.push(text.coded);
    onText?.(text.coded);
  }
  return { name: coder.name, claimFields: selectedClaimFields(options), texts };
}
