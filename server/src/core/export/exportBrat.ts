import { describePeriod } from '../describe';
import type { ClaimDef, Span } from '../model';
import { relationAllowsKind, type RelationTypeInfo } from '../vocabulary';
import type { WorkspaceView } from '../workspace/workspaceView';
import { countedIds, type Anchored } from '../workspace/workspaceView';
import { CodePointIndex, splitAtLineBreaks } from './codePoints';
import { outputBaseNames } from './exportNaming';
import { collectTexts, compareSpans, compareStrings, resolvedSpan, unresolvedWarning, type ExportText } from './exportTexts';
import type { ExportedFile, ExportOptions, ExportResult, ExportWarning } from './exportTypes';

/*
 * brat standoff (https://brat.nlplab.org/standoff.html): per text a `.txt`
 * copy and a `.ann` file, plus `annotation.conf` and `tools.conf` at the top
 * of the collection.
 *
 * - Offsets count Unicode code points over the `.txt` as stored, which is
 *   how brat's Python server reads it: a CRLF line break is two characters.
 *   The `.txt` is the text exactly as the core holds it, so byte for byte the
 *   source (a leading byte order mark, if any, is dropped, as the core drops it).
 * - A span that crosses a line break becomes a discontinuous span, one
 *   fragment per line (`T3\tClaim 10 52;53 80\t…`), because a `.ann` line
 *   cannot hold a line break; its text is the fragments joined by a space,
 *   which is brat's rule for such spans.
 * - Every actor mention (alias match or explicit) is a T line typed by the
 *   actor's kind, with an `Actor` attribute (the actor id) and, when the actor
 *   has one, an N line to its Wikidata item.
 * - Every entity mention (format v1.1: a named thing that is not an actor)
 *   is a T line typed `Entity-<kind>` (never mistaken for an actor kind),
 *   with an `Entity` attribute (the entity id) and its Wikidata N line.
 * - Every claim is a `Claim` T line with `Stance`, `ClaimType`, `Evidence`
 *   and `Concept` attributes, an AnnotatorNotes line holding the claim id,
 *   and `Claimant`/`About` relations to the nearest mention of those actors;
 *   format v1.1's `on-behalf-of` and `reported-by` likewise become
 *   `OnBehalfOf`/`ReportedBy` relations (left out where the actor is not
 *   mentioned in the text, as `About` is).
 * - Relations between actors become R lines between each actor's first
 *   mention in the text; a relation whose actors are not both mentioned in
 *   the text is left out of that text's file. A relation with a period
 *   (`from`/`until`) carries it in an AnnotatorNotes line, since brat
 *   relations have no attributes.
 */

/** The attribute that carries an actor mention's actor id. */
export const BRAT_ACTOR_ATTRIBUTE = 'Actor';
/** The attribute that carries an entity mention's entity id. */
export const BRAT_ENTITY_ATTRIBUTE = 'Entity';

/** The brat entity type of an entity kind: prefixed, so that it never collides with an actor kind. */
export function bratEntityType(kind: string): string {
  return `Entity-${kind}`;
}
export const BRAT_CLAIM_TYPE = 'Claim';
/** Claim attributes, by the claim field they come from. */
export const BRAT_CLAIM_ATTRIBUTES = { stance: 'Stance', type: 'ClaimType', evidence: 'Evidence', concept: 'Concept' } as const;
export const BRAT_CLAIMANT_RELATION = 'Claimant';
export const BRAT_ABOUT_RELATION = 'About';
export const BRAT_ON_BEHALF_OF_RELATION = 'OnBehalfOf';
export const BRAT_REPORTED_BY_RELATION = 'ReportedBy';
export const BRAT_WIKIDATA = 'Wikidata';

