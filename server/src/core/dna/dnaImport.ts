import { quoteSelectorFor } from '../authoring/annotateClaim';
import { idFromName, idFromQuote, uniqueId } from '../authoring/ids';
import { CLAIM_FIELDS, TEXT_ANNOTATION_FIELDS } from '../syntax/parseAnnotationFile';
import type { Vocabulary } from '../vocabulary';
import { importEntities, type ImportedEntities } from './dnaEntities';
import type { DnaDatabase, DnaDocument } from './dnaRows';
import { STANDARD_TYPE, STANDARD_VARIABLES, type StandardVariable } from './dnaSchema';
import { unrepresentedFile, type Unrepresented } from './dnaUnrepresented';
import { yamlList, yamlMapping, type YamlField } from './dnaYaml';

/** A file of the new workspace: a path relative to its folder (forward slashes) and its text. */
export interface ImportedFile {
  path: string;
  content: string;
}

export interface DnaImportResult {
  files: ImportedFile[];
  counts: { texts: number; claims: number; actors: number; concepts: number };
  /** What could not be represented in the format, one sentence each, for the command's report. */
  notes: string[];
}

/** The database cannot be imported: one sentence saying what is wrong and what to do. */
export interface DnaImportFailure {
  error: string;
}

/** Where the statements and entities the format cannot hold are kept, relative to the new workspace. */
export const UNREPRESENTED_PATH = 'dna-import/unrepresented.json';

/**
 * Maps the rows of a DNA 3 database to the files of a new workspace: one
 * text and annotation file per document, actors and concepts from the
 * entities, one claim per statement of the standard type. Pure: the caller
 * reads the database and writes the files. docs/dna.md describes the mapping.
 */
export function importDna(db: DnaDatabase, vocabulary: Vocabulary): DnaImportResult | DnaImportFailure {
  const invalid = checkOffsets(db);
  if (invalid) return { error: invalid };
  const notes: string[] = [];
  const standard = standardVariables(db, notes);
  const entities = importEntities(db, standard, vocabulary, notes);
  const unrepresented: Unrepresented = { statements: [], entityAttributes: [] };
  const stems = documentStems(db);
  // Claims get their ids in the order the export writes texts (by path), so that importing an export gives the same ids.
  const paths = [...stems.entries()].map(([id, stem]) => [id, `annotations/texts/${stem}.txt`] as const).sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const documentOrder = new Map(paths.map(([id], rank) => [id, rank]));
  const claimsByDocument = importStatements(db, standard, entities, unrepresented, notes, documentOrder);
  const coderName = new Map(db.coders.map((c) => [c.id, c.name]));

  const files: ImportedFile[] = [{ path: 'policy-annotator.yaml', content: configContent(entities.newKinds) }];
  files.push({ path: 'annotations/actors.yaml', content: `# Actors imported from a DNA database (persons and organizations).\n${yamlList('actors', entities.actors.map((a) => a.fields))}` });
  files.push({ path: 'annotations/concepts.yaml', content: `# Concepts imported from a DNA database.\n${yamlList('concepts', entities.concepts.map((c) => c.fields))}` });
  let claimCount = 0;
  for (const document of [...db.documents].sort((a, b) => a.id - b.id)) {
    const stem = stems.get(document.id)!;
    const claims = claimsByDocument.get(document.id) ?? [];
    claimCount += claims.length;
    files.push({ path: `annotations/texts/${stem}.txt`, content: document.text });
    files.push({ path: `annotations/${stem}.yaml`, content: textAnnotationContent(document, `texts/${stem}.txt`, claims, coderName) });
  }
  for (const variable of db.attributeVariables) {
    if (standard.has(variable.variableId) && ['Type', 'Alias', 'Notes'].includes(variable.attributeVariable)) continue;
    for (const value of db.attributeValues) {
      if (value.attributeVariableId === variable.id && value.attributeValue !== '') unrepresented.entityAttributes.push({ entity: value.entityId, attribute: variable.attributeVariable, value: value.attributeValue });
    }
  }
  const side = unrepresentedFile(db, unrepresented);
  if (side) files.push({ path: UNREPRESENTED_PATH, content: side });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, counts: { texts: db.documents.length, claims: claimCount, actors: entities.actors.length, concepts: entities.concepts.length }, notes };
}

/** Each document's file name: its title in kebab case, unique, in the order of the documents' ids. */
function documentStems(db: DnaDatabase): Map<number, string> {
  const taken = new Set<string>();
  const stems = new Map<number, string>();
  for (const document of [...db.documents].sort((a, b) => a.id - b.id)) {
    const stem = uniqueId(idFromName(document.title) || `document-${document.id}`, (candidate) => taken.has(candidate));
    taken.add(stem);
    stems.set(document.id, stem);
  }
  return stems;
}

