import type { Node, YAMLMap } from 'yaml';
import type { AnnotationFile, ActorDef, ClaimDef, ConceptDef, Located, MentionDef, RelationDef, TextAnnotationDef } from '../model';
import type { Vocabulary } from '../vocabulary';
import { readAttributes } from './readAttributes';
import { ENTITY_FIELDS, readEntities, readNamedThing } from './readEntities';
import { CLAIM_V11_FIELDS, readClaimFields, readIdList } from './readClaimFields';
import { readDate, readRelationDates } from './readDates';
import { readSuppressions, SUPPRESS_FIELDS } from './readSuppress';
import { CONTRIBUTOR_FIELDS, readTextMetadata, TEXT_METADATA_FIELDS } from './readTextMetadata';
import { checkId, checkVocabulary, markReadWithFullParser, spanOf, YamlFieldReader, type FieldEntry, type Fields, type YamlReaderOptions } from './yamlFields';

export { ENTITY_FIELDS } from './readEntities';

export const TOP_LEVEL_FIELDS = ['actors', 'entities', 'concepts', 'text', 'title', 'author', 'published', 'url', 'mentions', 'claims', 'suppress', ...TEXT_METADATA_FIELDS, 'attributes'] as const;
export const TEXT_ANNOTATION_FIELDS = ['text', 'title', 'author', 'published', 'url', 'mentions', 'claims', 'suppress', ...TEXT_METADATA_FIELDS, 'attributes'] as const;
export const ACTOR_FIELDS = ['id', 'name', 'kind', 'aliases', 'description', 'wikidata', 'relations'] as const;
export const RELATION_FIELDS = ['type', 'target', 'note', 'from', 'until'] as const;
export const CONCEPT_FIELDS = ['id', 'label', 'description'] as const;
export const MENTION_FIELDS = ['actor', 'quote', 'prefix', 'suffix', 'note'] as const;
export const CLAIM_FIELDS = ['id', 'claimant', 'quote', 'prefix', 'suffix', 'about', 'concept', 'stance', 'type', 'evidence', 'note', ...CLAIM_V11_FIELDS, 'attributes'] as const;

/** Every field name of the format, for recognising one written without its colon. */
const FIELD_NAMES: ReadonlySet<string> = new Set([...TOP_LEVEL_FIELDS, ...ACTOR_FIELDS, ...RELATION_FIELDS, ...CONCEPT_FIELDS, ...MENTION_FIELDS, ...CLAIM_FIELDS, ...SUPPRESS_FIELDS, ...CONTRIBUTOR_FIELDS, ...ENTITY_FIELDS]);

/**
 * Parses one annotation file into the model. Never throws: every problem
 * becomes a diagnostic and the rest of the file is still read.
 */
export function parseAnnotationFile(uri: string, text: string, vocabulary: Vocabulary, options?: YamlReaderOptions): AnnotationFile {
  const reader = new YamlFieldReader(uri, options);
  const file: AnnotationFile = { uri, actors: [], entities: [], concepts: [], diagnostics: reader.diagnostics };
  const root = reader.parseTopLevel(text, '`actors`, `concepts`, `text` and `claims`', FIELD_NAMES);
  if (reader.usedFullParser) markReadWithFullParser(file);
  if (!root) return file;
  const fields = reader.fields(root, TOP_LEVEL_FIELDS, 'an annotation file');

  const relationTypes = vocabulary.relationTypes.map((r) => r.id);
  for (const item of reader.list(fields.get('actors'), '`actors`')) {
    const actor = readActor(reader, item, uri, vocabulary, relationTypes);
    if (actor) file.actors.push(actor);
  }
  file.entities = readEntities(reader, fields.get('entities'), uri, vocabulary);
  for (const item of reader.list(fields.get('concepts'), '`concepts`')) {
    const concept = readConcept(reader, item, uri);
    if (concept) file.concepts.push(concept);
  }
  if (TEXT_ANNOTATION_FIELDS.some((name) => fields.has(name))) {
    file.textAnnotation = readTextAnnotation(reader, fields, vocabulary);
  }
  return file;
}

function readActor(reader: YamlFieldReader, node: Node, uri: string, vocabulary: Vocabulary, relationTypes: readonly string[]): ActorDef | undefined {
  const map = reader.mapping(node, 'actor');
  if (!map) return undefined;
  const { fields, named } = readNamedThing(reader, map, uri, { noun: 'actor', allowed: ACTOR_FIELDS, kinds: vocabulary.actorKinds, kindsKey: 'actor-kinds' });
  const actor: ActorDef = { ...named, relations: [] };
  for (const { range: relationRange, fields: relationFields } of reader.mappingItems(fields.get('relations'), 'relations', 'relation', RELATION_FIELDS, ['type', 'target'])) {
    const relation: RelationDef = {
      range: relationRange,
      type: checkVocabulary(reader, reader.string(relationFields.get('type'), 'the relation type'), relationTypes, 'relation type', 'relation-types'),
      target: reader.string(relationFields.get('target'), 'the relation target'),
      note: reader.string(relationFields.get('note'), 'the note', { freeText: true }),
      ...readRelationDates(reader, relationFields),
    };
    actor.relations.push(relation);
  }
  return actor;
}

