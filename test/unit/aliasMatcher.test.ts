import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AliasMatcher, normalizeWithMap, type AliasMatchWork } from '../../server/src/core';

function find(aliases: [string, string][], text: string) {
  const matcher = new AliasMatcher(aliases.map(([alias, actorId]) => ({ alias, actorId })));
  return matcher.findAll(normalizeWithMap(text)).map((m) => ({ text: text.slice(m.span.start, m.span.end), actors: m.actorIds }));
}

describe('AliasMatcher', () => {
  it('matches whole words only', () => {
    const found = find([['ISI', 'isi'], ['Khan', 'imran-khan']], 'the ISI-backed group; ISIS; Khanate; Khan’s claim');
    assert.deepEqual(found.map((f) => f.text), ['ISI', 'Khan']);
  });

  it('prefers the leftmost, then the longest match', () => {
    const found = find(
      [['Taliban', 'taliban'], ['Pakistani Taliban', 'ttp'], ['Tehrik-e-Taliban Pakistan', 'ttp'], ['Pakistan', 'pakistan']],
      'the Pakistani Taliban (Tehrik-e-Taliban Pakistan) and the Taliban in Pakistan',
    );
    assert.deepEqual(found, [
      { text: 'Pakistani Taliban', actors: ['ttp'] },
      { text: 'Tehrik-e-Taliban Pakistan', actors: ['ttp'] },
      { text: 'Taliban', actors: ['taliban'] },
      { text: 'Pakistan', actors: ['pakistan'] },
    ]);
  });

  it('matches across typographic variants and line breaks', () => {
    const found = find([["Pakistan's military", 'pakistan-military'], ['National Directorate of Security', 'nds']], 'Pakistan’s military and the National\r\nDirectorate of Security');
    assert.deepEqual(found.map((f) => f.text), ['Pakistan’s military', 'National\r\nDirectorate of Security']);
  });

  it('is case-sensitive', () => {
    assert.deepEqual(find([['ISI', 'isi']], 'isi Isi ISI').map((f) => f.text), ['ISI']);
  });

  it('reports every actor that shares an alias', () => {
    assert.deepEqual(find([['Khan', 'imran-khan'], ['Khan', 'other-khan']], 'Khan said')[0].actors, ['imran-khan', 'other-khan']);
  });

  it('treats letters with combining marks and astral letters as word characters', () => {
    assert.deepEqual(find([['Cafe', 'x']], 'Café Cafe'), [{ text: 'Cafe', actors: ['x'] }]);
    assert.deepEqual(find([['ISI', 'isi']], '𝐀ISI ISI𝐀 ISI'), [{ text: 'ISI', actors: ['isi'] }]);
  });

  it('finds overlapping candidates through failure links', () => {
    const found = find([['he', 'a'], ['she', 'b'], ['hers', 'c'], ['his', 'd']], 'ushers she his he');
    assert.deepEqual(found.map((f) => f.text), ['she', 'his', 'he']);
  });
});

/** Leftmost-longest whole-word matching the slow, obvious way (spaced scripts only): the reference the automaton must agree with. */
function referenceMatches(keys: string[], text: string): { start: number; end: number }[] {
  const word = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}\p{M}_]/u.test(char);
  const found: { start: number; end: number }[] = [];
  for (let start = 0; start < text.length; ) {
    let longest = 0;
    for (const key of keys) {
      if (key.length <= longest || !text.startsWith(key, start)) continue;
      const end = start + key.length;
      if (word(key[0]) && word(text[start - 1])) continue;
      if (word(key[key.length - 1]) && word(text[end])) continue;
      longest = key.length;
    }
    if (longest === 0) start++;
    else {
      found.push({ start, end: start + longest });
      start += longest;
    }
  }
  return found;
}

describe('AliasMatcher against a reference', () => {
  it('finds what the obvious quadratic algorithm finds, on any keys and text', () => {
    const symbol = fc.constantFrom('a', 'b', 'é', ' ', '-', '.', '_');
    const word = fc.array(symbol, { minLength: 1, maxLength: 6 }).map((chars) => chars.join('').trim()).filter((key) => key.length > 0 && !/ {2}|--/.test(key));
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 8 }), fc.array(symbol, { maxLength: 60 }), (keys, chars) => {
        const text = chars.join('').replace(/ {2,}/g, ' ').replace(/-{2,}/g, '-');
        const matcher = new AliasMatcher(keys.map((alias) => ({ alias, actorId: 'x' })));
        assert.deepEqual(matcher.findAll(normalizeWithMap(text)).map((m) => m.span), referenceMatches(keys, text));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
  });
});

