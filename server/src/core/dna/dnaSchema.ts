/**
 * The schema of a DNA 3 SQLite database (DNA 3.0, the `.dna` file DNA
 * creates), written from the table and column definitions documented in
 * docs/dna.md. The export creates every table DNA creates, so that DNA opens
 * the file as one of its own; the import checks that the tables and columns
 * it reads are there.
 */

/** What the export writes as the `version` setting: DNA treats a version that does not start with 2 as DNA 3. */
export const DNA_VERSION = '3.0.11';
export const DNA_VERSION_DATE = '2024-12-15';

/** The standard statement type and its variables, as DNA creates them in a new database. */
export const STANDARD_TYPE = { id: 1, label: 'DNA Statement', red: 239, green: 208, blue: 51 } as const;
export const STANDARD_VARIABLES = {
  person: { id: 1, dataType: 'short text' },
  organization: { id: 2, dataType: 'short text' },
  concept: { id: 3, dataType: 'short text' },
  agreement: { id: 4, dataType: 'boolean' },
} as const;
export type StandardVariable = keyof typeof STANDARD_VARIABLES;
/** The entity attributes DNA creates for each short-text variable of the standard type. */
export const STANDARD_ATTRIBUTES = ['Type', 'Alias', 'Notes'] as const;

const colour = (name: string, nullable = false) => `${name} INTEGER${nullable ? '' : ' NOT NULL DEFAULT 0'} CHECK (${name} BETWEEN 0 AND 255)`;
const flag = (name: string, byDefault: 0 | 1) => `${name} INTEGER NOT NULL DEFAULT ${byDefault} CHECK (${name} IN (0, 1))`;
const PERMISSIONS = [
  'AddDocuments', 'EditDocuments', 'DeleteDocuments', 'ImportDocuments', 'AddStatements', 'EditStatements', 'DeleteStatements',
  'EditAttributes', 'EditRegex', 'EditStatementTypes', 'EditCoders', 'EditCoderRelations', 'ViewOthersDocuments',
  'EditOthersDocuments', 'ViewOthersStatements', 'EditOthersStatements',
].map((name) => `Permission${name}`);
const references = (column: string, table: string) => `FOREIGN KEY (${column}) REFERENCES ${table}(ID) ON DELETE CASCADE`;
const dataTable = (name: string, value: string) => [
  'ID INTEGER NOT NULL PRIMARY KEY', 'StatementId INTEGER NOT NULL', 'VariableId INTEGER NOT NULL', value,
  references('StatementId', 'STATEMENTS'), references('VariableId', 'VARIABLES'), 'UNIQUE (StatementId, VariableId)',
].join(', ').replace(/^/, `CREATE TABLE ${name} (`) + ')';

