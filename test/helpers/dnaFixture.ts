import initSqlJs from 'sql.js';
import { DNA_SCHEMA } from '../../server/src/core/dna';

/**
 * Builds DNA 3 databases for the tests the way DNA does: sql.js, the schema
 * of docs/dna.md, and DNA's own initial contents (the Admin coder, the
 * version setting, the three statement types with their variables and the
 * Type/Alias/Notes attributes), then the test's own rows as raw SQL.
 */
export async function buildDnaDatabase(sql: string[], options: { schema?: readonly string[]; initial?: boolean } = {}): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    for (const statement of options.schema ?? DNA_SCHEMA) db.exec(statement);
    if (options.initial !== false) for (const statement of DNA_INITIAL_CONTENTS) db.exec(statement);
    for (const statement of sql) db.exec(statement);
    return db.export();
  } finally {
    db.close();
  }
}

/** What DNA 3 writes into a new database. */
export const DNA_INITIAL_CONTENTS: readonly string[] = [
  "INSERT INTO CODERS (ID, Name, Red, Green, Blue, Password) VALUES (1, 'Admin', 255, 255, 0, 'x')",
  "INSERT INTO SETTINGS (Property, Value) VALUES ('version', '3.0.11'), ('date', '2024-12-15')",
  "INSERT INTO STATEMENTTYPES (ID, Label, Red, Green, Blue) VALUES (1, 'DNA Statement', 239, 208, 51), (2, 'NPF Story Element', 100, 200, 190), (3, 'Annotation', 211, 211, 211)",
  "INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (1, 'person', 'short text', 1), (2, 'organization', 'short text', 1), (3, 'concept', 'short text', 1), (4, 'agreement', 'boolean', 1), "
    + "(5, 'narrator', 'short text', 2), (6, 'victim', 'short text', 2), (7, 'villain', 'short text', 2), (8, 'plot', 'short text', 2), (9, 'hero', 'short text', 2), (10, 'policy solution', 'short text', 2), (11, 'note', 'long text', 3)",
  "INSERT INTO ATTRIBUTEVARIABLES (ID, VariableId, AttributeVariable) VALUES (1, 1, 'Type'), (2, 2, 'Type'), (3, 3, 'Type'), (4, 1, 'Alias'), (5, 2, 'Alias'), (6, 3, 'Alias'), (7, 1, 'Notes'), (8, 2, 'Notes'), (9, 3, 'Notes')",
];

/** A string as an SQL literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A statement of the standard type over `[start, stop)` of a document, with
 * its person, organization and concept entity ids (0 for none) and agreement.
 */
export function standardStatement(id: number, document: number, start: number, stop: number, values: { person?: number; organization?: number; concept?: number; agreement?: 0 | 1; coder?: number }): string[] {
  const rows = [`INSERT INTO STATEMENTS (ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (${id}, 1, ${document}, ${start}, ${stop}, ${values.coder ?? 1})`];
  const entity = (variable: number, value: number | undefined) => (value ? [`INSERT INTO DATASHORTTEXT (StatementId, VariableId, Entity) VALUES (${id}, ${variable}, ${value})`] : []);
  rows.push(...entity(1, values.person), ...entity(2, values.organization), ...entity(3, values.concept));
  if (values.agreement !== undefined) rows.push(`INSERT INTO DATABOOLEAN (StatementId, VariableId, Value) VALUES (${id}, 4, ${values.agreement})`);
  return rows;
}
