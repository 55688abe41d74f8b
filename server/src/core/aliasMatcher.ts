import { normalizeForMatch, originalSpan, type NormalizedText } from './normalizeText';
import type { Span } from './model';
import { buildAutomaton, collectInSteps, drain, Found, liveOutputs, type AliasMatchWork, type Automaton, type LiveOutputs, type ScanContext } from './aliasAutomaton';
import { UnspacedBoundaries } from './wordBoundaries';

/** Matches `findAllInSteps` places per step after the scan. */
const MATCHES_PER_STEP = 1 << 14;

export type { AliasMatchWork } from './aliasAutomaton';

/** One occurrence of an alias in a text. */
export interface AliasMatch {
  /** Range in the original text. */
  span: Span;
  /** The alias as its actors wrote it (the first spelling, if several normalise alike). */
  alias: string;
  /** The alias as matching normalises it: the key of `alias` in the matcher. */
  key: string;
  /** Every actor that has this alias (more than one means a conflict). */
  actorIds: string[];
}

/** What a normalised alias stands for: its first spelling and every actor that has it, in definition order. */
export interface AliasEntry {
  alias: string;
  actorIds: string[];
}

/** The entries of a list of (alias, actor) pairs, by normalised alias: the first spelling, and every actor in order. */
function entriesOf(pairs: Iterable<{ alias: string; actorId: string }>): Map<string, AliasEntry> {
  const entries = new Map<string, AliasEntry>();
  for (const { alias, actorId } of pairs) {
    const key = normalizeForMatch(alias).trim();
    if (key.length === 0) continue;
    const existing = entries.get(key);
    if (!existing) entries.set(key, { alias, actorIds: [actorId] });
    else if (!existing.actorIds.includes(actorId)) existing.actorIds.push(actorId);
  }
  return entries;
}

/**
 * Finds every actor alias in a text in one pass (Aho–Corasick), so the cost
 * of matching grows with the text, not with the number of aliases or how they
 * nest. Aliases match whole words, case-sensitively, on normalised text;
 * where matches overlap the leftmost one wins, and of those starting at one
 * place the longest. Word boundaries follow Unicode: see `wordBoundaries.ts`.
 *
 * The aliases can change without rebuilding the automaton: `set` updates
 * one key. A key the automaton already has is switched on or off; a key it
 * lacks goes into a small second automaton, rebuilt on the next match (it
 * holds only the keys added since the large one was built). Once the
 * additions grow past a share of the whole, the large automaton is rebuilt
 * from every key. Matches are the same as a fresh matcher's over the same
 * entries.
 */
export class AliasMatcher {
  private base: Automaton;
  private baseIndex: Map<string, number>;
  /** Per key of the base automaton: its current entry, or undefined when the key is gone. */
  private baseLive: (AliasEntry | undefined)[];
  /** The base automaton's live outputs; recomputed after `set` switches a key on or off. */
  private baseOutputs: LiveOutputs | undefined;
  /** Live keys the base automaton lacks. */
  private readonly added = new Map<string, AliasEntry>();
  private delta: { automaton: Automaton; live: AliasEntry[]; outputs: LiveOutputs } | undefined;
  private liveCount = 0;

  constructor(pairs: Iterable<{ alias: string; actorId: string }> = []) {
    const entries = entriesOf(pairs);
    this.base = drain(buildAutomaton([...entries.keys()]));
    this.baseIndex = new Map(this.base.keys.map((key, i) => [key, i]));
    this.baseLive = [...entries.values()];
    this.liveCount = entries.size;
  }

  /**
   * A matcher over the given entries (normalised alias → entry), built a
   * slice at a time: the generator yields between slices. The map is read
   * once, at the start; later changes go through `set`.
   */
  static *build(entries: ReadonlyMap<string, AliasEntry>): Generator<void, AliasMatcher> {
    const keys: string[] = [];
    const live: AliasEntry[] = [];
    const baseIndex = new Map<string, number>();
    for (const [key, entry] of entries) {
      baseIndex.set(key, keys.length);
      keys.push(key);
      live.push(entry);
      if (keys.length % 4096 === 0) yield;
    }
    const automaton = yield* buildAutomaton(keys);
    const matcher = new AliasMatcher();
    matcher.base = automaton;
    matcher.baseIndex = baseIndex;
    matcher.baseLive = live;
    matcher.liveCount = keys.length;
    return matcher;
  }

  /** The number of distinct normalised aliases. */
  get size(): number {
    return this.liveCount;
  }

