import type { Node } from 'yaml';
import type { EntityDef } from '../model';
import type { Vocabulary } from '../vocabulary';
import { checkId, checkVocabulary, spanOf, type YamlFieldReader, type FieldEntry } from './yamlFields';

/** The fields of an entity: a named thing that is not an actor (format v1.1). */
export const ENTITY_FIELDS = ['id', 'name', 'kind', 'aliases', 'description', 'wikidata'] as const;

const WIKIDATA_ITEM = /^Q[1-9][0-9]*$/;

/**
 * Reads the top-level `entities:` list. Each entity needs an id, a name and
 * a kind from `vocabulary: entity-kinds`; a kind outside it is reported with
 * a did-you-mean and the key that extends it.
 */
export function readEntities(reader: YamlFieldReader, entry: FieldEntry | undefined, uri: string, vocabulary: Vocabulary): EntityDef[] {
  const entities: EntityDef[] = [];
  for (const item of reader.list(entry, '`entities`')) {
    const entity = readEntity(reader, item, uri, vocabulary);
    if (entity) entities.push(entity);
  }
  return entities;
}

function readEntity(reader: YamlFieldReader, node: Node, uri: string, vocabulary: Vocabulary): EntityDef | undefined {
  const map = reader.mapping(node, 'entity');
  if (!map) return undefined;
  const range = spanOf(map);
  const fields = reader.fields(map, ENTITY_FIELDS, 'an entity');
  reader.requireFields(fields, ['id', 'name', 'kind'], range, 'This entity');
  const entity: EntityDef = {
    uri,
    range,
    id: checkId(reader, reader.string(fields.get('id'), 'the entity id'), 'The entity id'),
    name: reader.string(fields.get('name'), "the entity's name", { freeText: true }),
    kind: checkVocabulary(reader, reader.string(fields.get('kind'), "the entity's kind"), vocabulary.entityKinds, 'entity kind', 'entity-kinds'),
    aliases: reader.stringList(fields.get('aliases'), '`aliases`'),
    description: reader.string(fields.get('description'), 'the description', { freeText: true }),
    wikidata: reader.string(fields.get('wikidata'), 'the Wikidata id'),
  };
  if (entity.wikidata && !WIKIDATA_ITEM.test(entity.wikidata.value)) {
    reader.report(entity.wikidata.range, 'invalid-value', `\`${entity.wikidata.value}\` is not a Wikidata item id: write Q followed by digits, for example Q843.`);
  }
  return entity;
}
