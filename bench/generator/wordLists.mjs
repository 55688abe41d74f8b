// Word lists for the synthetic corpus: enough variety for English-like policy
// prose. Every filler word is lower-case (sentences capitalise their first
// word), and none of them is an actor alias, so alias matches in the
// generated texts are exactly the names the generator inserted.

export const ADJECTIVES = [
  'fragile', 'uneasy', 'costly', 'decisive', 'long-standing', 'regional', 'informal', 'sweeping',
  'limited', 'ambitious', 'contested', 'tentative', 'protracted', 'volatile', 'modest', 'open-ended',
  'bilateral', 'unprecedented', 'cautious', 'durable', 'symbolic', 'lopsided', 'renewed', 'piecemeal',
  'hard-won', 'quiet', 'delicate', 'bitter', 'stalled', 'narrow', 'broad', 'provisional',
];

export const NOUNS = [
  'ceasefire', 'border dispute', 'budget', 'election', 'aid package', 'trade corridor', 'peace process',
  'security apparatus', 'reform agenda', 'refugee crisis', 'energy deal', 'constitutional court',
  'customs union', 'grain exports', 'water treaty', 'pipeline project', 'debt restructuring',
  'currency crisis', 'power-sharing arrangement', 'amnesty law', 'border crossing', 'fuel subsidy',
  'mining concession', 'transit agreement', 'census', 'land reform', 'intelligence service',
  'police reform', 'coalition government', 'tax code', 'port concession', 'prisoner exchange',
  'humanitarian corridor', 'donor conference', 'electoral law', 'drought response', 'arms embargo',
  'road network', 'wheat harvest', 'labour market', 'health budget', 'telecom licence',
];

export const PLURAL_NOUNS = [
  'sanctions', 'talks', 'reforms', 'elections', 'negotiations', 'remittances', 'protests', 'tariffs',
  'loans', 'checkpoints', 'militants', 'smugglers', 'investors', 'donors', 'farmers', 'courts',
  'provinces', 'border districts', 'trade routes', 'security forces', 'local elites', 'exiles',
];

/** Verb phrases that agree with singular and plural subjects alike (past tense and modals). */
export const VERB_PHRASES = [
  'would undermine', 'could reshape', 'will test', 'cannot sustain', 'helped to stabilise',
  'weakened', 'strengthened', 'complicated', 'delayed', 'exposed the limits of', 'paved the way for',
  'undercut', 'reinforced', 'overshadowed', 'may jeopardise', 'might salvage', 'eroded',
  'set back', 'accelerated', 'deepened', 'masked', 'distorted', 'revived', 'stalled',
  'drew attention away from', 'raised the cost of', 'shifted the balance of', 'could derail',
];

/** Verb phrases for an actor as subject. */
export const ACTOR_VERB_PHRASES = [
  'has long opposed', 'quietly backed', 'publicly criticised', 'sought to exploit', 'tried to contain',
  'benefited from', 'refused to endorse', 'pushed for', 'called for', 'lobbied against',
  'has staked its credibility on', 'remains wary of', 'kept its distance from', 'moved to block',
  'welcomed', 'played down', 'hinted at a shift on', 'has little say over', 'vowed to revisit',
];

export const REPORTING_VERBS = [
  'argued', 'warned', 'insisted', 'claimed', 'suggested', 'maintained', 'noted', 'predicted',
  'conceded', 'asserted', 'stressed', 'acknowledged', 'contended', 'implied', 'alleged',
];

export const ADVERBIALS = [
  'in recent months', 'after the last election', 'for the foreseeable future', 'despite repeated assurances',
  'at least in the short term', 'without much public debate', 'over the past decade', 'in the border districts',
  'on both sides of the frontier', 'behind closed doors', 'since the spring', 'by the end of the year',
  'in the capital and beyond', 'with little warning', 'under mounting pressure', 'to the surprise of many',
];

export const CONNECTIVES = [
  'Moreover,', 'However,', 'In practice,', 'At the same time,', 'For now,', 'Even so,', 'By contrast,',
  'In the meantime,', 'Still,', 'Meanwhile,', 'Above all,', 'In other words,', 'Crucially,', 'Yet',
];

export const STORY_ADJECTIVES = ['sobering', 'mixed', 'familiar', 'complicated', 'grim', 'surprising'];

/**
 * Phrases by which a text refers to an actor without naming it: no alias
 * catches them, so annotators record them as explicit mentions. None of
 * their words is a filler word.
 */
export const EPITHETS = [
  'the directorate', 'the junta', 'the politburo', 'the armed wing', 'the old guard', 'the inner circle',
  'the ruling council', 'the caretaker cabinet', 'the high command', 'the secretariat', 'the presidium',
  'the war council', 'the palace', 'the shura', 'the negotiating team', 'the militia leadership',
];

/** Q&A headings; {A} is an actor, {N} a noun phrase. */
export const QUESTIONS = [
  'How does {A} see {N}?',
  'What role, if any, has {A} played in {N}?',
  'Why has {A} changed course on {N}?',
  'What does {N} mean for {A}?',
  'Can {A} afford {N}?',
  'Where does {N} leave {A}?',
  'Is {N} sustainable?',
  'What comes next for {N}?',
  'Who gains from {N}?',
];

export const TITLE_TEMPLATES = [
  '{P} after {N}: a Q&A',
  'Inside {N}: what {P} wants',
  'Why {N} matters for {P}',
  '{P} and {N}: questions and answers',
];

export const PERSON_TITLES = ['Minister', 'General', 'Senator', 'President', 'Ambassador', 'Judge', 'Governor', 'Commander', 'Colonel', 'Envoy'];

export const ROLE_PHRASES = [
  'a senior fellow at a regional policy institute',
  'a journalist who has covered the region for two decades',
  'a former diplomat',
  'a visiting scholar',
  'an analyst of security policy',
];

/** Actor kinds with their share of the registry and how their names and aliases are built. */
export const ACTOR_KINDS = [
  { kind: 'person', weight: 36 },
  { kind: 'organization', weight: 8, names: ['Policy Institute', 'Development Foundation', 'Trade Chamber', 'Relief Agency'] },
  { kind: 'armed-group', weight: 8, names: ['Liberation Front', 'Defence Brigades', 'Resistance Army', 'Popular Militias'] },
  { kind: 'political-party', weight: 8, names: ['Democratic Party', 'National Party', 'Justice Party', 'Labour Alliance'] },
  { kind: 'movement', weight: 6, names: ['Reform Movement', 'Youth Movement', 'Rights Movement', 'Farmers Union'] },
  { kind: 'media', weight: 5, names: ['Morning Courier', 'Daily Observer', 'Broadcasting Service', 'Evening Post'] },
  { kind: 'intelligence-agency', weight: 4, names: ['Intelligence Bureau', 'Security Directorate', 'Information Service'] },
  { kind: 'international-organization', weight: 4, names: ['Regional Forum', 'Cooperation Council', 'Development Bank', 'Monitoring Mission'] },
  { kind: 'state', weight: 6 },
  { kind: 'government', weight: 6 },
  { kind: 'military', weight: 5 },
  { kind: 'population', weight: 4 },
];

/** Syllables for invented proper names (people, places, organisations). */
export const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'st', 'tr', 'gr', 'sh', 'h', 'j', 'y'];
export const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ia', 'ae'];
export const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'k', 'm', 'v', 'sh', 'nd', 'rt', 'x'];

export const CLAIM_TYPES = ['assertion', 'denial', 'allegation', 'belief', 'demand', 'prediction', 'recommendation', 'evaluation', 'report'];
export const EVIDENCE = ['none', 'reported', 'documented'];
