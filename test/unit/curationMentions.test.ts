import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkspaceIndex } from '../../server/src/core';
import { curationDiagnostics, CurationCache, type CuratedWorkspace } from '../../server/src/core/agreement';
import { applyEdits } from '../../server/src/core/edits/textEdit';
import { editsBreakParsing, quickFixes } from '../../server/src/core/fixes';
import { loadMemoryWorkspace, uriOf, WORKSPACE, yaml } from '../helpers/memoryWorkspace';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';

const ANNOTATION = uriOf('annotations/a.yaml');
const TEXT = uriOf('annotations/texts/a.txt');
const OTHER_TEXT = uriOf('annotations/texts/b.txt');

interface Side {
  annotation: string[];
  aliases?: string[];
  files?: Record<string, string>;
}

async function workspace(name: string, side: Side): Promise<CuratedWorkspace> {
  const { index } = await loadMemoryWorkspace({
    'annotations/texts/a.txt': threeActorsArticle(),
    'annotations/texts/b.txt': 'Imran Khan spoke.\n',
    'annotations/actors.yaml': threeActorsYaml(side.aliases),
    'annotations/a.yaml': yaml('text: texts/a.txt', ...side.annotation),
    ...side.files,
  });
  return { name, view: index, folderUri: WORKSPACE };
}

async function compare(mine: Side, theirs: Side) {
  const me = await workspace('me', mine);
  const them = await workspace('bob', theirs);
  const fixes = (uri: string, code: string) => {
    const diagnostic = curationDiagnostics(me, them, uri).find((d) => d.code === code)!;
    return quickFixes(me.view, diagnostic, { curation: { mine: me, theirs: them } });
  };
  return { me, them, diagnostics: (uri: string, dismissed?: Set<string>) => curationDiagnostics(me, them, uri, dismissed), fixes };
}

/** The differences after applying a fix's edits to my annotation file. */
async function afterFix(theirs: Side, mine: CuratedWorkspace, edits: { uri: string; range: { start: number; end: number }; newText: string }[], myAliases?: string[]) {
  assert.equal(editsBreakParsing(mine.view, edits), undefined);
  const content = applyEdits(mine.view.content(ANNOTATION)!, edits);
  const again = await compare({ annotation: content.split('\n').slice(1, -1), aliases: myAliases }, theirs);
  return { content, diagnostics: [...again.diagnostics(TEXT), ...again.diagnostics(ANNOTATION)] };
}

