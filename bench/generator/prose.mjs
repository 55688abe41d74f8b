// English-like policy prose, written through a TextWriter that records where
// every actor name, claim and explicit mention lands, so the annotations can
// point at real places in the text.

import { ACTOR_VERB_PHRASES, ADJECTIVES, ADVERBIALS, CONNECTIVES, NOUNS, PLURAL_NOUNS, QUESTIONS, REPORTING_VERBS, STORY_ADJECTIVES, VERB_PHRASES } from './wordLists.mjs';

/** Appends text and remembers the offsets of the things annotations refer to. */
export class TextWriter {
  constructor() {
    this.chunks = [];
    this.length = 0;
    /** Every inserted actor name: { start, end, actorId, alias }. */
    this.aliasInsertions = [];
  }

  write(text) {
    this.chunks.push(text);
    this.length += text.length;
  }

  writeAlias(actor, alias) {
    this.aliasInsertions.push({ start: this.length, end: this.length + alias.length, actorId: actor.id, alias });
    this.write(alias);
  }

  /** Writes pieces: strings, or { actor, alias } for an actor name. */
  writeAll(pieces) {
    for (const piece of pieces) {
      if (typeof piece === 'string') this.write(piece);
      else this.writeAlias(piece.actor, piece.alias);
    }
  }

  toString() {
    return this.chunks.join('');
  }
}

const capitalise = (s) => s[0].toUpperCase() + s.slice(1);

/** Pieces of a noun phrase; `typographic` forces an apostrophe. */
export function nounPhrase(random, places, typographic = false) {
  if (typographic || random.chance(0.12)) return [random.pick([`the country\u2019s ${random.pick(NOUNS)}`, `${random.pick(places)}\u2019s ${random.pick(NOUNS)}`, `the region\u2019s ${random.pick(PLURAL_NOUNS)}`])];
  switch (random.int(4)) {
    case 0: return [`the ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`];
    case 1: return [`the ${random.pick(PLURAL_NOUNS)}`];
    case 2: return [`the ${random.pick(places)} ${random.pick(NOUNS)}`];
    default: return [`the ${random.pick(NOUNS)}`];
  }
}

/**
 * A clause for a claim: subject, verb phrase, object and sometimes an
 * adverbial. `typographic` makes it contain typographic quotes or an
 * apostrophe (so a quote typed with straight ones matches only normalised).
 */
export function claimClause(random, places, typographic = false) {
  const pieces = [...nounPhrase(random, places), ' '];
  if (typographic && random.chance(0.5)) {
    pieces.push(`amounted to \u201ca ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}\u201d`);
  } else {
    pieces.push(random.pick(VERB_PHRASES), ' ', ...nounPhrase(random, places, typographic));
  }
  if (random.chance(0.6)) pieces.push(' ', random.pick(ADVERBIALS));
  return pieces;
}

/** A sentence without actors. */
export function fillerSentence(random, places) {
  switch (random.int(6)) {
    case 0: return [`${random.pick(CONNECTIVES)} `, ...nounPhrase(random, places), ` ${random.pick(VERB_PHRASES)} `, ...nounPhrase(random, places), ` ${random.pick(ADVERBIALS)}.`];
    case 1: {
      const [first] = nounPhrase(random, places);
      return [capitalise(first), ` ${random.pick(VERB_PHRASES)} `, ...nounPhrase(random, places), ', and ', ...nounPhrase(random, places), ` ${random.pick(VERB_PHRASES)} `, ...nounPhrase(random, places), '.'];
    }
    case 2: return ['Few observers expect ', ...nounPhrase(random, places), ' to survive ', ...nounPhrase(random, places), '.'];
    case 3: return [`The numbers tell a ${random.pick(STORY_ADJECTIVES)} story: `, ...nounPhrase(random, places), ` ${random.pick(VERB_PHRASES)} `, ...nounPhrase(random, places), '.'];
    case 4: {
      const [first] = nounPhrase(random, places);
      return [capitalise(first), ` remains ${random.pick(ADJECTIVES)}, ${random.pick(ADVERBIALS)}.`];
    }
    default: return [`${random.pick(CONNECTIVES)} `, ...nounPhrase(random, places), ` ${random.pick(VERB_PHRASES)} `, ...nounPhrase(random, places), ' \u2014 and few expect that to change.'];
  }
}

/** A sentence that names an actor by one of its aliases. */
export function actorSentence(random, places, actor, alias) {
  const name = { actor, alias };
  switch (random.int(5)) {
    case 0: return [name, ` ${random.pick(ACTOR_VERB_PHRASES)} `, ...nounPhrase(random, places), ` ${random.pick(ADVERBIALS)}.`];
    case 1: return [`${random.pick(CONNECTIVES)} `, name, ` ${random.pick(ACTOR_VERB_PHRASES)} `, ...nounPhrase(random, places), '.'];
    case 2: return [name, `\u2019s ${random.pick(NOUNS)} ${random.pick(VERB_PHRASES)} `, ...nounPhrase(random, places), '.'];
    case 3: return [`Officials in ${random.pick(places)} say `, name, ` ${random.pick(ACTOR_VERB_PHRASES)} `, ...nounPhrase(random, places), '.'];
    default: return [name, ' described ', ...nounPhrase(random, places), ` as \u201c${random.pick(ADJECTIVES)} and ${random.pick(ADJECTIVES)}.\u201d`];
  }
}

/** The sentence around a claim by an actor: the clause is the quoted part. */
export function claimFrame(random, actor, alias) {
  const name = { actor, alias };
  switch (random.int(3)) {
    case 0: return { before: [name, ` ${random.pick(REPORTING_VERBS)} that `], after: ['.'] };
    case 1: return { before: ['According to ', name, ', '], after: ['.'] };
    default: return { before: [`${random.pick(CONNECTIVES)} `, name, ` ${random.pick(REPORTING_VERBS)} that `], after: ['.'] };
  }
}

/** The sentence around the author's own claim. */
export function authorClaimFrame(random) {
  return random.pick([
    { before: ['It is clear that '], after: ['.'] },
    { before: ['The evidence suggests that '], after: ['.'] },
    { before: ['In my view, '], after: ['.'] },
  ]);
}

/** A sentence that refers to an actor by an epithet (an explicit mention). */
export function epithetSentence(random, places) {
  switch (random.int(3)) {
    case 0: return { before: ['Officials close to '], after: [' declined to comment on ', ...nounPhrase(random, places), '.'] };
    case 1: return { before: ['Within '], after: [', ', ...nounPhrase(random, places), ` ${random.pick(VERB_PHRASES)} `, ...nounPhrase(random, places), '.'] };
    default: return { before: ['Critics argue that '], after: [' has little room to manoeuvre on ', ...nounPhrase(random, places), '.'] };
  }
}

/** A Q&A heading, sometimes naming an actor. */
export function question(random, places, actor, alias) {
  const template = random.pick(QUESTIONS);
  const pieces = [];
  const parts = template.split(/(\{A\}|\{N\})/);
  for (const part of parts) {
    if (part === '{A}') pieces.push(actor ? { actor, alias } : `the ${random.pick(PLURAL_NOUNS)}`);
    else if (part === '{N}') pieces.push(...nounPhrase(random, places));
    else if (part) pieces.push(part);
  }
  return pieces;
}
