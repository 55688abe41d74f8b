import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, parseAnnotationFile, workspaceDiagnostics } from '../../server/src/core';
import { exportDna, importDna, type DnaDatabase, type DnaImportResult } from '../../server/src/core/dna';
import { loadMemoryWorkspace, WORKSPACE } from '../helpers/memoryWorkspace';

const TEXT_1 = 'Greenpeace 🌍 says coal must go. The minister says coal must go too. Coal must go, said Greenpeace.';
const TEXT_2 = 'Second article.\nThe union rejects the phase-out.';

/** A small DNA database as rows: two documents, persons, organizations, concepts, attributes, another statement type. */
export function sampleRows(): DnaDatabase {
  const at = (text: string, phrase: string, from = 0) => {
    const start = text.indexOf(phrase, from);
    assert.ok(start >= 0, phrase);
    return { start, stop: start + phrase.length };
  };
  const first = at(TEXT_1, 'coal must go');
  const second = at(TEXT_1, 'coal must go', first.stop);
  return {
    settings: [{ property: 'version', value: '3.0.11' }],
    coders: [{ id: 1, name: 'Admin', red: 255, green: 255, blue: 0 }, { id: 2, name: 'Second coder', red: 0, green: 0, blue: 255 }],
    documents: [
      { id: 1, title: 'Coal: the debate', text: TEXT_1, coder: 1, author: 'Jane Doe', source: 'The Paper', section: 'Politics', notes: 'Front page', type: 'news', date: Date.UTC(2021, 7, 10, 14, 30) / 1000 },
      { id: 2, title: 'Union', text: TEXT_2, coder: 1, author: '', source: '', section: '', notes: '', type: '', date: Date.UTC(2022, 0, 5) / 1000 },
    ],
    statementTypes: [{ id: 1, label: 'DNA Statement', red: 239, green: 208, blue: 51 }, { id: 2, label: 'NPF Story Element', red: 100, green: 200, blue: 190 }],
    variables: [
      { id: 1, variable: 'person', dataType: 'short text', statementTypeId: 1 },
      { id: 2, variable: 'organization', dataType: 'short text', statementTypeId: 1 },
      { id: 3, variable: 'concept', dataType: 'short text', statementTypeId: 1 },
      { id: 4, variable: 'agreement', dataType: 'boolean', statementTypeId: 1 },
      { id: 5, variable: 'hero', dataType: 'short text', statementTypeId: 2 },
    ],
    statements: [
      { id: 10, statementTypeId: 1, documentId: 1, start: at(TEXT_1, 'Greenpeace').start, stop: at(TEXT_1, 'coal must go').stop, coder: 1 },
      { id: 11, statementTypeId: 1, documentId: 1, ...second, coder: 2 },
      { id: 12, statementTypeId: 1, documentId: 2, ...at(TEXT_2, 'rejects the phase-out'), coder: 1 },
      { id: 13, statementTypeId: 2, documentId: 2, ...at(TEXT_2, 'The union'), coder: 1 },
    ],
    entities: [
      { id: 1, variableId: 1, value: '', red: 0, green: 0, blue: 0, childOf: null },
      { id: 2, variableId: 1, value: 'Ann Minister', red: 0, green: 0, blue: 0, childOf: null },
      { id: 3, variableId: 2, value: 'Greenpeace', red: 0, green: 128, blue: 0, childOf: null },
      { id: 4, variableId: 2, value: 'Government', red: 0, green: 0, blue: 0, childOf: null },
      { id: 5, variableId: 2, value: 'Trade Union', red: 0, green: 0, blue: 0, childOf: 4 },
      { id: 6, variableId: 3, value: 'Coal must be phased out', red: 0, green: 0, blue: 0, childOf: null },
      { id: 7, variableId: 5, value: 'The workers', red: 0, green: 0, blue: 0, childOf: null },
    ],
    shortText: [
      { statementId: 10, variableId: 1, value: 1 }, { statementId: 10, variableId: 2, value: 3 }, { statementId: 10, variableId: 3, value: 6 },
      { statementId: 11, variableId: 1, value: 2 }, { statementId: 11, variableId: 2, value: 4 }, { statementId: 11, variableId: 3, value: 6 },
      { statementId: 12, variableId: 2, value: 5 }, { statementId: 12, variableId: 3, value: 6 },
      { statementId: 13, variableId: 5, value: 7 },
    ],
    longText: [],
    integers: [],
    booleans: [{ statementId: 10, variableId: 4, value: 1 }, { statementId: 11, variableId: 4, value: 1 }, { statementId: 12, variableId: 4, value: 0 }],
    attributeVariables: [{ id: 1, variableId: 2, attributeVariable: 'Type' }, { id: 2, variableId: 2, attributeVariable: 'Alias' }, { id: 3, variableId: 2, attributeVariable: 'Notes' }, { id: 4, variableId: 2, attributeVariable: 'Founded' }],
    attributeValues: [
      { entityId: 3, attributeVariableId: 1, attributeValue: 'NGO' },
      { entityId: 3, attributeVariableId: 2, attributeValue: 'GP; Greenpeace International' },
      { entityId: 3, attributeVariableId: 3, attributeValue: 'Environmental group.' },
      { entityId: 3, attributeVariableId: 4, attributeValue: '1971' },
      { entityId: 4, attributeVariableId: 1, attributeValue: 'government' },
    ],
  };
}