describe('curation of mentions, whole texts and claims as written', () => {
  it('a mention they have after their own registry (an alias I lack) shows on my text; taking it adds an explicit mention', async () => {
    // They gave the Taliban the alias "Taliban"; I did not.
    const { me: me2, them: them2, diagnostics: d2 } = await compare({ annotation: ['claims: []'], aliases: [] }, { annotation: ['claims: []'], aliases: ['Taliban'] });
    const found = d2(TEXT).filter((d) => d.code === 'annotator-mention');
    assert.equal(found.length, 2);
    assert.equal(me2.view.content(TEXT)!.slice(found[0].range.start, found[0].range.end), 'Taliban');
    assert.match(found[0].message, /`bob` has a mention of `taliban` here \(an alias match\) and you have none/);
    const take = quickFixes(me2.view, found[0], { curation: { mine: me2, theirs: them2 } }).find((f) => f.fixId === 'take-their-mention')!;
    assert.match(take.title, /Take bob's mention: taliban/);
    const { content, diagnostics: left } = await afterFix({ annotation: ['claims: []'], aliases: ['Taliban'] }, me2, take.edits, []);
    assert.match(content, /mentions:\n {2}- actor: taliban\n {4}quote: Taliban\n {4}suffix: /);
    // The taken mention is no longer a difference; the other "Taliban" still is.
    assert.equal(left.filter((d) => d.code === 'annotator-mention').length, 1);
  });

  it('a mention naming another actor shows on my explicit mention; taking it replaces my actor', async () => {
    const theirs: Side = { annotation: ['mentions:', '  - {actor: isi, quote: Imran Khan}'] };
    const { me, diagnostics, fixes } = await compare({ annotation: ['mentions:', '  - actor: taliban   # unsure', '    quote: Imran Khan'] }, theirs);
    const [found] = diagnostics(ANNOTATION).filter((d) => d.code === 'annotator-mention');
    assert.match(found.message, /mention here names `isi` \(yours: `taliban`\)/);
    assert.equal(me.view.content(ANNOTATION)!.slice(found.range.start, found.range.end), 'taliban');
    assert.deepEqual(diagnostics(TEXT).filter((d) => d.code === 'annotator-mention'), []);
    const take = fixes(ANNOTATION, 'annotator-mention').find((f) => f.fixId === 'take-their-mention')!;
    const { content, diagnostics: left } = await afterFix(theirs, me, take.edits);
    assert.ok(content.includes('  - actor: isi   # unsure\n'), content);
    assert.deepEqual(left.filter((d) => d.code === 'annotator-mention'), []);
  });

  it('a text only they annotated shows on my text; taking their annotation file creates it at the same path, never over mine', async () => {
    const theirFile = yaml('text: texts/b.txt', '# bob: first pass', 'claims:', '  - {id: b1, claimant: imran-khan, quote: Imran Khan spoke.}');
    const theirs: Side = { annotation: ['claims: []'], files: { 'annotations/b.yaml': theirFile } };
    const { me, them, diagnostics } = await compare({ annotation: ['claims: []'] }, theirs);
    const [found] = diagnostics(OTHER_TEXT);
    assert.equal(found.code, 'annotator-text');
    assert.match(found.message, /`bob` annotated this text \(1 claim\) and you have not/);
    const take = quickFixes(me.view, found, { curation: { mine: me, theirs: them } }).find((f) => f.fixId === 'take-their-annotation')!;
    assert.deepEqual(take.edits, []);
    assert.deepEqual(take.createFiles, [{ uri: uriOf('annotations/b.yaml'), content: theirFile }]);
    // With a file of mine at that path (annotating another text), nothing is created over it.
    const clash = await compare({ annotation: ['claims: []'], files: { 'annotations/b.yaml': yaml('text: texts/a.txt', 'claims: []') } }, theirs);
    const onText = clash.diagnostics(OTHER_TEXT)[0];
    assert.equal(onText.code, 'annotator-text');
    assert.equal(quickFixes(clash.me.view, onText, { curation: { mine: clash.me, theirs: clash.them } }).find((f) => f.fixId === 'take-their-annotation'), undefined);
    // A file of mine for the text with nothing in it yet: still only theirs. Once I annotate the text, it is compared claim by claim instead.
    const started = await compare({ annotation: ['claims: []'], files: { 'annotations/b.yaml': yaml('text: texts/b.txt', 'claims: []') } }, theirs);
    assert.deepEqual(started.diagnostics(OTHER_TEXT).map((d) => d.code), ['annotator-only', 'annotator-text']);
    const both = await compare({ annotation: ['claims: []'], files: { 'annotations/b.yaml': yaml('text: texts/b.txt', 'claims:', '  - {id: m1, claimant: isi, quote: Imran Khan spoke.}') } }, theirs);
    assert.deepEqual(both.diagnostics(OTHER_TEXT).map((d) => d.code), []);
    assert.deepEqual(both.diagnostics(uriOf('annotations/b.yaml')).map((d) => [d.code, d.data?.field]), [['annotator-differs', 'claimant']]);
  });

  it('"take their whole claim" copies their claim as they wrote it, comments included, with my id', async () => {
    const theirs: Side = { annotation: ['claims:', '  - id: x1  # bob’s id', '    claimant: isi', '    # they doubt the stance', '    stance: rejects  # see p. 3', '    quote: The ISI backs the Taliban.'] };
    const { me, fixes } = await compare({ annotation: ['claims:', '    - id: c1', '      claimant: isi', '      stance: supports', '      quote: The ISI backs the Taliban.'] }, theirs);
    const take = fixes(ANNOTATION, 'annotator-differs').find((f) => f.fixId === 'take-their-claim')!;
    const { content, diagnostics: left } = await afterFix(theirs, me, take.edits);
    assert.equal(content, yaml('text: texts/a.txt', 'claims:', '    - id: c1  # bob’s id', '      claimant: isi', '      # they doubt the stance', '      stance: rejects  # see p. 3', '      quote: The ISI backs the Taliban.'));
    assert.deepEqual(left, []);
  });

  it('"keep mine" survives edits elsewhere in the text and in my file: the key is the words, the field and the claim id', async () => {
    const theirs: Side = { annotation: ['claims:', '  - {id: x1, claimant: isi, stance: rejects, quote: The ISI backs the Taliban.}', '  - {id: x2, claimant: imran-khan, quote: the Taliban are “normal civilians.”}'] };
    const mine = ['claims:', '  - {id: c1, claimant: isi, stance: supports, quote: The ISI backs the Taliban.}'];
    const before = await compare({ annotation: mine }, theirs);
    const keys = new Set([...before.diagnostics(ANNOTATION), ...before.diagnostics(TEXT)].map((d) => String(d.data!.key)));
    assert.equal(keys.size, 2);
    // The article gains a sentence before both claims, and my file a comment: every offset moves.
    const moved = await compare({ annotation: ['# reviewed', ...mine], files: { 'annotations/texts/a.txt': `Preface.\n${threeActorsArticle()}` } }, { ...theirs, files: { 'annotations/texts/a.txt': `Preface.\n${threeActorsArticle()}` } });
    assert.equal(moved.diagnostics(ANNOTATION).length + moved.diagnostics(TEXT).length, 2);
    assert.deepEqual([...moved.diagnostics(ANNOTATION, keys), ...moved.diagnostics(TEXT, keys)], []);
  });
});

describe('curation cache: differences computed once per version of my text', () => {
  it('reads the cache until my annotation file, my text or my registry changes', async () => {
    const me = await workspace('me', { annotation: ['claims:', '  - {id: c1, claimant: isi, stance: supports, quote: The ISI backs the Taliban.}'] });
    const them = await workspace('bob', { annotation: ['claims:', '  - {id: x1, claimant: isi, stance: rejects, quote: The ISI backs the Taliban.}'] });
    const cache = new CurationCache(them);
    const ask = () => [...curationDiagnostics(me, them, ANNOTATION, undefined, cache), ...curationDiagnostics(me, them, TEXT, undefined, cache)];
    const first = ask();
    assert.deepEqual(first.map((d) => d.code), ['annotator-differs']);
    ask();
    ask();
    assert.equal(cache.computations, 1);
    const index = me.view as WorkspaceIndex;
    // Another text changes: this text's differences stay cached.
    index.setText(OTHER_TEXT, 'Imran Khan spoke again.\n');
    ask();
    assert.equal(cache.computations, 1);
    // My annotation file changes: computed again, and right.
    index.setAnnotationFile(ANNOTATION, yaml('text: texts/a.txt', 'claims:', '  - {id: c1, claimant: isi, stance: rejects, quote: The ISI backs the Taliban.}'));
    assert.deepEqual(ask(), []);
    assert.equal(cache.computations, 2);
    // The text changes.
    index.setText(TEXT, `${threeActorsArticle()}More.\n`);
    ask();
    assert.equal(cache.computations, 3);
    // The registry changes (an alias that reaches this text): its mentions are compared again.
    index.setAnnotationFile(uriOf('annotations/actors.yaml'), threeActorsYaml([]));
    const afterRegistry = ask();
    assert.equal(cache.computations, 4);
    assert.equal(afterRegistry.filter((d) => d.code === 'annotator-mention').length, 2);
  });
});