/** The tables, in an order that respects their foreign keys. */
export const DNA_SCHEMA: readonly string[] = [
  'CREATE TABLE SETTINGS (Property TEXT PRIMARY KEY, Value TEXT NOT NULL)',
  `CREATE TABLE CODERS (ID INTEGER NOT NULL PRIMARY KEY, Name TEXT NOT NULL CHECK (LENGTH(Name) < 191), ${colour('Red')}, ${colour('Green')}, ${colour('Blue')}, `
    + 'Refresh INTEGER NOT NULL DEFAULT 0 CHECK (Refresh BETWEEN 0 AND 9999), FontSize INTEGER NOT NULL DEFAULT 14 CHECK (FontSize BETWEEN 1 AND 99), '
    + 'Password TEXT NOT NULL CHECK (LENGTH(Password) < 191), PopupWidth INTEGER DEFAULT 300 CHECK (PopupWidth BETWEEN 100 AND 9999), '
    + `${flag('ColorByCoder', 0)}, ${flag('PopupDecoration', 0)}, ${flag('PopupAutoComplete', 1)}, ${PERMISSIONS.map((name) => flag(name, 1)).join(', ')})`,
  'CREATE TABLE DOCUMENTS (ID INTEGER NOT NULL PRIMARY KEY, Title TEXT NOT NULL CHECK (LENGTH(Title) < 191), Text TEXT NOT NULL, Coder INTEGER, '
    + ['Author', 'Source', 'Section'].map((name) => `${name} TEXT NOT NULL DEFAULT '' CHECK (LENGTH(${name}) < 191)`).join(', ')
    + `, Notes TEXT NOT NULL DEFAULT '', Type TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Type) < 191), Date INTEGER NOT NULL, ${references('Coder', 'CODERS')})`,
  `CREATE TABLE STATEMENTTYPES (ID INTEGER NOT NULL PRIMARY KEY, Label TEXT NOT NULL CHECK (LENGTH(Label) < 191), ${colour('Red')}, ${colour('Green')}, ${colour('Blue')})`,
  'CREATE TABLE VARIABLES (ID INTEGER NOT NULL PRIMARY KEY, Variable TEXT NOT NULL CHECK (LENGTH(Variable) < 191), '
    + "DataType TEXT NOT NULL DEFAULT 'short text' CHECK (DataType IN ('boolean', 'integer', 'long text', 'short text')), "
    + `StatementTypeId INTEGER, ${references('StatementTypeId', 'STATEMENTTYPES')}, UNIQUE (Variable, StatementTypeId))`,
  'CREATE TABLE VARIABLELINKS (ID INTEGER NOT NULL PRIMARY KEY, SourceVariableId INTEGER, TargetVariableId INTEGER, CHECK (SourceVariableId != TargetVariableId), '
    + `${references('SourceVariableId', 'VARIABLES')}, ${references('TargetVariableId', 'VARIABLES')})`,
  `CREATE TABLE REGEXES (Label TEXT PRIMARY KEY CHECK (LENGTH(Label) < 191), ${colour('Red')}, ${colour('Green')}, ${colour('Blue')})`,
  'CREATE TABLE CODERRELATIONS (ID INTEGER NOT NULL PRIMARY KEY, Coder INTEGER CHECK (Coder > 0), OtherCoder INTEGER CHECK (OtherCoder > 0), '
    + `${['viewStatements', 'editStatements', 'viewDocuments', 'editDocuments'].map((name) => flag(name, 1)).join(', ')}, CHECK (Coder != OtherCoder), `
    + `${references('Coder', 'CODERS')}, ${references('OtherCoder', 'CODERS')})`,
  'CREATE TABLE STATEMENTS (ID INTEGER NOT NULL PRIMARY KEY, StatementTypeId INTEGER, DocumentId INTEGER, Start INTEGER NOT NULL CHECK (Start >= 0), '
    + 'Stop INTEGER NOT NULL CHECK (Stop >= 0), Coder INTEGER, CHECK (Start < Stop), '
    + `${references('StatementTypeId', 'STATEMENTTYPES')}, ${references('Coder', 'CODERS')}, ${references('DocumentId', 'DOCUMENTS')})`,
  dataTable('DATABOOLEAN', 'Value INTEGER NOT NULL DEFAULT 1'),
  dataTable('DATAINTEGER', 'Value INTEGER NOT NULL DEFAULT 0'),
  `CREATE TABLE ENTITIES (ID INTEGER NOT NULL PRIMARY KEY, VariableId INTEGER NOT NULL, Value TEXT NOT NULL DEFAULT '' CHECK (LENGTH(Value) < 191), `
    + `${colour('Red', true)}, ${colour('Green', true)}, ${colour('Blue', true)}, ChildOf INTEGER CHECK (ChildOf > 0), UNIQUE (VariableId, Value), `
    + `${references('ChildOf', 'ENTITIES')}, ${references('VariableId', 'VARIABLES')})`,
  dataTable('DATASHORTTEXT', `Entity INTEGER NOT NULL REFERENCES ENTITIES(ID) ON DELETE CASCADE`),
  dataTable('DATALONGTEXT', "Value TEXT DEFAULT ''"),
  'CREATE TABLE ATTRIBUTEVARIABLES (ID INTEGER NOT NULL PRIMARY KEY, VariableId INTEGER NOT NULL, AttributeVariable TEXT NOT NULL CHECK (LENGTH(AttributeVariable) < 191), '
    + `UNIQUE (VariableId, AttributeVariable), ${references('VariableId', 'VARIABLES')})`,
  'CREATE TABLE ATTRIBUTEVALUES (ID INTEGER NOT NULL PRIMARY KEY, EntityId INTEGER NOT NULL, AttributeVariableId INTEGER NOT NULL, '
    + "AttributeValue TEXT NOT NULL DEFAULT '' CHECK (LENGTH(AttributeValue) < 191), UNIQUE (EntityId, AttributeVariableId), "
    + `${references('EntityId', 'ENTITIES')}, ${references('AttributeVariableId', 'ATTRIBUTEVARIABLES')})`,
];

/** The tables and columns the import reads; a database without one of them is not a DNA 3 database it can use. */
export const DNA_COLUMNS_READ: Readonly<Record<string, readonly string[]>> = {
  SETTINGS: ['Property', 'Value'],
  CODERS: ['ID', 'Name', 'Red', 'Green', 'Blue'],
  DOCUMENTS: ['ID', 'Title', 'Text', 'Coder', 'Author', 'Source', 'Section', 'Notes', 'Type', 'Date'],
  STATEMENTTYPES: ['ID', 'Label', 'Red', 'Green', 'Blue'],
  VARIABLES: ['ID', 'Variable', 'DataType', 'StatementTypeId'],
  STATEMENTS: ['ID', 'StatementTypeId', 'DocumentId', 'Start', 'Stop', 'Coder'],
  ENTITIES: ['ID', 'VariableId', 'Value', 'Red', 'Green', 'Blue', 'ChildOf'],
  DATASHORTTEXT: ['StatementId', 'VariableId', 'Entity'],
  DATALONGTEXT: ['StatementId', 'VariableId', 'Value'],
  DATAINTEGER: ['StatementId', 'VariableId', 'Value'],
  DATABOOLEAN: ['StatementId', 'VariableId', 'Value'],
  ATTRIBUTEVARIABLES: ['ID', 'VariableId', 'AttributeVariable'],
  ATTRIBUTEVALUES: ['EntityId', 'AttributeVariableId', 'AttributeValue'],
};

/** The permission columns of CODERS, each 1 for the one coder the export writes. */
export const CODER_PERMISSION_COLUMNS: readonly string[] = PERMISSIONS;
