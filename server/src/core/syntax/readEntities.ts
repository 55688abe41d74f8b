import type { Node, YAMLMap } from 'yaml';
import type { EntityDef } from '../model';
import type { Vocabulary } from '../vocabulary';
import { checkId, checkVocabulary, spanOf, type YamlFieldReader, type FieldEntry, type Fields } from './yamlFields';

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
  return readNamedThing(reader, map, uri, { noun: 'entity', allowed: ENTITY_FIELDS, kinds: vocabulary.entityKinds, kindsKey: 'entity-kinds' }).named;
}

/** What tells actors and entities apart when their shared fields are read. */
export interface NamedThingOptions {
  noun: 'actor' | 'entity';
  /** Every field the item may have. */
  allowed: readonly string[];
  /** The kind vocabulary, and its key under `vocabulary:` in policy-annotator.yaml. */
  kinds: readonly string[];
  kindsKey: string;
}

/**
 * Reads the fields actors and entities share (id, name and kind required;
 * aliases, description, Wikidata item) from an item's mapping, reporting
 * unknown, missing and invalid fields. Returns them with the item's fields,
 * for the caller to read its own.
 */
export function readNamedThing(reader: YamlFieldReader, map: YAMLMap, uri: string, options: NamedThingOptions): { named: EntityDef; fields: Fields } {
  const { noun } = options;
  const range = spanOf(map);
  const fields = reader.fields(map, options.allowed, `an ${noun}`);
  reader.requireFields(fields, ['id', 'name', 'kind'], range, `This ${noun}`);
  const named: EntityDef = {
    uri,
    range,
    id: checkId(reader, reader.string(fields.get('id'), `the ${noun} id`), `The ${noun} id`),
    name: reader.string(fields.get('name'), `the ${noun}'s name`, { freeText: true }),
    kind: checkVocabulary(reader, reader.string(fields.get('kind'), `the ${noun}'s kind`), options.kinds, `${noun} kind`, options.kindsKey),
    aliases: reader.stringList(fields.get('aliases'), '`aliases`'),
    description: reader.string(fields.get('description'), 'the description', { freeText: true }),
    wikidata: reader.string(fields.get('wikidata'), 'the Wikidata id'),
  };
  if (named.wikidata && !WIKIDATA_ITEM.test(named.wikidata.value)) {
    reader.report(named.wikidata.range, 'invalid-value', `\`${named.wikidata.value}\` is not a Wikidata item id: write Q followed by digits, for example Q843.`);
  }
  return { named, fields };
}
