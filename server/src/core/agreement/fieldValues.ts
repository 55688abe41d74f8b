/**
 * The fields agreement is measured on, and how each reads its value from a
 * claim or mention. A field with no value (not written, empty) is missing
 * for that coder: it contributes nothing to the unit.
 */
import type { ClaimDef } from '../model';
import type { Mention } from '../workspace/workspaceView';
import { stanceScore, type Vocabulary } from '../vocabulary';
import type { AlphaMetric } from './alpha';

export type FieldValue = string | number | string[];

/** The claim fields, in report order. */
export const CLAIM_AGREEMENT_FIELDS = ['claimant', 'on-behalf-of', 'concept', 'stance', 'stance-score', 'type', 'evidence', 'about'] as const;
/** Every field: the claim fields and the actor each mention names. */
export const AGREEMENT_FIELDS = [...CLAIM_AGREEMENT_FIELDS, 'mention'] as const;
export type AgreementField = (typeof AGREEMENT_FIELDS)[number];
/** Not a field: `--fields claim` keeps the claims only some coders made among the disagreements. */
export const PRESENCE_FIELD = 'claim';

export const FIELD_METRICS: Record<AgreementField, AlphaMetric> = {
  claimant: 'nominal',
  'on-behalf-of': 'nominal',
  concept: 'nominal',
  stance: 'nominal',
  'stance-score': 'interval',
  type: 'nominal',
  evidence: 'nominal',
  about: 'jaccard',
  mention: 'nominal',
};

function text(value: { value: string } | undefined): string | undefined {
  const trimmed = value?.value.trim();
  return trimmed ? trimmed : undefined;
}

/** A claim field's value, or undefined when missing. `about` is a sorted set of distinct ids. */
export function claimFieldValue(claim: ClaimDef, field: (typeof CLAIM_AGREEMENT_FIELDS)[number], vocabulary: Vocabulary): FieldValue | undefined {
  switch (field) {
    case 'claimant':
      return text(claim.claimant);
    case 'on-behalf-of':
      return text(claim.onBehalfOf);
    case 'concept':
      return text(claim.concept);
    case 'stance':
      return text(claim.stance);
    case 'stance-score': {
      const stance = text(claim.stance);
      return stance === undefined ? undefined : stanceScore(vocabulary, stance);
    }
    case 'type':
      return text(claim.type);
    case 'evidence':
      return text(claim.evidence);
    case 'about': {
      const ids = [...new Set(claim.about.map((a) => a.value.trim()).filter((id) => id !== ''))].sort();
      return ids.length ? ids : undefined;
    }
  }
}

/** The actor a mention names (for an alias shared by several actors, all of them, joined). */
export function mentionValue(mention: Mention): string {
  return mention.actorIds && mention.actorIds.length > 1 ? [...mention.actorIds].sort().join(' | ') : mention.actorId;
}