/** Builds the brat export: `.txt` and `.ann` per text, `annotation.conf`, `tools.conf`. */
export function exportBrat(index: WorkspaceView, options: ExportOptions): ExportResult {
  const { texts, warnings } = collectTexts(index, options);
  const names = outputBaseNames(texts.map((t) => t.path));
  const files: ExportedFile[] = [annotationConf(index), toolsConf()];
  let entities = 0;
  let claims = 0;
  for (const text of texts) {
    const name = names.get(text.path)!;
    const ann = annFile(index, text, warnings);
    entities += ann.entities;
    claims += ann.claims;
    files.push({ path: `${name}.txt`, content: text.content }, { path: `${name}.ann`, content: ann.content });
  }
  return { files, warnings, counts: { texts: texts.length, mentions: entities - claims, claims } };
}

interface EntityLine {
  span: Span;
  type: string;
  /** Sorts claims after mentions on the same span. */
  order: number;
  key: string;
  /** Set once numbered. */
  id?: string;
  actorId?: string;
  /** The mention is of an entity, not an actor. */
  entity?: boolean;
  claim?: Anchored<ClaimDef>;
}

function annFile(index: WorkspaceView, text: ExportText, warnings: ExportWarning[]): { content: string; entities: number; claims: number } {
  const codePoints = new CodePointIndex(text.content);
  const entities: EntityLine[] = [];

  for (const mention of text.analysis.mentions) {
    // An explicit mention of several ids is one entity per id on the same span; an ambiguous alias counts for its first owner.
    const def = mention.explicit?.def;
    for (const actorId of countedIds(mention)) {
      const actorKind = index.actor(actorId)?.kind?.value;
      const entityKind = actorKind === undefined ? index.entity(actorId)?.kind?.value : undefined;
      const kind = actorKind ?? (entityKind === undefined ? undefined : bratEntityType(entityKind));
      if (kind) {
        entities.push({ span: mention.span, type: kind, order: 0, key: actorId, actorId, ...(entityKind === undefined ? {} : { entity: true }) });
      } else if (mention.explicit && def) {
        warnings.push({
          uri: mention.explicit.annotationUri,
          range: def.actors.find((id) => id.value === actorId)?.range ?? def.range,
          message: `The mention of \`${actorId}\` was not exported: no actor or entity with that id and a kind is defined. Define it (with a \`kind\`) or correct the id, then export again.`,
        });
      }
    }
  }
  for (const claim of text.analysis.claims) {
    const span = resolvedSpan(claim);
    if (!span) {
      warnings.push(unresolvedWarning(claim, text.path));
      continue;
    }
    entities.push({ span, type: BRAT_CLAIM_TYPE, order: 1, key: claim.def.id?.value ?? '', claim });
  }
  entities.sort((a, b) => compareSpans(a.span, b.span) || a.order - b.order || compareStrings(a.key, b.key));
  entities.forEach((e, i) => (e.id = `T${i + 1}`));

  const lines: string[] = [];
  const relations: string[] = [];
  const attributes: string[] = [];
  const normalizations: string[] = [];
  const notes: string[] = [];
  const mentionsOf = new Map<string, EntityLine[]>();
  for (const entity of entities) {
    if (!entity.actorId) continue;
    const list = mentionsOf.get(entity.actorId) ?? [];
    list.push(entity);
    mentionsOf.set(entity.actorId, list);
  }

  for (const entity of entities) {
    const fragments = splitAtLineBreaks(text.content, entity.span);
    const offsets = fragments.map((f) => codePoints.spanToCodePoints(f)).map((f) => `${f.start} ${f.end}`).join(';');
    const surface = fragments.map((f) => text.content.slice(f.start, f.end)).join(' ');
    lines.push(`${entity.id}\t${entity.type} ${offsets}\t${surface}`);
    if (entity.actorId) {
      attributes.push(`${entity.entity ? BRAT_ENTITY_ATTRIBUTE : BRAT_ACTOR_ATTRIBUTE} ${entity.id} ${entity.actorId}`);
      const actor = entity.entity ? index.entity(entity.actorId) : index.actor(entity.actorId);
      if (actor?.wikidata) normalizations.push(`Reference ${entity.id} ${BRAT_WIKIDATA}:${actor.wikidata.value}\t${oneLine(actor.name?.value ?? entity.actorId)}`);
    }
    const claim = entity.claim?.def;
    if (claim) {
      for (const [field, name] of Object.entries(BRAT_CLAIM_ATTRIBUTES) as [keyof typeof BRAT_CLAIM_ATTRIBUTES, string][]) {
        const value = claim[field]?.value;
        if (value) attributes.push(`${name} ${entity.id} ${value}`);
      }
      if (claim.id) notes.push(`AnnotatorNotes ${entity.id}\t${claim.id.value}`);
      const nearest = (actorId: string) => nearestMention(mentionsOf.get(actorId) ?? [], entity.span);
      const claimant = claim.claimant ? nearest(claim.claimant.value) : undefined;
      if (claimant) relations.push(`${BRAT_CLAIMANT_RELATION} Arg1:${entity.id} Arg2:${claimant.id}`);
      for (const about of claim.about) {
        const mention = nearest(about.value);
        if (mention) relations.push(`${BRAT_ABOUT_RELATION} Arg1:${entity.id} Arg2:${mention.id}`);
      }
      const organization = claim.onBehalfOf ? nearest(claim.onBehalfOf.value) : undefined;
      if (organization) relations.push(`${BRAT_ON_BEHALF_OF_RELATION} Arg1:${entity.id} Arg2:${organization.id}`);
      for (const relay of claim.reportedBy) {
        const mention = nearest(relay.value);
        if (mention) relations.push(`${BRAT_REPORTED_BY_RELATION} Arg1:${entity.id} Arg2:${mention.id}`);
      }
    }
  }

  for (const actorId of [...mentionsOf.keys()].sort()) {
    for (const relation of index.actor(actorId)?.relations ?? []) {
      const type = relation.type?.value;
      const target = relation.target?.value;
      if (!type || !target) continue;
      const subjectMention = mentionsOf.get(actorId)?.[0];
      const targetMention = mentionsOf.get(target)?.[0];
      if (!subjectMention || !targetMention || subjectMention === targetMention) continue;
      relations.push(`${type} Arg1:${subjectMention.id} Arg2:${targetMention.id}`);
      const period = describePeriod(relation.from?.value, relation.until?.value).trim();
      if (period) notes.push(`AnnotatorNotes R${relations.length}\t${oneLine(period)}`);
    }
  }

  const numbered = (prefix: string, list: string[]) => list.map((line, i) => `${prefix}${i + 1}\t${line}`);
  const all = [...lines, ...numbered('R', relations), ...numbered('A', attributes), ...numbered('N', normalizations), ...numbered('#', notes)];
  const claims = entities.filter((e) => e.claim).length;
  return { content: all.length ? `${all.join('\n')}\n` : '', entities: entities.length, claims };
}

