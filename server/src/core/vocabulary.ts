/** A relation type and the properties that checks and hovers rely on. */
export interface RelationTypeInfo {
  id: string;
  /** Holds in both directions: stating it once says it of both actors. */
  symmetric?: boolean;
  /** A part-of chain implies part-of along the whole chain. */
  transitive?: boolean;
  /** The name of the relation read from the target's side. */
  inverse?: string;
  /** Allowed kinds of the subject (the actor that states the relation); empty means any. */
  subjectKinds?: string[];
  /** Allowed kinds of the target; empty means any. */
  targetKinds?: string[];
}

export interface Vocabulary {
  actorKinds: string[];
  relationTypes: RelationTypeInfo[];
  claimTypes: string[];
  stances: string[];
  evidence: string[];
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
  relationTypes: [
    { id: 'part-of', transitive: true, inverse: 'has-part' },
    { id: 'member-of', inverse: 'has-member' },
    { id: 'leads', inverse: 'led-by' },
    { id: 'allied-with', symmetric: true },
    { id: 'opposes', symmetric: true },
    { id: 'patron-of', inverse: 'client-of' },
    { id: 'funds', inverse: 'funded-by' },
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
  ],
  stances: ['supports', 'rejects'],
  evidence: ['none', 'reported', 'documented'],
};

/** The default vocabulary extended with additions; additions never remove defaults. */
export function extendVocabulary(base: Vocabulary, additions: Partial<Vocabulary>): Vocabulary {
  const merged = (a: string[], b: string[] | undefined) => [...a, ...(b ?? []).filter((x) => !a.includes(x))];
  const relationTypes = [...base.relationTypes];
  for (const extra of additions.relationTypes ?? []) {
    const at = relationTypes.findIndex((r) => r.id === extra.id);
    if (at >= 0) relationTypes[at] = { ...relationTypes[at], ...extra };
    else relationTypes.push(extra);
  }
  return {
    actorKinds: merged(base.actorKinds, additions.actorKinds),
    relationTypes,
    claimTypes: merged(base.claimTypes, additions.claimTypes),
    stances: base.stances,
    evidence: base.evidence,
  };
}

export function relationType(vocabulary: Vocabulary, id: string): RelationTypeInfo | undefined {
  return vocabulary.relationTypes.find((r) => r.id === id);
}
