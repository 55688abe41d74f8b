import type { Span } from '../model';
import { ACTOR_FIELDS, CLAIM_FIELDS, CONCEPT_FIELDS, MENTION_FIELDS, RELATION_FIELDS, TOP_LEVEL_FIELDS } from '../parseAnnotationFile';
import type { WorkspaceIndex } from '../workspaceIndex';
import { FIELD_HELP } from './fieldHelp';
import { oneLine } from './markdown';
import { yamlContextAt, type YamlCursorContext } from './yamlContext';

export type CompletionCategory = 'actor' | 'concept' | 'vocabulary' | 'field';

/** One proposal: the text to insert over `replace`, with what to show about it. */
export interface CompletionEntry {
  label: string;
  category: CompletionCategory;
  detail?: string;
  documentation?: string;
  insertText: string;
  replace: Span;
}

type ValueKind = 'actor' | 'concept' | 'actor-kind' | 'relation-type' | 'claim-type' | 'stance' | 'evidence';

/** The fields allowed in the mapping at a path of keys. */
const FIELDS_AT: Record<string, readonly string[]> = {
  '': TOP_LEVEL_FIELDS,
  actors: ACTOR_FIELDS,
  'actors/relations': RELATION_FIELDS,
  concepts: CONCEPT_FIELDS,
  mentions: MENTION_FIELDS,
  claims: CLAIM_FIELDS,
};

/** What a field's value holds, by the path of its mapping and its key. */
const VALUE_KINDS: Record<string, ValueKind> = {
  '/author': 'actor',
  'actors/kind': 'actor-kind',
  'actors/relations/type': 'relation-type',
  'actors/relations/target': 'actor',
  'mentions/actor': 'actor',
  'claims/claimant': 'actor',
  'claims/about': 'actor',
  'claims/concept': 'concept',
  'claims/stance': 'stance',
  'claims/type': 'claim-type',
  'claims/evidence': 'evidence',
};

/**
 * Completion in an annotation file: actor ids (with name and kind) wherever
 * an actor id is expected, concept ids, vocabulary values, and the field
 * names that fit the mapping the cursor is in.
 */
export function completeInAnnotationFile(index: WorkspaceIndex, uri: string, offset: number): CompletionEntry[] {
  const lines = index.lineIndex(uri);
  if (!lines || !index.isAnnotationFile(uri)) return [];
  const context = yamlContextAt(lines, offset);
  if (!context) return [];
  return context.position === 'key' ? fieldEntries(context) : valueEntries(index, context);
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

function valueEntries(index: WorkspaceIndex, context: YamlCursorContext): CompletionEntry[] {
  const kind = VALUE_KINDS[`${context.path.join('/')}/${context.key}`];
  const vocabulary = index.config.vocabulary;
  const replace = context.replace;
  const values = (category: CompletionCategory, items: string[], detail: string) =>
    items.map((value) => ({ label: value, category, detail, insertText: value, replace }));
  switch (kind) {
    case 'actor':
      return index.actorIds().map((id) => {
        const actor = index.actor(id)!;
        const detail = [actor.name?.value, actor.kind?.value].filter((part) => part !== undefined).join(' · ');
        return {
          label: id,
          category: 'actor' as const,
          ...(detail ? { detail } : {}),
          ...(actor.description ? { documentation: oneLine(actor.description.value, 300) } : {}),
          insertText: id,
          replace,
        };
      });
    case 'concept':
      return index.conceptIds().map((id) => {
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
    case 'actor-kind':
      return values('vocabulary', vocabulary.actorKinds, 'actor kind');
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
      return values('vocabulary', vocabulary.stances, 'stance toward the concept');
    case 'evidence':
      return values('vocabulary', vocabulary.evidence, 'evidence');
    default:
      return [];
  }
}
