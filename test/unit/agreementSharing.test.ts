/**
 * Doing the text work once for two coders (`PartnerTextWork`,
 * `readCoderSharing`): the coder read here takes the normalised texts and
 * alias matches the other coder's reading handed on, where the content and
 * the aliases are the same, and reads exactly what it reads alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  codedTextReader,
  FingerprintEntries,
  compareAnnotations,
  loadCoderWorkspace,
  packWork,
  PartnerTextWork,
  readCoderAnnotations,
  readCoderSharing,
  selectedTexts,
  unpackWork,
  type AgreementOptions,
  type CodedText,
  type SharingCoder,
  type TextWork,
} from '../../server/src/core/agreement';
import { ANN, BOB } from '../helpers/agreementCoders';
import { InMemoryHost, WORKSPACE } from '../helpers/memoryWorkspace';

async function load(files: Record<string, string>, name: string): Promise<SharingCoder> {
  return (await loadCoderWorkspace(new InMemoryHost(files), WORKSPACE, name))!;
}

/** What the worker hands on for a coder: each text with its work, packed and unpacked as it crosses threads. */
function handOn(coder: SharingCoder, options: AgreementOptions = {}) {
  const read = codedTextReader(coder, options);
  const texts: CodedText[] = [];
  const work: TextWork[] = [];
  for (const { path, uri } of selectedTexts(coder, options)) {
    const text = read(path, uri)!;
    texts.push(text.coded);
    work.push({ normalized: text.analysis.text.normalized, matches: text.analysis.aliasMatches });
  }
  return { texts, handed: { work: unpackWork(packWork(work)), fingerprint: coder.index.aliasFingerprint() } };
}

describe('sharing the text work between two coders', () => {
  it('takes the normalised texts and the matches of a partner with the same texts and aliases, once each, and reads the same', async () => {
    const alone = readCoderAnnotations(await load(ANN, 'ann'));
    const { texts, handed } = handOn(await load(ANN, 'copy'));
    const coder = await load(ANN, 'ann');
    const partner = new PartnerTextWork();
    partner.add(texts, handed);
    partner.end();
    assert.deepEqual(await readCoderSharing(coder, {}, partner), alone);
    assert.deepEqual(partner.taken, { normalized: 3, matches: 3, registryShared: false });
    assert.equal(coder.index.textsAliasMatched(), 0, 'no text matched here');
  });

  it('takes only the normalised form of the same content when the aliases differ, and nothing for a differing text', async () => {
    const alone = readCoderAnnotations(await load(ANN, 'ann'));
    const { texts, handed } = handOn(await load(BOB, 'bob'));
    const coder = await load(ANN, 'ann');
    const reading = new PartnerTextWork();
    const done = readCoderSharing(coder, {}, reading);
    reading.add(texts, handed);
    reading.end();
    assert.deepEqual(await done, alone);
    // a.txt is the same text (b.txt differs, c.txt bob has not); bob's registry gives other aliases.
    assert.deepEqual(reading.taken, { normalized: 1, matches: 0, registryShared: false });
    assert.equal(coder.index.textsAliasMatched(), 3);
  });

  it('waits for the partner to pass each text, and ends the waits when it ends (or fails)', async () => {
    const { texts, handed } = handOn(await load(ANN, 'copy'));
    const coder = await load(ANN, 'ann');
    const partner = new PartnerTextWork();
    const read: string[] = [];
    const done = readCoderSharing(coder, {}, partner, (text) => read.push(text.path));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(read, [], 'nothing read before the partner passed the first text');
    partner.add(texts.slice(0, 1), { work: handed.work.slice(0, 1), fingerprint: handed.fingerprint });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(read, ['annotations/texts/a.txt']);
    partner.end();
    assert.deepEqual((await done).texts.map((t) => t.path), ['annotations/texts/a.txt', 'annotations/texts/b.txt', 'annotations/texts/c.txt']);
    assert.deepEqual(partner.taken, { normalized: 1, matches: 1, registryShared: false }, 'only what came before the end');
  });

  it('packs the work to cross threads and unpacks it unchanged', async () => {
    const coder = await load(BOB, 'bob');
    const read = codedTextReader(coder);
    const work: (TextWork | null)[] = selectedTexts(coder).map(({ path, uri }) => {
      const { analysis } = read(path, uri)!;
      return { normalized: analysis.text.normalized, matches: analysis.aliasMatches };
    });
    work.push(null);
    assert.ok(work.some((w) => w && w.matches.length > 1));
    assert.deepEqual(unpackWork(structuredClone(packWork(work))), work);
    // Numbered by the fingerprint's entries, sent once: no table in the batch.
    const listed = new FingerprintEntries(coder.index.aliasFingerprint());
    const numbered = structuredClone(packWork(work, listed));
    assert.equal(numbered.entries, null);
    assert.deepEqual(unpackWork(numbered, new FingerprintEntries(coder.index.aliasFingerprint())), work);
    assert.throws(() => unpackWork(numbered), /fingerprint that did not come/);
    // An alias the fingerprint lists otherwise (other aliases than the matches were made with): the batch carries its table.
    const other = new FingerprintEntries((await load(ANN, 'ann')).index.aliasFingerprint());
    const tabled = packWork(work, other);
    assert.ok(tabled.entries && tabled.entries.length > 0);
    assert.deepEqual(unpackWork(structuredClone(tabled), other), work);
  });

  it('with the worker and without it the report is the same: coders that share all, some or none of their text work', async () => {
    for (const [a, b] of [
      [ANN, ANN],
      [ANN, BOB],
      [BOB, ANN],
    ]) {
      const alone = [readCoderAnnotations(await load(a, 'a')), readCoderAnnotations(await load(b, 'b'))];
      const { texts, handed } = handOn(await load(b, 'b'));
      const partner = new PartnerTextWork();
      const first = readCoderSharing(await load(a, 'a'), {}, partner);
      partner.add(texts, handed);
      partner.end();
      const shared = [await first, alone[1]];
      assert.equal(JSON.stringify(compareAnnotations(shared)), JSON.stringify(compareAnnotations(alone)));
    }
  });
});
