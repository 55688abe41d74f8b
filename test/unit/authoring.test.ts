import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics, applyEdits, type CoreDiagnostic } from '../../server/src/core';
import {
  actorActivity,
  actorSummaries,
  entitySummaries,
  addAlias,
  annotateClaim,
  createActor,
  excerptAround,
  idFromName,
  idFromQuote,
  quoteSelectorFor,
  relativePathBetween,
  type AuthoringChange,
  type AuthoringResult,
} from '../../server/src/core/authoring';
import { readCorpus } from '../helpers/sampleCorpus';
import { type FileSet, loadIndex, namedFixture, parseFixture } from '../helpers/fixture';
import { uriOf, yaml } from '../helpers/memoryWorkspace';

const ARTICLE = 'The ISI backs the Taliban. Imran Khan said the Taliban are “normal civilians.” The ISI denies it.\n\nWhy does it matter?\n\nThe Taliban gain.';

/** Actors, concepts and claims with comments everywhere, which edits must keep (test/fixtures/commented-registry.txtar). */
const REGISTRY = parseFixture(namedFixture('commented-registry'));
const ACTORS = REGISTRY['annotations/actors.yaml'];
const CONCEPTS = REGISTRY['annotations/concepts.yaml'];

const ANNOTATION = REGISTRY['annotations/a.yaml'];

type Files = FileSet;

function base(extra: Files = {}): Files {
  return { 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/concepts.yaml': CONCEPTS, 'annotations/a.yaml': ANNOTATION, ...extra };
}

function changed(result: AuthoringResult): AuthoringChange {
  if (!result.ok) assert.fail(`expected a change, got: ${result.message}`);
  return result.change;
}

function refused(result: AuthoringResult): string {
  assert.equal(result.ok, false, 'expected the command to refuse');
  return (result as { message: string }).message;
}

/** The selection of the n-th (0-based) occurrence of `words` in the article. */
function select(text: string, words: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(words, at + 1);
    assert.ok(at >= 0, `"${words}" occurs fewer than ${occurrence + 1} times`);
  }
  return { start: at, end: at + words.length };
}

/** Asserts that the change only inserts text: everything that was there before is still there, byte for byte, in order. */
function assertOnlyInserts(before: string, change: AuthoringChange): string {
  for (const edit of change.edits) assert.equal(edit.range.start, edit.range.end, 'an authoring edit never replaces existing text');
  const after = applyEdits(before, change.edits);
  assert.equal(after, change.newContent);
  let cursor = 0;
  for (const ch of before) {
    cursor = after.indexOf(ch, cursor);
    assert.ok(cursor >= 0);
    cursor++;
  }
  return after;
}

/** Reloads the workspace with a change applied and returns the diagnostics of the changed file. */
async function diagnosticsAfter(files: Files, change: AuthoringChange): Promise<CoreDiagnostic[]> {
  const relative = change.uri.slice(uriOf('').length);
  const index = await loadIndex({ ...files, [relative]: change.newContent });
  return annotationFileDiagnostics(index, change.uri);
}