/** Every statement must lie inside its document's text (offsets in UTF-16 code units, as DNA counts them). */
function checkOffsets(db: DnaDatabase): string | undefined {
  const lengths = new Map(db.documents.map((d) => [d.id, d.text.length]));
  for (const statement of db.statements) {
    const length = lengths.get(statement.documentId);
    if (length === undefined) return `statement ${statement.id} belongs to document ${statement.documentId}, which the database does not have; the database is damaged: repair it in DNA (or remove the statement) and import again.`;
    if (!(statement.start >= 0 && statement.start < statement.stop && statement.stop <= length)) {
      return `statement ${statement.id} spans characters ${statement.start}–${statement.stop}, outside the text of document ${statement.documentId} (${length} characters); the database is damaged: correct the statement in DNA and import again.`;
    }
  }
  return undefined;
}

/** The standard type's variables by id; when the database has no standard type, none, and every statement is kept aside. */
function standardVariables(db: DnaDatabase, notes: string[]): Map<number, StandardVariable> {
  const variables = new Map<number, StandardVariable>();
  const type = db.statementTypes.find((t) => t.label === STANDARD_TYPE.label);
  if (!type) {
    notes.push(`The database has no "${STANDARD_TYPE.label}" statement type, so no statement became a claim.`);
    return variables;
  }
  for (const variable of db.variables) {
    const name = variable.variable as StandardVariable;
    if (variable.statementTypeId === type.id && name in STANDARD_VARIABLES && STANDARD_VARIABLES[name].dataType === variable.dataType) variables.set(variable.id, name);
  }
  const missing = Object.keys(STANDARD_VARIABLES).filter((name) => ![...variables.values()].includes(name as StandardVariable));
  if (missing.length) notes.push(`The "${STANDARD_TYPE.label}" type lacks the variable${missing.length === 1 ? '' : 's'} ${missing.join(', ')} (or has them with another data type); its statements were read without them.`);
  const extra = db.variables.filter((v) => v.statementTypeId === type.id && !variables.has(v.id));
  if (extra.length) notes.push(`The "${STANDARD_TYPE.label}" type has variables the format has no field for (${extra.map((v) => v.variable).join(', ')}); their values are kept as claim attributes.`);
  return variables;
}

interface ClaimFields {
  start: number;
  fields: YamlField[];
}

function importStatements(db: DnaDatabase, standard: Map<number, StandardVariable>, entities: ImportedEntities, unrepresented: Unrepresented, notes: string[], documentOrder: Map<number, number>): Map<number, ClaimFields[]> {
  const values = new Map<number, Map<StandardVariable, number | string>>();
  for (const row of [...db.shortText, ...db.booleans]) {
    const variable = standard.get(row.variableId);
    if (!variable) continue;
    if (!values.has(row.statementId)) values.set(row.statementId, new Map());
    values.get(row.statementId)!.set(variable, row.value);
  }
  const standardTypeIds = new Set(db.variables.filter((v) => standard.has(v.id)).map((v) => v.statementTypeId));
  const extras = extraValues(db, standard, standardTypeIds);
  const documents = new Map(db.documents.map((d) => [d.id, d]));
  const coderName = new Map(db.coders.map((c) => [c.id, c.name]));
  const writesOnBehalfOf = (CLAIM_FIELDS as readonly string[]).includes('on-behalf-of');
  const takenIds = new Set<string>();
  const byDocument = new Map<number, ClaimFields[]>();
  let noClaimant = 0;
  let ambiguous = 0;
  const rank = (statement: { documentId: number }) => documentOrder.get(statement.documentId) ?? 0;
  const sorted = [...db.statements].sort((a, b) => rank(a) - rank(b) || a.start - b.start || a.stop - b.stop || a.id - b.id);
  for (const statement of sorted) {
    const document = documents.get(statement.documentId)!;
    const own = values.get(statement.id);
    const actorOf = (variable: StandardVariable) => {
      const entity = own?.get(variable);
      return typeof entity === 'number' ? entities.byEntity.get(entity)?.id : undefined;
    };
    const person = actorOf('person');
    const organization = actorOf('organization');
    const claimant = person ?? organization;
    if (!standardTypeIds.has(statement.statementTypeId) || !claimant) {
      if (standardTypeIds.has(statement.statementTypeId)) noClaimant++;
      unrepresented.statements.push(statement.id);
      continue;
    }
    const concept = actorOf('concept');
    const agreement = own?.get('agreement');
    const quote = document.text.slice(statement.start, statement.stop);
    const selector = quoteSelectorFor(document.text, { start: statement.start, end: statement.stop });
    if (!selector) ambiguous++;
    const id = uniqueId(idFromName(`${claimant} ${concept ?? idFromQuote(quote, 3)}`) || `statement-${statement.id}`, (candidate) => takenIds.has(candidate));
    takenIds.add(id);
    const onBehalfOf = person && organization ? organization : undefined;
    const attributes: [string, string][] = [];
    if (onBehalfOf && !writesOnBehalfOf) attributes.push(['organization', onBehalfOf]);
    if (!concept && agreement === 0) attributes.push(['agreement', '0']);
    attributes.push(...(extras.get(statement.id) ?? []));
    if (statement.coder !== null && statement.coder !== document.coder) attributes.push(['coder', coderName.get(statement.coder) ?? String(statement.coder)]);
    const fields: YamlField[] = [
      ['id', id],
      ['claimant', claimant],
      ...(onBehalfOf && writesOnBehalfOf ? [['on-behalf-of', onBehalfOf] as YamlField] : []),
      ['quote', selector?.quote ?? quote],
      ['prefix', selector?.prefix],
      ['suffix', selector?.suffix],
      ['concept', concept],
      ['stance', concept && agreement !== undefined ? (agreement === 0 ? 'rejects' : 'supports') : undefined],
      ['attributes', attributes],
    ];
    if (!byDocument.has(document.id)) byDocument.set(document.id, []);
    byDocument.get(document.id)!.push({ start: statement.start, fields });
  }
  const others = unrepresented.statements.length - noClaimant;
  if (others) notes.push(`${others} statement${others === 1 ? '' : 's'} of other statement types ${others === 1 ? 'is' : 'are'} not claims: kept with their values in ${UNREPRESENTED_PATH}.`);
  if (noClaimant) notes.push(`${noClaimant} statement${noClaimant === 1 ? ' has' : 's have'} neither a person nor an organization, so no claimant: kept in ${UNREPRESENTED_PATH}.`);
  if (ambiguous) notes.push(`${ambiguous} statement${ambiguous === 1 ? '' : 's'} cover${ambiguous === 1 ? 's' : ''} words that occur identically elsewhere with the same surroundings: no prefix or suffix tells the places apart, so check reports the quote as ambiguous.`);
  return byDocument;
}

