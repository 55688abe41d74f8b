// Alias matching in texts of any language (issue 12 §5): word boundaries
// follow Unicode, scripts written without spaces are segmented with
// Intl.Segmenter, and offsets stay UTF-16.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AliasMatcher, normalizeForMatch, normalizeWithMap, type AliasMatchWork } from '../../server/src/core';

function matcherOf(aliases: [string, string][]): AliasMatcher {
  return new AliasMatcher(aliases.map(([alias, actorId]) => ({ alias, actorId })));
}

function find(aliases: [string, string][], text: string, work?: AliasMatchWork) {
  return matcherOf(aliases)
    .findAll(normalizeWithMap(text), work)
    .map((m) => ({ text: text.slice(m.span.start, m.span.end), start: m.span.start, actors: m.actorIds }));
}

const texts = (aliases: [string, string][], text: string) => find(aliases, text).map((m) => m.text);

describe('alias matching in French and German', () => {
  it('matches accented words whole, and not inside longer words', () => {
    const text = 'L’État a parlé ; l’Assemblée nationale répond. L’étatisme de l’État-providence inquiète la Cour des comptes.';
    assert.deepEqual(texts([['État', 'etat'], ['Assemblée nationale', 'an'], ['Cour des comptes', 'cdc']], text), ['État', 'Assemblée nationale', 'État', 'Cour des comptes']);
  });

  it('keeps German compounds whole and umlauts and ß inside words', () => {
    const text = 'Der Bundesrat stimmt zu. Der Bundesratsbeschluss des Auswärtigen Amts, vom Außenministerium gelobt; Maß und Bundesrat.';
    assert.deepEqual(texts([['Bundesrat', 'br'], ['Auswärtigen Amts', 'aa'], ['Außenministerium', 'am'], ['Maß', 'mass']], text), ['Bundesrat', 'Auswärtigen Amts', 'Außenministerium', 'Maß', 'Bundesrat']);
    assert.deepEqual(texts([['Amt', 'amt'], ['Au', 'au']], 'des Auswärtigen Amts, Außenministerium'), []);
  });

  it('matches an alias in its decomposed and precomposed spellings alike (Unicode normalisation)', () => {
    const precomposed = 'Évian';
    const decomposed = 'E\u0301vian';
    assert.equal(normalizeForMatch(precomposed), normalizeForMatch(decomposed));
    for (const [alias, text] of [[precomposed, `à ${decomposed} hier`], [decomposed, `à ${precomposed} hier`]]) {
      const found = find([[alias, 'evian']], text);
      assert.deepEqual(found.map((f) => f.text), [text.slice(2, -5)], `alias ${JSON.stringify(alias)} in ${JSON.stringify(text)}`);
    }
    // The combining accent belongs to its word: an alias never ends before it.
    assert.deepEqual(texts([['E', 'e']], `${decomposed} E`), ['E']);
    assert.equal(find([['E', 'e']], `${decomposed} E`)[0].start, decomposed.length + 1);
  });
});

describe('alias matching in right-to-left scripts', () => {
  it('matches Arabic words whole, with UTF-16 offsets in logical order', () => {
    const text = 'قالت حماس، إن الحكومة المصرية والحماسة الشعبية';
    const found = find([['حماس', 'hamas'], ['الحكومة المصرية', 'egypt-gov']], text);
    assert.deepEqual(found.map((f) => f.text), ['حماس', 'الحكومة المصرية']);
    assert.equal(found[0].start, text.indexOf('حماس'));
    assert.equal(found[1].start, text.indexOf('الحكومة'));
  });

  it('counts harakat as part of the word they mark', () => {
    const voweled = 'مُحَمَّد';
    assert.deepEqual(texts([[voweled, 'm']], `قال ${voweled} اليوم`), [voweled]);
    // A mark after the last letter continues the word: the bare alias does not end there.
    assert.deepEqual(texts([[voweled, 'm']], `قال ${voweled}ٌ اليوم`), []);
    // Marks inside the word do not split it.
    assert.deepEqual(texts([['مُ', 'm']], `قال ${voweled} اليوم`), []);
  });

  it('matches Urdu words whole, across a zero-width non-joiner and before the Urdu full stop', () => {
    const text = 'پاکستان کی حکومت نے کہا۔ پاکستانی عوام اور پاکستان۔ وزیر‌اعظم';
    const found = find([['پاکستان', 'pk'], ['وزیراعظم', 'pm']], text);
    assert.deepEqual(found.map((f) => f.text), ['پاکستان', 'پاکستان', 'وزیر‌اعظم']);
    assert.equal(found[1].start, text.lastIndexOf('پاکستان'));
  });
});

describe('alias matching in scripts written without spaces', () => {
  it('finds a Chinese alias inside running text, at the segmenter’s word boundaries, leftmost-longest', () => {
    const text = '中华人民共和国国务院今天表示，人民代表大会将开会。共和国';
    const aliases: [string, string][] = [['中华人民共和国', 'prc'], ['人民', 'people'], ['国务院', 'state-council'], ['共和国', 'republic']];
    assert.deepEqual(texts(aliases, text), ['中华人民共和国', '国务院', '人民', '共和国']);
    // 共和 is not a word of 共和国: no match inside it.
    assert.deepEqual(texts([['共和', 'x']], text), []);
  });

  it('reports UTF-16 offsets for astral Han characters', () => {
    const text = '𠀀𠀁说，𠀀𠀁。';
    const found = find([['𠀀𠀁', 'x']], text);
    assert.deepEqual(found.map((m) => [m.text, m.start]), [['𠀀𠀁', 0], ['𠀀𠀁', 6]]);
  });

  it('treats a change between a spaced and an unspaced script as a boundary', () => {
    assert.deepEqual(texts([['ISI', 'isi'], ['团体', 'group']], 'ISI支持的团体'), ['ISI', '团体']);
  });

  it('finds Japanese aliases in kanji, hiragana and katakana text', () => {
    const text = '自由民主党の総裁は東京で、フランス政府は国会議事堂で';
    assert.deepEqual(texts([['自由民主党', 'ldp'], ['東京', 'tokyo'], ['フランス政府', 'fr-gov'], ['議事', 'x']], text), ['自由民主党', '東京', 'フランス政府']);
  });

  it('finds Thai aliases inside running text', () => {
    const text = 'รัฐบาลไทยประกาศนโยบายใหม่';
    assert.deepEqual(texts([['รัฐบาล', 'gov'], ['นโยบาย', 'policy']], text), ['รัฐบาล', 'นโยบาย']);
    assert.deepEqual(texts([['รัฐบาลไทย', 'thai-gov'], ['ไทย', 'thai']], text), ['รัฐบาลไทย']);
    // ระกา is not a word here: it straddles ประกาศ.
    assert.deepEqual(texts([['ระกา', 'x']], text), []);
  });

  it('matches an alias added after the build like one built in', () => {
    const matcher = matcherOf([['東京', 'tokyo']]);
    matcher.set('人民', { alias: '人民', actorIds: ['people'] });
    const text = '东京和東京的人民';
    assert.deepEqual(matcher.findAll(normalizeWithMap(text)).map((m) => text.slice(m.span.start, m.span.end)), ['東京', '人民']);
  });

  it('never segments a text that has no unspaced script', () => {
    const work: AliasMatchWork = { candidates: 0, segmentedUnits: 0 };
    find([['État', 'e'], ['人民', 'p']], 'L’État et la nation. '.repeat(100), work);
    assert.equal(work.segmentedUnits, 0);
  });
});
