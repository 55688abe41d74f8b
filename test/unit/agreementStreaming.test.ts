/**
 * Comparing coders text by text as their texts arrive (`StreamingComparison`,
 * what `agreement` does while a worker thread still reads a coder): the
 * report equals `compareAnnotations`' whatever the pieces and their order,
 * each text is compared once, and as soon as every coder's texts up to it
 * are known.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  codedTexts,
  compareAnnotations,
  loadCoderAnnotations,
  loadCoderWorkspace,
  readCoderAnnotations,
  selectedClaimFields,
  StreamingComparison,
  type AgreementOptions,
  type CodedText,
  type CoderAnnotations,
} from '../../server/src/core/agreement';
import { LineIndex } from '../../server/src/core/lineIndex';
import { ANN, BOB } from '../helpers/agreementCoders';
import { InMemoryHost, WORKSPACE } from '../helpers/memoryWorkspace';

/** ann and bob differ in texts and registries; cat is ann's copy: the same texts and registry. */
async function coders(options: AgreementOptions = {}): Promise<CoderAnnotations[]> {
  const loaded: CoderAnnotations[] = [];
  for (const [name, files] of [['ann', ANN], ['bob', BOB], ['cat', ANN]] as const) loaded.push((await loadCoderAnnotations(new InMemoryHost(files), WORKSPACE, name, options))!);
  return loaded;
}

type Step = { coder: number; texts: number } | { coder: number; end: true };

/** Feeds the coders' texts in the pieces and order of `steps`, then ends every coder. */
function streamed(loaded: CoderAnnotations[], steps: Step[], options: AgreementOptions = {}) {
  const comparison = new StreamingComparison(
    loaded.map((c) => c.name),
    selectedClaimFields(options),
    options,
  );
  const given = loaded.map(() => 0);
  const ended = loaded.map(() => false);
  for (const step of steps) {
    if ('end' in step) {
      comparison.end(step.coder);
      ended[step.coder] = true;
      continue;
    }
    comparison.add(step.coder, loaded[step.coder].texts.slice(given[step.coder], given[step.coder] + step.texts));
    given[step.coder] += step.texts;
  }
  loaded.forEach((coder, c) => {
    if (ended[c]) return;
    comparison.add(c, coder.texts.slice(given[c]));
    comparison.end(c);
  });
  return comparison;
}

const SCHEDULES: Record<string, Step[]> = {
  'each coder whole, in order': [],
  'the last coder first, a text at a time': [{ coder: 2, texts: 1 }, { coder: 2, texts: 1 }, { coder: 2, texts: 5 }, { coder: 2, end: true }],
  'interleaved, one text at a time': [
    { coder: 1, texts: 1 },
    { coder: 0, texts: 1 },
    { coder: 2, texts: 1 },
    { coder: 1, texts: 1 },
    { coder: 0, texts: 1 },
    { coder: 2, texts: 2 },
    { coder: 1, end: true },
  ],
  'empty pieces and an early end': [{ coder: 0, texts: 0 }, { coder: 1, texts: 2 }, { coder: 1, end: true }, { coder: 2, texts: 0 }],
};

