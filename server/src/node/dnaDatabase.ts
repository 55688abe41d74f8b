import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { DNA_COLUMNS_READ, DNA_SCHEMA, CODER_PERMISSION_COLUMNS } from '../core/dna/dnaSchema';
import type { DnaDatabase, DnaDataType, DnaValue } from '../core/dna/dnaRows';

/**
 * Reading and writing DNA 3 databases with sql.js (SQLite compiled to
 * WebAssembly: no compiler, no native module, the same on every platform).
 * The bundled CLI finds `sql-wasm.wasm` next to itself in dist/ (the build
 * copies it there); compiled tests find it in node_modules.
 */

let sqlJs: Promise<SqlJsStatic> | undefined;

function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs({ wasmBinary: readWasm() as unknown as ArrayBuffer });
  return sqlJs;
}

/** Where the unbundled (compiled) code finds the WebAssembly: a variable, so that esbuild leaves the resolve to run time. */
const WASM_IN_PACKAGE = 'sql.js/dist/sql-wasm.wasm';

function readWasm(): Uint8Array {
  const beside = path.join(__dirname, 'sql-wasm.wasm');
  const file = existsSync(beside) ? beside : require.resolve(WASM_IN_PACKAGE);
  return readFileSync(file);
}

/** The database is not a DNA 3 database the import can read: the message says why and what to do. */
export class DnaReadError extends Error {}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Reads the rows the import maps from the bytes of a `.dna` file. */
export async function readDnaDatabase(bytes: Uint8Array): Promise<DnaDatabase> {
  if (bytes.length < 100 || new TextDecoder('latin1').decode(bytes.subarray(0, 16)) !== SQLITE_HEADER) {
    throw new DnaReadError('it is not an SQLite database (a DNA 3 database is one): check that you named the .dna file DNA 3 saved, not a DNA 2 file or an export');
  }
  const SQL = await loadSqlJs();
  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (error) {
    throw new DnaReadError(`SQLite cannot open it (${error instanceof Error ? error.message : String(error)}): the file may be damaged; open it in DNA to check`);
  }
  try {
    checkColumns(db);
    const rows = (sql: string) => queryRows(db, sql);
    const num = (value: SqlValue) => (typeof value === 'number' ? value : Number(value));
    const nullableNum = (value: SqlValue) => (value === null ? null : num(value));
    const text = (value: SqlValue) => (value === null ? '' : String(value));
    const values = (table: string, column: string, asText = false): DnaValue[] =>
      rows(`SELECT StatementId, VariableId, ${column} FROM ${table}`).map(([s, v, value]) => ({ statementId: num(s), variableId: num(v), value: asText ? text(value) : num(value) }));
    return {
      settings: rows('SELECT Property, Value FROM SETTINGS').map(([property, value]) => ({ property: text(property), value: text(value) })),
      coders: rows('SELECT ID, Name, Red, Green, Blue FROM CODERS').map(([id, name, r, g, b]) => ({ id: num(id), name: text(name), red: num(r), green: num(g), blue: num(b) })),
      documents: rows('SELECT ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date FROM DOCUMENTS').map(([id, title, body, coder, author, source, section, notes, type, date]) => ({
        id: num(id), title: text(title), text: text(body), coder: nullableNum(coder), author: text(author), source: text(source), section: text(section), notes: text(notes), type: text(type), date: num(date),
      })),
      statementTypes: rows('SELECT ID, Label, Red, Green, Blue FROM STATEMENTTYPES').map(([id, label, r, g, b]) => ({ id: num(id), label: text(label), red: num(r), green: num(g), blue: num(b) })),
      variables: rows('SELECT ID, Variable, DataType, StatementTypeId FROM VARIABLES').map(([id, variable, dataType, type]) => ({ id: num(id), variable: text(variable), dataType: text(dataType) as DnaDataType, statementTypeId: num(type) })),
      statements: rows('SELECT ID, StatementTypeId, DocumentId, Start, Stop, Coder FROM STATEMENTS').map(([id, type, document, start, stop, coder]) => ({
        id: num(id), statementTypeId: num(type), documentId: num(document), start: num(start), stop: num(stop), coder: nullableNum(coder),
      })),
      entities: rows('SELECT ID, VariableId, Value, Red, Green, Blue, ChildOf FROM ENTITIES').map(([id, variable, value, r, g, b, childOf]) => ({
        id: num(id), variableId: num(variable), value: text(value), red: num(r ?? 0), green: num(g ?? 0), blue: num(b ?? 0), childOf: nullableNum(childOf),
      })),
      shortText: values('DATASHORTTEXT', 'Entity'),
      longText: values('DATALONGTEXT', 'Value', true),
      integers: values('DATAINTEGER', 'Value'),
      booleans: values('DATABOOLEAN', 'Value'),
      attributeVariables: rows('SELECT ID, VariableId, AttributeVariable FROM ATTRIBUTEVARIABLES').map(([id, variable, name]) => ({ id: num(id), variableId: num(variable), attributeVariable: text(name) })),
      attributeValues: rows('SELECT EntityId, AttributeVariableId, AttributeValue FROM ATTRIBUTEVALUES').map(([entity, variable, value]) => ({ entityId: num(entity), attributeVariableId: num(variable), attributeValue: text(value) })),
    };
  } catch (error) {
    if (error instanceof DnaReadError) throw error;
    throw new DnaReadError(`reading it failed (${error instanceof Error ? error.message : String(error)}): the file may be damaged; open it in DNA to check`);
  } finally {
    db.close();
  }
}

