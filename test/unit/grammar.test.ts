// The policy-text TextMate grammar, tokenised with the same engine VS Code
// uses (vscode-textmate over Oniguruma), on lines of the sample article and
// on cases the article lacks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import { REPO_ROOT } from '../helpers/tempWorkspace';

const GRAMMAR = path.join(REPO_ROOT, 'syntaxes', 'policy-text.tmLanguage.json');
const ARTICLE = readFileSync(path.join(REPO_ROOT, 'annotations', 'texts', 'pakistan-taliban-qa.txt'), 'utf8');

let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => (scopeName === 'text.policy' ? parseRawGrammar(readFileSync(GRAMMAR, 'utf8'), GRAMMAR) : null),
  });
  const loaded = await registry.loadGrammar('text.policy');
  assert.ok(loaded, 'the grammar loads');
  grammar = loaded;
});

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenises lines in order (as an editor does) and returns the tokens of each. */
function tokenize(...lines: string[]): Token[][] {
  let state: StateStack = INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The scopes at the first character of `fragment` in a line (tokenised on its own). */
function scopesAt(line: string, fragment: string, occurrence = 0): string[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = line.indexOf(fragment, at + 1);
  assert.ok(at >= 0, `"${fragment}" in "${line}"`);
  let offset = 0;
  for (const token of tokenize(line)[0]) {
    if (at < offset + token.text.length) return token.scopes;
    offset += token.text.length;
  }
  assert.fail(`no token at "${fragment}"`);
}

/** Asserts that every character of `fragment` carries a scope starting with `scope`. */
function assertScoped(line: string, fragment: string, scope: string): void {
  const start = line.indexOf(fragment);
  assert.ok(start >= 0, `"${fragment}" in "${line}"`);
  let offset = 0;
  for (const token of tokenize(line)[0]) {
    const end = offset + token.text.length;
    if (end > start && offset < start + fragment.length) {
      assert.ok(token.scopes.some((s) => s.startsWith(scope)), `"${token.text}" in "${fragment}" has ${token.scopes.join(' ')}, not ${scope}`);
    }
    offset = end;
  }
}

function assertNotScoped(line: string, fragment: string, scope: string): void {
  const scopes = scopesAt(line, fragment);
  assert.ok(!scopes.some((s) => s.startsWith(scope)), `"${fragment}" has ${scopes.join(' ')}`);
}

const HEADING = 'markup.heading.question.policy-text';

describe('the policy-text grammar', () => {
  it('highlights every question of the sample Q&A as a heading, and no other line', () => {
    const lines = ARTICLE.split(/\r?\n/);
    const questions = lines.filter((line) => /\?$/.test(line) && line.length < 250);
    assert.equal(questions.length, 6);
    const tokens = tokenize(...lines);
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const whole = tokens[i].every((token) => token.scopes.includes(HEADING));
      assert.equal(whole, questions.includes(line), `line ${i + 1}: ${line.slice(0, 60)}`);
    });
  });

  it('keeps quotes, dates and figures inside a question heading', () => {
    const line = 'Will “strategic depth” survive the 2021 withdrawal of 2,500 troops?';
    assertScoped(line, '“strategic depth”', 'string.quoted.double.typographic');
    assertScoped(line, '“strategic depth”', HEADING);
    assertScoped(line, '2021', 'constant.numeric.date');
    assertScoped(line, '2,500', 'constant.numeric.figure');
    assert.ok(scopesAt(line, '?').includes('punctuation.definition.question.policy-text'));
  });

  it('does not take prose for a heading: two sentences, a long paragraph, or a question inside a sentence', () => {
    assertNotScoped('Pakistan denies it. Why would anyone believe that?', 'Why', HEADING);
    assertNotScoped(`${'The generals in Rawalpindi believe the directorate is hostile to their country, '.repeat(4)}do they not?`, 'generals', HEADING);
    assertNotScoped('He asked whether it mattered? Not at all!', 'asked', HEADING);
    assertScoped('How do Pakistani leaders view the U.S. withdrawal from Afghanistan?', 'U.S. withdrawal', HEADING);
  });

  it('reads interview transcripts’ Q: lines as questions', () => {
    const line = 'Q: What comes next for Kabul';
    assert.ok(scopesAt(line, 'Q').includes('keyword.other.question.policy-text'));
    assertScoped(line, 'What comes next', HEADING);
  });

  it('highlights typographic and straight quoted speech, with the quote marks as punctuation', () => {
    const article = ARTICLE.split('\n').find((line) => line.includes('“not a military outfit”'))!;
    assertScoped(article, '“not a military outfit”', 'string.quoted.double.typographic.policy-text');
    assertScoped(article, '“normal civilians.”', 'string.quoted.double.typographic.policy-text');
    assert.ok(scopesAt(article, '“not').includes('punctuation.definition.string.begin.policy-text'));
    assert.ok(scopesAt(article, '” but').includes('punctuation.definition.string.end.policy-text'));
    assertNotScoped(article, ' but rather', 'string.quoted');

    const straight = 'Khan said the Taliban were "normal civilians" and (“not a military outfit”).';
    assertScoped(straight, '"normal civilians"', 'string.quoted.double.straight.policy-text');
    assertNotScoped(straight, ' and', 'string');
    assertScoped('the so-called ‘good Taliban’ remain', '‘good Taliban’', 'string.quoted.single.typographic.policy-text');
    assertScoped('a ‘don’t ask’ policy', '‘don’t ask’', 'string.quoted.single.typographic.policy-text');
  });

  it('leaves apostrophes and unbalanced quotes alone', () => {
    assertNotScoped('the Taliban’s backers and the generals’ support', 'Taliban', 'string');
    assertNotScoped('the Taliban’s backers and the generals’ support', 'support', 'string');
    assertNotScoped('He said “we will never negotiate', 'we will', 'string');
    const [first, second] = tokenize('An open “quote on one line', 'does not colour the next.');
    assert.ok(first.every((token) => !token.scopes.some((s) => s.startsWith('string'))));
    assert.ok(second.every((token) => token.scopes.length === 1), 'the next line is plain text');
    assertNotScoped('It’s 5" wide and the "rest', 'rest', 'string');
  });

  it('highlights bylines: "By …", an author’s name alone on a line, and the author’s bio', () => {
    const by = 'By Aqil Shah and Jane van Dyke';
    assert.ok(scopesAt(by, 'By').includes('keyword.other.byline.policy-text'));
    assertScoped(by, 'Aqil Shah and Jane van Dyke', 'entity.name.type.author.policy-text');
    assertScoped('Aqil Shah', 'Aqil Shah', 'entity.name.type.author.policy-text');
    const bio = ARTICLE.split('\n').find((line) => line.startsWith('Aqil Shah is'))!;
    assertScoped(bio, 'Aqil Shah', 'entity.name.type.author.policy-text');
    assert.ok(scopesAt(bio, 'Aqil').includes('meta.byline.bio.policy-text'));
    assertNotScoped(bio, 'visiting', 'entity.name');
    assertNotScoped('Pakistan is a state that hosts the Taliban.', 'Pakistan', 'entity.name');
    assertNotScoped('More >', 'More', 'entity.name');
    assertNotScoped('Pashtun Tahafuz Movement leaders were arrested.', 'Pashtun', 'entity.name');
  });

  it('highlights dates', () => {
    for (const [line, date] of [
      ['A deadly July 2021 bomb attack', 'July 2021'],
      ['on August 10, 2021, the city fell', 'August 10, 2021'],
      ['on 10 August 2021 the city fell', '10 August 2021'],
      ['published: 2021-08-10', '2021-08-10'],
      ['in the 1990s during the civil war', '1990s'],
      ['between 2007 and 2014', '2007'],
      ['between 2007 and 2014', '2014'],
    ]) assertScoped(line, date, 'constant.numeric.date.policy-text');
    assertNotScoped('May they succeed', 'May', 'constant');
  });

  it('highlights figures, in digits and in words', () => {
    for (const [line, figure] of [
      ['killed at least thirteen people, including nine Chinese nationals', 'thirteen'],
      ['killed at least thirteen people, including nine Chinese nationals', 'nine'],
      ['a $2 billion surge of investment', '$2 billion'],
      ['inflation reached 12.5 percent', '12.5 percent'],
      ['40% of the vote', '40%'],
      ['some 1,000,000 refugees', '1,000,000'],
      ['3.5 million refugees', '3.5 million'],
      ['the multi-billion dollar surge', 'billion'],
      ['one of the two deputy leaders', 'two'],
    ]) assertScoped(line, figure, 'constant.numeric.figure.policy-text');
    assertNotScoped('one of the two deputy leaders', 'one', 'constant');
    assertNotScoped('someone', 'one', 'constant');
  });
});
