/**
 * Texts handed on unanchored (`core/agreement/handedAnnotations.ts`): the
 * worker reads a coder's selectors and values without anchoring them, and
 * the command's thread anchors them; the coded texts are the ones the
 * coder's own analysis gives, for claims, explicit mentions and suppressed
 * spans, with and without the `mention` field, after a trip through JSON.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  anchorHandedText,
  codedTextReader,
  handedTextReader,
  loadCoderWorkspace,
  readCoderAnnotations,
  selectedTexts,
  type AgreementOptions,
  type SharingCoder,
} from '../../server/src/core/agreement';
import { ANN, BOB } from '../helpers/agreementCoders';
import { InMemoryHost, WORKSPACE, yaml } from '../helpers/memoryWorkspace';
import { threeActorsArticle } from '../helpers/threeActors';

const ARTICLE = threeActorsArticle();

/** Two files annotating one text, with suppressed spans, explicit mentions (one of two actors), claims without a quote, and quotes that do not anchor. */
const CAROL: Record<string, string> = {
  ...ANN,
  'annotations/c.yaml': yaml(
    'text: texts/c.txt',
    'suppress:',
    '  - quote: ISI',
    '  - {quote: Taliban, prefix: "backs the "}',
    '  - quote: nowhere at all',
    'mentions:',
    '  - {actor: [isi, taliban], quote: The ISI backs}',
    '  - {actor: imran-khan, quote: nowhere}',
    'claims:',
    '  - {id: only, claimant: isi, quote: The ISI backs the Taliban.}',
    '  - {claimant: taliban}',
  ),
  'annotations/c2.yaml': yaml('text: texts/c.txt', 'mentions:', '  - {actor: taliban, quote: Taliban}', 'claims:', '  - {claimant: imran-khan, quote: Imran Khan, prefix: "no such "}', '  - {id: x, stance: rejects, quote: Taliban}'),
};

async function load(files: Record<string, string>): Promise<SharingCoder> {
  return (await loadCoderWorkspace(new InMemoryHost(files), WORKSPACE, 'coder'))!;
}

describe('texts handed on unanchored', () => {
  for (const [name, files] of Object.entries({ ann: ANN, bob: BOB, carol: CAROL })) {
    for (const options of [{}, { fields: ['stance', 'about', 'mention'] }, { fields: ['claimant'] }] as AgreementOptions[]) {
      it(`anchored on the other side, read as the coder's own analysis reads them: ${name}, fields ${options.fields?.join(',') ?? 'all'}`, async () => {
        const expected = readCoderAnnotations(await load(files), options).texts;
        const coder = await load(files);
        const read = handedTextReader(coder, options);
        const anchored = selectedTexts(coder, options).map(({ path, uri }) => {
          const { handed, work } = read(path, uri)!;
          return anchorHandedText(JSON.parse(JSON.stringify(handed)), work, options.fields?.includes('mention') ?? true);
        });
        assert.equal(JSON.stringify(anchored), JSON.stringify(expected));
        assert.deepEqual(anchored, JSON.parse(JSON.stringify(expected)));
      });
    }
  }

  it('the fixture has what it is for: suppressed matches, an explicit mention of two actors, claims without quotes or span', async () => {
    const coder = await load(CAROL);
    const { analysis } = codedTextReader(coder)('annotations/texts/c.txt', `${WORKSPACE}/annotations/texts/c.txt`)!;
    assert.ok(analysis.suppressedMatches.some((count) => count > 0));
    assert.ok(analysis.mentions.some((mention) => mention.source === 'explicit' && mention.actorIds?.length === 2));
    assert.ok(analysis.claims.some((claim) => !claim.result.span));
    assert.equal(ARTICLE.includes('The ISI backs the Taliban.'), true);
  });
});