function queryRows(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql)[0]?.values ?? [];
}

/** Every table and column the import reads must be there; DNA 2 databases, for one, lack several. */
function checkColumns(db: Database): void {
  const missing: string[] = [];
  for (const [table, columns] of Object.entries(DNA_COLUMNS_READ)) {
    const present = new Set(queryRows(db, `PRAGMA table_info(${table})`).map((row) => String(row[1]).toLowerCase()));
    if (present.size === 0) missing.push(`table ${table}`);
    else for (const column of columns) if (!present.has(column.toLowerCase())) missing.push(`${table}.${column}`);
  }
  if (missing.length > 0) {
    const shown = missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
    throw new DnaReadError(`it is an SQLite database but not a DNA 3 database: ${shown} missing. Open it in DNA 3 (which converts DNA 2 databases) and save it, then import again`);
  }
}

/** A new SQLite database with DNA 3's complete schema and these rows, as the bytes of a `.dna` file. */
export async function writeDnaDatabase(rows: DnaDatabase, passwordDigest: string): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  try {
    db.exec('PRAGMA foreign_keys = ON; BEGIN');
    for (const statement of DNA_SCHEMA) db.exec(statement);
    const insert = (sql: string, records: SqlValue[][]) => {
      const prepared = db.prepare(sql);
      try {
        for (const record of records) prepared.run(record);
      } finally {
        prepared.free();
      }
    };
    insert('INSERT INTO SETTINGS (Property, Value) VALUES (?, ?)', rows.settings.map((s) => [s.property, s.value]));
    const permissions = CODER_PERMISSION_COLUMNS.join(', ');
    insert(`INSERT INTO CODERS (ID, Name, Red, Green, Blue, Password, ${permissions}) VALUES (?, ?, ?, ?, ?, ?${', 1'.repeat(CODER_PERMISSION_COLUMNS.length)})`, rows.coders.map((c) => [c.id, c.name, c.red, c.green, c.blue, passwordDigest]));
    insert('INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      rows.documents.map((d) => [d.id, d.title, d.text, d.coder, d.author, d.source, d.section, d.notes, d.type, d.date]));
    insert('INSERT INTO STATEMENTTYPES (ID, Label, Red, Green, Blue) VALUES (?, ?, ?, ?, ?)', rows.statementTypes.map((t) => [t.id, t.label, t.red, t.green, t.blue]));
    insert('INSERT INTO VARIABLES (ID, Variable, DataType, StatementTypeId) VALUES (?, ?, ?, ?)', rows.variables.map((v) => [v.id, v.variable, v.dataType, v.statementTypeId]));
    insert('INSERT INTO STATEMENTS (ID, StatementTypeId, DocumentId, Start, Stop, Coder) VALUES (?, ?, ?, ?, ?, ?)', rows.statements.map((s) => [s.id, s.statementTypeId, s.documentId, s.start, s.stop, s.coder]));
    insert('INSERT INTO ENTITIES (ID, VariableId, Value, Red, Green, Blue, ChildOf) VALUES (?, ?, ?, ?, ?, ?, NULL)', rows.entities.map((e) => [e.id, e.variableId, e.value, e.red, e.green, e.blue]));
    insert('UPDATE ENTITIES SET ChildOf = ? WHERE ID = ?', rows.entities.filter((e) => e.childOf !== null).map((e) => [e.childOf, e.id]));
    const data = (table: string, column: string, records: DnaValue[]) => insert(`INSERT INTO ${table} (StatementId, VariableId, ${column}) VALUES (?, ?, ?)`, records.map((r) => [r.statementId, r.variableId, r.value]));
    data('DATASHORTTEXT', 'Entity', rows.shortText);
    data('DATALONGTEXT', 'Value', rows.longText);
    data('DATAINTEGER', 'Value', rows.integers);
    data('DATABOOLEAN', 'Value', rows.booleans);
    insert('INSERT INTO ATTRIBUTEVARIABLES (ID, VariableId, AttributeVariable) VALUES (?, ?, ?)', rows.attributeVariables.map((a) => [a.id, a.variableId, a.attributeVariable]));
    insert('INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) VALUES (?, ?, ?)', rows.attributeValues.map((a) => [a.entityId, a.attributeVariableId, a.attributeValue]));
    db.exec('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}
