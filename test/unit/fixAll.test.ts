import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  annotationFileDiagnostics,
  applyEdits,
  DIAGNOSTIC_CODES,
  editsBreakParsing,
  planFixes,
  quickFixes,
  workspaceDiagnostics,
  type CoreDiagnostic,
  type WorkspaceIndex,
} from '../../server/src/core';
import { loadIndex, type FileSet } from '../helpers/fixture';
import { uriOf, yaml } from '../helpers/memoryWorkspace';

const ARTICLE = 'The ISI backs the Taliban. Imran Khan said the Taliban are “normal civilians.” The ISI denies it.\nThe ISI backs the Taliban.';

const ACTORS = yaml(
  'actors:',
  '  - id: isi',
  '    name: ISI',
  '    kind: intelligence-agency',
  '    aliases: [ISI, United States Institute of Peace]   # shared registry: not every text uses every alias',
  '  - id: taliban',
  '    name: Taliban',
  '    kind: armed-group',
  '    aliases: [Taliban]',
  '  - id: imran-khan',
  '    name: Imran Khan',
  '    kind: person',
  '    aliases: [Imran Khan, Tellis]',
  '  - id: imran-kahn-party',
  '    name: Party',
  '    kind: party',
);

const CLAIMS = yaml(
  'text: texts/a.txt',
  'claims:',
  '  - id: c1',
  '    claimant: imran-khn',
  '    quote: the Taliban are "normal civilians."',
  '  - id: c2',
  '    claimant: isi',
  '    quote: The ISI backs the Taliban.',
);

type Files = FileSet;