describe('AliasMatcher on nested aliases (issue 13, item 9)', () => {
  it('finds the longest of thousands of nested aliases at each word with a few candidates per word', () => {
    const aliases = Array.from({ length: 2000 }, (_, i) => ({ alias: 'a'.repeat(i + 1), actorId: `a${i + 1}` }));
    const matcher = new AliasMatcher(aliases);
    const lengths = Array.from({ length: 400 }, (_, i) => (i * 37) % 2300 + 1);
    const text = lengths.map((length) => 'a'.repeat(length)).join(' ');
    const work: AliasMatchWork = { candidates: 0, segmentedUnits: 0 };
    const found = matcher.findAll(normalizeWithMap(text), work);
    assert.deepEqual(found.map((m) => m.span.end - m.span.start), lengths.filter((length) => length <= 2000));
    assert.ok(work.candidates > 0 && work.candidates <= 2 * lengths.length, `${work.candidates} candidates for ${lengths.length} words`);
  });

  it('finds nested multi-word aliases with work linear in the text', () => {
    const aliases = Array.from({ length: 500 }, (_, i) => ({ alias: Array(i + 1).fill('a').join(' '), actorId: `a${i + 1}` }));
    const matcher = new AliasMatcher(aliases);
    const text = 'a '.repeat(50_000);
    const work: AliasMatchWork = { candidates: 0, segmentedUnits: 0 };
    const found = matcher.findAll(normalizeWithMap(text), work);
    assert.equal(found.length, 100);
    assert.ok(found.every((m) => m.key.length === 999));
    assert.ok(work.candidates > 0 && work.candidates <= text.length, `${work.candidates} candidates for ${text.length} characters`);
  });

  it('bounds the segmenter and candidate work over nested aliases in an unspaced script', () => {
    const aliases = Array.from({ length: 300 }, (_, i) => ({ alias: '党'.repeat(i + 1), actorId: `p${i + 1}` }));
    const matcher = new AliasMatcher(aliases);
    const text = '自由民主党'.repeat(4000);
    const work: AliasMatchWork = { candidates: 0, segmentedUnits: 0 };
    matcher.findAll(normalizeWithMap(text), work);
    assert.ok(work.candidates > 0 && work.candidates <= 66 * text.length, `${work.candidates} candidates`);
    assert.ok(work.segmentedUnits <= 2 * text.length, `${work.segmentedUnits} units segmented for ${text.length}`);
  });
});

describe('AliasMatcher updated in place', () => {
  const ALIASES = ['ISI', 'Khan', 'Imran Khan', 'Taliban', 'Afghan Taliban', 'Pakistan', 'Pakistani Taliban', 'TTP', 'Haqqani', 'Haqqani network', 'he', 'she', 'hers'];
  const ACTORS = ['a', 'b', 'c'];
  const TEXT = 'Imran Khan said the Afghan Taliban and the Pakistani Taliban (TTP) differ; the ISI backs the Haqqani network, she says, and hers is a view Khan shares in Pakistan.';

  /** The entries a fresh matcher would hold for these (alias, actor) pairs, by normalised alias. */
  function entries(pairs: { alias: string; actorId: string }[]): Map<string, { alias: string; actorIds: string[] }> {
    const map = new Map<string, { alias: string; actorIds: string[] }>();
    for (const { alias, actorId } of pairs) {
      const entry = map.get(alias);
      if (!entry) map.set(alias, { alias, actorIds: [actorId] });
      else if (!entry.actorIds.includes(actorId)) entry.actorIds.push(actorId);
    }
    return map;
  }

  it('matches as a fresh matcher after any sequence of additions and removals', () => {
    const normalized = normalizeWithMap(TEXT);
    const pair = fc.record({ alias: fc.constantFrom(...ALIASES), actorId: fc.constantFrom(...ACTORS) });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), fc.array(fc.array(pair, { maxLength: 8 }), { minLength: 1, maxLength: 6 }), (initial, versions) => {
        const live = new AliasMatcher(initial);
        let before = entries(initial);
        for (const version of versions) {
          const after = entries(version);
          for (const key of new Set([...before.keys(), ...after.keys()])) live.set(key, after.get(key));
          before = after;
          const fresh = new AliasMatcher(version);
          assert.deepEqual(live.findAll(normalized), fresh.findAll(normalized));
          assert.equal(live.size, fresh.size);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });

  it('folds many additions into a rebuilt automaton and still matches the same', () => {
    const words = Array.from({ length: 600 }, (_, i) => `Word${i}`);
    const text = words.filter((_, i) => i % 7 === 0).join(' ');
    const live = new AliasMatcher([{ alias: 'Word0', actorId: 'x' }]);
    for (const word of words) live.set(word, { alias: word, actorIds: ['x'] });
    const fresh = new AliasMatcher(words.map((alias) => ({ alias, actorId: 'x' })));
    assert.deepEqual(live.findAll(normalizeWithMap(text)), fresh.findAll(normalizeWithMap(text)));
    assert.equal(live.findAll(normalizeWithMap(text)).length, Math.ceil(600 / 7));
  });

  it('builds in slices that yield, with the same result as building at once', () => {
    const pairs = Array.from({ length: 10000 }, (_, i) => ({ alias: `Alias ${i}`, actorId: `actor-${i % 50}` }));
    const map = new Map(pairs.map(({ alias, actorId }) => [alias, { alias, actorIds: [actorId] }]));
    const steps = AliasMatcher.build(map);
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    assert.ok(yields > 2, `the build yielded ${yields} times`);
    const text = normalizeWithMap('Alias 1 and Alias 9999, not Alias 10000 or Alias 12a.');
    assert.deepEqual(step.value.findAll(text), new AliasMatcher(pairs).findAll(text));
    assert.deepEqual(step.value.findAll(text).map((m) => m.alias), ['Alias 1', 'Alias 9999']);
  });
  it('grows its trie past its first capacity with nested keys, matching the longest at every start', () => {
    // 5,000 keys "a" … "a" × 5,000 share a chain of 5,000 states: past the trie's first capacity, far below the keys' total length.
    const pairs = Array.from({ length: 5000 }, (_, i) => ({ alias: 'a'.repeat(i + 1), actorId: 'nested' }));
    const matcher = new AliasMatcher(pairs);
    const text = normalizeWithMap(`${'a'.repeat(4999)} ${'a'.repeat(5000)} ${'a'.repeat(5001)} a`);
    assert.deepEqual(
      matcher.findAll(text).map((m) => [m.span.start, m.span.end]),
      [
        [0, 4999],
        [5000, 10000],
        [10001 + 5001 + 1, 10001 + 5001 + 2],
      ],
    );
  });
});