function readConcept(reader: YamlFieldReader, node: Node, uri: string): ConceptDef | undefined {
  const map = reader.mapping(node, 'concept');
  if (!map) return undefined;
  const range = spanOf(map);
  const fields = reader.fields(map, CONCEPT_FIELDS, 'a concept');
  reader.requireFields(fields, ['id', 'label'], range, 'This concept');
  return {
    uri,
    range,
    id: checkId(reader, reader.string(fields.get('id'), 'the concept id'), 'The concept id'),
    label: reader.string(fields.get('label'), "the concept's label", { freeText: true }),
    description: reader.string(fields.get('description'), 'the description', { freeText: true }),
  };
}

function readTextAnnotation(reader: YamlFieldReader, fields: Fields, vocabulary: Vocabulary): TextAnnotationDef {
  const annotation: TextAnnotationDef = {
    text: reader.string(fields.get('text'), 'the `text` path'),
    title: reader.string(fields.get('title'), 'the title', { freeText: true }),
    ...readTextMetadata(reader, fields, vocabulary),
    published: readDate(reader, fields.get('published'), 'the publication date'),
    url: reader.string(fields.get('url'), 'the url'),
    mentions: [],
    claims: [],
    suppress: [],
    attributes: readAttributes(reader, fields.get('attributes')),
  };
  if (!fields.has('text')) {
    const first = fields.first()!;
    reader.report(first.keyRange, 'missing-field', 'This file annotates a text but has no `text:` field: add `text: <path to the article, relative to this file>`.', { missing: ['text'] });
  }
  if (annotation.url && !/^https?:\/\/\S+$/.test(annotation.url.value)) {
    reader.report(annotation.url.range, 'invalid-value', `\`${annotation.url.value}\` is not a web address: write a full http:// or https:// URL.`);
  }
  for (const { range, fields: mentionFields } of reader.mappingItems(fields.get('mentions'), 'mentions', 'mention', MENTION_FIELDS, ['actor', 'quote'])) {
    const mention: MentionDef = {
      range,
      actors: readMentionIds(reader, mentionFields.get('actor')),
      ...readSelector(reader, mentionFields),
      note: reader.string(mentionFields.get('note'), 'the note', { freeText: true }),
    };
    annotation.mentions.push(mention);
  }
  annotation.suppress = readSuppressions(reader, fields.get('suppress'));
  for (const item of reader.list(fields.get('claims'), '`claims`')) {
    const claim = readClaim(reader, item, vocabulary);
    if (claim) annotation.claims.push(claim);
  }
  return annotation;
}

/** A mention's `actor:`: one id (format v1) or a list of ids (v1.1, "both sides"). */
function readMentionIds(reader: YamlFieldReader, entry: FieldEntry | undefined): Located<string>[] {
  const reported = reader.diagnostics.length;
  const ids = readIdList(reader, entry, '`actor`', 'ids');
  if (entry && ids.length === 0 && reader.diagnostics.length === reported) {
    reader.report(entry.keyRange, 'missing-field', '`actor` names no actor: write an actor id, `actor: isi`, or a list of ids, `actor: [india, china]`.');
  }
  return ids;
}

function readSelector(reader: YamlFieldReader, fields: Fields) {
  return {
    quote: reader.string(fields.get('quote'), 'the quote', { freeText: true }),
    prefix: reader.string(fields.get('prefix'), 'the prefix', { freeText: true }),
    suffix: reader.string(fields.get('suffix'), 'the suffix', { freeText: true }),
  };
}

function readClaim(reader: YamlFieldReader, node: Node, vocabulary: Vocabulary): ClaimDef | undefined {
  const map: YAMLMap | undefined = reader.mapping(node, 'claim');
  if (!map) return undefined;
  const range = spanOf(map);
  const fields = reader.fields(map, CLAIM_FIELDS, 'a claim');
  reader.requireFields(fields, ['id', 'claimant', 'quote'], range, 'This claim');
  const claim: ClaimDef = {
    range,
    id: checkId(reader, reader.string(fields.get('id'), 'the claim id'), 'The claim id'),
    claimant: reader.string(fields.get('claimant'), 'the claimant (an actor id)'),
    ...readSelector(reader, fields),
    about: readIdList(reader, fields.get('about'), '`about`', 'actor ids'),
    concept: reader.string(fields.get('concept'), 'the concept (a concept id)'),
    stance: checkVocabulary(reader, reader.string(fields.get('stance'), 'the stance'), vocabulary.stances, 'stance', 'stances'),
    type: checkVocabulary(reader, reader.string(fields.get('type'), 'the claim type'), vocabulary.claimTypes, 'claim type', 'claim-types'),
    evidence: checkVocabulary(reader, reader.string(fields.get('evidence'), 'the evidence'), vocabulary.evidence, 'evidence value'),
    note: reader.string(fields.get('note'), 'the note', { freeText: true }),
    ...readClaimFields(reader, fields),
    attributes: readAttributes(reader, fields.get('attributes')),
  };
  if (claim.stance && !claim.concept) {
    reader.report(claim.stance.range, 'missing-field', 'A stance is taken toward a concept, but this claim has no `concept`: add the concept it supports or rejects.', { missing: ['concept'] });
  }
  return claim;
}
