import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AliasMatcher, normalizeWithMap } from '../../server/src/core';

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
