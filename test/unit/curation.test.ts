import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { curationDiagnostics, type CuratedWorkspace } from '../../server/src/core/agreement';
import { applyEdits } from '../../server/src/core/edits/textEdit';
import { editsBreakParsing, quickFixes, DISMISS_DIFFERENCE_COMMAND } from '../../server/src/core/fixes';
import { parseAnnotationFile } from '../../server/src/core/syntax/parseAnnotationFile';
import { loadMemoryWorkspace, uriOf, WORKSPACE, yaml } from '../helpers/memoryWorkspace';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';

const ANNOTATION = uriOf('annotations/a.yaml');
const TEXT = uriOf('annotations/texts/a.txt');

async function workspace(name: string, ...claimLines: string[]): Promise<CuratedWorkspace> {
  const { index } = await loadMemoryWorkspace({
    'annotations/texts/a.txt': threeActorsArticle(),
    'annotations/actors.yaml': threeActorsYaml(),
    'annotations/a.yaml': yaml('text: texts/a.txt', '# my comment stays', 'claims:', ...claimLines),
  });
  return { name, view: index, folderUri: WORKSPACE };
}

async function compare(mine: string[], theirs: string[]) {
  const me = await workspace('me', ...mine);
  const them = await workspace('bob', ...theirs);
  return { me, them, diagnostics: (uri: string, dismissed?: Set<string>) => curationDiagnostics(me, them, uri, dismissed) };
}

/** Applies a fix's edits to my annotation file and parses the result. */
function applied(me: CuratedWorkspace, edits: { uri: string; range: { start: number; end: number }; newText: string }[]) {
  const content = applyEdits(me.view.content(ANNOTATION)!, edits);
  return { content, file: parseAnnotationFile(ANNOTATION, content, me.view.config.vocabulary) };
}

