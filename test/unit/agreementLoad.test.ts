/**
 * Loading coders for agreement: the light path (`loadCoderAnnotations`, an
 * index for text analyses only, read down to plain data that may cross
 * threads as JSON) gives the very report the full index gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareAnnotations, compareCoders, loadCoderAnnotations, readCoderAnnotations, type AgreementOptions, type CoderAnnotations } from '../../server/src/core/agreement';
import { InMemoryHost, loadMemoryWorkspace, WORKSPACE, yaml } from '../helpers/memoryWorkspace';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';

const ARTICLE = threeActorsArticle();
const OTHER = 'Imran Khan met the ISI. The Taliban were not there.\nKhan said nothing.\n';

/** Two coders who differ in every way the report can show. */
const ANN: Record<string, string> = {
  'annotations/texts/a.txt': ARTICLE,
  'annotations/texts/b.txt': OTHER,
  'annotations/texts/c.txt': ARTICLE,
  'annotations/actors.yaml': threeActorsYaml(),
  'annotations/a.yaml': yaml(
    'text: texts/a.txt',
    'claims:',
    '  - {id: c1, claimant: isi, concept: k, stance: supports, type: belief, about: [taliban, isi], quote: The ISI backs the Taliban.}',
    '  - {id: c2, claimant: imran-khan, quote: the Taliban are “normal civilians.”}',
    '  - {id: c3, claimant: isi, quote: words that are nowhere}',
  ),
  'annotations/b.yaml': yaml(
    'text: texts/b.txt',
    'mentions:',
    '  - {actor: imran-khan, quote: Khan said}',
    'claims:',
    '  - {claimant: imran-khan, stance: rejects, quote: met the ISI}',
    '  - {id: c4, claimant: isi, quote: The Taliban were not there}',
  ),
  'annotations/c.yaml': yaml('text: texts/c.txt', 'claims:', '  - {id: only, claimant: isi, quote: The ISI backs the Taliban.}'),
};
const BOB: Record<string, string> = {
  'annotations/texts/a.txt': ARTICLE,
  // Another version of the text: compared by offset all the same, and listed.
  'annotations/texts/b.txt': `${OTHER}More words.\n`,
  // Another registry: Taliban also goes by "ISI" (a shared alias), and Khan alone names Imran Khan.
  'annotations/actors.yaml': threeActorsYaml(['Taliban', 'ISI']).replace('aliases: [Imran Khan]', 'aliases: [Imran Khan, Khan]'),
  'annotations/a.yaml': yaml(
    'text: texts/a.txt',
    'claims:',
    '  - {id: x1, claimant: isi, concept: k, stance: rejects, type: prediction, about: [taliban], quote: ISI backs the Taliban}',
    '  - {claimant: taliban, evidence: direct, on-behalf-of: isi, quote: Imran Khan said the Taliban}',
  ),
  'annotations/b.yaml': yaml('text: texts/b.txt', 'claims:', '  - {claimant: imran-khan, stance: rejects, quote: met the ISI}'),
};

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
