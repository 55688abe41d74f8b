import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { anchorSelectors, annotationFileDiagnostics, normalizeWithMap, STALE_CONFIDENCE, type AnchorResult, type QuoteSelector } from '../../server/src/core';
import { loadMemoryWorkspace, uriOf, yaml } from '../helpers/memoryWorkspace';
import { REPO_ROOT } from '../helpers/tempWorkspace';

const SEED = readFileSync(path.join(REPO_ROOT, 'annotations/texts/pakistan-taliban-qa.txt'), 'utf8');

function edit(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `"${from}" must occur once in the text being edited`);
  return text.replace(from, to);
}

function anchor(text: string, selectors: QuoteSelector[]): AnchorResult[] {
  return anchorSelectors({ text, normalized: normalizeWithMap(text) }, selectors);
}

function at(text: string, result: AnchorResult): string | undefined {
  const span = result.span ?? result.proposal?.span;
  return span && text.slice(span.start, span.end);
}

/** Claims in text order around the one under test, as a file would list them. */
const NEIGHBOURS_BEFORE: QuoteSelector = { quote: 'Virtually no one buys Pakistani denials' };
const NEIGHBOURS_AFTER: QuoteSelector = { quote: 'But it is no secret that the Pakistani military has long-standing ties to the Afghan Taliban.' };