describe('curation: my claims compared with another annotator', () => {
  it('reports a differing field on my value, naming the field and their value', async () => {
    const { me, diagnostics } = await compare(['  - id: c1', '    claimant: isi', '    stance: supports', '    concept: k', '    quote: The ISI backs the Taliban.'], ['  - id: x1', '    claimant: isi', '    stance: rejects', '    concept: k', '    quote: ISI backs the Taliban']);
    const found = diagnostics(ANNOTATION);
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.data?.field]), [['annotator-differs', 'info', 'stance']]);
    assert.match(found[0].message, /`bob` gives `stance` the value `rejects` \(yours: `supports`\)/);
    // The range is my stance's value.
    assert.equal(me.view.content(ANNOTATION)!.slice(found[0].range.start, found[0].range.end), 'supports');
  });

  it('reports a field I leave empty on my claim id, and their claim where I have none on the text', async () => {
    const { me, diagnostics } = await compare(['  - id: c1', '    claimant: isi', '    quote: The ISI backs the Taliban.'], ['  - {id: x1, claimant: isi, type: demand, quote: The ISI backs the Taliban.}', '  - {id: x2, claimant: imran-khan, quote: the Taliban are “normal civilians.”}']);
    const differs = diagnostics(ANNOTATION);
    assert.deepEqual(differs.map((d) => d.data?.field), ['type']);
    const content = me.view.content(ANNOTATION)!;
    assert.equal(content.slice(differs[0].range.start, differs[0].range.end), 'c1');
    const only = diagnostics(TEXT);
    assert.deepEqual(only.map((d) => d.code), ['annotator-only']);
    assert.equal(me.view.content(TEXT)!.slice(only[0].range.start, only[0].range.end), 'the Taliban are “normal civilians.”');
    assert.match(only[0].message, /`bob` has a claim here \(`x2`\)/);
  });

  it('no differences for the same claims, whatever their ids and layout', async () => {
    const { diagnostics } = await compare(['  - {id: c1, claimant: isi, about: [taliban, isi], quote: The ISI backs the Taliban.}'], ['  - id: other', '    claimant: isi', '    about: [isi, taliban]', '    quote: The ISI backs the Taliban.']);
    assert.deepEqual([...diagnostics(ANNOTATION), ...diagnostics(TEXT)], []);
  });

  it('"take their value" replaces or inserts just that field; comments elsewhere survive', async () => {
    const { me, them, diagnostics } = await compare(['  - id: c1', '    claimant: isi', '    stance: supports  # my doubt', '    concept: k', '    quote: The ISI backs the Taliban.'], ['  - {id: x1, claimant: isi, stance: rejects, concept: k, type: demand, about: [taliban], quote: The ISI backs the Taliban.}']);
    const found = diagnostics(ANNOTATION);
    assert.deepEqual(found.map((d) => d.data?.field).sort(), ['about', 'stance', 'type']);
    for (const diagnostic of found) {
      const fix = quickFixes(me.view, diagnostic, { curation: { mine: me, theirs: them } }).find((f) => f.fixId === 'take-their-value')!;
      assert.equal(fix.safety, 'suggestion');
      assert.equal(editsBreakParsing(me.view, fix.edits), undefined);
      const { content, file } = applied(me, fix.edits);
      const claim = file.textAnnotation!.claims[0];
      assert.ok(content.includes('# my comment stays') && content.includes('# my doubt'), content);
      if (diagnostic.data?.field === 'stance') assert.equal(claim.stance?.value, 'rejects');
      if (diagnostic.data?.field === 'type') assert.equal(claim.type?.value, 'demand');
      if (diagnostic.data?.field === 'about') assert.deepEqual(claim.about.map((a) => a.value), ['taliban']);
      assert.equal(file.diagnostics.length, 0);
    }
  });

  it('"take their whole claim" replaces my claim item, keeping my id', async () => {
    const { me, them, diagnostics } = await compare(['  - id: c1', '    claimant: imran-khan', '    quote: The ISI backs the Taliban.', '  - {id: c2, claimant: isi, quote: the Taliban are “normal civilians.”}'], ['  - {id: x1, claimant: isi, stance: rejects, concept: k, quote: The ISI backs the Taliban., note: "two: words"}']);
    const diagnostic = diagnostics(ANNOTATION).find((d) => d.data?.field === 'claimant')!;
    const fix = quickFixes(me.view, diagnostic, { curation: { mine: me, theirs: them } }).find((f) => f.fixId === 'take-their-claim')!;
    const { file } = applied(me, fix.edits);
    const [first, second] = file.textAnnotation!.claims;
    assert.deepEqual([first.id?.value, first.claimant?.value, first.stance?.value, first.concept?.value, first.note?.value], ['c1', 'isi', 'rejects', 'k', 'two: words']);
    assert.equal(second.id?.value, 'c2');
    assert.equal(file.diagnostics.length, 0);
  });

  it('"take their claim" for a claim only they made appends it, with a fresh id when mine clashes', async () => {
    const { me, them, diagnostics } = await compare(['  - {id: x2, claimant: isi, quote: The ISI backs the Taliban.}'], ['  - {id: x2, claimant: imran-khan, quote: the Taliban are “normal civilians.”}']);
    const diagnostic = diagnostics(TEXT)[0];
    const fix = quickFixes(me.view, diagnostic, { curation: { mine: me, theirs: them } }).find((f) => f.fixId === 'take-their-claim')!;
    assert.match(fix.title, /as `x2-2`/);
    const { file } = applied(me, fix.edits);
    assert.deepEqual(file.textAnnotation!.claims.map((c) => [c.id?.value, c.claimant?.value]), [['x2', 'isi'], ['x2-2', 'imran-khan']]);
  });

  it('my claim where they have none shows on its id; "remove mine" deletes just that item, comments elsewhere kept', async () => {
    const { me, them, diagnostics } = await compare(['  - {id: c1, claimant: isi, quote: The ISI backs the Taliban.}', '  # a note on c2', '  - id: c2', '    claimant: imran-khan  # unsure', '    quote: the Taliban are “normal civilians.”'], ['  - {id: x1, claimant: isi, quote: The ISI backs the Taliban.}']);
    const missing = diagnostics(ANNOTATION).filter((d) => d.code === 'annotator-missing');
    assert.equal(missing.length, 1);
    const content = me.view.content(ANNOTATION)!;
    assert.equal(content.slice(missing[0].range.start, missing[0].range.end), 'c2');
    assert.equal(missing[0].severity, 'info');
    assert.match(missing[0].message, /`bob` has no claim on the words of `c2`/);
    assert.deepEqual(diagnostics(TEXT).filter((d) => d.code === 'annotator-missing'), [], 'shown on my claim, not on the text');
    const fixes = quickFixes(me.view, missing[0], { curation: { mine: me, theirs: them } });
    assert.deepEqual(fixes.map((f) => f.fixId), ['remove-mine', 'keep-mine']);
    assert.match(fixes[0].title, /Remove your claim `c2` \(bob has none here\)/);
    assert.equal(editsBreakParsing(me.view, fixes[0].edits), undefined);
    const { content: after, file } = applied(me, fixes[0].edits);
    assert.deepEqual(file.textAnnotation!.claims.map((c) => c.id?.value), ['c1']);
    assert.ok(after.includes('# my comment stays') && after.includes('# a note on c2'), after);
    assert.ok(!after.includes('# unsure'), 'the comment on the removed lines goes with them');
    // Without a comparison, or for check --fix, nothing.
    assert.deepEqual(quickFixes(me.view, missing[0], { fixesOnly: true, curation: { mine: me, theirs: them } }), []);
  });

  it('a text they did not annotate at all shows no claim of mine as missing', async () => {
    const me = await workspace('me', '  - {id: c1, claimant: isi, quote: The ISI backs the Taliban.}');
    const { index } = await loadMemoryWorkspace({ 'annotations/texts/a.txt': threeActorsArticle(), 'annotations/actors.yaml': threeActorsYaml() });
    const them: CuratedWorkspace = { name: 'bob', view: index, folderUri: WORKSPACE };
    assert.deepEqual(curationDiagnostics(me, them, ANNOTATION), []);
  });

  it('"keep mine" carries the dismiss command; a dismissed difference is not reported', async () => {
    const { me, them, diagnostics } = await compare(['  - {id: c1, claimant: isi, stance: supports, concept: k, quote: The ISI backs the Taliban.}'], ['  - {id: x1, claimant: isi, stance: rejects, concept: k, quote: The ISI backs the Taliban.}']);
    const [diagnostic] = diagnostics(ANNOTATION);
    const keep = quickFixes(me.view, diagnostic, { curation: { mine: me, theirs: them } }).find((f) => f.fixId === 'keep-mine')!;
    assert.deepEqual(keep.edits, []);
    assert.deepEqual(keep.command, { command: DISMISS_DIFFERENCE_COMMAND, arguments: [diagnostic.data!.key] });
    assert.deepEqual(diagnostics(ANNOTATION, new Set([diagnostic.data!.key as string])), []);
    // Without a comparison there are no actions, and check --fix never applies one.
    assert.deepEqual(quickFixes(me.view, diagnostic), []);
    assert.deepEqual(quickFixes(me.view, diagnostic, { fixesOnly: true, curation: { mine: me, theirs: them } }), []);
  });

  it('compares thousands of claims per text (complete-at-all)', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `  - {id: c${i}, claimant: isi, stance: ${i % 2 ? 'supports' : 'rejects'}, concept: k, quote: The ISI backs the Taliban.}`);
    const theirs = many.map((line) => line.replace('rejects', 'supports'));
    const { diagnostics } = await compare(many, theirs);
    assert.equal(diagnostics(ANNOTATION).length, 1500);
  });
});
