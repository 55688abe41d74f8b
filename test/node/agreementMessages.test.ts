/** The texts a worker hands on (unanchored: `HandedText`) arrive as they left, after crossing threads. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deserialize, serialize } from 'node:v8';
import type { HandedText } from '../../server/src/core/agreement/handedAnnotations';
import { packTexts, unpackTexts } from '../../server/src/node/agreementMessages';

const TEXTS: HandedText[] = [
  {
    path: 'texts/a.txt',
    content: 'The ISI backs the Taliban’s “normal civilians”.',
    files: [
      {
        claims: [
          [['The ISI backs', null, 'the'], 'c1', ['isi', 'supports', null, ['isi', 'taliban'], -1]],
          [['“normal civilians”', 'Taliban’s ', null], null, [null, null, null, null, null]],
        ],
        mentions: [[['ISI', null, null], ['isi', 'army']]],
        suppress: [['Taliban', '', '']],
      },
      { claims: [], mentions: [], suppress: [] },
    ],
  },
  { path: 'texts/b.txt', content: '', files: [] },
];

describe('the texts a worker hands on', () => {
  it('unpack as they were packed, after crossing threads (a structured clone), prefixes written empty kept apart from none', () => {
    assert.deepEqual(unpackTexts(deserialize(serialize(packTexts(TEXTS))) as ReturnType<typeof packTexts>), TEXTS);
  });

  it('carry the contents beside the JSON, not in it', () => {
    const packed = packTexts(TEXTS);
    assert.deepEqual(packed.contents, [TEXTS[0].content, '']);
    assert.doesNotMatch(packed.texts, /civilians”\./);
  });
});
