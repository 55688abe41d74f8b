// One article of the synthetic corpus and the annotations that point into
// it: every alias of its "home" actors, guest actors, claims (one of them
// restated later, so its quote needs a prefix or suffix), explicit mentions
// by epithet (one epithet used twice), all laid out in paragraphs under Q&A
// headings until the text reaches its target size.

import { actorSentence, authorClaimFrame, claimClause, claimFrame, epithetSentence, fillerSentence, question, TextWriter } from './prose.mjs';
import { normalizeForMatching, selectorFor } from './quoteSelector.mjs';
import { EPITHETS, NOUNS, ROLE_PHRASES, TITLE_TEMPLATES } from './wordLists.mjs';

/** Share of claims whose quote is written with straight quotes where the text has typographic ones. */
const NORMALISED_SHARE = 0.05;

/**
 * Builds an article. Returns its text and, in text offsets, the alias
 * insertions, the claims (with selectors) and the explicit mentions.
 */
export function buildArticle({ random, places, author, homeActors, guestActors, claimCount, mentionCount, targetLength }) {
  const writer = new TextWriter();
  const cast = [...homeActors, ...guestActors];
  const pickCast = () => (cast.length > 0 ? random.pick(cast) : author);
  // A minor actor keeps one name throughout a text; home actors go by all of theirs.
  const guestAlias = new Map(guestActors.map((actor) => [actor, random.pick(actor.aliases)]));
  const aliasOf = (actor) => guestAlias.get(actor) ?? random.pick(actor.aliases);

  // Units are sentences that must appear; each writes itself and may record spans.
  const units = [];
  for (const actor of homeActors) for (const alias of actor.aliases) units.push(() => writer.writeAll(actorSentence(random, places, actor, alias)));
  for (const actor of guestActors) units.push(() => writer.writeAll(actorSentence(random, places, actor, aliasOf(actor))));

  const claims = [];
  for (let k = 0; k < claimCount; k++) {
    const byAuthor = cast.length === 0 || random.chance(0.2);
    const claimant = byAuthor ? author : pickCast();
    const normalised = random.chance(NORMALISED_SHARE);
    const clause = claimClause(random, places, normalised || random.chance(0.15));
    const frame = byAuthor ? authorClaimFrame(random) : claimFrame(random, claimant, aliasOf(claimant));
    const claim = { claimantId: claimant.id, normalised, repeated: k === 0 && claimCount >= 3, span: undefined, restatement: undefined };
    claims.push(claim);
    units.push(() => {
      writer.writeAll(frame.before);
      const start = writer.length;
      writer.writeAll(clause);
      claim.span = { start, end: writer.length };
      writer.writeAll(frame.after);
    });
    // The first claim is restated word for word elsewhere: its quote occurs twice.
    if (claim.repeated) units.push(() => writer.writeAll(['In short, ', ...clause, '.']));
  }

  const mentions = [];
  const epithets = random.shuffled(EPITHETS).slice(0, mentionCount);
  epithets.forEach((epithet, k) => {
    const mention = { actorId: pickCast().id, span: undefined };
    mentions.push(mention);
    // The second epithet appears twice; the mention points at one of them.
    const copies = k === 1 ? 2 : 1;
    const chosen = random.int(copies);
    for (let copy = 0; copy < copies; copy++) {
      const sentence = epithetSentence(random, places);
      units.push(() => {
        writer.writeAll(sentence.before);
        const start = writer.length;
        writer.write(epithet);
        if (copy === chosen) mention.span = { start, end: writer.length };
        writer.writeAll(sentence.after);
      });
    }
  });

  const pending = random.shuffled(units);
  const title = random.pick(TITLE_TEMPLATES).replace('{P}', random.pick(places)).replace('{N}', `the ${random.pick(NOUNS)}`);
  writer.write(`${title}\n\nBy `);
  writer.writeAlias(author, author.aliases[0]);
  writer.write('\n\n');
  let paragraphs = 0;
  while (pending.length > 0 || writer.length < targetLength) {
    if (paragraphs % 3 === 1) {
      const actor = pickCast();
      writer.writeAll(question(random, places, actor, aliasOf(actor)));
      writer.write('\n\n');
    }
    const sentences = random.between(3, 6);
    for (let s = 0; s < sentences; s++) {
      if (s > 0) writer.write(' ');
      if (pending.length > 0 && (random.chance(0.55) || writer.length >= targetLength)) pending.pop()();
      else writer.writeAll(fillerSentence(random, places));
    }
    writer.write('\n\n');
    paragraphs++;
  }
  writer.writeAlias(author, author.aliases[0]);
  writer.write(` is ${random.pick(ROLE_PHRASES)}.\n`);

  const text = writer.toString();
  const normalized = normalizeForMatching(text);
  for (const [k, claim] of claims.entries()) {
    claim.selector = selectorFor(normalized, claim.span.start, claim.span.end, k % 2 === 1);
    if (claim.normalised) claim.selector.quote = claim.selector.quote.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  }
  for (const [k, mention] of mentions.entries()) mention.selector = selectorFor(normalized, mention.span.start, mention.span.end, k % 2 === 0);
  return { text, aliasInsertions: writer.aliasInsertions, claims, mentions };
}