describe('annotate selection as claim', () => {
  it('appends the claim to the text’s annotation file, keeping every comment and blank line', async () => {
    const files = base();
    const index = await loadIndex(files);
    const change = changed(annotateClaim(index, { textUri: uriOf('annotations/texts/a.txt'), text: ARTICLE, selection: select(ARTICLE, 'the Taliban are “normal civilians.”'), claimant: 'imran-khan', about: ['taliban'], type: 'assertion' }));
    assert.equal(change.uri, uriOf('annotations/a.yaml'));
    assert.equal(change.create, false);
    const after = assertOnlyInserts(ANNOTATION, change);
    assert.equal(
      after,
      yaml(
        '# Annotations of a.txt',
        'text: texts/a.txt',
        '',
        'claims:',
        '  # the first claim',
        '  - id: isi-backs-taliban',
        '    claimant: isi',
        '    quote: The ISI backs the Taliban.',
        '  - id: imran-khan-taliban-normal-civilians',
        '    claimant: imran-khan',
        '    quote: the Taliban are “normal civilians.”',
        '    about: [taliban]',
        '    type: assertion',
        '',
        '# trailing comment',
      ),
    );
    assert.equal(after.slice(change.reveal.start, change.reveal.start + 39), 'id: imran-khan-taliban-normal-civilians');
    assert.deepEqual(await diagnosticsAfter(files, change), []);
  });

  it('adds the context that picks the selected occurrence when the words occur more than once', async () => {
    const files = base();
    const index = await loadIndex(files);
    const selection = select(ARTICLE, 'the Taliban', 1);
    const change = changed(annotateClaim(index, { textUri: uriOf('annotations/texts/a.txt'), text: ARTICLE, selection, claimant: 'imran-khan' }));
    assert.match(change.newContent, /quote: the Taliban\n {4}prefix: "said "\n/);
    assert.deepEqual(await diagnosticsAfter(files, change), []);
  });

  it('collapses line breaks in the context but keeps the quote’s exact characters', () => {
    const text = 'The Taliban gain.\n\nThe Taliban gain.\n\nThe Taliban gain?';
    const selection = select(text, 'The Taliban gain', 1);
    const selector = quoteSelectorFor(text, selection);
    // One word either side fits two places each; both together fit one.
    assert.deepEqual(selector, { quote: 'The Taliban gain', prefix: 'gain. ', suffix: '.' });
  });

  it('refuses a selection that no context of up to eight words tells apart', async () => {
    const text = 'x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x';
    const index = await loadIndex(base({ 'annotations/texts/b.txt': text, 'annotations/b.yaml': yaml('text: texts/b.txt') }));
    const message = refused(annotateClaim(index, { textUri: uriOf('annotations/texts/b.txt'), text, selection: select(text, 'x', 15), claimant: 'isi' }));
    assert.match(message, /Select a longer passage/);
  });

  it('creates the annotation file, with its text: field, when the text has none', async () => {
    const text = 'Islamabad said the ISI had no role.';
    const files = base({ 'reports/b.md': text });
    const index = await loadIndex(files);
    const change = changed(annotateClaim(index, { textUri: uriOf('reports/b.md'), text, selection: select(text, 'the ISI had no role'), claimant: 'isi', type: 'denial' }));
    assert.equal(change.uri, uriOf('annotations/b.yaml'));
    assert.equal(change.create, true);
    assert.deepEqual(change.edits.map((edit) => edit.range), [{ start: 0, end: 0 }]);
    assert.equal(change.newContent, yaml('text: ../reports/b.md', 'claims:', '  - id: isi-role', '    claimant: isi', '    quote: the ISI had no role', '    type: denial'));
    const index2 = await loadIndex({ ...files, 'annotations/b.yaml': change.newContent });
    assert.deepEqual(index2.annotationsOf(uriOf('reports/b.md')), [uriOf('annotations/b.yaml')]);
    assert.deepEqual(annotationFileDiagnostics(index2, change.uri).filter((d) => d.code.startsWith('quote') || d.code.startsWith('text')), []);
  });

  it('never reuses a file name that another annotation file has', async () => {
    const text = 'The ISI spoke.';
    const index = await loadIndex(base({ 'elsewhere/a.txt': text }));
    const change = changed(annotateClaim(index, { textUri: uriOf('elsewhere/a.txt'), text, selection: select(text, 'The ISI spoke.'), claimant: 'isi' }));
    assert.equal(change.uri, uriOf('annotations/a-2.yaml'));
    assert.match(change.newContent, /^text: \.\.\/elsewhere\/a\.txt\n/);
  });

  it('gives the claim an id unique in the workspace', async () => {
    const index = await loadIndex(base());
    const change = changed(annotateClaim(index, { textUri: uriOf('annotations/texts/a.txt'), text: ARTICLE, selection: select(ARTICLE, 'backs the Taliban'), claimant: 'isi' }));
    assert.match(change.newContent, /- id: isi-backs-taliban-2\n/);
  });

  it('writes concept and stance, and refuses a stance without a concept, unknown ids and values outside the vocabulary', async () => {
    const index = await loadIndex(base());
    const request = { textUri: uriOf('annotations/texts/a.txt'), text: ARTICLE, selection: select(ARTICLE, 'The ISI denies it.'), claimant: 'isi' };
    const change = changed(annotateClaim(index, { ...request, concept: 'pakistan-backs-taliban', stance: 'rejects', type: 'denial' }));
    assert.match(change.newContent, /concept: pakistan-backs-taliban\n {4}stance: rejects\n {4}type: denial\n/);
    assert.match(refused(annotateClaim(index, { ...request, stance: 'rejects' })), /pick the concept/);
    assert.match(refused(annotateClaim(index, { ...request, claimant: 'nobody' })), /`nobody`/);
    assert.match(refused(annotateClaim(index, { ...request, about: ['isi', 'ghost'] })), /`ghost`/);
    assert.match(refused(annotateClaim(index, { ...request, concept: 'no-such-concept' })), /`no-such-concept`/);
    assert.match(refused(annotateClaim(index, { ...request, type: 'rumour' })), /not a claim type/);
    assert.match(refused(annotateClaim(index, { ...request, selection: { start: 3, end: 4 } })), /Select the words/);
  });

  it('keeps CRLF line endings in a CRLF file', async () => {
    const crlf = ANNOTATION.replace(/\n/g, '\r\n');
    const files = base({ 'annotations/a.yaml': crlf });
    const index = await loadIndex(files);
    const change = changed(annotateClaim(index, { textUri: uriOf('annotations/texts/a.txt'), text: ARTICLE, selection: select(ARTICLE, 'The ISI denies it.'), claimant: 'isi' }));
    const after = assertOnlyInserts(crlf, change);
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/, 'every line break is CRLF');
    assert.match(after, /\r\n {2}- id: isi-denies\r\n {4}claimant: isi\r\n {4}quote: The ISI denies it\.\r\n/);
    assert.deepEqual(await diagnosticsAfter(files, change), []);
  });

  it('adds a claims list to an annotation file that has only mentions, and fills an empty one', async () => {
    const onlyMentions = yaml('text: texts/a.txt  # the article', 'mentions:', '  - actor: isi', '    quote: The ISI backs');
    const index = await loadIndex(base({ 'annotations/a.yaml': onlyMentions }));
    const change = changed(annotateClaim(index, { textUri: uriOf('annotations/texts/a.txt'), text: ARTICLE, selection: select(ARTICLE, 'The ISI denies it.'), claimant: 'isi' }));
    assert.equal(assertOnlyInserts(onlyMentions, change), `${onlyMentions}claims:\n  - id: isi-denies\n    claimant: isi\n    quote: The ISI denies it.\n`);

    const empty = yaml('text: texts/a.txt', 'claims: []   # none yet');
    const index2 = await loadIndex(base({ 'annotations/a.yaml': empty }));
    const change2 = changed(annotateClaim(index2, { textUri: uriOf('annotations/texts/a.txt'), text: ARTICLE, selection: select(ARTICLE, 'The ISI denies it.'), claimant: 'isi' }));
    assert.match(change2.newContent, /^text: texts\/a\.txt\nclaims:\n {2}- id: isi-denies\n/);
    assert.match(change2.newContent, /# none yet/);
  });
});