  /** Sets what a normalised alias stands for; undefined removes it. */
  set(key: string, entry: AliasEntry | undefined): void {
    if (key.length === 0) return;
    const at = this.baseIndex.get(key);
    const wasLive = at !== undefined ? this.baseLive[at] !== undefined : this.added.has(key);
    if (wasLive !== (entry !== undefined)) this.liveCount += entry ? 1 : -1;
    if (at !== undefined) {
      this.baseLive[at] = entry;
      if (wasLive !== (entry !== undefined)) this.baseOutputs = undefined;
      return;
    }
    if (entry) this.added.set(key, entry);
    else if (!this.added.delete(key)) return;
    this.delta = undefined;
  }

  /**
   * Every alias occurrence in a normalised text, leftmost-longest, whole
   * words only. `work`, when given, adds up what the matching did.
   */
  findAll(normalized: NormalizedText, work: AliasMatchWork = { candidates: 0, segmentedUnits: 0 }): AliasMatch[] {
    return drain(this.findAllInSteps(normalized, work));
  }

  /** `findAll` a step at a time (see `collectInSteps`), for a caller that must stay responsive; the matcher must not change meanwhile. */
  *findAllInSteps(normalized: NormalizedText, work: AliasMatchWork = { candidates: 0, segmentedUnits: 0 }): Generator<void, AliasMatch[]> {
    this.prepareAdded();
    const text = normalized.text;
    const base = this.base;
    const delta = this.delta;
    this.baseOutputs ??= liveOutputs(base, this.baseLive);
    const boundaries = new UnspacedBoundaries(text);
    const context: ScanContext = { text, boundaries, work };
    // Refs are a base key index, or -1 - a delta key index.
    const fromBase = new Found();
    yield* collectInSteps(base, this.baseOutputs, context, false, fromBase);
    const fromDelta = new Found();
    if (delta) yield* collectInSteps(delta.automaton, delta.outputs, context, true, fromDelta);
    work.segmentedUnits += boundaries.segmentedUnits;
    const lengthOf = (ref: number) => (ref >= 0 ? base.lengths[ref] : delta!.automaton.lengths[-1 - ref]);

    const matches: AliasMatch[] = [];
    let covered = 0;
    // Both lists run from the last start to the first: walk them backwards, merged.
    let b = fromBase.count - 1;
    let d = fromDelta.count - 1;
    while (b >= 0 || d >= 0) {
      let start: number;
      let ref: number;
      if (d < 0 || (b >= 0 && fromBase.starts[b] < fromDelta.starts[d])) {
        start = fromBase.starts[b];
        ref = fromBase.refs[b--];
      } else if (b < 0 || fromDelta.starts[d] < fromBase.starts[b]) {
        start = fromDelta.starts[d];
        ref = fromDelta.refs[d--];
      } else {
        start = fromBase.starts[b];
        const baseRef = fromBase.refs[b--];
        const deltaRef = fromDelta.refs[d--];
        ref = lengthOf(deltaRef) > lengthOf(baseRef) ? deltaRef : baseRef;
      }
      if (start < covered) continue;
      if ((matches.length + 1) % MATCHES_PER_STEP === 0) yield;
      const key = ref >= 0 ? base.keys[ref] : delta!.automaton.keys[-1 - ref];
      const entry = ref >= 0 ? this.baseLive[ref]! : delta!.live[-1 - ref];
      covered = start + key.length;
      matches.push({ span: originalSpan(normalized, start, covered), alias: entry.alias, key, actorIds: entry.actorIds });
    }
    return matches;
  }

  /** Builds the automaton of added keys, or folds everything into a new base once they are many. */
  private prepareAdded(): void {
    if (this.added.size === 0 || this.delta) return;
    if (this.added.size > Math.max(256, this.base.keys.length / 8)) {
      const entries = new Map<string, AliasEntry>();
      this.base.keys.forEach((key, i) => {
        const entry = this.baseLive[i];
        if (entry) entries.set(key, entry);
      });
      for (const [key, entry] of this.added) entries.set(key, entry);
      const rebuilt = drain(AliasMatcher.build(entries));
      this.base = rebuilt.base;
      this.baseIndex = rebuilt.baseIndex;
      this.baseLive = rebuilt.baseLive;
      this.baseOutputs = undefined;
      this.added.clear();
      return;
    }
    const keys = [...this.added.keys()];
    const automaton = drain(buildAutomaton(keys));
    const live = keys.map((key) => this.added.get(key)!);
    this.delta = { automaton, live, outputs: liveOutputs(automaton, live) };
  }
}
