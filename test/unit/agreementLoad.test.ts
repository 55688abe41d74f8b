/**
 * Loading coders for agreement: the light path (`loadCoderAnnotations`, an
 * index for text analyses only, read down to plain data that may cross
 * threads as JSON) gives the very report the full index gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareAnnotations, compareCoders, loadCoderAnnotations, readCoderAnnotations, type AgreementOptions, type CoderAnnotations } from '../../server/src/core/agreement';
import { ANN, BOB } from '../helpers/agreementCoders';
import { InMemoryHost, loadMemoryWorkspace, WORKSPACE } from '../helpers/memoryWorkspace';

async function fullCoders(options: AgreementOptions = {}) {
  const coders = [];
  for (const [name, files] of [['ann', ANN], ['bob', BOB]] as const) coders.push({ name, view: (await loadMemoryWorkspace(files)).index, folderUri: WORKSPACE });
  return compareCoders(coders, options);
}

async function lightCoders(options: AgreementOptions = {}): Promise<CoderAnnotations[]> {
  const coders: CoderAnnotations[] = [];
  for (const [name, files] of [['ann', ANN], ['bob', BOB]] as const) coders.push((await loadCoderAnnotations(new InMemoryHost(files), WORKSPACE, name, options))!);
  return coders;
}

/** What the worker thread does to a coder: JSON for everything but the texts' contents. */
function throughJson(coder: CoderAnnotations): CoderAnnotations {
  const copy = JSON.parse(JSON.stringify({ ...coder, texts: coder.texts.map((text) => ({ ...text, content: '' })) })) as CoderAnnotations;
  copy.texts.forEach((text, i) => (text.content = coder.texts[i].content));
  return copy;
}

describe('loading coders for agreement', () => {
  for (const options of [{}, { fields: ['stance', 'about', 'mention'] }, { texts: ['annotations/texts/b.txt'] }, { fields: ['claim'] }] as AgreementOptions[]) {
    it(`the light load, also through JSON, gives the full index's report (${JSON.stringify(options)})`, async () => {
      const expected = JSON.stringify(await fullCoders(options), null, 2);
      const light = await lightCoders(options);
      assert.equal(JSON.stringify(compareAnnotations(light, options), null, 2), expected);
      assert.equal(JSON.stringify(compareAnnotations(light.map(throughJson), options), null, 2), expected);
    });
  }

  it('the fixture shows each kind of difference, so the comparison above can fail', async () => {
    const report = await fullCoders();
    assert.deepEqual(report.differingTexts, ['annotations/texts/b.txt']);
    assert.equal(report.texts, 3);
    assert.deepEqual(report.spans.unanchored, { ann: 1, bob: 0 });
    const fields = new Set(report.disagreements.map((d) => d.field));
    for (const field of ['claim', 'stance', 'type', 'about', 'mention', 'claimant']) assert.ok(fields.has(field), `a ${field} disagreement`);
    assert.ok(report.disagreements.some((d) => d.field === 'mention' && Object.values(d.values).includes('isi | taliban')), 'a shared alias');
  });

  it('reads claims with missing fields as null, which survives JSON, and mentions only when asked', async () => {
    const [ann] = await lightCoders();
    const a = ann.texts.find((text) => text.path === 'annotations/texts/a.txt')!;
    assert.deepEqual(ann.claimFields, ['claimant', 'on-behalf-of', 'concept', 'stance', 'stance-score', 'type', 'evidence', 'about']);
    assert.deepEqual(a.claims[1].values, ['imran-khan', null, null, null, null, null, null, null]);
    assert.equal(a.unanchored, 1);
    assert.ok(a.mentions.length > 0);
    const [narrow] = await lightCoders({ fields: ['stance'] });
    assert.deepEqual(narrow.claimFields, ['stance']);
    assert.ok(narrow.texts.every((text) => text.mentions.length === 0));
  });

  it('an index for analyses only answers the analyses as a full index does', async () => {
    const full = (await loadMemoryWorkspace(BOB)).index;
    const light = readCoderAnnotations({ name: 'bob', view: full, folderUri: WORKSPACE });
    assert.deepEqual((await loadCoderAnnotations(new InMemoryHost(BOB), WORKSPACE, 'bob'))!, light);
  });

  it('refuses a folder without annotation files', async () => {
    assert.equal(await loadCoderAnnotations(new InMemoryHost({ 'notes.txt': 'no annotations' }), WORKSPACE, 'x'), undefined);
  });
});
