/**
 * The anchoring cache keeps a file's results while the text and the file's
 * selectors stay the same: the same list is recognised without a key, a list
 * parsed again with the same selectors by its key, and anything else is
 * anchored afresh.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drain } from '../../server/src/core/aliasAutomaton';
import type { QuoteSelectorDef } from '../../server/src/core/model';
import { normalizeWithMap } from '../../server/src/core/normalizeText';
import { AnchoringCache } from '../../server/src/core/workspace/anchoringCache';

const TEXT = 'The ministry announced the plan. The opposition rejected the plan at once.';
const at = (value: string) => ({ value, range: { start: 0, end: value.length } });
const defs = (...quotes: [string, string?][]): QuoteSelectorDef[] => quotes.map(([quote, prefix]) => ({ quote: at(quote), ...(prefix !== undefined && { prefix: at(prefix) }) }));

describe('AnchoringCache', () => {
  const target = { text: TEXT, normalized: normalizeWithMap(TEXT) };
  const anchor = (cache: AnchoringCache, list: QuoteSelectorDef[], into = target) => drain(cache.anchorInSteps('file:///t.txt', into, 'file:///a.yaml\u0000claims', list));

  it('reuses the results for the same list, and for a list parsed again with the same selectors', () => {
    const cache = new AnchoringCache();
    const list = defs(['announced the plan'], ['rejected the plan', 'opposition']);
    const first = anchor(cache, list);
    assert.deepEqual(first.map((r) => r.status), ['exact', 'exact']);
    assert.equal(anchor(cache, list), first);
    const reparsed = defs(['announced the plan'], ['rejected the plan', 'opposition']);
    assert.equal(anchor(cache, reparsed), first, 'equal selectors in a new list: kept');
    assert.equal(anchor(cache, reparsed), first);
  });

  it('anchors afresh when a selector, or the text, changed', () => {
    const cache = new AnchoringCache();
    const first = anchor(cache, defs(['announced the plan'], ['rejected the plan', 'opposition']));
    const changedPrefix = anchor(cache, defs(['announced the plan'], ['rejected the plan', 'ministry']));
    assert.notEqual(changedPrefix, first);
    assert.equal(changedPrefix[1].span, undefined, 'its prefix no longer fits');
    const changedQuote = anchor(cache, defs(['the plan']));
    assert.equal(changedQuote[0].status, 'ambiguous');
    const other = { text: TEXT, normalized: normalizeWithMap(TEXT) };
    const list = defs(['the plan']);
    assert.notEqual(anchor(cache, list, other), changedQuote, 'another text object: anchored again');
  });
});
