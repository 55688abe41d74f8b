import type { Span } from '../model';
import { ACTOR_FIELDS, CLAIM_FIELDS, CONCEPT_FIELDS, MENTION_FIELDS, RELATION_FIELDS, TOP_LEVEL_FIELDS } from '../syntax/parseAnnotationFile';
import { ENTITY_FIELDS } from '../syntax/readEntities';
import { CONTRIBUTOR_FIELDS } from '../syntax/readTextMetadata';
import { SUPPRESS_FIELDS } from '../syntax/readSuppress';
import { stanceLabel, stanceScore } from '../vocabulary';
import { countedIds, type WorkspaceView } from '../workspace/workspaceView';
import { FIELD_HELP } from './fieldHelp';
import { oneLine } from './markdown';
import { yamlContextAt, type YamlCursorContext } from './yamlContext';

export type CompletionCategory = 'actor' | 'entity' | 'concept' | 'vocabulary' | 'field';

/** One proposal: the text to insert over `replace`, with what to show about it. */
export interface CompletionEntry {
  label: string;
  category: CompletionCategory;
  detail?: string;
  documentation?: string;
  insertText: string;
  replace: Span;
}

/** `named`: an actor or an entity id (`about`, a mention); `actor`: an actor id only. */
type ValueKind = 'actor' | 'named' | 'concept' | 'actor-kind' | 'entity-kind' | 'relation-type' | 'claim-type' | 'stance' | 'evidence' | 'contributor-role';

/** The fields allowed in the mapping at a path of keys. */
const FIELDS_AT: Record<string, readonly string[]> = {
  '': TOP_LEVEL_FIELDS,
  actors: ACTOR_FIELDS,
  entities: ENTITY_FIELDS,
  'actors/relations': RELATION_FIELDS,
  concepts: CONCEPT_FIELDS,
  mentions: MENTION_FIELDS,
  suppress: SUPPRESS_FIELDS,
  claims: CLAIM_FIELDS,
  contributors: CONTRIBUTOR_FIELDS,
};

/** What a field's value holds, by the path of its mapping and its key. */
const VALUE_KINDS: Record<string, ValueKind> = {
  '/author': 'actor',
  'actors/kind': 'actor-kind',
  'entities/kind': 'entity-kind',
  'actors/relations/type': 'relation-type',
  'actors/relations/target': 'actor',
  'mentions/actor': 'named',
  'claims/claimant': 'actor',
  'claims/about': 'named',
  'claims/concept': 'concept',
  'claims/stance': 'stance',
  'claims/type': 'claim-type',
  'claims/evidence': 'evidence',
  'claims/on-behalf-of': 'actor',
  'claims/reported-by': 'actor',
  'contributors/actor': 'actor',
  'contributors/role': 'contributor-role',
};

/** Proposals, and whether there were more than the limit allowed (the editor should ask again as the user types). */
export interface CompletionResult {
  entries: CompletionEntry[];
  isIncomplete: boolean;
}

/**
 * Completion in an annotation file: actor ids (with name and kind) wherever
 * an actor id is expected, concept ids, vocabulary values, and the field
 * names that fit the mapping the cursor is in. Actors come in order of
 * relevance: those mentioned in the file's text (most mentioned first), then
 * those the file already names, then the rest. With more ids than `limit`,
 * only those whose id or name contains the word typed so far are offered,
 * the first `limit` of them, and the result says it is incomplete.
 */
export function completionsAt(index: WorkspaceView, uri: string, offset: number, limit = Infinity): CompletionResult {
  const lines = index.lineIndex(uri);
  if (!lines || !index.isAnnotationFile(uri)) return { entries: [], isIncomplete: false };
  const context = yamlContextAt(lines, offset);
  if (!context) return { entries: [], isIncomplete: false };
  return context.position === 'key' ? { entries: fieldEntries(context), isIncomplete: false } : valueEntries(index, uri, context, limit);
}

/** Every proposal at an offset (see `completionsAt`), however many. */
export function completeInAnnotationFile(index: WorkspaceView, uri: string, offset: number): CompletionEntry[] {
  return completionsAt(index, uri, offset).entries;
}

/**
 * Actor ids (with `withEntities`, entity ids too) in order of relevance to
 * an annotation file: mentioned in its text (most first), named in it, the rest.
 */
function actorsByRelevance(index: WorkspaceView, uri: string, withEntities: boolean): string[] {
  const mentions = new Map<string, number>();
  const reference = index.textReferenceOf(uri);
  if (reference?.kind === 'ok') {
    for (const mention of index.analysis(reference.uri)?.mentions ?? []) for (const id of countedIds(mention)) mentions.set(id, (mentions.get(id) ?? 0) + 1);
  }
  const named = new Set<string>();
  const annotation = index.annotationFile(uri)?.textAnnotation;
  for (const located of [...(annotation?.authors ?? []), ...(annotation?.mentions ?? []).flatMap((m) => m.actors), ...(annotation?.claims ?? []).flatMap((c) => [c.claimant, ...c.about, c.onBehalfOf, ...c.reportedBy])]) {
    if (located) named.add(located.value);
  }
  const known = withEntities ? [...index.actorIds(), ...index.entityIds()].sort() : index.actorIds();
  const isKnown = new Set(known);
  const first = [...mentions.keys()].filter((id) => isKnown.has(id)).sort((a, b) => mentions.get(b)! - mentions.get(a)! || (a < b ? -1 : 1));
  const second = [...named].filter((id) => isKnown.has(id) && !mentions.has(id)).sort();
  const placed = new Set([...first, ...second]);
  return [...first, ...second, ...known.filter((id) => !placed.has(id))];
}

