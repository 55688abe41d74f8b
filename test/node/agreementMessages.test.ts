/** The texts a worker hands on arrive as a trip through JSON would give them, mentions packed or not. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import type { CodedText } from '../../server/src/core/agreement/coderAnnotations';
import { packTexts, unpackTexts } from '../../server/src/node/agreementMessages';

const TEXTS: CodedText[] = [
  {
    path: 'texts/a.txt',
    content: 'The ISI backs the Taliban’s “normal civilians”.',
    claims: [
      { span: { start: 4, end: 25 }, id: 'c1', values: ['isi', 'supports', null] },
      { span: { start: 0, end: 3 }, id: undefined, values: [null, null, null] },
    ],
    unanchored: 1,
    mentions: [
      { span: { start: 4, end: 7 }, value: 'isi' },
      { span: { start: 18, end: 25 }, value: 'taliban' },
      { span: { start: 30, end: 36 }, value: 'isi | taliban' },
    ],
  },
  { path: 'texts/b.txt', content: '', claims: [], unanchored: 0, mentions: [] },
  { path: 'texts/c.txt', content: 'ISI', claims: [], unanchored: 0, mentions: [{ span: { start: 0, end: 3 }, value: 'isi' }] },
];

describe('the texts a worker hands on', () => {
  it('unpack as JSON gives them back, after crossing threads (a structured clone)', () => {
    const viaJson = (JSON.parse(JSON.stringify(TEXTS)) as CodedText[]).map((text, i) => ({ ...text, content: TEXTS[i].content }));
    const unpacked = unpackTexts(deserialize(serialize(packTexts(TEXTS))) as ReturnType<typeof packTexts>);
    assert.deepEqual(unpacked, viaJson);
    assert.equal('id' in unpacked[0].claims[1], false, 'a claim without an id has none, as after JSON');
  });

  it('name each mention value once', () => {
    const packed = packTexts(TEXTS);
    assert.deepEqual(packed.mentionValues, ['isi', 'taliban', 'isi | taliban']);
    assert.deepEqual(packed.mentionCounts, [3, 0, 1]);
  });
});
