import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DnaDatabase } from '../../server/src/core/dna';
import { REPO_ROOT } from './tempWorkspace';
import { DNA_INITIAL_CONTENTS, sqlString, standardStatement } from './dnaFixture';

/**
 * DNA's sample corpus (the database rDNA's tests open with `dna_sample()`),
 * rebuilt from `test/fixtures/dna/sample-statements.json`: seven documents,
 * one speaker each, and their 40 statements with DNA's offsets. The texts
 * are placeholders that cover the offsets: words `w0 w1 …` that never
 * repeat, so every statement's span is a quote found once.
 */

interface SampleFixture {
  documents: { title: string; date: string; person: string; organization: string; statements: [number, number, number, string, 0 | 1][] }[];
}

const fixture = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'dna', 'sample-statements.json'), 'utf8')) as SampleFixture;

/** A text of `length` UTF-16 units whose spans never repeat, with no space at a span's first or last unit. */
function placeholderText(length: number, spans: [number, number][]): string {
  const words: string[] = [];
  let size = 0;
  for (let n = 0; size < length; n++) {
    words.push(`w${n}`);
    size += `w${n} `.length;
  }
  const units = words.join(' ').slice(0, length).split('');
  for (const [start, stop] of spans) for (const at of [start, stop - 1]) if (units[at] === ' ') units[at] = 'x';
  return units.join('');
}

/** The variable ids of DNA's standard statement type, as DNA creates them. */
const VARIABLE = { person: 1, organization: 2, concept: 3 } as const;

/** The sample's entities: persons, organizations and concepts, in order of first use, with ids after the variables' empty entities (1–3). */
function sampleEntities(): { id: number; variableId: number; value: string }[] {
  const entities: { id: number; variableId: number; value: string }[] = [];
  const add = (variableId: number, value: string) => {
    if (!entities.some((e) => e.variableId === variableId && e.value === value)) entities.push({ id: entities.length + 4, variableId, value });
  };
  for (const document of fixture.documents) {
    add(VARIABLE.person, document.person);
    add(VARIABLE.organization, document.organization);
    for (const statement of document.statements) add(VARIABLE.concept, statement[3]);
  }
  return entities;
}

interface SampleStatement {
  id: number;
  document: number;
  start: number;
  stop: number;
  person: number;
  organization: number;
  concept: number;
  agreement: 0 | 1;
}

function sampleModel() {
  const entities = sampleEntities();
  const entityId = (variableId: number, value: string) => entities.find((e) => e.variableId === variableId && e.value === value)!.id;
  const statements: SampleStatement[] = [];
  const documents = fixture.documents.map((document, i) => {
    const spans = document.statements.map(([, start, stop]) => [start, stop] as [number, number]);
    const length = Math.max(...spans.map(([, stop]) => stop)) + 40;
    for (const [id, start, stop, concept, agreement] of document.statements) {
      statements.push({ id, document: i + 1, start, stop, person: entityId(VARIABLE.person, document.person), organization: entityId(VARIABLE.organization, document.organization), concept: entityId(VARIABLE.concept, concept), agreement });
    }
    return { id: i + 1, title: document.title, text: placeholderText(length, spans), date: Date.parse(`${document.date}T00:00:00Z`) / 1000 };
  });
  return { entities, statements, documents };
}

/** The sample as the SQL DNA would have run: its initial contents, then the documents, entities and statements. */
export function dnaSampleSql(): string[] {
  const { entities, statements, documents } = sampleModel();
  const empty = [1, 2, 3].map((variableId) => `(${variableId}, ${variableId}, '', 0, 0, 0, NULL)`);
  return [
    ...DNA_INITIAL_CONTENTS,
    ...documents.map((d) => `INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date) VALUES (${d.id}, ${sqlString(d.title)}, ${sqlString(d.text)}, 1, '', '', '', '', '', ${d.date})`),
    `INSERT INTO ENTITIES (ID, VariableId, Value, Red, Green, Blue, ChildOf) VALUES ${[...empty, ...entities.map((e) => `(${e.id}, ${e.variableId}, ${sqlString(e.value)}, 0, 0, 0, NULL)`)].join(', ')}`,
    ...statements.flatMap((s) => standardStatement(s.id, s.document, s.start, s.stop, s)),
  ];
}

/** The sample as the rows the core maps (what node/dnaDatabase reads from the SQL above). */
export function dnaSampleRows(): DnaDatabase {
  const { entities, statements, documents } = sampleModel();
  return {
    settings: [{ property: 'version', value: '3.0.11' }],
    coders: [{ id: 1, name: 'Admin', red: 255, green: 255, blue: 0 }],
    documents: documents.map((d) => ({ ...d, coder: 1, author: '', source: '', section: '', notes: '', type: '' })),
    statementTypes: [{ id: 1, label: 'DNA Statement', red: 239, green: 208, blue: 51 }],
    variables: [
      { id: 1, variable: 'person', dataType: 'short text', statementTypeId: 1 },
      { id: 2, variable: 'organization', dataType: 'short text', statementTypeId: 1 },
      { id: 3, variable: 'concept', dataType: 'short text', statementTypeId: 1 },
      { id: 4, variable: 'agreement', dataType: 'boolean', statementTypeId: 1 },
    ],
    statements: statements.map((s) => ({ id: s.id, statementTypeId: 1, documentId: s.document, start: s.start, stop: s.stop, coder: 1 })),
    entities: [...[1, 2, 3].map((variableId) => ({ id: variableId, variableId, value: '' })), ...entities].map((e) => ({ ...e, red: 0, green: 0, blue: 0, childOf: null })),
    shortText: statements.flatMap((s) => [
      { statementId: s.id, variableId: VARIABLE.person, value: s.person },
      { statementId: s.id, variableId: VARIABLE.organization, value: s.organization },
      { statementId: s.id, variableId: VARIABLE.concept, value: s.concept },
    ]),
    longText: [],
    integers: [],
    booleans: statements.map((s) => ({ statementId: s.id, variableId: 4, value: s.agreement })),
    attributeVariables: [],
    attributeValues: [],
  };
}
