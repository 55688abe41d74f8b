// The actor registry of the synthetic corpus: invented names, three aliases
// per actor that never contain one another, kinds, descriptions and relations
// that respect the relation-kind rules and form no part-of cycles.

import { ACTOR_KINDS, ADJECTIVES, ADVERBIALS, CODAS, NOUNS, ONSETS, PERSON_TITLES, PLURAL_NOUNS, VOWELS } from './wordLists.mjs';

/**
 * Makes invented capitalised words, each one used once in the whole corpus
 * (so an alias can never occur inside another actor's alias or in filler).
 */
export class NameFactory {
  constructor(random, reservedWords) {
    this.random = random;
    this.used = new Set(reservedWords);
  }

  word(syllables = this.random.between(2, 3)) {
    for (let attempt = 0; ; attempt++) {
      let word = '';
      const count = syllables + Math.floor(attempt / 50);
      for (let i = 0; i < count; i++) word += this.random.pick(ONSETS) + this.random.pick(VOWELS) + (i === count - 1 ? this.random.pick(CODAS) : '');
      if (word.length < 4 || this.used.has(word)) continue;
      this.used.add(word);
      return word[0].toUpperCase() + word.slice(1);
    }
  }

  /** An acronym of the capitalised words of a name, made unique with extra letters. */
  acronym(name) {
    let acronym = name.split(' ').filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
    while (acronym.length < 3 || this.used.has(acronym)) acronym += String.fromCharCode(65 + this.random.int(26));
    this.used.add(acronym);
    return acronym;
  }
}

/** The adjective of an invented place name: Kelvora → Kelvoran, Tusk → Tuskian. */
export function demonym(place) {
  return /[aeiou]$/.test(place) ? `${place}n` : `${place}ian`;
}

export function kebabId(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function pickWeightedKind(random) {
  const total = ACTOR_KINDS.reduce((sum, k) => sum + k.weight, 0);
  let roll = random.int(total);
  for (const entry of ACTOR_KINDS) {
    if (roll < entry.weight) return entry;
    roll -= entry.weight;
  }
  return ACTOR_KINDS[0];
}

/** Name, aliases and a place for one actor of a kind. No alias contains another. */
function nameActor(entry, names, random) {
  switch (entry.kind) {
    case 'person': {
      const first = names.word(2);
      const last = names.word();
      const name = `${first} ${last}`;
      return { name, aliases: [name, `${random.pick(PERSON_TITLES)} ${last}`, `${first[0]}. ${last}`] };
    }
    case 'state': {
      const place = names.word();
      const adjective = demonym(place);
      return { name: place, place, aliases: [place, `${adjective} state`, `${adjective} Republic`] };
    }
    case 'government': {
      const place = names.word();
      const adjective = demonym(place);
      return { name: `Government of ${place}`, place, aliases: [`Government of ${place}`, `${adjective} authorities`, `${adjective} officials`] };
    }
    case 'military': {
      const place = names.word();
      const adjective = demonym(place);
      return { name: `${adjective} Armed Forces`, place, aliases: [`${adjective} Armed Forces`, `${adjective} army`, `${adjective} generals`] };
    }
    case 'population': {
      const place = names.word();
      const adjective = demonym(place);
      return { name: `${adjective} refugees`, place, aliases: [`${adjective} refugees`, `${adjective} diaspora`, `${adjective} community`] };
    }
    default: {
      const word = names.word();
      const suffix = random.pick(entry.names);
      const name = `${word} ${suffix}`;
      // Every suffix has two words, so "Word Last" never occurs inside "Word First Last".
      return { name, aliases: [name, names.acronym(name), `${word} ${suffix.split(' ').at(-1)}`] };
    }
  }
}

/** Which relation types an actor of a kind may state toward a target of a kind (vocabulary rules). */
function allowedRelationTypes(subjectKind, targetKind) {
  const types = [];
  if (subjectKind !== 'person' && targetKind !== 'person') types.push('part-of');
  if (targetKind !== 'person') types.push('member-of');
  if (subjectKind !== 'population' && targetKind !== 'person' && targetKind !== 'population') types.push('leads');
  types.push('allied-with', 'opposes', 'negotiates-with');
  if (subjectKind !== 'population') types.push('patron-of', 'funds');
  return types;
}

const RELATION_NOTES = ['Since the last election.', 'According to several reports.', 'Disputed by both sides.', 'A relationship of convenience.'];

/**
 * Builds `count` actors. Relations point only at earlier actors and every
 * unordered pair is related at most once, so there are no cycles and no
 * contradictions.
 */
export function buildActorRegistry(count, random, names) {
  const actors = [];
  const related = new Set();
  for (let i = 0; i < count; i++) {
    const entry = pickWeightedKind(random);
    const { name, aliases, place } = nameActor(entry, names, random);
    const actor = {
      index: i,
      id: kebabId(name),
      name,
      kind: entry.kind,
      aliases,
      place,
      description: `${name} is ${describeKind(entry.kind)} that ${random.pick(['has long shaped', 'has recently entered', 'keeps a low profile in', 'is central to'])} debates over the ${random.pick(NOUNS)} and the ${random.pick(PLURAL_NOUNS)} ${random.pick(ADVERBIALS)}. Analysts describe its position as ${random.pick(ADJECTIVES)}.`,
      wikidata: random.chance(0.5) ? `Q${random.between(1000, 9999999)}` : undefined,
      relations: [],
    };
    const relationCount = i === 0 ? 0 : random.pick([0, 1, 1, 1, 2]);
    for (let r = 0; r < relationCount; r++) {
      const target = actors[random.int(i)];
      const pair = `${target.index}:${i}`;
      if (related.has(pair)) continue;
      related.add(pair);
      const relation = { type: random.pick(allowedRelationTypes(actor.kind, target.kind)), target: target.id };
      if (random.chance(0.2)) relation.note = random.pick(RELATION_NOTES);
      actor.relations.push(relation);
    }
    actors.push(actor);
  }
  return actors;
}

function describeKind(kind) {
  switch (kind) {
    case 'person': return 'a public figure';
    case 'state': return 'a state';
    case 'government': return 'the civilian government of a state';
    case 'military': return 'the armed forces of a state';
    case 'population': return 'a population group';
    case 'international-organization': return 'an international organisation';
    case 'intelligence-agency': return 'an intelligence agency';
    case 'political-party': return 'a political party';
    case 'armed-group': return 'an armed group';
    case 'media': return 'a media outlet';
    case 'movement': return 'a political movement';
    default: return 'an organisation';
  }
}
