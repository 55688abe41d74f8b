import type { ClaimDef, NamedThingDef, Span } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { ALL_INPUTS, countedIds } from '../workspace/workspaceView';

/** An actor as the editor lists it: in quick picks and in the Actors view. */
export interface ActorSummary {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  description?: string;
  /** The annotation file that defines the actor, and its `id` value there. */
  uri: string;
  range: Span;
  /** Claims the actor makes (as claimant). */
  claims: number;
  /** Claims about the actor. */
  claimsAbout: number;
  /** Mentions in every text, by alias or explicit. */
  mentions: number;
}

/** A claim an actor makes or that is about it. */
export interface ActorClaim {
  id?: string;
  role: 'claimant' | 'about';
  quote?: string;
  stance?: string;
  concept?: string;
  type?: string;
  /** The claim in its annotation file. */
  uri: string;
  range: Span;
  /** Where its quote lands in the text, when it resolves. */
  text?: { uri: string; span: Span };
}

/** A mention of an actor in a text. */
export interface ActorMention {
  uri: string;
  span: Span;
  source: 'alias' | 'explicit';
  /** The mention with a few words either side, on one line. */
  excerpt: string;
}

export interface ActorActivity {
  claims: ActorClaim[];
  mentions: ActorMention[];
}

/** Mentions per actor id across every loaded text, computed once per workspace change. */
function mentionCounts(index: WorkspaceView): Map<string, number> {
  return index.memo('authoring.mentionCounts', ALL_INPUTS, () => {
    const counts = new Map<string, number>();
    for (const textUri of index.referencedTexts()) {
      for (const mention of index.analysis(textUri)?.mentions ?? []) for (const id of countedIds(mention)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  });
}

/** Every actor of the workspace (the first definition of each id), sorted by name. */
export function actorSummaries(index: WorkspaceView): ActorSummary[] {
  return summaries(index, index.actorIds(), (id) => index.actor(id));
}

/**
 * Every entity of the workspace (format v1.1: places, projects, laws, …),
 * summarised like actors: they share the actors' ids, references and alias
 * matching, but make no claims (they may be what claims are about).
 */
export function entitySummaries(index: WorkspaceView): ActorSummary[] {
  return summaries(index, index.entityIds(), (id) => index.entity(id));
}

function summaries(index: WorkspaceView, ids: readonly string[], definition: (id: string) => NamedThingDef | undefined): ActorSummary[] {
  const mentions = mentionCounts(index);
  const found: ActorSummary[] = [];
  for (const id of ids) {
    const thing = definition(id);
    if (!thing) continue;
    const references = index.actorReferences(id);
    found.push({
      id,
      name: thing.name?.value ?? id,
      kind: thing.kind?.value ?? 'unknown',
      aliases: thing.aliases.map((alias) => alias.value),
      ...(thing.description ? { description: thing.description.value } : {}),
      uri: thing.uri,
      range: thing.id?.range ?? thing.range,
      claims: references.filter((reference) => reference.role === 'claimant').length,
      claimsAbout: references.filter((reference) => reference.role === 'about').length,
      mentions: mentions.get(id) ?? 0,
    });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Where a claim's quote lands in its text, when it resolves. */
function claimSpan(index: WorkspaceView, annotationUri: string, claim: ClaimDef): { uri: string; span: Span } | undefined {
  const reference = index.textReferenceOf(annotationUri);
  if (reference?.kind !== 'ok') return undefined;
  const anchored = index.analysis(reference.uri)?.claims.find((candidate) => candidate.def === claim);
  return anchored?.result.span ? { uri: reference.uri, span: anchored.result.span } : undefined;
}

/** The claims an actor makes and those about it (in file order), and its mentions in every text (in text order). */
export function actorActivity(index: WorkspaceView, actorId: string): ActorActivity {
  const claims: ActorClaim[] = [];
  for (const reference of index.actorReferences(actorId)) {
    if ((reference.role !== 'claimant' && reference.role !== 'about') || !reference.claim) continue;
    const claim = reference.claim;
    const text = claimSpan(index, reference.uri, claim);
    claims.push({
      ...(claim.id ? { id: claim.id.value } : {}),
      role: reference.role,
      ...(claim.quote ? { quote: claim.quote.value } : {}),
      ...(claim.stance ? { stance: claim.stance.value } : {}),
      ...(claim.concept ? { concept: claim.concept.value } : {}),
      ...(claim.type ? { type: claim.type.value } : {}),
      uri: reference.uri,
      range: claim.range,
      ...(text ? { text } : {}),
    });
  }
  claims.sort((a, b) => (a.role === b.role ? 0 : a.role === 'claimant' ? -1 : 1));
  const mentions: ActorMention[] = [];
  for (const textUri of index.referencedTexts()) {
    const analysis = index.analysis(textUri);
    if (!analysis) continue;
    for (const mention of analysis.mentions) {
      if (!countedIds(mention).includes(actorId)) continue;
      mentions.push({ uri: textUri, span: mention.span, source: mention.source, excerpt: excerptAround(analysis.text.text, mention.span) });
    }
  }
  return { claims, mentions };
}

/** A span with up to `width` characters either side, cut at word boundaries, on one line. */
export function excerptAround(text: string, span: Span, width = 32): string {
  let start = Math.max(0, span.start - width);
  let end = Math.min(text.length, span.end + width);
  if (start > 0) start = text.indexOf(' ', start) + 1 || span.start;
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > span.end ? space : span.end;
  }
  start = Math.min(start, span.start);
  const flat = (value: string) => value.replace(/\s+/g, ' ');
  return `${start > 0 ? '…' : ''}${flat(text.slice(start, end)).trim()}${end < text.length ? '…' : ''}`;
}
