// Quotes in texts of any language: both sides are compared in NFKC form, so
// decomposed and precomposed letters, ligatures, full-width and
// presentation forms match, and the span found is always the original
// text's UTF-16 range (as LSP requires).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AliasMatcher, normalizeForMatch, normalizeWithMap, resolveQuote, type AnchorableText } from '../../server/src/core';

function target(text: string): AnchorableText {
  return { text, normalized: normalizeWithMap(text) };
}

/** Resolves the quote and returns its status and the original text it spans. */
function anchor(text: string, quote: string, context: { prefix?: string; suffix?: string } = {}): { status: string; found?: string; start?: number } {
  const result = resolveQuote(target(text), { quote, ...context });
  return { status: result.status, found: result.span && text.slice(result.span.start, result.span.end), start: result.span?.start };
}

describe('anchoring in any language', () => {
  it('French: a decomposed "État" matches a precomposed quote, and the other way round', () => {
    const decomposed = "L'E\u0301tat franc\u0327ais a annonce\u0301 une re\u0301forme.";
    assert.deepEqual(anchor(decomposed, "L'État français"), { status: 'normalized', found: "L'E\u0301tat franc\u0327ais", start: 0 });
    const precomposed = 'Le ministère de l’Économie a réagi.';
    const result = anchor(precomposed, 'l\u2019E\u0301conomie a re\u0301agi');
    assert.equal(result.status, 'normalized');
    assert.equal(result.found, 'l’Économie a réagi');
    // The same characters in the same form match exactly.
    assert.equal(anchor(precomposed, 'ministère de l’Économie').status, 'exact');
  });

  it('German: umlauts and ß in either form; a quote inside a decomposed word maps to whole characters', () => {
    const text = 'Die Bundesregierung plant Maßnahmen fu\u0308r Bu\u0308rgerinnen und Bu\u0308rger.';
    assert.deepEqual(anchor(text, 'Maßnahmen für Bürgerinnen'), { status: 'normalized', found: 'Maßnahmen fu\u0308r Bu\u0308rgerinnen', start: text.indexOf('Maß') });
    // "ü" alone maps to the two code units u + combining diaeresis, never half of them.
    const umlaut = anchor(text, 'ür', { suffix: 'gerinnen' });
    assert.equal(umlaut.found, 'u\u0308r');
  });

  it('ligatures and compatibility characters fold: "ﬁ", full-width letters, circled numbers', () => {
    const text = 'The ﬁnancial ﬁrms and the ＵＮ agreed on ⑵ below.';
    assert.deepEqual(anchor(text, 'financial firms'), { status: 'normalized', found: 'ﬁnancial ﬁrms', start: 4 });
    assert.deepEqual(anchor(text, 'the UN agreed'), { status: 'normalized', found: 'the ＵＮ agreed', start: text.indexOf('the ＵＮ') });
    assert.equal(anchor(text, 'on (2) below').found, 'on ⑵ below');
    // Half of a ligature still maps to the whole ligature.
    assert.equal(anchor(text, 'inancial').found, 'ﬁnancial');
  });

  it('Arabic (right to left): harakat, presentation forms and offsets in UTF-16 code units', () => {
    const text = 'قَالَ وزير الخارجية إن الحكومة ﻻ تقبل هذا القرار.';
    assert.deepEqual(anchor(text, 'وزير الخارجية'), { status: 'exact', found: 'وزير الخارجية', start: 6 });
    // The lam-alef ligature U+FEFB matches the two letters lam and alef.
    const ligature = anchor(text, 'الحكومة لا تقبل');
    assert.equal(ligature.status, 'normalized');
    assert.equal(ligature.found, 'الحكومة ﻻ تقبل');
    // A quote with its vowel marks matches only where the text has them too.
    assert.equal(anchor(text, 'قَالَ').status, 'exact');
    assert.equal(anchor(text, 'قال').status, 'not-found');
  });

  it('Urdu: a precomposed heh with hamza (U+06C2) matches heh + combining hamza', () => {
    const text = 'وزیر اعظم نے کہا کہ یہ فیصلہ حکومتِ پاکستان کا ہے اور مسئلۂ کشمیر پر بات ہو گی۔';
    assert.deepEqual(anchor(text, 'حکومتِ پاکستان'), { status: 'exact', found: 'حکومتِ پاکستان', start: text.indexOf('حکومتِ') });
    const decomposed = text.replace('\u06c2', '\u06c1\u0654');
    const result = anchor(decomposed, 'مسئلۂ کشمیر');
    assert.equal(result.status, 'normalized');
    assert.equal(result.found, 'مسئلہ\u0654 کشمیر');
  });

  it('Chinese: full-width punctuation and compatibility ideographs fold; offsets count code units', () => {
    const text = '外交部发言人表示，中方坚决反对任何形式的“台独”分裂活动。𠀀之后';
    assert.deepEqual(anchor(text, '外交部发言人表示，中方'), { status: 'exact', found: '外交部发言人表示，中方', start: 0 });
    assert.equal(anchor(text, '表示,中方').found, '表示，中方');
    assert.equal(anchor(text, '"台独"').found, '“台独”');
    // An astral character counts as two units; the span after it is still exact.
    const after = anchor(text, '之后');
    assert.equal(after.start, text.length - 2);
    // U+F900 is a compatibility ideograph for U+8C48.
    assert.equal(anchor('\uf900', '\u8c48').status, 'normalized');
  });

  it('aliases share the normalisation: a precomposed alias finds a decomposed mention, and the other way round', () => {
    const matcher = new AliasMatcher([
      { alias: 'État', actorId: 'france' },
      { alias: 'Bu\u0308ndnis', actorId: 'alliance' },
      { alias: 'ﻻ', actorId: 'no' },
    ]);
    const text = "L'E\u0301tat et le Bündnis, puis لا.";
    const found = matcher.findAll(normalizeWithMap(text)).map((match) => [text.slice(match.span.start, match.span.end), match.actorIds[0]]);
    assert.deepEqual(found, [['E\u0301tat', 'france'], ['Bündnis', 'alliance'], ['لا', 'no']]);
  });

  it('normalises quotes exactly as texts, in every language above', () => {
    const samples = ['E\u0301tat', 'ﬁnancial', 'Bu\u0308rger', 'ﻻ تقبل', 'مسئلہ\u0654', '表示，中方', '\u1100\u1161\u11a8', 'x\u0301\u0301 ﬃ ⑵'];
    for (const sample of samples) assert.equal(normalizeForMatch(sample), normalizeWithMap(sample).text, JSON.stringify(sample));
  });
});