function imported(rows: DnaDatabase): DnaImportResult {
  const result = importDna(rows, DEFAULT_VOCABULARY);
  assert.ok(!('error' in result), 'error' in result ? result.error : '');
  return result;
}

const filesOf = (result: DnaImportResult) => Object.fromEntries(result.files.map((f) => [f.path, f.content]));

describe('DNA import (rows → workspace files)', () => {
  it('writes a workspace that checks with no errors, one text and annotation file per document', async () => {
    const result = imported(sampleRows());
    const files = filesOf(result);
    assert.deepEqual(Object.keys(files).sort(), ['annotations/actors.yaml', 'annotations/coal-the-debate.yaml', 'annotations/concepts.yaml', 'annotations/texts/coal-the-debate.txt', 'annotations/texts/union.txt', 'annotations/union.yaml', 'dna-import/unrepresented.json', 'policy-annotator.yaml']);
    assert.equal(files['annotations/texts/coal-the-debate.txt'], TEXT_1);
    const { index } = await loadMemoryWorkspace(files);
    const errors = [...(await workspaceDiagnostics(index)).values()].flat().filter((d) => d.severity === 'error');
    assert.deepEqual(errors, []);
    assert.deepEqual(result.counts, { texts: 2, claims: 3, actors: 4, concepts: 1 });
  });

  it('maps statements to claims: person or organization as claimant, on-behalf-of, concept, stance, coder, and prefix/suffix where the span is ambiguous', async () => {
    const { index } = await loadMemoryWorkspace(filesOf(imported(sampleRows())));
    const claims = index.annotationFile(`${WORKSPACE}/annotations/coal-the-debate.yaml`)!.textAnnotation!.claims;
    assert.equal(claims.length, 2);
    const [byGreenpeace, byMinister] = claims;
    assert.equal(byGreenpeace.claimant?.value, 'greenpeace');
    assert.equal(byGreenpeace.concept?.value, 'coal-must-be-phased-out');
    assert.equal(byGreenpeace.stance?.value, 'supports');
    assert.equal(byMinister.claimant?.value, 'ann-minister');
    const organization = byMinister.onBehalfOf?.value ?? byMinister.attributes.find((a) => a.key.value === 'organization')?.value.value;
    assert.equal(organization, 'government');
    assert.ok(byMinister.prefix || byMinister.suffix, 'the second "coal must go" needs context');
    assert.deepEqual(byMinister.attributes.filter((a) => a.key.value === 'coder').map((a) => a.value.value), ['Second coder']);
    const analysis = index.analysis(`${WORKSPACE}/annotations/texts/coal-the-debate.txt`)!;
    const spans = analysis.claims.map((c) => c.result.span);
    const second = TEXT_1.indexOf('coal must go', TEXT_1.indexOf('coal must go') + 1);
    assert.deepEqual(spans[1], { start: second, end: second + 'coal must go'.length });
    const union = index.annotationFile(`${WORKSPACE}/annotations/union.yaml`)!.textAnnotation!.claims[0];
    assert.equal(union.claimant?.value, 'trade-union');
    assert.equal(union.stance?.value, 'rejects');
  });

  it('keeps the document fields: title, published, and author, source, section, type, notes, time and coder as attributes', () => {
    const file = parseAnnotationFile(`${WORKSPACE}/annotations/coal-the-debate.yaml`, filesOf(imported(sampleRows()))['annotations/coal-the-debate.yaml'], DEFAULT_VOCABULARY);
    const annotation = file.textAnnotation!;
    assert.equal(annotation.title?.value, 'Coal: the debate');
    assert.equal(annotation.published?.value, '2021-08-10');
    const attributes = Object.fromEntries(annotation.attributes.map((a) => [a.key.value, a.value.value]));
    const note = annotation.note?.value ?? attributes.notes;
    assert.equal(note, 'Front page');
    assert.deepEqual({ ...attributes, notes: undefined }, { author: 'Jane Doe', source: 'The Paper', section: 'Politics', type: 'news', 'date-time': '2021-08-10T14:30:00Z', coder: 'Admin', notes: undefined });
  });

  it('makes actors and concepts of the entities, with Type as kind, Alias as aliases, Notes as description and ChildOf as part-of', async () => {
    const result = imported(sampleRows());
    const { index } = await loadMemoryWorkspace(filesOf(result));
    const greenpeace = index.actor('greenpeace')!;
    assert.equal(greenpeace.kind?.value, 'ngo');
    assert.deepEqual(greenpeace.aliases.map((a) => a.value), ['Greenpeace', 'GP', 'Greenpeace International']);
    assert.equal(greenpeace.description?.value, 'Environmental group.');
    assert.equal(index.actor('government')!.kind?.value, 'government');
    assert.equal(index.actor('ann-minister')!.kind?.value, 'person');
    assert.deepEqual(index.actor('trade-union')!.relations.map((r) => [r.type?.value, r.target?.value]), [['part-of', 'government']]);
    assert.match(filesOf(result)['policy-annotator.yaml'], /actor-kinds: \[ngo\]/);
    assert.equal(index.concept('coal-must-be-phased-out')!.label?.value, 'Coal must be phased out');
  });

  it('lists what it could not represent, and keeps other statement types and unknown attributes in the side file', () => {
    const result = imported(sampleRows());
    const report = result.notes.join('\n');
    assert.match(report, /1 statement of other statement types is not claims/);
    assert.match(report, /colour/);
    assert.match(report, /Founded/);
    const side = JSON.parse(filesOf(result)['dna-import/unrepresented.json']) as { statements: { id: number; type: string; values: Record<string, unknown> }[]; entityAttributes: unknown[] };
    assert.deepEqual(side.statements.map((s) => [s.id, s.type, s.values]), [[13, 'NPF Story Element', { hero: 'The workers' }]]);
    assert.deepEqual(side.entityAttributes, [{ entity: 'Greenpeace', attribute: 'Founded', value: '1971' }]);
  });

  it('refuses a statement outside its text, naming the statement and the fix', () => {
    const rows = sampleRows();
    rows.statements[0].stop = TEXT_1.length + 5;
    const result = importDna(rows, DEFAULT_VOCABULARY);
    assert.ok('error' in result);
    assert.match(result.error, /statement 10 spans characters 0–\d+, outside the text of document 1 \(\d+ characters\).*correct the statement in DNA/);
  });

  it('counts offsets in UTF-16 code units, as Java does: a span after an emoji lands on the same words', async () => {
    const { index } = await loadMemoryWorkspace(filesOf(imported(sampleRows())));
    const claim = index.annotationFile(`${WORKSPACE}/annotations/coal-the-debate.yaml`)!.textAnnotation!.claims[0];
    assert.equal(claim.quote?.value, 'Greenpeace 🌍 says coal must go');
  });
});