function base(extra: Files = {}): Files {
  return { 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/a.yaml': CLAIMS, ...extra };
}

function afterPlan(files: Files, plan: ReturnType<typeof planFixes>): Files {
  const result = { ...files };
  for (const file of plan.files) {
    const path = Object.keys(files).find((p) => uriOf(p) === file.uri)!;
    result[path] = file.after;
  }
  return result;
}

function snapshot(index: WorkspaceIndex): string {
  return JSON.stringify([...workspaceDiagnostics(index)]);
}

describe('planFixes: what check --fix applies', () => {
  it('applies exact characters and a did-you-mean with one candidate; never removes aliases no text uses, never picks an occurrence', async () => {
    const files = base();
    const index = await loadIndex(files);
    const codes = [...workspaceDiagnostics(index).values()].flat().map((d) => d.code);
    assert.ok(codes.includes('alias-unused') && codes.includes('quote-ambiguous') && codes.includes('quote-normalized') && codes.includes('unknown-actor'), codes.join());
    const plan = planFixes(index);
    assert.deepEqual(plan.applied.map((p) => p.diagnostic.code).sort(), ['quote-normalized', 'unknown-actor']);
    assert.deepEqual(plan.skipped, []);
    const fixed = afterPlan(files, plan);
    assert.equal(fixed['annotations/actors.yaml'], ACTORS, 'United States Institute of Peace and Tellis stay');
    assert.equal(fixed['annotations/a.yaml'], CLAIMS.replace('imran-khn', 'imran-khan').replace('the Taliban are "normal civilians."', 'the Taliban are “normal civilians.”'));
    assert.deepEqual(plan.applied.find((p) => p.diagnostic.code === 'unknown-actor')!.changes, [{ uri: uriOf('annotations/a.yaml'), line: 4, before: 'imran-khn', after: 'imran-khan' }]);
  });

  it('a did-you-mean with several candidates is a suggestion', async () => {
    const index = await loadIndex(base({ 'annotations/a.yaml': CLAIMS.replace('imran-khn', 'imran-kahn') }));
    const [diagnostic] = annotationFileDiagnostics(index, uriOf('annotations/a.yaml')).filter((d) => d.code === 'unknown-actor');
    const fixes = quickFixes(index, diagnostic).filter((f) => f.title.startsWith('Change to'));
    assert.ok(fixes.length >= 2, fixes.map((f) => f.title).join());
    assert.ok(fixes.every((f) => f.safety === 'suggestion' && !f.isPreferred));
    assert.ok(!planFixes(index).applied.some((p) => p.diagnostic.code === 'unknown-actor'));
  });

  it('is idempotent: after applying the plan, a new plan changes nothing', async () => {
    const files = base();
    const fixed = afterPlan(files, planFixes(await loadIndex(files)));
    const again = planFixes(await loadIndex(fixed));
    assert.deepEqual(again.applied, []);
    assert.deepEqual(again.files, []);
  });

  it('drops a fix whose result would add an error, says why, and leaves the index as it was', async () => {
    const claims = yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: imran-khan', '    quote: normal civilians', '  - id: c2', '    claimant: imran-khn', '    quote: normal civilians');
    const index = await loadIndex(base({ 'policy-annotator.yaml': 'severity:\n  duplicate-claim: error\n', 'annotations/a.yaml': claims }));
    const before = snapshot(index);
    const plan = planFixes(index);
    assert.deepEqual(plan.applied, []);
    assert.equal(plan.skipped.length, 1);
    assert.equal(plan.skipped[0].diagnostic.code, 'unknown-actor');
    assert.match(plan.skipped[0].reason, /^it would add the error duplicate-claim on line \d+: /);
    assert.equal(snapshot(index), before, 'the index is restored');
  });

  it('--fix-code: only the given codes; a scope: only those files', async () => {
    const index = await loadIndex(base());
    assert.deepEqual(planFixes(index, { codes: new Set(['quote-normalized']) }).applied.map((p) => p.diagnostic.code), ['quote-normalized']);
    assert.deepEqual(planFixes(index, { inScope: (uri) => uri === uriOf('annotations/actors.yaml') }).applied, []);
  });

  it('every quick fix is listed in the catalogue as a fix or a suggestion, and only fixes are preferred', async () => {
    const index = await loadIndex(base({ 'annotations/b.yaml': yaml('text: texts/a.txt', 'claims:', '  - id: c9', '    claimant: nobody', '    about: [no-such-concept]', '    quote: The ISI') }));
    let seen = 0;
    for (const diagnostic of [...workspaceDiagnostics(index).values()].flat()) {
      for (const fix of quickFixes(index, diagnostic)) {
        seen++;
        const listed = (DIAGNOSTIC_CODES as Record<string, { fixes?: Record<string, string> }>)[diagnostic.code].fixes ?? {};
        assert.ok(fix.fixId && fix.fixId in listed, `${diagnostic.code}: ${fix.fixId} is in the catalogue`);
        assert.equal(fix.safety, listed[fix.fixId!]);
        assert.equal(fix.isPreferred === true, fix.safety === 'fix');
      }
    }
    assert.ok(seen >= 6, `${seen} fixes seen`);
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES) as [string, { fixes?: Record<string, string> }][]) {
      if (/^(alias|relation-duplicate|quote-ambiguous)/.test(code)) assert.ok(Object.values(info.fixes ?? {}).every((s) => s === 'suggestion'), `${code}: removing or choosing is a suggestion`);
    }
  });
});

describe('editsBreakParsing: the editor offers no action that breaks a file', () => {
  it('finds an edit that makes the YAML fail to parse, and passes a harmless one', async () => {
    const index = await loadIndex(base());
    const uri = uriOf('annotations/a.yaml');
    const at = CLAIMS.indexOf('the Taliban are');
    assert.match(editsBreakParsing(index, [{ uri, range: { start: at, end: at }, newText: '"unclosed\n' }]) ?? '', /would add the error/);
    assert.equal(editsBreakParsing(index, [{ uri, range: { start: at, end: at + 3 }, newText: 'The' }]), undefined);
    assert.match(editsBreakParsing(index, [{ uri: uriOf('annotations/texts/a.txt'), range: { start: 0, end: 0 }, newText: 'x' }]) ?? '', /not a loaded annotation file/);
  });
});

