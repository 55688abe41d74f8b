import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics, DEFAULT_VOCABULARY, parseAnnotationFile, parseConfig, quickFixes, type CoreDiagnostic } from '../../../server/src/core';
import { yaml } from '../../helpers/memoryWorkspace';
import { ENTITIES_URI, ENTITY_CLAIMS_URI, ENTITY_FILES, entityIndex } from './entityFixture';

const CLAIM_HEAD = ['text: texts/a.txt', 'claims:', '  - id: china-builds', '    quote: China built the China-Pakistan Economic Corridor.'];

function summary(diagnostics: CoreDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}: ${d.message}`);
}

describe('entities: parsing and checks', () => {
  it('reads every field of an entity, with its ranges', () => {
    const file = parseAnnotationFile('file:///ws/annotations/entities.yaml', ENTITY_FILES['annotations/entities.yaml'], DEFAULT_VOCABULARY);
    assert.deepEqual(file.diagnostics, []);
    assert.deepEqual(file.entities.map((e) => [e.id?.value, e.name?.value, e.kind?.value, e.aliases.map((a) => a.value), e.wikidata?.value]), [
      ['cpec', 'China-Pakistan Economic Corridor', 'project', ['China-Pakistan Economic Corridor', 'CPEC'], 'Q1090498'],
      ['durand-line', 'Durand Line', 'place', ['Durand Line'], undefined],
    ]);
    const text = ENTITY_FILES['annotations/entities.yaml'];
    const cpec = file.entities[0];
    assert.equal(text.slice(cpec.id!.range.start, cpec.id!.range.end), 'cpec');
    assert.equal(file.actors.length, 0);
  });

  it('reports an unknown entity kind with a did-you-mean and the key that extends the vocabulary', () => {
    const file = parseAnnotationFile('file:///ws/e.yaml', yaml('entities:', '  - id: x', '    name: X', '    kind: projet', '    wikidata: X1', '    colour: red'), DEFAULT_VOCABULARY);
    const messages = summary(file.diagnostics);
    assert.ok(messages.some((m) => /^invalid-value: `projet` is not a known entity kind\. Did you mean `project`\?.*`vocabulary:` → `entity-kinds:`/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /`X1` is not a Wikidata item id/.test(m)));
    assert.ok(messages.some((m) => m.startsWith('unknown-field') && m.includes('colour')), messages.join('\n'));
    const missing = parseAnnotationFile('file:///ws/e.yaml', yaml('entities:', '  - id: x'), DEFAULT_VOCABULARY);
    assert.ok(summary(missing.diagnostics).some((m) => m.startsWith('missing-field') && /name/.test(m) && /kind/.test(m)));
  });

  it('accepts entity kinds added under vocabulary: entity-kinds', () => {
    const { config, diagnostics } = parseConfig('file:///ws/policy-annotator.yaml', yaml('vocabulary:', '  entity-kinds: [treaty]'));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(config.vocabulary.entityKinds, [...DEFAULT_VOCABULARY.entityKinds, 'treaty']);
    const file = parseAnnotationFile('file:///ws/e.yaml', yaml('entities:', '  - id: x', '    name: X', '    kind: treaty'), config.vocabulary);
    assert.deepEqual(file.diagnostics, []);
  });

  it('reads a v1 file as before: no entities, no new diagnostics', () => {
    const file = parseAnnotationFile('file:///ws/a.yaml', ENTITY_FILES['annotations/actors.yaml'], DEFAULT_VOCABULARY);
    assert.deepEqual(file.entities, []);
    assert.deepEqual(file.diagnostics, []);
  });

  it('shares one id namespace between entities, actors and concepts', async () => {
    const index = await entityIndex({
      'annotations/more.yaml': yaml('entities:', '  - id: china', '    name: China (the place)', '    kind: place', '  - id: sovereignty', '    name: Sovereignty', '    kind: other'),
      'annotations/concepts.yaml': yaml('concepts:', '  - id: sovereignty', '    label: Sovereignty matters'),
    });
    const more = summary(annotationFileDiagnostics(index, 'file:///ws/annotations/more.yaml'));
    assert.ok(more.some((m) => /^duplicate-id: The entity id `china` is defined more than once \(also at an actor annotations\/actors\.yaml/.test(m)), more.join('\n'));
    assert.ok(more.some((m) => /^duplicate-id: The entity id `sovereignty` .*a concept annotations\/concepts\.yaml/.test(m)), more.join('\n'));
    const actors = summary(annotationFileDiagnostics(index, 'file:///ws/annotations/actors.yaml'));
    assert.ok(actors.some((m) => /^duplicate-id: The actor id `china` .*an entity annotations\/more\.yaml/.test(m)), actors.join('\n'));
    const concepts = summary(annotationFileDiagnostics(index, 'file:///ws/annotations/concepts.yaml'));
    assert.ok(concepts.some((m) => /^duplicate-id: The concept id `sovereignty`/.test(m)), concepts.join('\n'));
  });

  it('lets about: and mentions name entities, and proposes entity ids for a misspelt one', async () => {
    const index = await entityIndex({
      'annotations/a.yaml': yaml(...CLAIM_HEAD, '    claimant: china', '    about: [cpek, durand-line]', 'mentions:', '  - actor: durand-line', '    quote: Durand Line'),
    });
    const found = annotationFileDiagnostics(index, ENTITY_CLAIMS_URI);
    assert.deepEqual(summary(found), ['unknown-actor: No actor or entity has the id `cpek` (used as an actor or entity the claim is about). Did you mean `cpec`? Use an existing actor or entity id, or define it under `actors:` or `entities:`.']);
    assert.deepEqual(found[0].data?.suggestions, ['cpec']);
  });

  it('refuses an entity as claimant, author or relation target, saying entities are never actors', async () => {
    const index = await entityIndex({
      'annotations/a.yaml': yaml('text: texts/a.txt', 'author: cpec', 'claims:', '  - id: china-builds', '    quote: China built the China-Pakistan Economic Corridor.', '    claimant: durand-line', '    concept: cpec'),
      'annotations/actors.yaml': `${ENTITY_FILES['annotations/actors.yaml']}    relations:\n      - type: opposes\n        target: durand-line\n`,
    });
    const claims = summary(annotationFileDiagnostics(index, ENTITY_CLAIMS_URI));
    assert.ok(claims.includes('unknown-actor: `durand-line` is an entity (a named thing that is not an actor), and entities are never claimants; the claimant must be an actor id. Use the id of the actor meant here, and name the entity under `about`.'), claims.join('\n'));
    assert.ok(claims.some((m) => m.startsWith('unknown-actor: `cpec` is an entity') && m.includes('the author must be an actor id')), claims.join('\n'));
    assert.ok(claims.some((m) => m.startsWith('unknown-concept: `cpec` is an entity, not a concept')), claims.join('\n'));
    const actors = summary(annotationFileDiagnostics(index, 'file:///ws/annotations/actors.yaml'));
    assert.ok(actors.some((m) => m.startsWith('unknown-actor: `durand-line` is an entity') && m.includes('a relation target must be an actor id')), actors.join('\n'));
    const claimant = annotationFileDiagnostics(index, ENTITY_CLAIMS_URI).find((d) => d.code === 'unknown-actor' && d.data?.id === 'durand-line')!;
    assert.deepEqual(quickFixes(index, claimant).filter((fix) => fix.title.startsWith('Create')), [], 'no actor stub for an entity id: it would define the id twice');
  });

  it('reports an entity alias that occurs in no text, and an alias an entity shares with an actor', async () => {
    const index = await entityIndex({
      'annotations/entities.yaml': `${ENTITY_FILES['annotations/entities.yaml']}  - id: gwadar\n    name: Gwadar\n    kind: place\n    aliases: [Gwadar, Pakistan]\n`,
    });
    const found = summary(annotationFileDiagnostics(index, ENTITIES_URI));
    assert.ok(found.includes('alias-unused: The alias "Gwadar" of `gwadar` occurs in no text. Aliases match whole words, case-sensitively: check its spelling, or remove it.'), found.join('\n'));
    assert.ok(found.some((m) => m.startsWith('alias-conflict: The alias "Pakistan" also belongs to `pakistan`')), found.join('\n'));
  });

  it('does not report an entity that nothing mentions (entities may be defined for context)', async () => {
    const index = await entityIndex({ 'annotations/entities.yaml': yaml('entities:', '  - id: cpec', '    name: CPEC', '    kind: project', '    aliases: [CPEC]', '  - id: gwadar', '    name: Gwadar', '    kind: place') });
    assert.deepEqual(summary(annotationFileDiagnostics(index, ENTITIES_URI)), []);
  });
});