describe('DNA export (workspace → rows)', () => {
  it('gives back the same rows the import read, for everything DNA holds: importing the export writes the same files', async () => {
    const first = imported(sampleRows());
    const { index } = await loadMemoryWorkspace(filesOf(first));
    const exported = exportDna(index, { workspaceFolder: WORKSPACE });
    assert.deepEqual(exported.warnings, []);
    const again = imported(exported.database);
    const withoutSide = (result: DnaImportResult) => result.files.filter((f) => f.path !== 'dna-import/unrepresented.json');
    assert.deepEqual(withoutSide(again), withoutSide(first));
    assert.equal(exported.database.statements.length, 3);
    assert.deepEqual(exported.database.coders.map((c) => c.name), ['Admin', 'Second coder']);
  });

  it('gives claims the same ids again when documents in id order are not in title order and their claims would share an id', async () => {
    const rows = sampleRows();
    rows.documents[1] = { ...rows.documents[1], title: 'A union article' };
    rows.statements.push({ id: 14, statementTypeId: 1, documentId: 2, start: 0, stop: 6, coder: 1 });
    rows.shortText.push({ statementId: 14, variableId: 2, value: 3 }, { statementId: 14, variableId: 3, value: 6 });
    rows.booleans.push({ statementId: 14, variableId: 4, value: 1 });
    const first = imported(rows);
    assert.match(filesOf(first)['annotations/a-union-article.yaml'], /id: greenpeace-coal-must-be-phased-out\n/);
    const { index } = await loadMemoryWorkspace(filesOf(first));
    const again = imported(exportDna(index, { workspaceFolder: WORKSPACE }).database);
    const withoutSide = (result: DnaImportResult) => result.files.filter((f) => f.path !== 'dna-import/unrepresented.json');
    assert.deepEqual(withoutSide(again), withoutSide(first));
  });
});