describe('relation-duplicate', () => {
  const actors = (relations: string[]) => yaml(
    'actors:',
    '  - id: india',
    '    name: India',
    '    kind: state',
    '    relations:',
    '      - type: opposes',
    '        target: china',
    '  - id: china',
    '    name: China',
    '    kind: state',
    '    relations:',
    ...relations,
  );

  async function duplicates(content: string): Promise<{ index: WorkspaceIndex; found: CoreDiagnostic[] }> {
    const index = await loadIndex({ 'annotations/actors.yaml': content });
    return { index, found: annotationFileDiagnostics(index, uriOf('annotations/actors.yaml')).filter((d) => d.code === 'relation-duplicate') };
  }

  it('a symmetric relation stated on both sides: the second statement is reported, with a suggestion that removes it', async () => {
    const content = actors(['      - type: opposes', '        target: india', '      - type: allied-with', '        target: india']);
    const { index, found } = await duplicates(content);
    assert.equal(found.length, 1);
    assert.equal(content.slice(found[0].range.start, found[0].range.end), 'opposes');
    assert.ok(found[0].range.start > content.indexOf('id: china'), 'on the second statement');
    assert.match(found[0].message, /`china opposes india` is stated from the other side \(`india opposes china`\)/);
    const [fix] = quickFixes(index, found[0]);
    assert.equal(fix.safety, 'suggestion');
    assert.equal(applyEdits(content, fix.edits), actors(['      - type: allied-with', '        target: india']));
    assert.ok(!planFixes(index).applied.some((p) => p.diagnostic.code === 'relation-duplicate'), '--fix never deletes it');
  });

  it('the same relation twice is a duplicate; a directed relation reversed is not', async () => {
    assert.equal((await duplicates(actors(['      - type: opposes', '        target: india']).replace('        target: china\n', '        target: china\n      - type: opposes\n        target: china\n'))).found.length, 2);
    assert.equal((await duplicates(actors(['      - type: funds', '        target: india']).replace('type: opposes', 'type: funds'))).found.length, 0);
  });
});

describe('quote-stale offers a quick fix only where one exists', () => {
  const passage = 'one two three four five six seven eight nine ten the cat sat on the mat today eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen.';
  const claims = (stale: string) => yaml('text: texts/a.txt', 'claims:', '  - id: c0', '    claimant: isi', '    quote: Alpha unique start.', '  - id: c1', '    claimant: isi', `    quote: ${stale}`, '  - id: c2', '    claimant: isi', '    quote: Bravo unique middle.');

  async function stale(text: string): Promise<{ index: WorkspaceIndex; diagnostic: CoreDiagnostic }> {
    const index = await loadIndex({ 'annotations/texts/a.txt': text, 'annotations/actors.yaml': ACTORS, 'annotations/a.yaml': claims('the cat sat on a mat today') });
    const [diagnostic] = annotationFileDiagnostics(index, uriOf('annotations/a.yaml')).filter((d) => d.code === 'quote-stale');
    assert.ok(diagnostic, 'the quote is stale');
    return { index, diagnostic };
  }

  it('the words also stand elsewhere with the same long context: no quick fix, and the message says to update by hand', async () => {
    // The neighbouring claims place the quote in the first copy of the passage; no prefix/suffix of eight words tells the copies apart.
    const { index, diagnostic } = await stale(`Alpha unique start. ${passage} Bravo unique middle. ${passage} Charlie unique end.`);
    assert.deepEqual(quickFixes(index, diagnostic), []);
    assert.match(diagnostic.message, /update the quote by hand: .* so there is no quick fix\.$/);
    assert.doesNotMatch(diagnostic.message, /apply the quick fix/);
  });

  it('the words stand once: the quick fix exists and the message offers it', async () => {
    const { index, diagnostic } = await stale(`Alpha unique start. ${passage} Bravo unique middle.`);
    const [fix] = quickFixes(index, diagnostic);
    assert.equal(fix.safety, 'fix');
    assert.match(diagnostic.message, /apply the quick fix to update the quote\.$/);
  });
});
