import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover } from '../../../server/src/core/features';
import { ACTORS, ARTICLE, CLAIMS, CONCEPTS, cursorIn, mark } from './fixture';

async function hoverAt(path: string, content: string, needle: string, at = 0, occurrence = 0) {
  const { index, uri, offset, text } = await cursorIn(path, mark(content, needle, at, occurrence));
  const card = hover(index, uri, offset);
  return { card, covered: card ? text.slice(card.range.start, card.range.end) : undefined };
}

describe('hover', () => {
  it('shows the actor card over an alias mention in a text', async () => {
    const { card, covered } = await hoverAt('annotations/texts/a.txt', ARTICLE, 'ISI', 1);
    assert.equal(covered, 'ISI');
    const markdown = card!.markdown;
    assert.match(markdown, /^\*\*Inter-Services Intelligence\*\* · intelligence-agency · `isi`/);
    assert.match(markdown, /Pakistan’s premier intelligence agency\./);
    assert.match(markdown, /\*Aliases:\* ISI/);
    assert.match(markdown, /- patron-of \*\*Afghan Taliban\*\*/, 'a relation it states, by the other actor’s name');
    assert.match(markdown, /- opposes \*\*Imran Khan\*\*/, 'a symmetric relation stated by the other actor');
    assert.match(markdown, /\*Claims in this text:\* 1 claim by it, 0 claims about it/);
    assert.match(markdown, /- backs the Taliban|“backs the Taliban”/);
    assert.match(markdown, /\*Mentioned in 0 other texts\.\*/);
    assert.match(markdown, /Defined at \[annotations\/actors\.yaml:3\]\(file:\/\/\/ws\/annotations\/actors\.yaml#L3\)/);
  });

  it('counts the claims about an actor and lists them with their stance', async () => {
    const { card } = await hoverAt('annotations/texts/a.txt', ARTICLE, 'Taliban', 2);
    assert.match(card!.markdown, /\*Claims in this text:\* 0 claims by it, 2 claims about it/);
    assert.match(card!.markdown, /\*\*Imran Khan\*\* — rejects \*The Taliban is a military force\*/);
  });

  it('notes an explicit mention and where it is stated', async () => {
    const { card, covered } = await hoverAt('annotations/texts/a.txt', ARTICLE, 'The agency', 2);
    assert.equal(covered, 'The agency');
    assert.match(card!.markdown, /\*\*Inter-Services Intelligence\*\*/);
    assert.match(card!.markdown, /Explicit mention \(annotations\/claims\.yaml:6\)/);
  });

  it('warns when an alias belongs to several actors', async () => {
    const actors = ACTORS.replace('aliases: [Imran Khan]', 'aliases: [Imran Khan, ISI]');
    const { index, uri, offset } = await cursorIn('annotations/texts/a.txt', mark(ARTICLE, 'ISI', 1), { 'annotations/actors.yaml': actors });
    assert.match(hover(index, uri, offset)!.markdown, /alias of several actors \(`isi`, `imran-khan`\): this mention is ambiguous/);
  });

  it('shows the claim card over a claim span, after the card of a mention inside it', async () => {
    const { card, covered } = await hoverAt('annotations/texts/a.txt', ARTICLE, 'normal civilians', 2);
    assert.equal(covered, 'the Taliban are “normal civilians.”');
    const markdown = card!.markdown;
    assert.match(markdown, /\*\*Claim\*\* `khan-civilians` · assertion/);
    assert.match(markdown, /\*Claimant:\* \*\*Imran Khan\*\*/);
    assert.match(markdown, /\*Stance:\* rejects \*The Taliban is a military force\*/);
    assert.match(markdown, /\*About:\* \*\*Afghan Taliban\*\*/);
    assert.match(markdown, /\*Evidence:\* reported/);
    assert.match(markdown, /\*Note:\* Said in an interview\./);

    const inside = await hoverAt('annotations/texts/a.txt', ARTICLE, 'Taliban are', 1);
    assert.equal(inside.covered, 'Taliban');
    assert.match(inside.card!.markdown, /\*\*Afghan Taliban\*\*[\s\S]*---[\s\S]*\*\*Claim\*\* `khan-civilians`/);
  });

  for (const [what, needle, at] of [
    ['claimant', 'claimant: imran-khan', 12],
    ['about (flow list)', 'about: [taliban]', 9],
    ['about (block list)', '- taliban', 3],
    ['author', 'author: isi', 9],
    ['mention actor', 'actor: isi', 8],
  ] as const) {
    it(`shows the actor card over an actor id used as ${what}`, async () => {
      const { card, covered } = await hoverAt('annotations/claims.yaml', CLAIMS, needle, at);
      assert.ok(card, 'a card');
      assert.match(card.markdown, /\*Claims in the workspace:\*/);
      assert.ok(covered && ['imran-khan', 'taliban', 'isi'].includes(covered), covered);
    });
  }

  it('shows the actor card over a relation target and over a definition', async () => {
    assert.match((await hoverAt('annotations/actors.yaml', ACTORS, 'target: taliban', 9)).card!.markdown, /\*\*Afghan Taliban\*\* · armed-group/);
    assert.match((await hoverAt('annotations/actors.yaml', ACTORS, 'id: imran-khan', 5)).card!.markdown, /\*\*Imran Khan\*\* · person/);
  });

  it('shows the concept card over a concept id', async () => {
    const { card } = await hoverAt('annotations/claims.yaml', CLAIMS, 'concept: taliban', 10);
    assert.match(card!.markdown, /\*\*The Taliban is a military force\*\* · concept `taliban-is-military`/);
    assert.match(card!.markdown, /Whether the Taliban is an armed force\./);
    assert.match(card!.markdown, /\*Claims:\* 1 \(1 rejects\)/);
    assert.match((await hoverAt('annotations/concepts.yaml', CONCEPTS, 'taliban-is', 2)).card!.markdown, /concept `taliban-is-military`/);
  });

  it('shows the claim card, with the quote and where it landed, over a claim id', async () => {
    const { card } = await hoverAt('annotations/claims.yaml', CLAIMS, 'isi-backs', 2);
    assert.match(card!.markdown, /> backs the Taliban/);
    assert.match(card!.markdown, /\*Quote:\* found at \[annotations\/texts\/a\.txt:1\]/);
  });

  it('says so when an id names no actor', async () => {
    const { index, uri, offset } = await cursorIn('annotations/claims.yaml', mark(CLAIMS.replace('claimant: isi', 'claimant: cia'), 'claimant: cia', 11));
    assert.match(hover(index, uri, offset)!.markdown, /`cia`: no actor has this id/);
  });

  it('has nothing to show on plain words or YAML keys', async () => {
    assert.equal((await hoverAt('annotations/texts/a.txt', ARTICLE, 'denies', 2)).card, undefined);
    assert.equal((await hoverAt('annotations/claims.yaml', CLAIMS, 'claimant:', 2)).card, undefined);
  });
});