/** The values of the standard type's other variables (a database may add some), as claim attributes by statement. */
function extraValues(db: DnaDatabase, standard: Map<number, StandardVariable>, standardTypeIds: Set<number>): Map<number, [string, string][]> {
  const extra = new Map(db.variables.filter((v) => standardTypeIds.has(v.statementTypeId) && !standard.has(v.id)).map((v) => [v.id, v]));
  const entityValue = new Map(db.entities.map((e) => [e.id, e.value]));
  const byStatement = new Map<number, [string, string][]>();
  for (const row of [...db.shortText, ...db.longText, ...db.integers, ...db.booleans]) {
    const variable = extra.get(row.variableId);
    if (!variable) continue;
    const value = variable.dataType === 'short text' ? (entityValue.get(Number(row.value)) ?? '') : String(row.value);
    if (value === '') continue;
    if (!byStatement.has(row.statementId)) byStatement.set(row.statementId, []);
    byStatement.get(row.statementId)!.push([variable.variable, value]);
  }
  for (const list of byStatement.values()) list.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return byStatement;
}

function textAnnotationContent(document: DnaDocument, textPath: string, claims: ClaimFields[], coderName: Map<number, string>): string {
  const writesNote = (TEXT_ANNOTATION_FIELDS as readonly string[]).includes('note');
  const date = new Date(document.date * 1000);
  const published = Number.isFinite(date.getTime()) ? date.toISOString().slice(0, 10) : undefined;
  const attributes: [string, string][] = [];
  const keep = (key: string, value: string) => {
    if (value !== '') attributes.push([key, value]);
  };
  keep('author', document.author);
  keep('source', document.source);
  keep('section', document.section);
  keep('type', document.type);
  if (!writesNote) keep('notes', document.notes);
  if (published && document.date % 86400 !== 0) keep('date-time', date.toISOString().replace('.000Z', 'Z'));
  if (document.coder !== null) keep('coder', coderName.get(document.coder) ?? String(document.coder));
  const head: YamlField[] = [
    ['text', textPath],
    ['title', document.title === '' ? undefined : document.title],
    ['published', published],
    ['note', writesNote && document.notes !== '' ? document.notes : undefined],
    ['attributes', attributes],
  ];
  return `# Imported from a DNA database.\n${yamlMapping(head, 0).join('\n')}\n${yamlList('claims', claims.map((c) => c.fields))}`;
}

function configContent(newKinds: string[]): string {
  const vocabulary = newKinds.length ? `\n# Actor kinds of the DNA database's organizations that the default vocabulary lacks.\nvocabulary:\n  actor-kinds: [${newKinds.join(', ')}]\n` : '';
  return `# Policy Annotator workspace imported from a DNA database.\nroots:\n  - annotations\n${vocabulary}`;
}