/** The ids to offer: all when they fit the limit, otherwise those matching the typed word, up to the limit. */
function pick(ids: string[], limit: number, word: string, nameOf: (id: string) => string | undefined): { ids: string[]; isIncomplete: boolean } {
  if (ids.length <= limit) return { ids, isIncomplete: false };
  const typed = word.toLowerCase();
  const matching = typed === '' ? ids : ids.filter((id) => id.includes(typed) || (nameOf(id)?.toLowerCase().includes(typed) ?? false));
  return { ids: matching.slice(0, limit), isIncomplete: matching.length > limit || typed !== '' };
}

function fieldEntries(context: YamlCursorContext): CompletionEntry[] {
  const fields = FIELDS_AT[context.path.join('/')];
  if (!fields) return [];
  const present = new Set(context.siblingKeys);
  return fields
    .filter((field) => !present.has(field))
    .map((field) => ({
      label: field,
      category: 'field' as const,
      ...(FIELD_HELP[field] ? { detail: FIELD_HELP[field] } : {}),
      insertText: `${field}: `,
      replace: context.replace,
    }));
}

function valueEntries(index: WorkspaceView, uri: string, context: YamlCursorContext, limit: number): CompletionResult {
  const kind = VALUE_KINDS[`${context.path.join('/')}/${context.key}`];
  if (kind === 'actor' || kind === 'named') {
    const { ids, isIncomplete } = pick(actorsByRelevance(index, uri, kind === 'named'), limit, context.word, (id) => (index.actor(id) ?? index.entity(id))?.name?.value);
    return { entries: actorEntries(index, ids, context.replace), isIncomplete };
  }
  if (kind === 'concept') {
    const { ids, isIncomplete } = pick(index.conceptIds(), limit, context.word, (id) => index.concept(id)?.label?.value);
    return { entries: conceptEntries(index, ids, context.replace), isIncomplete };
  }
  return { entries: vocabularyEntries(index, kind, context.replace), isIncomplete: false };
}

function actorEntries(index: WorkspaceView, ids: string[], replace: Span): CompletionEntry[] {
  return ids.map((id) => {
    const actor = index.actor(id);
    const named = (actor ?? index.entity(id))!;
    const detail = [named.name?.value, named.kind?.value, actor ? undefined : 'entity'].filter((part) => part !== undefined).join(' · ');
    return {
      label: id,
      category: actor ? ('actor' as const) : ('entity' as const),
      ...(detail ? { detail } : {}),
      ...(named.description ? { documentation: oneLine(named.description.value, 300) } : {}),
      insertText: id,
      replace,
    };
  });
}

function conceptEntries(index: WorkspaceView, ids: string[], replace: Span): CompletionEntry[] {
  return ids.map((id) => {
    const concept = index.concept(id)!;
    return {
      label: id,
      category: 'concept' as const,
      ...(concept.label ? { detail: concept.label.value } : {}),
      ...(concept.description ? { documentation: oneLine(concept.description.value, 300) } : {}),
      insertText: id,
      replace,
    };
  });
}

function vocabularyEntries(index: WorkspaceView, kind: ValueKind | undefined, replace: Span): CompletionEntry[] {
  const vocabulary = index.config.vocabulary;
  const values = (category: CompletionCategory, items: string[], detail: string) =>
    items.map((value) => ({ label: value, category, detail, insertText: value, replace }));
  switch (kind) {
    case 'actor-kind':
      return values('vocabulary', vocabulary.actorKinds, 'actor kind');
    case 'entity-kind':
      return values('vocabulary', vocabulary.entityKinds, 'entity kind');
    case 'relation-type':
      return vocabulary.relationTypes.map((relation) => ({
        label: relation.id,
        category: 'vocabulary' as const,
        detail: relation.symmetric ? 'relation type (symmetric)' : relation.inverse ? `relation type (inverse: ${relation.inverse})` : 'relation type',
        insertText: relation.id,
        replace,
      }));
    case 'claim-type':
      return values('vocabulary', vocabulary.claimTypes, 'claim type');
    case 'stance':
      return vocabulary.stances.map((stance) => {
        const label = stanceLabel(vocabulary, stance);
        return { label: stance, category: 'vocabulary' as const, detail: `stance toward the concept${label ? `: ${oneLine(label, 80)}` : ''} (score ${stanceScore(vocabulary, stance)})`, insertText: stance, replace };
      });
    case 'contributor-role':
      return values('vocabulary', vocabulary.contributorRoles, 'contributor role');
    case 'evidence':
      return values('vocabulary', vocabulary.evidence, 'evidence');
    default:
      return [];
  }
}
