/** A relation type and the properties that checks and hovers rely on. */
export interface RelationTypeInfo {
  id: string;
  /** Holds in both directions: stating it once says it of both actors. */
  symmetric?: boolean;
  /** A part-of chain implies part-of along the whole chain. */
  transitive?: boolean;
  /** The name of the relation read from the target's side. */
  inverse?: string;
  /** Allowed kinds of the subject (the actor that states the relation); absent means any. */
  subjectKinds?: string[];
  /** Allowed kinds of the target; absent means any. */
  targetKinds?: string[];
  /** Kinds the subject may not have (used only when `subjectKinds` is absent). */
  excludedSubjectKinds?: string[];
  /** Kinds the target may not have (used only when `targetKinds` is absent). */
  excludedTargetKinds?: string[];
}

export interface Vocabulary {
  actorKinds: string[];
  /** Format v1.1: kinds of entities (named things that are not actors). */
  entityKinds: string[];
  relationTypes: RelationTypeInfo[];
  claimTypes: string[];
  stances: string[];
  /**
   * Format v1.1: each stance's score, the qualifier of discourse networks
   * (supports 1, rejects −1). A stance without a score here scores 0.
   * Read it through `stanceScore`, never by indexing (ids are workspace text).
   */
  stanceScores: Readonly<Record<string, number>>;
  /** Format v1.1: display labels of stances that have one (cards, completion); read through `stanceLabel`. */
  stanceLabels: Readonly<Record<string, string>>;
  evidence: string[];
  /** Format v1.1: roles of a text's contributors (`contributors: - role:`). */
  contributorRoles: string[];
}

export const DEFAULT_VOCABULARY: Vocabulary = {
  actorKinds: [
    'person',
    'organization',
    'government',
    'military',
    'intelligence-agency',
    'armed-group',
    'political-party',
    'movement',
    'state',
    'international-organization',
    'media',
    'population',
  ],
  entityKinds: ['place', 'project', 'law', 'event', 'document', 'other'],
  relationTypes: [
    // A person is a member of a group, never a part of one; nothing is part of a person.
    { id: 'part-of', transitive: true, inverse: 'has-part', excludedSubjectKinds: ['person'], excludedTargetKinds: ['person'] },
    { id: 'member-of', inverse: 'has-member', excludedTargetKinds: ['person'] },
    { id: 'leads', inverse: 'led-by', excludedSubjectKinds: ['population'], excludedTargetKinds: ['person', 'population'] },
    { id: 'allied-with', symmetric: true },
    { id: 'opposes', symmetric: true },
    { id: 'patron-of', inverse: 'client-of', excludedSubjectKinds: ['population'] },
    { id: 'funds', inverse: 'funded-by', excludedSubjectKinds: ['population'] },
    { id: 'negotiates-with', symmetric: true },
  ],
  claimTypes: [
    'assertion',
    'denial',
    'allegation',
    'belief',
    'demand',
    'prediction',
    'recommendation',
    'evaluation',
    'report',
    'preference',
  ],
  stances: ['supports', 'rejects', 'neutral'],
  stanceScores: { supports: 1, rejects: -1, neutral: 0 },
  stanceLabels: {},
  evidence: ['none', 'reported', 'documented'],
  contributorRoles: ['moderator', 'interviewer', 'interviewee', 'translator', 'editor'],
};

/** A stance a workspace adds under `vocabulary: stances:`: an id, its score (an integer), and a label to show. */
export interface StanceInfo {
  id: string;
  score: number;
  label?: string;
}

/** What `policy-annotator.yaml` adds to the default vocabulary. */
export type VocabularyAdditions = Partial<Omit<Vocabulary, 'stances' | 'stanceScores' | 'stanceLabels'>> & { stances?: StanceInfo[] };

/** The default vocabulary extended with additions; additions never remove defaults. */
export function extendVocabulary(base: Vocabulary, additions: VocabularyAdditions): Vocabulary {
  const merged = (a: string[], b: string[] | undefined) => [...a, ...(b ?? []).filter((x) => !a.includes(x))];
  const relationTypes = [...base.relationTypes];
  for (const extra of additions.relationTypes ?? []) {
    const at = relationTypes.findIndex((r) => r.id === extra.id);
    if (at >= 0) relationTypes[at] = { ...relationTypes[at], ...extra };
    else relationTypes.push(extra);
  }
  // A stance the workspace lists again (a default included) takes the score and label written for it.
  // Maps, then own properties: an id such as `__proto__` must not reach an object's prototype.
  const scores = new Map(Object.entries(base.stanceScores));
  const labels = new Map(Object.entries(base.stanceLabels));
  for (const stance of additions.stances ?? []) {
    scores.set(stance.id, stance.score);
    if (stance.label !== undefined) labels.set(stance.id, stance.label);
  }
  const stanceScores = Object.fromEntries(scores);
  const stanceLabels = Object.fromEntries(labels);
  return {
    actorKinds: merged(base.actorKinds, additions.actorKinds),
    relationTypes,
    claimTypes: merged(base.claimTypes, additions.claimTypes),
    stances: merged(base.stances, additions.stances?.map((stance) => stance.id)),
    stanceScores,
    stanceLabels,
    evidence: base.evidence,
    entityKinds: merged(base.entityKinds, additions.entityKinds),
    contributorRoles: merged(base.contributorRoles, additions.contributorRoles),
  };
}

/** A stance's label, when the workspace gave it one. */
export function stanceLabel(vocabulary: Vocabulary, stance: string): string | undefined {
  return Object.hasOwn(vocabulary.stanceLabels, stance) ? vocabulary.stanceLabels[stance] : undefined;
}

/** A stance's score (the discourse-network qualifier): its own score, else 0. */
export function stanceScore(vocabulary: Vocabulary, stance: string): number {
  return Object.hasOwn(vocabulary.stanceScores, stance) ? vocabulary.stanceScores[stance] : 0;
}

export function relationType(vocabulary: Vocabulary, id: string): RelationTypeInfo | undefined {
  return vocabulary.relationTypes.find((r) => r.id === id);
}

/** Whether a relation type allows an actor of this kind on the given side. */
export function relationAllowsKind(info: RelationTypeInfo, side: 'subject' | 'target', kind: string): boolean {
  const allowed = side === 'subject' ? info.subjectKinds : info.targetKinds;
  if (allowed) return allowed.includes(kind);
  const excluded = side === 'subject' ? info.excludedSubjectKinds : info.excludedTargetKinds;
  return !excluded?.includes(kind);
}

/**
 * Pairs of relation types that cannot both hold between the same two actors.
 * Non-symmetric hierarchical types also contradict themselves reversed
 * (A patron of B and B patron of A); part-of/member-of loops are cycles instead.
 */
export const CONTRADICTORY_RELATIONS: readonly [string, string][] = [['allied-with', 'opposes']];
export const ANTISYMMETRIC_RELATIONS: readonly string[] = ['patron-of', 'leads'];
export const HIERARCHY_RELATIONS: readonly string[] = ['part-of', 'member-of'];
