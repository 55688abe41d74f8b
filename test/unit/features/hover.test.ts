import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover, renderMarkdown, renderPlainText, type HoverCard } from '../../../server/src/core/features';
import { AUTOLINK_PATTERN, readMarkdown } from '../../helpers/markdownSafety';
import { ACTORS, ARTICLE, CLAIMS, CONCEPTS, cursorIn, mark } from './fixture';

/** The card of a hover as Markdown. */
function md(found: HoverCard | undefined): string {
  assert.ok(found, 'a hover');
  return renderMarkdown(found.card);
}

async function hoverAt(path: string, content: string, needle: string, at = 0, occurrence = 0) {
  const { index, uri, offset, text } = await cursorIn(path, mark(content, needle, at, occurrence));
  const card = hover(index, uri, offset);
  return { card, covered: card ? text.slice(card.range.start, card.range.end) : undefined };
}

describe('hover', () => {
  it('shows the actor card over an alias mention in a text', async () => {
    const { card, covered } = await hoverAt('annotations/texts/a.txt', ARTICLE, 'ISI', 1);
    assert.equal(covered, 'ISI');
    const markdown = md(card);
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
    assert.match(md(card), /\*Claims in this text:\* 0 claims by it, 2 claims about it/);
    assert.match(md(card), /\*\*Imran Khan\*\* — rejects \*The Taliban is a military force\*/);
  });

  it('notes an explicit mention and where it is stated', async () => {
    const { card, covered } = await hoverAt('annotations/texts/a.txt', ARTICLE, 'The agency', 2);
    assert.equal(covered, 'The agency');
    assert.match(md(card), /\*\*Inter-Services Intelligence\*\*/);
    assert.match(md(card), /Explicit mention \(annotations\/claims\.yaml:6\)/);
  });

  it('warns when an alias belongs to several actors', async () => {
    const actors = ACTORS.replace('aliases: [Imran Khan]', 'aliases: [Imran Khan, ISI]');
    const { index, uri, offset } = await cursorIn('annotations/texts/a.txt', mark(ARTICLE, 'ISI', 1), { 'annotations/actors.yaml': actors });
    assert.match(md(hover(index, uri, offset)), /alias of several actors \(`isi`, `imran-khan`\): this mention is ambiguous/);
  });

  it('shows the claim card over a claim span, after the card of a mention inside it', async () => {
    const { card, covered } = await hoverAt('annotations/texts/a.txt', ARTICLE, 'normal civilians', 2);
    assert.equal(covered, 'the Taliban are “normal civilians.”');
    const markdown = md(card);
    assert.match(markdown, /\*\*Claim\*\* `khan-civilians` · assertion/);
    assert.match(markdown, /\*Claimant:\* \*\*Imran Khan\*\*/);
    assert.match(markdown, /\*Stance:\* rejects \*The Taliban is a military force\*/);
    assert.match(markdown, /\*About:\* \*\*Afghan Taliban\*\*/);
    assert.match(markdown, /\*Evidence:\* reported/);
    assert.match(markdown, /\*Note:\* Said in an interview\./);

    const inside = await hoverAt('annotations/texts/a.txt', ARTICLE, 'Taliban are', 1);
    assert.equal(inside.covered, 'Taliban');
    assert.match(md(inside.card), /\*\*Afghan Taliban\*\*[\s\S]*---[\s\S]*\*\*Claim\*\* `khan-civilians`/);
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
      assert.match(md(card), /\*Claims in the workspace:\*/);
      assert.ok(covered && ['imran-khan', 'taliban', 'isi'].includes(covered), covered);
    });
  }

  it('shows the actor card over a relation target and over a definition', async () => {
    assert.match(md((await hoverAt('annotations/actors.yaml', ACTORS, 'target: taliban', 9)).card), /\*\*Afghan Taliban\*\* · armed-group/);
    assert.match(md((await hoverAt('annotations/actors.yaml', ACTORS, 'id: imran-khan', 5)).card), /\*\*Imran Khan\*\* · person/);
  });

  it('shows the concept card over a concept id', async () => {
    const { card } = await hoverAt('annotations/claims.yaml', CLAIMS, 'concept: taliban', 10);
    assert.match(md(card), /\*\*The Taliban is a military force\*\* · concept `taliban-is-military`/);
    assert.match(md(card), /Whether the Taliban is an armed force\./);
    assert.match(md(card), /\*Claims:\* 1 \(1 rejects\)/);
    assert.match(md((await hoverAt('annotations/concepts.yaml', CONCEPTS, 'taliban-is', 2)).card), /concept `taliban-is-military`/);
  });

  it('shows the claim card, with the quote and where it landed, over a claim id', async () => {
    const { card } = await hoverAt('annotations/claims.yaml', CLAIMS, 'isi-backs', 2);
    assert.match(md(card), /> backs the Taliban/);
    assert.match(md(card), /\*Quote:\* found at \[annotations\/texts\/a\.txt:1\]/);
  });

  it('says so when an id names no actor', async () => {
    const { index, uri, offset } = await cursorIn('annotations/claims.yaml', mark(CLAIMS.replace('claimant: isi', 'claimant: cia'), 'claimant: cia', 11));
    assert.match(md(hover(index, uri, offset)), /`cia`: no actor has this id/);
  });

  it('has nothing to show on plain words or YAML keys', async () => {
    assert.equal((await hoverAt('annotations/texts/a.txt', ARTICLE, 'denies', 2)).card, undefined);
    assert.equal((await hoverAt('annotations/claims.yaml', CLAIMS, 'claimant:', 2)).card, undefined);
  });

  it('shows the note of a relation, stated by the actor or about it', async () => {
    const actors = ACTORS.replace('        target: taliban', '        target: taliban\n        note: Sanctuary and training since the 1990s.');
    const isi = await cursorIn('annotations/actors.yaml', mark(actors, 'id: isi', 5));
    assert.match(md(hover(isi.index, isi.uri, isi.offset)), /- patron-of \*\*Afghan Taliban\*\* — \*Sanctuary and training since the 1990s\.\*/);
    const taliban = await cursorIn('annotations/actors.yaml', mark(actors, 'id: taliban', 5));
    assert.match(md(hover(taliban.index, taliban.uri, taliban.offset)), /- client-of \*\*Inter-Services Intelligence\*\* — \*Sanctuary and training since the 1990s\.\*/);
  });

  it('renders the same card as plain text, with no Markdown syntax', async () => {
    const { card } = await hoverAt('annotations/texts/a.txt', ARTICLE, 'normal civilians', 2);
    const plain = renderPlainText(card!.card);
    assert.match(plain, /^Claim khan-civilians · assertion$/m);
    assert.match(plain, /^Claimant: Imran Khan$/m);
    assert.match(plain, /^Stance: rejects The Taliban is a military force \(score -1\)$/m);
    assert.match(plain, /^Defined at annotations\/claims\.yaml:9$/m);
    assert.doesNotMatch(plain, /[*`\\[\]]|\]\(/, 'no emphasis, code, escapes or links');
    const actor = renderPlainText((await hoverAt('annotations/texts/a.txt', ARTICLE, 'ISI', 1)).card!.card);
    assert.match(actor, /^Inter-Services Intelligence · intelligence-agency · isi$/m);
    assert.match(actor, /^ {2}• patron-of Afghan Taliban$/m);
    assert.match(actor, /^Wikidata: Q1141281$/m);
  });
});

describe('hover cards are safe from Markdown and HTML in the workspace', () => {
  const HOSTILE_ACTORS = [
    'actors:',
    '  - id: isi',
    '    name: "[Inter-Services](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>"',
    '    kind: "<details><summary>intelligence-agency"',
    '    aliases: [ISI]',
    '    description: "![pixel](https://evil.example/p.png) ask @octocat at https://evil.example or admin@evil.example <!--"',
    '    wikidata: Q1141281',
    '    relations:',
    '      - type: "<b>patron-of</b>"',
    '        target: taliban',
    '        note: "[more](https://evil.example/more) **now**"',
    '  - id: "tali``ban"',
    '    name: Taliban one',
    '    kind: armed-group',
    '  - id: taliban',
    '    name: Afghan Taliban',
    '    kind: armed-group',
    '    aliases: [Taliban]',
    '',
  ].join('\n');
  const HOSTILE_CLAIMS = [
    'text: texts/a.txt',
    'url: "javascript:alert(1)"',
    'claims:',
    '  - id: "isi``backs"',
    '    claimant: isi',
    '    quote: backs the Taliban',
    '    about: ["tali``ban"]',
    '    concept: "<img src=y>"',
    '    stance: "<!-- rejects"',
    '    type: "[t](command:x)"',
    '    evidence: "![e](https://evil.example/e.png)"',
    '    note: "www.evil.example <script>alert(1)</script>"',
    '',
  ].join('\n');
  const PERMITTED = /^(file:\/\/\/ws\/[^\s]*#L\d+|https:\/\/www\.wikidata\.org\/wiki\/Q\d+)$/;

  async function hostileHover(path: string, needle: string, at: number) {
    const files = { 'annotations/actors.yaml': HOSTILE_ACTORS, 'annotations/claims.yaml': HOSTILE_CLAIMS };
    const content = files[path as keyof typeof files] ?? ARTICLE;
    const { index, uri, offset } = await cursorIn(path, mark(content, needle, at), files);
    const found = hover(index, uri, offset);
    assert.ok(found, `a hover at ${needle}`);
    return found.card;
  }

  for (const [what, path, needle, at] of [
    ['an actor card in a text', 'annotations/texts/a.txt', 'ISI', 1],
    ['an actor card in an actors file', 'annotations/actors.yaml', 'id: isi', 5],
    ['the card of a relation target', 'annotations/actors.yaml', 'target: taliban', 10],
    ['a claim card', 'annotations/claims.yaml', 'isi``backs', 2],
    ['a claim card in a text', 'annotations/texts/a.txt', 'backs the', 2],
  ] as const) {
    it(`${what}: no workspace string becomes HTML, an image, a link or a mention`, async () => {
      const card = await hostileHover(path, needle, at);
      const markdown = renderMarkdown(card);
      const read = readMarkdown(markdown);
      assert.deepEqual(read.html, [], markdown);
      assert.deepEqual(read.images, [], markdown);
      for (const href of read.links) assert.match(href, PERMITTED, markdown);
      assert.doesNotMatch(read.prose, AUTOLINK_PATTERN, markdown);
      const plain = renderPlainText(card);
      assert.doesNotMatch(plain, /\\[<[*`!]/, 'no Markdown escapes in plain text');
    });
  }

  it('keeps an id with double backticks inside its code span, and shows kind, type, stance and evidence as written', async () => {
    const claim = readMarkdown(renderMarkdown(await hostileHover('annotations/claims.yaml', 'isi``backs', 2)));
    assert.ok(claim.code.includes('isi``backs'), JSON.stringify(claim.code));
    assert.match(claim.text, /isi``backs · \[t\]\(command:x\)/);
    assert.match(claim.text, /Stance: <!-- rejects/);
    assert.match(claim.text, /Evidence: !\[e\]\(https:\u2060\/\/evil\.example\/e\.png\)/);
    const actor = readMarkdown(renderMarkdown(await hostileHover('annotations/actors.yaml', 'id: isi', 5)));
    assert.match(actor.text, /· <details><summary>intelligence-agency · isi/);
    assert.match(actor.text, /<b>patron-of<\/b> Afghan Taliban — \[more\]/);
    assert.deepEqual(actor.links.filter((href) => href.startsWith('https:')), ['https://www.wikidata.org/wiki/Q1141281'], 'the Wikidata item is linked; nothing else on the web');
  });
});