describe('comparing coders as their texts arrive', () => {
  for (const options of [{}, { fields: ['stance', 'mention'] }, { texts: ['annotations/texts/b.txt'] }] as AgreementOptions[]) {
    for (const [name, steps] of Object.entries(SCHEDULES)) {
      it(`gives compareAnnotations' report: ${name} (${JSON.stringify(options)})`, async () => {
        const loaded = await coders(options);
        const expected = JSON.stringify(compareAnnotations(loaded, options), null, 2);
        const comparison = streamed(loaded, steps, options);
        assert.equal(JSON.stringify(comparison.report(), null, 2), expected);
        assert.equal(comparison.compared, JSON.parse(expected).texts, 'each text compared once');
        // Two coders as the command runs them (the second through a worker), too.
        const two = loaded.slice(0, 2);
        assert.equal(JSON.stringify(streamed(two, steps.filter((s) => s.coder < 2), options).report()), JSON.stringify(compareAnnotations(two, options)));
      });
    }
  }

  it('the fixture has a differing text, a text only some coders have, and identical coders', async () => {
    const report = compareAnnotations(await coders());
    assert.deepEqual(report.differingTexts, ['annotations/texts/b.txt']);
    assert.equal(report.texts, 3);
    const [ann, bob, cat] = await coders();
    assert.deepEqual(
      bob.texts.map((t) => t.path),
      ['annotations/texts/a.txt', 'annotations/texts/b.txt'],
    );
    assert.deepEqual(cat.texts, ann.texts);
  });

  it('compares a text as soon as every coder has passed it, and the rest at the end', async () => {
    const [ann, bob] = await coders();
    const comparison = new StreamingComparison(['ann', 'bob'], selectedClaimFields({}));
    comparison.add(0, ann.texts);
    comparison.end(0);
    assert.equal(comparison.compared, 0, 'bob has given nothing yet');
    comparison.add(1, bob.texts.slice(0, 1));
    assert.equal(comparison.compared, 1, 'a.txt: both have given it');
    comparison.add(1, bob.texts.slice(1));
    assert.equal(comparison.compared, 2, 'b.txt; c.txt waits: bob might still have it');
    assert.throws(() => comparison.report(), /not complete/);
    comparison.end(1);
    assert.equal(comparison.compared, 3);
    assert.equal(JSON.stringify(comparison.report()), JSON.stringify(compareAnnotations([ann, bob])));
  });

  it('places each disagreement on the line LineIndex counts, whatever the line breaks', () => {
    for (const content of ['one\ntwo\n\nfour words\nfive', 'one\r\ntwo\r\rfour words\nfive', '\n\n\r\nfour words\r']) {
      const lines = new LineIndex(content);
      const offsets = [0, content.indexOf('two'), content.indexOf('four'), content.indexOf('words'), content.length - 1].filter((o) => o >= 0);
      const coded = (stance: string): CodedText => ({
        path: 't.txt',
        content,
        claims: offsets.map((start) => ({ span: { start, end: start + 1 }, values: [stance] })),
        unanchored: 0,
        mentions: [],
      });
      const report = compareAnnotations(
        [
          { name: 'a', claimFields: ['stance'], texts: [coded('supports')] },
          { name: 'b', claimFields: ['stance'], texts: [coded('rejects')] },
        ],
        { fields: ['stance'] },
      );
      assert.deepEqual(
        report.disagreements.map((d) => d.line),
        offsets.map((o) => lines.positionAt(o).line + 1),
        JSON.stringify(content),
      );
    }
  });

  it('refuses texts out of path order, and texts after the end', async () => {
    const [ann] = await coders();
    const comparison = new StreamingComparison(['ann', 'bob'], selectedClaimFields({}));
    assert.throws(() => comparison.add(0, [...ann.texts].reverse()), /not in path order/);
    const again = new StreamingComparison(['ann', 'bob'], selectedClaimFields({}));
    again.add(0, ann.texts.slice(0, 1));
    assert.throws(() => again.add(0, ann.texts.slice(0, 1)), /not in path order/);
    again.end(0);
    assert.throws(() => again.add(0, ann.texts.slice(1)), /already complete/);
  });

  it('codedTexts reads the texts in path order, analysing each when it is its turn', async () => {
    const loaded = (await loadCoderWorkspace(new InMemoryHost(ANN), WORKSPACE, 'ann'))!;
    const analysed: string[] = [];
    const view = new Proxy(loaded.view, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property);
        if (property === 'analysis') return (uri: string) => (analysed.push(uri), target.analysis(uri));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const coder = { ...loaded, view };
    const texts = codedTexts(coder);
    const first = texts.next();
    assert.equal(first.done, false);
    assert.equal(first.value && first.value.path, 'annotations/texts/a.txt');
    assert.deepEqual(analysed, [`${WORKSPACE}/annotations/texts/a.txt`], 'only the first text is analysed yet');
    const rest = [...texts].map((t) => t.path);
    assert.deepEqual(rest, ['annotations/texts/b.txt', 'annotations/texts/c.txt']);
    assert.deepEqual(readCoderAnnotations(coder).texts.map((t) => t.path), ['annotations/texts/a.txt', ...rest]);
  });
});
