import type { DnaDatabase } from './dnaRows';

/** What the import keeps aside because the format has no place for it. */
export interface Unrepresented {
  /** Ids of statements that did not become claims. */
  statements: number[];
  /** Entity attributes other than the standard type's Type, Alias and Notes. */
  entityAttributes: { entity: number; attribute: string; value: string }[];
}

/**
 * The side file of a DNA import (JSON, outside the annotation roots): the
 * statements that are not claims, with their type, document, span, coder and
 * every variable's value (entities by their value), and the entity
 * attributes the format cannot hold. Undefined when there is nothing to keep.
 */
export function unrepresentedFile(db: DnaDatabase, kept: Unrepresented): string | undefined {
  if (kept.statements.length === 0 && kept.entityAttributes.length === 0) return undefined;
  const wanted = new Set(kept.statements);
  const variables = new Map(db.variables.map((v) => [v.id, v]));
  const entities = new Map(db.entities.map((e) => [e.id, e]));
  const types = new Map(db.statementTypes.map((t) => [t.id, t.label]));
  const values = new Map<number, Record<string, string | number>>();
  const add = (rows: DnaDatabase['shortText'], entity: boolean) => {
    for (const row of rows) {
      if (!wanted.has(row.statementId)) continue;
      const name = variables.get(row.variableId)?.variable ?? `variable ${row.variableId}`;
      if (!values.has(row.statementId)) values.set(row.statementId, {});
      values.get(row.statementId)![name] = entity && typeof row.value === 'number' ? (entities.get(row.value)?.value ?? row.value) : row.value;
    }
  };
  add(db.shortText, true);
  add(db.longText, false);
  add(db.integers, false);
  add(db.booleans, false);
  const statements = db.statements
    .filter((s) => wanted.has(s.id))
    .sort((a, b) => a.id - b.id)
    .map((s) => ({ id: s.id, type: types.get(s.statementTypeId) ?? s.statementTypeId, document: s.documentId, start: s.start, stop: s.stop, coder: s.coder, values: values.get(s.id) ?? {} }));
  const entityAttributes = kept.entityAttributes.map((a) => ({ entity: entities.get(a.entity)?.value ?? a.entity, attribute: a.attribute, value: a.value }));
  return `${JSON.stringify({ note: 'Kept by `policy-annotator import dna`: what the annotation format has no place for. Offsets are UTF-16 code units into the document text, as in DNA.', statements, entityAttributes }, null, 2)}\n`;
}
