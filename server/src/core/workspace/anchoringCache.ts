import { anchorSelectorsInSteps } from '../anchorSelectors';
import type { AnchorableText, AnchorResult, QuoteSelector } from '../anchorTypes';
import type { QuoteSelectorDef } from '../model';

/** Selectors per piece of a key (each piece is a whole JSON array, so that the pieces joined stay unambiguous). */
const KEY_PIECE = 4096;

/** A claim or an explicit mention together with where its quote landed. */
export interface Anchored<T> {
  def: T;
  annotationUri: string;
  result: AnchorResult;
}

interface Entry {
  target: AnchorableText;
  /** The list of selectors the results were made for (or the last list found equal to it: `sameSelectors`). */
  defs: readonly QuoteSelectorDef[];
  results: AnchorResult[];
  /** The results paired with the defs they were made for, once asked (`anchoredInSteps`). */
  anchored?: { defs: readonly QuoteSelectorDef[]; annotationUri: string; list: Anchored<QuoteSelectorDef>[] };
}

/**
 * Where the quotes of each annotation file landed in each text, kept while
 * the text and the file's selectors (quote, prefix, suffix, in order) stay
 * the same. Anchoring depends on nothing else, so an edit that leaves them
 * alone (a comment, a claimant, a note) reuses the results instead of
 * searching a long text again. The anchoring can also run ahead of the
 * analysis a step at a time, for a caller that must stay responsive.
 */
export class AnchoringCache {
  /** By text, then by slot (an annotation file and the kind of its selectors). */
  private readonly byText = new Map<string, Map<string, Entry>>();
  /** The key of each parsed list of selectors, computed once per list. */
  private readonly keys = new WeakMap<readonly QuoteSelectorDef[], string>();
  /** Set before any anchoring by an index whose readers read only where quotes anchor (`anchorSelectors`' `spansOnly`: agreement). */
  spansOnly = false;

  /** The results for one file's selectors in a text, a step at a time (see `anchorSelectorsInSteps`), unless they are kept; keeps what it computes. */
  *anchorInSteps(textUri: string, target: AnchorableText, slot: string, defs: readonly QuoteSelectorDef[]): Generator<void, AnchorResult[]> {
    const cached = this.byText.get(textUri)?.get(slot);
    if (cached && cached.target === target && (yield* this.sameSelectors(cached, defs))) return cached.results;
    const results = yield* anchorSelectorsInSteps(target, yield* selectorsInSteps(defs), { spansOnly: this.spansOnly, shareOccurrences: this.spansOnly });
    const entries = this.byText.get(textUri) ?? new Map<string, Entry>();
    entries.set(slot, { target, defs, results });
    this.byText.set(textUri, entries);
    return results;
  }

  /**
   * The defs that have a quote, each with its result (`anchorInSteps`), made
   * KEY_PIECE per step and kept with the results while the defs are the
   * same list: the analysis of a text of 70,000 quotes then collects them
   * instead of making 70,000 objects in one step.
   */
  *anchoredInSteps<T extends QuoteSelectorDef>(textUri: string, target: AnchorableText, slot: string, defs: readonly T[], annotationUri: string): Generator<void, Anchored<T>[]> {
    const results = yield* this.anchorInSteps(textUri, target, slot, defs);
    const entry = this.byText.get(textUri)?.get(slot);
    const kept = entry?.anchored;
    if (kept && kept.defs === defs && kept.annotationUri === annotationUri) return kept.list as Anchored<T>[];
    const quoted = withQuote(defs);
    const list: Anchored<T>[] = [];
    for (let i = 0; i < quoted.length; i++) {
      if (i > 0 && i % KEY_PIECE === 0) yield;
      list.push({ def: quoted[i], annotationUri, result: results[i] });
    }
    // Kept only if the entry still holds these results (another caller may have anchored the slot anew in between).
    if (entry && entry.results === results && this.byText.get(textUri)?.get(slot) === entry) entry.anchored = { defs, annotationUri, list };
    return list;
  }

  /** Forgets a text's results except those of these slots (the files that point at it now). */
  retain(textUri: string, slots: ReadonlySet<string>): void {
    const entries = this.byText.get(textUri);
    if (!entries) return;
    for (const slot of entries.keys()) if (!slots.has(slot)) entries.delete(slot);
    if (entries.size === 0) this.byText.delete(textUri);
  }

  /**
   * Whether `defs` has the selectors the entry's results were made for. The
   * same list (every analysis of a text until its file changes) is compared
   * by identity; only another list (the file parsed again) is compared by
   * its key, and the entry then keeps the new list and lets the old go. So a
   * text anchored once (the CLI, a first load) never computes a key, and a
   * lookup that finds its results kept allocates nothing per quote.
   */
  private *sameSelectors(entry: Entry, defs: readonly QuoteSelectorDef[]): Generator<void, boolean> {
    if (entry.defs === defs) return true;
    const same = (yield* this.keyOf(entry.defs)) === (yield* this.keyOf(defs));
    if (same) entry.defs = defs;
    return same;
  }

  /** The key of a list of selectors: JSON, in pieces of KEY_PIECE selectors, a step each (70,000 quotes). */
  private *keyOf(defs: readonly QuoteSelectorDef[]): Generator<void, string> {
    let key = this.keys.get(defs);
    if (key === undefined) {
      const quoted = withQuote(defs);
      const pieces: string[] = [];
      for (let at = 0; at < quoted.length || at === 0; at += KEY_PIECE) {
        if (at > 0) yield;
        pieces.push(JSON.stringify(quoted.slice(at, at + KEY_PIECE).map((d) => [d.quote!.value, d.prefix?.value ?? null, d.suffix?.value ?? null])));
      }
      key = pieces.join('');
      this.keys.set(defs, key);
    }
    return key;
  }
}

/** The selectors that are anchored: those with a quote, in file order. */
export function withQuote<T extends QuoteSelectorDef>(defs: readonly T[]): readonly T[] {
  // Usually every one has a quote: the list itself then, not a copy of 70,000 items.
  return defs.every((def) => def.quote) ? defs : defs.filter((def) => def.quote);
}

/** The selectors of the defs that have a quote, KEY_PIECE per step. */
function* selectorsInSteps(defs: readonly QuoteSelectorDef[]): Generator<void, QuoteSelector[]> {
  const quoted = withQuote(defs);
  const selectors: QuoteSelector[] = [];
  for (let at = 0; at < quoted.length; at++) {
    if (at > 0 && at % KEY_PIECE === 0) yield;
    const def = quoted[at];
    selectors.push({ quote: def.quote!.value, prefix: def.prefix?.value, suffix: def.suffix?.value });
  }
  return selectors;
}