describe('add selection as alias of actor', () => {
  it('appends to a block list of aliases, keeping comments', async () => {
    const index = await loadIndex(base());
    const change = changed(addAlias(index, { actorId: 'taliban', alias: 'Afghan\n Taliban ' }));
    const after = assertOnlyInserts(ACTORS, change);
    assert.match(after, / {4}aliases:\n {6}- Taliban\n {6}- Afghan Taliban\n {2}- id: imran-khan/);
    assert.equal(after.slice(change.reveal.start, change.reveal.end), 'Afghan Taliban');
    assert.deepEqual(change.warnings, []);
  });

  it('appends to a flow list, and starts a list for an actor without aliases', async () => {
    const index = await loadIndex(base());
    const flow = changed(addAlias(index, { actorId: 'isi', alias: 'Inter-Services Intelligence' }));
    assert.match(flow.newContent, /aliases: \[ISI, Inter-Services Intelligence\]/);
    const none = changed(addAlias(index, { actorId: 'pakistan', alias: 'Islamabad' }));
    assert.match(assertOnlyInserts(ACTORS, none), / {4}kind: state\n {4}aliases:\n {6}- Islamabad\n# end of registry\n$/);
  });

  it('refuses an alias the actor has, and warns about one another actor has', async () => {
    const index = await loadIndex(base());
    assert.match(refused(addAlias(index, { actorId: 'isi', alias: 'ISI' })), /already an alias of ISI/);
    assert.match(refused(addAlias(index, { actorId: 'ghost', alias: 'Ghost' })), /`ghost`/);
    assert.match(refused(addAlias(index, { actorId: 'isi', alias: '  ' })), /Select the words/);
    const conflict = changed(addAlias(index, { actorId: 'imran-khan', alias: 'Taliban' }));
    assert.deepEqual(conflict.warnings, ['“Taliban” is also an alias of Taliban, so its mentions are now ambiguous (alias-conflict).']);
  });

  it('quotes an alias that YAML would read as something else', async () => {
    const index = await loadIndex(base());
    const change = changed(addAlias(index, { actorId: 'taliban', alias: 'Taliban: the movement' }));
    assert.match(change.newContent, /- "Taliban: the movement"\n/);
  });

  it('keeps CRLF line endings', async () => {
    const crlf = ACTORS.replace(/\n/g, '\r\n');
    const index = await loadIndex(base({ 'annotations/actors.yaml': crlf }));
    const change = changed(addAlias(index, { actorId: 'taliban', alias: 'Afghan Taliban' }));
    const after = assertOnlyInserts(crlf, change);
    assert.doesNotMatch(after.replace(/\r\n/g, ''), /[\r\n]/);
  });
});

describe('create actor from selection', () => {
  it('appends the actor to the registry with a unique id and the name as its first alias', async () => {
    const files = base({ 'annotations/more-actors.yaml': yaml('actors:', '  - id: haqqani-network', '    name: Haqqani network', '    kind: armed-group') });
    const index = await loadIndex(files);
    const change = changed(createActor(index, { name: 'Haqqani\nnetwork', kind: 'armed-group' }));
    assert.equal(change.uri, uriOf('annotations/actors.yaml'), 'the file with the most actors');
    const after = assertOnlyInserts(ACTORS, change);
    assert.match(after, / {4}kind: state\n {2}- id: haqqani-network-2\n {4}name: Haqqani network\n {4}kind: armed-group\n {4}aliases:\n {6}- Haqqani network\n# end of registry\n$/);
    assert.equal(after.slice(change.reveal.start, change.reveal.start + 22), 'id: haqqani-network-2\n');
    assert.match(change.warnings.join(''), /^$/);
  });

  it('creates actors.yaml in the first annotation root when no file defines actors', async () => {
    const files = { 'policy-annotator.yaml': 'roots: [corpus]\n', 'corpus/a.yaml': yaml('text: a.txt'), 'corpus/a.txt': 'The ISI.' };
    const index = await loadIndex(files);
    const change = changed(createActor(index, { name: 'Inter-Services Intelligence (ISI)', kind: 'intelligence-agency' }));
    assert.equal(change.uri, uriOf('corpus/actors.yaml'));
    assert.equal(change.create, true);
    assert.equal(change.newContent, yaml('actors:', '  - id: inter-services-intelligence-isi', '    name: Inter-Services Intelligence (ISI)', '    kind: intelligence-agency', '    aliases:', '      - Inter-Services Intelligence (ISI)'));
  });

  it('refuses a kind outside the vocabulary and an id that exists', async () => {
    const index = await loadIndex(base());
    assert.match(refused(createActor(index, { name: 'X', kind: 'think-tank' })), /not an actor kind/);
    assert.match(refused(createActor(index, { name: 'ISI', kind: 'military', id: 'isi' })), /exists already/);
    assert.match(refused(createActor(index, { name: '“”', kind: 'military' })), /letters or digits/);
  });
});

describe('ids and paths', () => {
  it('builds ids from names and quotes', () => {
    assert.equal(idFromName('Inter-Services Intelligence (ISI)'), 'inter-services-intelligence-isi');
    assert.equal(idFromName('Mullah ʿUmar, Émir'), 'mullah-umar-emir');
    assert.equal(idFromQuote('the Taliban are “not a military outfit”'), 'taliban-military-outfit');
    assert.equal(idFromQuote('It is what it is'), 'what');
    assert.equal(idFromQuote('The ISI denies it.', 4, ['isi']), 'denies');
  });

  it('writes relative paths between folders', () => {
    assert.equal(relativePathBetween('file:///ws/annotations', 'file:///ws/annotations/texts/a.txt'), 'texts/a.txt');
    assert.equal(relativePathBetween('file:///ws/annotations', 'file:///ws/reports/2021/b.md'), '../reports/2021/b.md');
    assert.equal(relativePathBetween('file:///ws/a/b', 'file:///ws/c.txt'), '../../c.txt');
  });

  it('cuts excerpts at word boundaries on one line', () => {
    const text = 'one two three four five\nsix seven eight nine ten';
    assert.equal(excerptAround(text, select(text, 'five'), 8), '…four five six…');
    assert.equal(excerptAround(text, select(text, 'one'), 8), 'one two…');
  });
});


describe('authoring on the sample corpus', () => {
  it('lists the actors with their claims and mentions', async () => {
    const index = await loadIndex(readCorpus());
    const actors = actorSummaries(index);
    assert.equal(actors.length, 47);
    const isi = actors.find((actor) => actor.id === 'isi')!;
    assert.equal(isi.name, 'Inter-Services Intelligence (ISI)');
    assert.equal(isi.kind, 'intelligence-agency');
    assert.ok(isi.aliases.includes('ISI'));
    assert.ok(isi.mentions >= 5, `${isi.mentions} mentions`);
    const activity = actorActivity(index, 'isi');
    assert.equal(activity.mentions.length, isi.mentions);
    assert.ok(activity.mentions.every((mention) => mention.uri.endsWith('/pakistan-taliban-qa.txt')));
    assert.ok(activity.mentions.some((mention) => mention.excerpt.includes('(ISI)')));
    const khan = actorActivity(index, 'imran-khan');
    assert.ok(khan.claims.some((claim) => claim.role === 'claimant' && claim.text !== undefined));
  });

  it('lists the entities apart from the actors, with the claims about them and their mentions; a claim may be about one, never by one', async () => {
    const files = readCorpus();
    const index = await loadIndex(files);
    const entities = entitySummaries(index);
    assert.deepEqual(entities.map((entity) => [entity.id, entity.kind]), [['cpec', 'project'], ['durand-line', 'place']]);
    assert.ok(!actorSummaries(index).some((actor) => actor.id === 'cpec'), 'entities are not actors');
    const durand = entities.find((entity) => entity.id === 'durand-line')!;
    assert.equal(durand.claims, 0);
    assert.ok(durand.claimsAbout >= 1 && durand.mentions >= 1, JSON.stringify(durand));
    const activity = actorActivity(index, 'durand-line');
    assert.ok(activity.claims.some((claim) => claim.role === 'about' && claim.id === 'afghanistan-rejects-durand-line'));
    assert.equal(activity.mentions.length, durand.mentions);
    const textPath = 'annotations/texts/pakistan-taliban-qa.txt';
    const text = files[textPath];
    const request = { textUri: uriOf(textPath), text, selection: select(text, 'the ISI has been the militant group’s principal external patron') };
    assert.match(changed(annotateClaim(index, { ...request, claimant: 'aqil-shah', about: ['cpec'] })).newContent, /about: \[cpec\]/);
    assert.match(refused(annotateClaim(index, { ...request, claimant: 'cpec' })), /`cpec` is an entity, and entities make no claims/);
  });

  it('annotates a claim in the seed article without disturbing a byte of the annotation file', async () => {
    const files = readCorpus();
    const index = await loadIndex(files);
    const textPath = 'annotations/texts/pakistan-taliban-qa.txt';
    const text = files[textPath];
    const before = files['annotations/pakistan-taliban-qa.yaml'];
    const change = changed(annotateClaim(index, { textUri: uriOf(textPath), text, selection: select(text, 'the ISI has been the militant group’s principal external patron'), claimant: 'aqil-shah', about: ['isi', 'taliban'] }));
    assert.equal(change.uri, uriOf('annotations/pakistan-taliban-qa.yaml'));
    const after = assertOnlyInserts(before, change);
    assert.equal(after.length - before.length, change.edits[0].newText.length);
    const diagnostics = (await diagnosticsAfter(files, change)).filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(diagnostics, []);
  });
});