describe('approximate anchoring on copy-edits of the seed article', () => {
  it('the unedited article anchors every test quote exactly', () => {
    const results = anchor(SEED, [NEIGHBOURS_BEFORE, { quote: 'He asserted without evidence that most Afghan refugees in the country sympathize with the Taliban' }, NEIGHBOURS_AFTER]);
    assert.deepEqual(results.map((r) => r.status), ['exact', 'exact', 'exact']);
  });

  it('inserted words: proposes the edited sentence as stale, with its confidence, and never anchors it', () => {
    const quote = 'He asserted without evidence that most Afghan refugees in the country sympathize with the Taliban';
    const edited = edit(SEED, 'He asserted without evidence that most Afghan refugees', 'He asserted, without offering any evidence, that most Afghan refugees');
    const [, result] = anchor(edited, [NEIGHBOURS_BEFORE, { quote }, NEIGHBOURS_AFTER]);
    assert.equal(result.status, 'stale');
    assert.equal(result.span, undefined, 'a stale quote is proposed, not anchored');
    assert.equal(at(edited, result), 'He asserted, without offering any evidence, that most Afghan refugees in the country sympathize with the Taliban');
    assert.ok(result.proposal!.confidence >= STALE_CONFIDENCE);
    assert.ok(result.proposal!.confidence < 1);
  });

  it('changed punctuation: commas dropped and a dash replaced', () => {
    const quote = 'Moreover, senior Pakistani military officers—and, not coincidently, the Taliban—consider Afghan President Ashraf Ghani';
    const edited = edit(SEED, 'Moreover, senior Pakistani military officers—and, not coincidently, the Taliban—consider', 'Moreover senior Pakistani military officers (and not coincidently the Taliban) consider');
    const [result] = anchor(edited, [{ quote }]);
    assert.equal(result.status, 'stale');
    assert.equal(at(edited, result), 'Moreover senior Pakistani military officers (and not coincidently the Taliban) consider Afghan President Ashraf Ghani');
  });

  it('a changed word in a short quote', () => {
    const edited = edit(SEED, 'The world has seen this movie before.', 'The world has seen this film before.');
    const [result] = anchor(edited, [{ quote: 'The world has seen this movie before.' }]);
    assert.equal(result.status, 'stale');
    assert.equal(at(edited, result), 'The world has seen this film before.');
  });

  it('reordered sentences: a quote within one sentence still anchors exactly at its new place', () => {
    const first = 'Pashtuns are the largest ethnic group in Afghanistan and have traditionally dominated the Afghan state.';
    const second = 'This British colonial-era boundary splits the Pashtun heartland between the two countries.';
    const edited = edit(edit(SEED, first, '\u0000'), second, first).replace('\u0000', second);
    const [a, b] = anchor(edited, [{ quote: first }, { quote: second }]);
    assert.equal(a.status, 'exact');
    assert.equal(b.status, 'exact');
    assert.ok(a.span!.start > b.span!.start, 'the sentences swapped places');
  });

  it('moved paragraphs: quotes anchor exactly wherever their paragraph went', () => {
    const paragraph = SEED.slice(SEED.indexOf('The world has seen this movie before.'), SEED.indexOf('Pakistan’s proximity to land-locked'));
    const edited = edit(SEED, paragraph, '') + '\n\n' + paragraph.trim();
    const [result] = anchor(edited, [{ quote: 'extract billions of dollars in U.S. security assistance' }]);
    assert.equal(result.status, 'exact');
    assert.ok(result.span!.start > edited.length - paragraph.length);
  });

  it('the same sentence twice: ambiguous without context, resolved by prefix or suffix', () => {
    const sentence = 'The world has seen this movie before.';
    const edited = edit(SEED, 'Pakistan’s proximity to land-locked', `${sentence} Pakistan’s proximity to land-locked`);
    const [plain, withPrefix, withSuffix] = anchor(edited, [
      { quote: sentence },
      { quote: sentence, prefix: 'the Taliban.\n\n' },
      { quote: sentence, suffix: ' Pakistan’s proximity' },
    ]);
    assert.equal(plain.status, 'ambiguous');
    assert.equal(plain.candidates.length, 2);
    assert.equal(withPrefix.status, 'exact');
    assert.equal(withSuffix.status, 'exact');
    assert.ok(withPrefix.span!.start < withSuffix.span!.start);
  });

  it('decoy: when the annotated occurrence is edited, the untouched twin elsewhere is not taken silently', () => {
    const sentence = 'The world has seen this movie before.';
    const twice = edit(SEED, 'Pakistan’s proximity to land-locked', `${sentence} Pakistan’s proximity to land-locked`);
    // The analyst anchored the second occurrence with a suffix; then the second one is copy-edited.
    const selector = { quote: sentence, suffix: ' Pakistan’s proximity' };
    assert.equal(anchor(twice, [selector])[0].status, 'exact');
    const edited = edit(twice, `${sentence} Pakistan’s proximity`, 'The world has seen this film before. Pakistan’s proximity');
    const [result] = anchor(edited, [selector]);
    assert.notEqual(result.status, 'exact');
    assert.notEqual(result.status, 'normalized');
    assert.equal(result.span, undefined);
    if (result.status === 'stale') {
      assert.equal(result.proposal!.span.start, edited.indexOf('The world has seen this film before.'), 'proposes the edited occurrence, not the decoy');
    } else {
      assert.equal(result.status, 'not-found');
    }
  });

  it('decoy: a quote whose sentence was deleted is not re-anchored to similar words elsewhere', () => {
    const quote = 'Pakistani military leaders, the country’s de facto rulers, would have likely preferred a peaceful end';
    const deleted = edit(SEED, 'Pakistani military leaders, the country’s de facto rulers, would have likely preferred a peaceful end to the conflict in Afghanistan, provided that their Taliban proxies held decisive influence in any future Afghan government. ', '');
    const [result] = anchor(deleted, [{ quote }]);
    assert.equal(result.status, 'not-found');
    assert.equal(result.span, undefined);
    assert.equal(result.proposal, undefined);
  });

  it('close competitors are listed, not chosen', () => {
    const text = 'The ISI funds the group. Then: The ISI finds the group.';
    const [result] = anchor(text, [{ quote: 'The ISI fund the group' }]);
    assert.equal(result.status, 'not-found');
    assert.equal(result.nearMisses?.length, 2);
  });

  it('neighbours break a tie between two equally close places', () => {
    const text = 'Alpha. The ISI funds the group. Beta. Gamma. The ISI finds the group. Delta.';
    const [, result] = anchor(text, [{ quote: 'Gamma.' }, { quote: 'The ISI fund the group' }, { quote: 'Delta.' }]);
    assert.equal(result.status, 'stale');
    assert.equal(at(text, result), 'The ISI finds the group');
  });

  it('is reported as quote-stale with the proposed place, and quote-not-found with the near misses', async () => {
    const editedText = edit(SEED, 'The world has seen this movie before.', 'The world has seen this film before.');
    const annotations = yaml(
      'text: texts/a.txt',
      'claims:',
      '  - {id: c1, claimant: x, quote: The world has seen this movie before.}',
      '  - {id: c2, claimant: x, quote: An entirely invented sentence that appears nowhere.}',
    );
    const { index } = await loadMemoryWorkspace({
      'annotations/texts/a.txt': editedText,
      'annotations/a.yaml': annotations,
      'annotations/actors.yaml': yaml('actors:', '  - {id: x, name: X, kind: person}'),
    });
    const found = annotationFileDiagnostics(index, uriOf('annotations/a.yaml')).filter((d) => d.code.startsWith('quote-'));
    assert.deepEqual(found.map((d) => [d.code, d.severity]), [['quote-stale', 'warning'], ['quote-not-found', 'error']]);
    assert.match(found[0].message, /now reads "The world has seen this film before\." at annotations\/texts\/a\.txt:\d+ \(\d+% confident\)/);
    assert.equal(found[0].related?.[0].uri, uriOf('annotations/texts/a.txt'));
    assert.equal(editedText.slice(found[0].related![0].range.start, found[0].related![0].range.end), 'The world has seen this film before.');
    const proposal = found[0].data?.proposal as { text: string; prefix: string; suffix: string };
    assert.equal(proposal.text, 'The world has seen this film before.');
  });
});