/** The mention closest to a span: one inside or overlapping it first, else the nearest by distance, earlier on a tie. */
function nearestMention(mentions: EntityLine[], span: Span): EntityLine | undefined {
  let best: EntityLine | undefined;
  let bestDistance = Infinity;
  for (const mention of mentions) {
    const distance = mention.span.end <= span.start ? span.start - mention.span.end + 1 : mention.span.start >= span.end ? mention.span.start - span.end + 1 : 0;
    if (distance < bestDistance) {
      best = mention;
      bestDistance = distance;
    }
  }
  return best;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** annotation.conf: entity types, relations with their argument types, attributes with their values. */
function annotationConf(index: WorkspaceView): ExportedFile {
  const vocabulary = index.config.vocabulary;
  const kinds = [...vocabulary.actorKinds];
  const anyActor = kinds.join('|');
  const relationLine = (info: RelationTypeInfo): string[] => {
    const subjects = kinds.filter((k) => relationAllowsKind(info, 'subject', k));
    const targets = kinds.filter((k) => relationAllowsKind(info, 'target', k));
    if (subjects.length === 0 || targets.length === 0) return [];
    const properties = [info.symmetric ? 'symmetric' : '', info.transitive ? 'transitive' : ''].filter(Boolean).join('-');
    return [`${info.id}\tArg1:${subjects.join('|')}, Arg2:${targets.join('|')}${properties ? `, <REL-TYPE>:${properties}` : ''}`];
  };
  const actorIds = index.actorIds().filter((id) => index.actor(id)?.kind);
  const entityIds = index.entityIds().filter((id) => index.entity(id)?.kind);
  const entityTypes = vocabulary.entityKinds.map(bratEntityType);
  const conceptIds = index.conceptIds();
  const lines = [
    '# brat annotation configuration written by `policy-annotator export --format brat`.',
    '# Entity types are the actor kinds plus Claim; relation types are the actor relation',
    '# vocabulary plus Claimant and About, which link a claim to the mentions of its actors.',
    '# Entities (named things that are not actors) are typed Entity-<kind>; About may point at them.',
    '',
    '[entities]',
    ...kinds,
    ...entityTypes,
    BRAT_CLAIM_TYPE,
    '',
    '[relations]',
    ...vocabulary.relationTypes.flatMap(relationLine),
    `${BRAT_CLAIMANT_RELATION}\tArg1:${BRAT_CLAIM_TYPE}, Arg2:${anyActor}`,
    `${BRAT_ABOUT_RELATION}\tArg1:${BRAT_CLAIM_TYPE}, Arg2:${[...kinds, ...entityTypes].join('|')}`,
    `${BRAT_ON_BEHALF_OF_RELATION}\tArg1:${BRAT_CLAIM_TYPE}, Arg2:${anyActor}`,
    `${BRAT_REPORTED_BY_RELATION}\tArg1:${BRAT_CLAIM_TYPE}, Arg2:${anyActor}`,
    '# Claims contain actor mentions, and mentions may nest: allow any overlap.',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    '',
    '[attributes]',
    ...(actorIds.length ? [`${BRAT_ACTOR_ATTRIBUTE}\tArg:${anyActor}, Value:${actorIds.join('|')}`] : []),
    ...(entityIds.length ? [`${BRAT_ENTITY_ATTRIBUTE}\tArg:${entityTypes.join('|')}, Value:${entityIds.join('|')}`] : []),
    `${BRAT_CLAIM_ATTRIBUTES.stance}\tArg:${BRAT_CLAIM_TYPE}, Value:${vocabulary.stances.join('|')}`,
    `${BRAT_CLAIM_ATTRIBUTES.type}\tArg:${BRAT_CLAIM_TYPE}, Value:${vocabulary.claimTypes.join('|')}`,
    `${BRAT_CLAIM_ATTRIBUTES.evidence}\tArg:${BRAT_CLAIM_TYPE}, Value:${vocabulary.evidence.join('|')}`,
    ...(conceptIds.length ? [`${BRAT_CLAIM_ATTRIBUTES.concept}\tArg:${BRAT_CLAIM_TYPE}, Value:${conceptIds.join('|')}`] : []),
  ];
  return { path: 'annotation.conf', content: `${lines.join('\n')}\n` };
}

/** tools.conf: declares the Wikidata normalization database that the N lines refer to. */
function toolsConf(): ExportedFile {
  const lines = [
    '# brat tools configuration written by `policy-annotator export --format brat`.',
    '',
    '[normalization]',
    `${BRAT_WIKIDATA}\t<URL>:https://www.wikidata.org/, <URLBASE>:https://www.wikidata.org/wiki/%s`,
  ];
  return { path: 'tools.conf', content: `${lines.join('\n')}\n` };
}
