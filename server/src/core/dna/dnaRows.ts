/**
 * The rows of a DNA 3 database that Policy Annotator reads and writes, as
 * plain data: the Node side reads them from SQLite (and writes them back),
 * the core maps them to and from a workspace. Column names follow DNA 3's
 * schema (see docs/dna.md); offsets are UTF-16 code units, like Java's.
 */

export interface DnaCoder {
  id: number;
  name: string;
  red: number;
  green: number;
  blue: number;
}

export interface DnaDocument {
  id: number;
  title: string;
  text: string;
  coder: number | null;
  author: string;
  source: string;
  section: string;
  notes: string;
  type: string;
  /** Unix seconds. */
  date: number;
}

export interface DnaStatementType {
  id: number;
  label: string;
  red: number;
  green: number;
  blue: number;
}

export type DnaDataType = 'short text' | 'long text' | 'integer' | 'boolean';

export interface DnaVariable {
  id: number;
  variable: string;
  dataType: DnaDataType;
  statementTypeId: number;
}

export interface DnaStatement {
  id: number;
  statementTypeId: number;
  documentId: number;
  start: number;
  stop: number;
  coder: number | null;
}

export interface DnaEntity {
  id: number;
  variableId: number;
  value: string;
  red: number;
  green: number;
  blue: number;
  childOf: number | null;
}

/** A value of one variable in one statement: an entity id (short text), a number (integer, boolean) or text (long text). */
export interface DnaValue {
  statementId: number;
  variableId: number;
  value: number | string;
}

export interface DnaAttributeVariable {
  id: number;
  variableId: number;
  attributeVariable: string;
}

export interface DnaAttributeValue {
  entityId: number;
  attributeVariableId: number;
  attributeValue: string;
}

/** Everything of a DNA 3 database that the mapping uses. */
export interface DnaDatabase {
  settings: { property: string; value: string }[];
  coders: DnaCoder[];
  documents: DnaDocument[];
  statementTypes: DnaStatementType[];
  variables: DnaVariable[];
  statements: DnaStatement[];
  entities: DnaEntity[];
  shortText: DnaValue[];
  longText: DnaValue[];
  integers: DnaValue[];
  booleans: DnaValue[];
  attributeVariables: DnaAttributeVariable[];
  attributeValues: DnaAttributeValue[];
}
