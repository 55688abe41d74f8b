import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, workspaceDiagnostics } from '../../../server/src/core';
import { completeInAnnotationFile, documentSymbols, findDefinition, findReferences, hover, prepareRename, rename, renderPlainText, renderMarkdown, textSemanticTokens, workspaceSymbols } from '../../../server/src/core/features';
import { ENTITIES_URI, ENTITY_CLAIMS_URI, ENTITY_TEXT, ENTITY_TEXT_URI, entityIndex } from './entityFixture';

const at = (needle: string, plus = 1) => ENTITY_TEXT.indexOf(needle) + plus;

/** The mentions of the fixture's text: the words, the id they mention, and their semantic token type. */
const EXPECTED_MENTIONS = [
  ['China', 'china', 'actorMention'],
  ['China-Pakistan Economic Corridor', 'cpec', 'entityMention'],
  ['CPEC', 'cpec', 'entityMention'],
  ['Durand Line', 'durand-line', 'entityMention'],
  ['Pakistan', 'pakistan', 'actorMention'],
] as const;

describe('entities in the editor features', () => {
  it('matches the longer entity alias over the actor alias inside it (leftmost-longest)', async () => {
    const index = await entityIndex();
    const mentions = index.analysis(ENTITY_TEXT_URI)!.mentions.map((m) => [ENTITY_TEXT.slice(m.span.start, m.span.end), m.actorId]);
    assert.deepEqual(mentions, EXPECTED_MENTIONS.map(([words, id]) => [words, id]));
  });

  it('keeps the sample workspace with entities free of diagnostics', async () => {
    const index = await entityIndex();
    const all = [...workspaceDiagnostics(index).values()].flat();
    assert.deepEqual(all.map((d) => `${d.code}: ${d.message}`), []);
  });

  it('hovers an entity mention with its own card: name, kind, description, claims about it, Wikidata, definition', async () => {
    const index = await entityIndex();
    const card = hover(index, ENTITY_TEXT_URI, at('CPEC'))!;
    assert.deepEqual(card.range, { start: at('CPEC', 0), end: at('CPEC', 0) + 4 });
    const text = renderPlainText(card.card);
    assert.match(text, /China-Pakistan Economic Corridor · project \(entity\) · cpec/);
    assert.match(text, /Infrastructure projects linking Xinjiang to Gwadar\./);
    assert.match(text, /Claims in this text: 1 claim about it/);
    assert.match(text, /Mentioned in 0 other texts\./);
    assert.match(renderMarkdown(card.card), /\[Q1090498\]\(https:\/\/www\.wikidata\.org\/wiki\/Q1090498\)/);
    assert.doesNotMatch(text, /Relations|by it/);
    const actor = renderPlainText(hover(index, ENTITY_TEXT_URI, at('China', 1))!.card);
    assert.match(actor, /China · state · china/);
  });

  it('hovers an entity id in about: and in its definition', async () => {
    const index = await entityIndex();
    const claims = index.content(ENTITY_CLAIMS_URI)!;
    const inAbout = renderPlainText(hover(index, ENTITY_CLAIMS_URI, claims.indexOf('cpec') + 1)!.card);
    assert.match(inAbout, /Claims in the workspace: 1 claim about it/);
    const entities = index.content(ENTITIES_URI)!;
    const inDefinition = renderPlainText(hover(index, ENTITIES_URI, entities.indexOf('durand-line') + 1)!.card);
    assert.match(inDefinition, /Durand Line · place \(entity\) · durand-line/);
  });

  it('goes to the entity definition from a mention and from about:', async () => {
    const index = await entityIndex();
    const entities = index.content(ENTITIES_URI)!;
    const expected = entities.indexOf('cpec');
    for (const [uri, offset] of [[ENTITY_TEXT_URI, at('China-Pakistan Economic Corridor', 3)], [ENTITY_CLAIMS_URI, index.content(ENTITY_CLAIMS_URI)!.indexOf('cpec')]] as const) {
      const targets = findDefinition(index, uri, offset);
      assert.equal(targets.length, 1);
      assert.equal(targets[0].uri, ENTITIES_URI);
      assert.equal(targets[0].selection.start, expected);
    }
  });

  it('finds every reference of an entity: its definition, about:, and its mentions in texts', async () => {
    const index = await entityIndex();
    const found = findReferences(index, ENTITIES_URI, index.content(ENTITIES_URI)!.indexOf('cpec'), { includeDeclaration: true });
    const described = found.map((r) => `${r.uri.split('/').pop()}:${index.content(r.uri)!.slice(r.range.start, r.range.end)}`);
    assert.deepEqual(described, ['a.yaml:cpec', 'entities.yaml:cpec', 'a.txt:China-Pakistan Economic Corridor', 'a.txt:CPEC']);
  });

  it('renames an entity id everywhere it is named, and refuses an id an actor has', async () => {
    const index = await entityIndex();
    const offset = index.content(ENTITIES_URI)!.indexOf('cpec');
    const check = prepareRename(index, ENTITIES_URI, offset);
    assert.ok(check.ok && check.subject.kind === 'entity');
    const result = rename(index, ENTITIES_URI, offset, 'economic-corridor');
    assert.ok(result.ok);
    const edited = new Map<string, string>();
    for (const uri of new Set(result.edits.map((e) => e.uri))) edited.set(uri, applyEdits(index.content(uri)!, result.edits.filter((e) => e.uri === uri)));
    assert.match(edited.get(ENTITIES_URI)!, /- id: economic-corridor\n/);
    assert.match(edited.get(ENTITY_CLAIMS_URI)!, /about: \[economic-corridor, pakistan\]/);
    const taken = rename(index, ENTITIES_URI, offset, 'china');
    assert.ok(!taken.ok && /The actor id `china` is already used/.test(taken.reason));
  });

  it('completes entity ids in about: and entity kinds in an entity', async () => {
    const index = await entityIndex();
    const claims = index.content(ENTITY_CLAIMS_URI)!;
    const about = completeInAnnotationFile(index, ENTITY_CLAIMS_URI, claims.indexOf('cpec'));
    assert.ok(about.some((e) => e.label === 'cpec' && e.category === 'entity' && e.detail === 'China-Pakistan Economic Corridor · project · entity'));
    assert.ok(about.some((e) => e.label === 'china' && e.category === 'actor'));
    const claimant = completeInAnnotationFile(index, ENTITY_CLAIMS_URI, claims.indexOf('china\n'));
    assert.ok(!claimant.some((e) => e.label === 'cpec'), 'entities are never claimants');
    const entities = index.content(ENTITIES_URI)!;
    const kinds = completeInAnnotationFile(index, ENTITIES_URI, entities.indexOf('project'));
    assert.deepEqual(kinds.map((e) => e.label), ['place', 'project', 'law', 'event', 'document', 'other']);
    const fields = completeInAnnotationFile(index, ENTITIES_URI, entities.indexOf('    name: Durand') + 4);
    assert.ok(fields.some((e) => e.label === 'wikidata'));
  });

  it('gives entity mentions their own semantic token type', async () => {
    const index = await entityIndex();
    const tokens = textSemanticTokens(index, ENTITY_TEXT_URI).filter((t) => t.type !== 'claim');
    assert.deepEqual(tokens.map((t) => [ENTITY_TEXT.slice(t.span.start, t.span.end), t.type]), EXPECTED_MENTIONS.map(([words, , type]) => [words, type]));
  });

  it('lists entities among document and workspace symbols', async () => {
    const index = await entityIndex();
    assert.deepEqual(documentSymbols(index, ENTITIES_URI).map((s) => [s.name, s.category, s.detail]), [
      ['cpec', 'entity', 'China-Pakistan Economic Corridor · project'],
      ['durand-line', 'entity', 'Durand Line · place'],
    ]);
    assert.deepEqual(workspaceSymbols(index, 'durand').map((s) => [s.name, s.category]), [['durand-line', 'entity']]);
  });
});
