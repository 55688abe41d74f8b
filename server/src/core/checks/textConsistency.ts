import { countBelow } from '../sortedSearch';
import { makeDiagnostic } from '../diagnosticCodes';
import type { AnnotationFile, ClaimDef, CoreDiagnostic, MentionDef, RelatedLocation } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import type { Anchored, TextAnalysis } from '../workspace/workspaceView';
import { displayLocation, mentionedIds } from '../describe';
import { drain } from '../aliasAutomaton';

/** At most this many other claims or mentions are named in a message… */
const NAMED_IN_MESSAGE = 3;
/** …and at most this many are listed as related information; the message counts the rest. */
const MAX_RELATED = 20;

/** The claims of a text grouped by claimant and span (only those with both), and the mentions sorted by span; computed once per analysis. */
interface TextGroups {
  /** The groups of two or more claims with one claimant on one span, by `claimKey`. */
  claimTwins: Map<string, Anchored<ClaimDef>[]>;
  /** Explicit mentions with a non-empty span, by start then end. */
  mentions: Anchored<MentionDef>[];
  /** The starts and the ends of `mentions`, each sorted, for counting. */
  starts: Int32Array;
  ends: Int32Array;
  /** Per mention (in `mentions` order), the earlier one that reaches furthest, or -1. */
  furthestBefore: Int32Array;
}

const groupsByAnalysis = new WeakMap<TextAnalysis, TextGroups>();

/** How many claims or mentions `checkTextConsistencyInSteps` looks at in one step. */
const ITEMS_PER_STEP = 256;

function claimKey(claim: Anchored<ClaimDef>): string | undefined {
  const span = claim.result.span;
  const claimant = claim.def.claimant?.value;
  return span && claimant !== undefined ? `${span.start}:${span.end}:${claimant}` : undefined;
}

/** The claims that may have twins: those with a span and a claimant, by the span's start, one as itself, several in a list. */
type ClaimsByStart = Map<number, Anchored<ClaimDef> | Anchored<ClaimDef>[]>;

/**
 * The twins of claims that share a start, grouped by `claimKey`. Only
 * claims that share a start get a key: 70,000 claims on distinct spans keep
 * no string and no list each.
 */
function* twinsOf(byStart: ClaimsByStart): Generator<void, Map<string, Anchored<ClaimDef>[]>> {
  const twins = new Map<string, Anchored<ClaimDef>[]>();
  let done = 0;
  for (const claims of byStart.values()) {
    if (!Array.isArray(claims)) continue;
    for (const claim of claims) {
      if (++done % ITEMS_PER_STEP === 0) yield;
      const key = claimKey(claim)!;
      const group = twins.get(key);
      if (group) group.push(claim);
      else twins.set(key, [claim]);
    }
  }
  for (const [key, group] of twins) if (group.length < 2) twins.delete(key);
  return twins;
}

/** The groups of an analysis, computed in steps of ITEMS_PER_STEP claims or mentions the first time (70,000 claims: a tenth of a second). */
function* groupsOf(analysis: TextAnalysis): Generator<void, TextGroups> {
  let groups = groupsByAnalysis.get(analysis);
  if (groups) return groups;
  const byStart: ClaimsByStart = new Map();
  let done = 0;
  for (const claim of analysis.claims) {
    if (++done % ITEMS_PER_STEP === 0) yield;
    const span = claim.result.span;
    if (!span || claim.def.claimant === undefined) continue;
    const others = byStart.get(span.start);
    if (others === undefined) byStart.set(span.start, claim);
    else if (Array.isArray(others)) others.push(claim);
    else byStart.set(span.start, [others, claim]);
  }
  yield;
  const claimTwins = yield* twinsOf(byStart);
  yield;
  const mentions = analysis.explicitMentions.filter((m) => m.result.span && m.result.span.end > m.result.span.start);
  mentions.sort((a, b) => a.result.span!.start - b.result.span!.start || a.result.span!.end - b.result.span!.end);
  const starts = Int32Array.from(mentions, (m) => m.result.span!.start);
  const ends = Int32Array.from(mentions, (m) => m.result.span!.end).sort();
  const furthestBefore = new Int32Array(mentions.length);
  let furthest = -1;
  mentions.forEach((mention, i) => {
    furthestBefore[i] = furthest;
    if (furthest < 0 || mention.result.span!.end > mentions[furthest].result.span!.end) furthest = i;
  });
  groups = { claimTwins, mentions, starts, ends, furthestBefore };
  groupsByAnalysis.set(analysis, groups);
  return groups;
}

