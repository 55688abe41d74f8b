import { idFromName, uniqueId } from '../authoring/ids';
import type { Vocabulary } from '../vocabulary';
import type { DnaDatabase, DnaEntity } from './dnaRows';
import type { StandardVariable } from './dnaSchema';
import type { YamlField } from './dnaYaml';

/** One actor or concept made from a DNA entity. */
export interface ImportedEntity {
  entity: DnaEntity;
  variable: StandardVariable;
  id: string;
  fields: YamlField[];
}

export interface ImportedEntities {
  /** By entity id: the actors (person, organization) and concepts. */
  byEntity: Map<number, ImportedEntity>;
  actors: ImportedEntity[];
  concepts: ImportedEntity[];
  /** Actor kinds that are not in the vocabulary: added to the new workspace's configuration. */
  newKinds: string[];
}

/** The separator of several aliases in DNA's one `Alias` attribute value. */
export const ALIAS_SEPARATOR = '; ';

/**
 * Actors from the person and organization entities, concepts from the
 * concept entities: ids from the values (unique across both, as ids share one
 * namespace), attributes `Type` → kind, `Alias` → aliases, `Notes` →
 * description, and `ChildOf` → a `part-of` relation where the vocabulary
 * allows one. Everything else is described in `notes`.
 */
export function importEntities(db: DnaDatabase, variables: Map<number, StandardVariable>, vocabulary: Vocabulary, notes: string[]): ImportedEntities {
  const attributeNames = new Map(db.attributeVariables.map((a) => [a.id, { name: a.attributeVariable, variableId: a.variableId }]));
  const attributes = new Map<number, Map<string, string>>();
  for (const row of db.attributeValues) {
    const name = attributeNames.get(row.attributeVariableId)?.name;
    if (name === undefined || row.attributeValue.trim() === '') continue;
    if (!attributes.has(row.entityId)) attributes.set(row.entityId, new Map());
    attributes.get(row.entityId)!.set(name, row.attributeValue);
  }
  const taken = new Set<string>();
  const byEntity = new Map<number, ImportedEntity>();
  const newKinds: string[] = [];
  const lost = { colours: 0, conceptAttributes: 0, otherAttributes: new Set<string>(), kinds: 0 };
  const sorted = [...db.entities].sort((a, b) => a.id - b.id);
  for (const entity of sorted) {
    const variable = variables.get(entity.variableId);
    if (!variable || variable === 'agreement' || entity.value.trim() === '') continue;
    const id = uniqueId(idFromName(entity.value) || `${variable}-${entity.id}`, (candidate) => taken.has(candidate));
    taken.add(id);
    const own = attributes.get(entity.id) ?? new Map<string, string>();
    for (const name of own.keys()) if (!['Type', 'Alias', 'Notes'].includes(name)) lost.otherAttributes.add(name);
    if (entity.red || entity.green || entity.blue) lost.colours++;
    let fields: YamlField[];
    if (variable === 'concept') {
      if (own.has('Type') || own.has('Alias')) lost.conceptAttributes++;
      fields = [['id', id], ['label', entity.value], ['description', own.get('Notes')]];
    } else {
      const kind = actorKind(variable, own.get('Type'), vocabulary, newKinds);
      if (kind.lost) lost.kinds++;
      const aliases = (own.get('Alias') ?? '').split(ALIAS_SEPARATOR.trim()).map((alias) => alias.trim()).filter((alias) => alias !== '' && alias !== entity.value);
      // The name is an alias too, so that the claimant's name in a text is a mention of it.
      fields = [['id', id], ['name', entity.value], ['kind', kind.kind], ['aliases', [...new Set([entity.value, ...aliases])]], ['description', own.get('Notes')]];
    }
    byEntity.set(entity.id, { entity, variable, id, fields });
  }
  addPartOf(byEntity, notes);
  if (lost.colours) notes.push(`${lost.colours} entit${lost.colours === 1 ? 'y has a colour' : 'ies have colours'}: the format has no colours, so they were not kept (the export writes black).`);
  if (lost.conceptAttributes) notes.push(`${lost.conceptAttributes} concept${lost.conceptAttributes === 1 ? ' has' : 's have'} a Type or Alias attribute: concepts have neither, so those values were not kept (Notes became the description).`);
  if (lost.kinds) notes.push(`${lost.kinds} person${lost.kinds === 1 ? ' has' : 's have'} a Type other than "person": persons are actors of kind person, so that Type was not kept.`);
  if (lost.otherAttributes.size) notes.push(`Entity attributes other than Type, Alias and Notes (${[...lost.otherAttributes].sort().join(', ')}) have no place in the format and were not kept; see dna-import/unrepresented.json.`);
  const all = [...byEntity.values()];
  return { byEntity, actors: all.filter((e) => e.variable !== 'concept'), concepts: all.filter((e) => e.variable === 'concept'), newKinds };
}

/**
 * A person is always an actor of kind `person` (the export puts persons back
 * into the person variable by their kind). An organization's Type becomes its
 * kind, as an id; a kind the vocabulary lacks is added to the workspace's.
 */
function actorKind(variable: StandardVariable, type: string | undefined, vocabulary: Vocabulary, newKinds: string[]): { kind: string; lost: boolean } {
  if (variable === 'person') return { kind: 'person', lost: type !== undefined && idFromName(type) !== 'person' };
  const kind = type === undefined ? '' : idFromName(type);
  if (kind === '' || kind === 'person') return { kind: 'organization', lost: false };
  if (!vocabulary.actorKinds.includes(kind) && !newKinds.includes(kind)) newKinds.push(kind);
  return { kind, lost: false };
}

/** `ChildOf` between actors becomes `part-of`, which neither side may be a person in. */
function addPartOf(byEntity: Map<number, ImportedEntity>, notes: string[]): void {
  let skipped = 0;
  for (const imported of byEntity.values()) {
    const parentId = imported.entity.childOf;
    if (parentId === null) continue;
    const parent = byEntity.get(parentId);
    if (!parent || imported.variable !== 'organization' || parent.variable !== 'organization') {
      skipped++;
      continue;
    }
    imported.fields.push(['relations', { items: [[['type', 'part-of'], ['target', parent.id]]] }]);
  }
  if (skipped) notes.push(`${skipped} ChildOf link${skipped === 1 ? '' : 's'} between persons or concepts could not become part-of relations (only organizations can be part of one another) and were not kept.`);
}
