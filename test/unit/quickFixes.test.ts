import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics, applyEdits, mergeActor, mergeCandidates, quickFixes, type CoreDiagnostic, type TextEdit, type WorkspaceIndex } from '../../server/src/core';
import { type FileSet, loadIndex, namedFixture, parseFixture } from '../helpers/fixture';
import { uriOf, WORKSPACE, yaml } from '../helpers/memoryWorkspace';

const ARTICLE = 'The ISI backs the Taliban. Imran Khan said the Taliban are “normal civilians.” The ISI denies it. The world has seen this film before.';

/** Actors and concepts with comments everywhere, which edits must keep (test/fixtures/commented-registry.txtar). */
const REGISTRY = parseFixture(namedFixture('commented-registry'));
const ACTORS = REGISTRY['annotations/actors.yaml'];
const CONCEPTS = REGISTRY['annotations/concepts.yaml'];

type Files = FileSet;

function withBase(files: Files): Files {
  return { 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/concepts.yaml': CONCEPTS, ...files };
}

function find(index: WorkspaceIndex, path: string, code: string): CoreDiagnostic[] {
  return annotationFileDiagnostics(index, uriOf(path)).filter((d) => d.code === code);
}

/** The quick fixes of the first `code` problem in an actors file, beside a claim by `isi`. */
async function actorsFileFixes(actors: string, code: string): Promise<{ files: Files; fixes: ReturnType<typeof quickFixes> }> {
  const files = withBase({ 'annotations/actors.yaml': actors, 'annotations/a.yaml': claimFile('isi') });
  const index = await loadIndex(files);
  return { files, fixes: quickFixes(index, find(index, 'annotations/actors.yaml', code)[0]) };
}

/** Applies edits to the in-memory files, returning the new file set. */
function apply(files: Files, edits: TextEdit[]): Files {
  const result = { ...files };
  for (const path of Object.keys(files)) {
    const mine = edits.filter((e) => e.uri === uriOf(path));
    if (mine.length) result[path] = applyEdits(files[path], mine);
  }
  assert.ok(edits.every((e) => e.uri.startsWith(`${WORKSPACE}/`) && Object.keys(files).some((p) => uriOf(p) === e.uri)), 'edits only touch known files');
  return result;
}

/** Every line of `before` that the edit did not touch is still in `after`, in order (comments included). */
function assertKeepsOtherLines(before: string, after: string, touched: RegExp) {
  const kept = before.split('\n').filter((line) => !touched.test(line));
  let at = 0;
  const afterLines = after.split('\n');
  for (const line of kept) {
    const found = afterLines.indexOf(line, at);
    assert.ok(found >= 0, `line lost or reordered: ${JSON.stringify(line)}\n${after}`);
    at = found + 1;
  }
}

const claimFile = (claimant: string, extra = '') => yaml('# claims', 'text: texts/a.txt', 'claims:', `  - id: c1   # first`, `    claimant: ${claimant}`, '    quote: The ISI backs the Taliban' + extra, '    about: [taliban]');

describe('quick fixes', () => {
  it('unknown actor: changes to the suggestion', async () => {
    const files = withBase({ 'annotations/a.yaml': claimFile('imran-kahn') });
    const index = await loadIndex(files);
    const [diagnostic] = find(index, 'annotations/a.yaml', 'unknown-actor');
    const fixes = quickFixes(index, diagnostic);
    assert.deepEqual(fixes.map((f) => f.title), ['Change to `imran-khan`', 'Create actor `imran-kahn` in actors.yaml']);
    assert.equal(fixes[0].isPreferred, true);
    const fixed = apply(files, fixes[0].edits);
    assert.equal(fixed['annotations/a.yaml'], files['annotations/a.yaml'].replace('imran-kahn', 'imran-khan'));
    assert.deepEqual(find(await loadIndex(fixed), 'annotations/a.yaml', 'unknown-actor'), []);
  });

  it('unknown actor: creates a stub in the registry, keeping its comments', async () => {
    const files = withBase({ 'annotations/a.yaml': claimFile('pakistan-army') });
    const index = await loadIndex(files);
    const [diagnostic] = find(index, 'annotations/a.yaml', 'unknown-actor');
    const create = quickFixes(index, diagnostic).find((f) => f.title.startsWith('Create actor'))!;
    const fixed = apply(files, create.edits);
    assert.match(fixed['annotations/actors.yaml'], / {2}- id: pakistan-army\n {4}name: Pakistan Army\n {4}kind: person {2}# stub: check the kind/);
    assertKeepsOtherLines(files['annotations/actors.yaml'], fixed['annotations/actors.yaml'], /^$/);
    const after = await loadIndex(fixed);
    assert.deepEqual(find(after, 'annotations/a.yaml', 'unknown-actor'), []);
    assert.deepEqual(annotationFileDiagnostics(after, uriOf('annotations/actors.yaml')).filter((d) => d.severity === 'error'), []);
  });

  it('unknown actor that is a concept id: no stub, which would define the id twice', async () => {
    const files = withBase({ 'annotations/a.yaml': claimFile('pakistan-backs-taliban') });
    const index = await loadIndex(files);
    const [diagnostic] = find(index, 'annotations/a.yaml', 'unknown-actor');
    assert.ok(diagnostic, 'a concept id as claimant is an unknown actor');
    assert.deepEqual(quickFixes(index, diagnostic).filter((f) => f.title.startsWith('Create')), []);
  });

  it('unknown concept: suggestion and stub', async () => {
    const files = withBase({ 'annotations/a.yaml': yaml('text: texts/a.txt', 'claims:', '  - {id: c1, claimant: isi, quote: The ISI backs the Taliban, concept: pakistan-backs-talibn, stance: supports}') });
    const index = await loadIndex(files);
    const [diagnostic] = find(index, 'annotations/a.yaml', 'unknown-concept');
    const fixes = quickFixes(index, diagnostic);
    assert.deepEqual(fixes.map((f) => f.title), ['Change to `pakistan-backs-taliban`', 'Create concept `pakistan-backs-talibn` in concepts.yaml']);
    assert.deepEqual(find(await loadIndex(apply(files, fixes[0].edits)), 'annotations/a.yaml', 'unknown-concept'), []);
    const withStub = apply(files, fixes[1].edits);
    assert.match(withStub['annotations/concepts.yaml'], /# keep me/);
    assert.deepEqual(find(await loadIndex(withStub), 'annotations/a.yaml', 'unknown-concept'), []);
  });

  it('ambiguous quote: one action per occurrence, each adding the context that picks it', async () => {
    const files = withBase({ 'annotations/a.yaml': yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: isi', '    quote: The ISI   # which one?', '    type: assertion') });
    const index = await loadIndex(files);
    const [diagnostic] = find(index, 'annotations/a.yaml', 'quote-ambiguous');
    const fixes = quickFixes(index, diagnostic);
    assert.equal(fixes.length, 2);
    for (const [i, fix] of fixes.entries()) {
      const fixed = apply(files, fix.edits);
      assertKeepsOtherLines(files['annotations/a.yaml'], fixed['annotations/a.yaml'], /^$/);
      const after = await loadIndex(fixed);
      assert.deepEqual(find(after, 'annotations/a.yaml', 'quote-ambiguous'), [], fixed['annotations/a.yaml']);
      const anchored = after.analysis(uriOf('annotations/texts/a.txt'))!.claims[0].result.span!;
      assert.equal(anchored.start, diagnostic.related![i].range.start);
    }
    assert.match(apply(files, fixes[0].edits)['annotations/a.yaml'], / {4}quote: The ISI {3}# which one\?\n {4}suffix: " backs"\n/);
    assert.match(apply(files, fixes[1].edits)['annotations/a.yaml'], / {4}prefix: "civilians.” "\n/);
  });

  it('ambiguous quote in a flow mapping', async () => {
    const files = withBase({ 'annotations/a.yaml': yaml('text: texts/a.txt', 'claims:', '  - {id: c1, claimant: isi, quote: The ISI}') });
    const index = await loadIndex(files);
    const fixes = quickFixes(index, find(index, 'annotations/a.yaml', 'quote-ambiguous')[0]);
    const fixed = apply(files, fixes[1].edits);
    assert.equal(fixed['annotations/a.yaml'], yaml('text: texts/a.txt', 'claims:', '  - {id: c1, claimant: isi, quote: The ISI, prefix: "civilians.” "}'));
  });

  it('stale quote: updates the quote to the text’s current words', async () => {
    const files = withBase({ 'annotations/a.yaml': yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: isi', '    quote: "The world has seen this movie before."   # copy-edited since', '    about: [isi]') });
    const index = await loadIndex(files);
    const [diagnostic] = find(index, 'annotations/a.yaml', 'quote-stale');
    const [fix] = quickFixes(index, diagnostic);
    assert.equal(fix.isPreferred, true);
    const fixed = apply(files, fix.edits);
    assert.match(fixed['annotations/a.yaml'], / {4}quote: "The world has seen this film before\." {3}# copy-edited since\n/);
    const after = await loadIndex(fixed);
    assert.deepEqual(annotationFileDiagnostics(after, uriOf('annotations/a.yaml')).filter((d) => d.code.startsWith('quote-')), []);
  });

  it('stale context: refreshes an existing prefix', async () => {
    const files = withBase({ 'annotations/a.yaml': yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: isi', '    quote: The ISI', '    prefix: "civilians. "', '    suffix: " refutes"') });
    const index = await loadIndex(files);
    const [diagnostic] = find(index, 'annotations/a.yaml', 'quote-stale');
    assert.ok(diagnostic, 'the old context no longer fits');
    const fixed = apply(files, quickFixes(index, diagnostic)[0].edits);
    const after = await loadIndex(fixed);
    assert.deepEqual(annotationFileDiagnostics(after, uriOf('annotations/a.yaml')).filter((d) => d.code.startsWith('quote-')), [], fixed['annotations/a.yaml']);
  });

  it('normalized quote: copies the exact characters', async () => {
    const files = withBase({ 'annotations/a.yaml': yaml('text: texts/a.txt', 'claims:', '  - {id: c1, claimant: imran-khan, quote: \'the Taliban are "normal civilians."\'}') });
    const index = await loadIndex(files);
    const [fix] = quickFixes(index, find(index, 'annotations/a.yaml', 'quote-normalized')[0]);
    const fixed = apply(files, fix.edits);
    assert.match(fixed['annotations/a.yaml'], /quote: 'the Taliban are “normal civilians\.”'/);
    assert.deepEqual(find(await loadIndex(fixed), 'annotations/a.yaml', 'quote-normalized'), []);
  });

  it('alias conflict: remove the alias from either side', async () => {
    const actors = ACTORS.replace('    aliases:\n      - Imran Khan', '    aliases:\n      - Imran Khan\n      - ISI');
    const { files, fixes } = await actorsFileFixes(actors, 'alias-conflict');
    assert.deepEqual(fixes.map((f) => f.title), ['Remove the alias "ISI" from `isi`', 'Remove the alias "ISI" from `imran-khan`']);
    const fromKhan = apply(files, fixes[1].edits);
    assert.equal(fromKhan['annotations/actors.yaml'], ACTORS);
    const fromIsi = apply(files, fixes[0].edits);
    assert.match(fromIsi['annotations/actors.yaml'], / {4}aliases: \[\]\n/);
    assert.deepEqual(find(await loadIndex(fromIsi), 'annotations/actors.yaml', 'alias-conflict'), []);
  });

  it('unused alias: removes it', async () => {
    const actors = ACTORS.replace('      - Taliban\n', '      - Taliban\n      - Talibs   # never used\n');
    const { files, fixes: [fix] } = await actorsFileFixes(actors, 'alias-unused');
    assert.equal(apply(files, fix.edits)['annotations/actors.yaml'], ACTORS);
  });
});

describe('merge actor', () => {
  const actors = yaml(
    'actors:',
    '  - id: isi   # the agency',
    '    name: Inter-Services Intelligence',
    '    kind: intelligence-agency',
    '    aliases: [ISI]',
    '    relations:',
    '      - {type: patron-of, target: taliban}',
    '  - id: inter-services',
    '    name: ISI (duplicate)',
    '    kind: intelligence-agency',
    '    aliases:',
    '      - Inter-Services   # long form',
    '      - ISI',
    '    relations:',
    '      - type: part-of',
    '        target: army',
    '      - type: patron-of',
    '        target: taliban',
    '      - type: opposes',
    '        target: isi',
    '  - id: army',
    '    name: Army',
    '    kind: military',
    '    relations:',
    '      - {type: leads, target: inter-services}',
    '  - id: taliban',
    '    name: Taliban',
    '    kind: armed-group',
    '    aliases: [Taliban]',
    '    relations:',
    '      - type: opposes',
    '        target: isi',
  );
  const claims = yaml(
    'text: texts/a.txt',
    'author: inter-services',
    'claims:',
    '  - id: c1',
    '    claimant: inter-services   # reported',
    '    quote: The ISI backs the Taliban',
    '    about: [isi, inter-services, taliban]',
    '  - id: c2',
    '    claimant: isi',
    '    quote: The ISI denies it',
    '    about:',
    '      - inter-services',
  );

  it('rewrites every reference, folds aliases and relations, and removes the merged actor', async () => {
    const files = { 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': actors, 'annotations/a.yaml': claims };
    const index = await loadIndex(files);
    const result = mergeActor(index, 'inter-services', 'isi');
    assert.ok('edits' in result, 'error' in result ? result.error : '');
    const merged = apply(files, result.edits);
    assert.equal(merged['annotations/actors.yaml'], yaml(
      'actors:',
      '  - id: isi   # the agency',
      '    name: Inter-Services Intelligence',
      '    kind: intelligence-agency',
      '    aliases: [ISI, Inter-Services]',
      '    relations:',
      '      - {type: patron-of, target: taliban}',
      '      - {type: part-of, target: army}',
      '  - id: army',
      '    name: Army',
      '    kind: military',
      '    relations:',
      '      - {type: leads, target: isi}',
      '  - id: taliban',
      '    name: Taliban',
      '    kind: armed-group',
      '    aliases: [Taliban]',
      '    relations:',
      '      - type: opposes',
      '        target: isi',
    ));
    assert.equal(merged['annotations/a.yaml'], yaml(
      'text: texts/a.txt',
      'author: isi',
      'claims:',
      '  - id: c1',
      '    claimant: isi   # reported',
      '    quote: The ISI backs the Taliban',
      '    about: [isi, taliban]',
      '  - id: c2',
      '    claimant: isi',
      '    quote: The ISI denies it',
      '    about:',
      '      - isi',
    ));
    const after = await loadIndex(merged);
    for (const path of ['annotations/actors.yaml', 'annotations/a.yaml']) {
      assert.deepEqual(annotationFileDiagnostics(after, uriOf(path)).filter((d) => d.code === 'unknown-actor' || d.code === 'relation-self'), [], path);
    }
  });

  it('refuses to merge an actor into itself or into an unknown one', async () => {
    const index = await loadIndex({ 'annotations/actors.yaml': actors });
    assert.deepEqual(mergeActor(index, 'isi', 'isi'), { error: 'Cannot merge `isi` into itself.' });
    assert.ok('error' in mergeActor(index, 'isi', 'nobody'));
  });

  it('ranks likely merge targets by name and aliases', async () => {
    const index = await loadIndex({ 'annotations/actors.yaml': actors });
    assert.equal(mergeCandidates(index, 'inter-services')[0].id?.value, 'isi');
  });
});