/** `, and N more` when a list was cut. */
function andMore(total: number, shown: number): string {
  return total > shown ? `, and ${total - shown} more` : '';
}

/**
 * `claimant-not-mentioned`, `duplicate-claim` and `mention-overlap` for one
 * text annotation file. The work is linear in the claims and mentions of the
 * text (plus a sort), and each diagnostic names a bounded number of others.
 */
export function checkTextConsistency(index: WorkspaceView, file: AnnotationFile): CoreDiagnostic[] {
  return drain(checkTextConsistencyInSteps(index, file));
}

/** `checkTextConsistency` cut into steps of ITEMS_PER_STEP claims or mentions, for a caller that must stay responsive (70,000 claims: a second). */
export function* checkTextConsistencyInSteps(index: WorkspaceView, file: AnnotationFile): Generator<void, CoreDiagnostic[]> {
  const annotation = file.textAnnotation;
  const reference = index.textReferenceOf(file.uri);
  if (!annotation || reference?.kind !== 'ok') return [];
  const analysis = index.analysis(reference.uri);
  if (!analysis) return [];
  const diagnostics: CoreDiagnostic[] = [];

  const mentioned = new Set(analysis.mentions.flatMap((m) => m.actorIds ?? [m.actorId]));
  // The authors and contributors (an interviewee, say) speak in the text without being named in it.
  const authors = new Set([...annotation.authors.map((a) => a.value), ...annotation.contributors.flatMap((c) => (c.actor ? [c.actor.value] : []))]);
  let done = 0;
  for (const claim of annotation.claims) {
    if (++done % ITEMS_PER_STEP === 0) yield;
    const claimant = claim.claimant;
    if (!claimant || authors.has(claimant.value) || mentioned.has(claimant.value) || !index.actor(claimant.value)) continue;
    diagnostics.push(makeDiagnostic(file.uri, claimant.range, 'claimant-not-mentioned', `The claimant \`${claimant.value}\` is not mentioned in this text and is neither its author nor a contributor. Check the claimant; if the text names the actor in words no alias catches, add an alias or an explicit mention.`));
  }

  const groups = yield* groupsOf(analysis);
  // Many diagnostics name the same few others: each place is described once.
  const places = new Map<Anchored<ClaimDef | MentionDef>, string>();
  const placeOf = (other: Anchored<ClaimDef | MentionDef>) => {
    let place = places.get(other);
    if (place === undefined) places.set(other, (place = displayLocation(index, other.annotationUri, other.def.range.start)));
    return place;
  };
  for (const anchored of analysis.claims) {
    if (++done % ITEMS_PER_STEP === 0) yield;
    if (anchored.annotationUri !== file.uri) continue;
    const key = groups.claimTwins.size === 0 ? undefined : claimKey(anchored);
    const group = key === undefined ? undefined : groups.claimTwins.get(key);
    if (!group || group.length < 2) continue;
    diagnostics.push(duplicateClaim(placeOf, file.uri, anchored, group));
  }

  for (let i = 0; i < groups.mentions.length; i++) {
    if (++done % ITEMS_PER_STEP === 0) yield;
    if (groups.mentions[i].annotationUri !== file.uri) continue;
    const diagnostic = mentionOverlap(placeOf, file.uri, groups, i);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * One claim of a group of claims by one claimant on one span: it names the
 * first of the others, and lists a few. In a group too large to list (more
 * than MAX_RELATED others), only the group's first claim lists MAX_RELATED
 * of them; every other claim names and points to that first one, so that
 * 8,000 twins make a report of kilobytes, not megabytes.
 */
function duplicateClaim(placeOf: (other: Anchored<ClaimDef>) => string, uri: string, claim: Anchored<ClaimDef>, group: Anchored<ClaimDef>[]): CoreDiagnostic {
  const total = group.length - 1;
  const claimant = claim.def.claimant!.value;
  const others = total === 1 ? 'Another claim' : `${total} other claims`;
  const idOf = (twin: Anchored<ClaimDef>) => twin.def.id?.value ?? 'unnamed';
  const relatedOf = (twin: Anchored<ClaimDef>): RelatedLocation => ({ uri: twin.annotationUri, range: twin.def.quote!.range, message: `claim ${twin.def.id?.value ?? ''} with the same claimant and span` });
  const first = group[0];
  if (total > MAX_RELATED && claim !== first) {
    const message = `${others} by \`${claimant}\` anchor to the same words (\`${idOf(first)}\` at ${placeOf(first)}${andMore(total, 1)}; the first lists ${MAX_RELATED} of them). Merge the claims, or anchor one to a different quote.`;
    return makeDiagnostic(uri, claim.def.quote!.range, 'duplicate-claim', message, { related: [relatedOf(first)] });
  }
  const twins: Anchored<ClaimDef>[] = [];
  for (const other of group) {
    if (other === claim) continue;
    twins.push(other);
    if (twins.length === MAX_RELATED) break;
  }
  const named = twins.slice(0, NAMED_IN_MESSAGE).map((t) => `\`${idOf(t)}\` at ${placeOf(t)}`);
  return makeDiagnostic(uri, claim.def.quote!.range, 'duplicate-claim', `${others} by \`${claimant}\` anchor${total === 1 ? 's' : ''} to the same words (${named.join(', ')}${andMore(total, named.length)}). Merge the claims, or anchor one to a different quote.`, { related: twins.map(relatedOf) });
}

/** The overlaps of the i-th sorted mention, if any: counted exactly, a bounded number of them found and named. */
function mentionOverlap(placeOf: (other: Anchored<MentionDef>) => string, uri: string, groups: TextGroups, i: number): CoreDiagnostic | undefined {
  const { mentions, starts, ends, furthestBefore } = groups;
  const mention = mentions[i];
  const span = mention.result.span!;
  // Every other mention lies wholly before, wholly after, or overlaps (spans are non-empty).
  const before = countBelow(ends, span.start + 1);
  const after = mentions.length - countBelow(starts, span.end);
  const total = mentions.length - before - after - 1;
  if (total <= 0) return undefined;
  const others: Anchored<MentionDef>[] = [];
  const furthest = furthestBefore[i];
  if (furthest >= 0 && mentions[furthest].result.span!.end > span.start) others.push(mentions[furthest]);
  // Those that start within this one follow it in sorted order; then look back a bounded distance.
  for (let j = i + 1; j < mentions.length && starts[j] < span.end && others.length < MAX_RELATED; j++) others.push(mentions[j]);
  for (let j = i - 1, steps = 0; j >= 0 && others.length < MAX_RELATED && steps < 4 * MAX_RELATED; j--, steps++) {
    if (j !== furthest && mentions[j].result.span!.end > span.start) others.push(mentions[j]);
  }
  const named = others.slice(0, NAMED_IN_MESSAGE).map((o) => `the mention of \`${mentionedIds(o.def)}\` at ${placeOf(o)}`);
  const list = named.length > 0 ? named.join(' and ') + andMore(total, named.length) : `${total} other mentions`;
  return makeDiagnostic(uri, mention.def.quote!.range, 'mention-overlap', `This mention of \`${mentionedIds(mention.def)}\` overlaps ${list}. Shorten one of the quotes so that each word belongs to one mention.`, {
    related: others.map((o) => ({ uri: o.annotationUri, range: o.def.quote!.range, message: `overlapping mention of ${mentionedIds(o.def)}` })),
  });
}
