import { RequestType, type Location } from 'vscode-languageserver-protocol';
import type { ActorClaim, ActorMention, ActorSummary } from '../core/authoring';

/** `policyAnnotator/actors`: every actor of the workspace folder that holds `uri` (of every folder when absent). */
export interface ActorsParams {
  uri?: string;
}

/** An actor as the pickers and the Actors view list it: the core's summary, with its `id` in the file that defines it as a location. */
export type ActorInfo = Omit<ActorSummary, 'uri' | 'range'> & {
  /** The actor's `id` in the file that defines it. */
  location: Location;
};

export interface ConceptInfo {
  id: string;
  label: string;
}

export interface ActorsResult {
  /** False while the workspace is still being indexed: the lists may be incomplete. */
  ready: boolean;
  actors: ActorInfo[];
  /** Format v1.1 entities (places, projects, laws, …), summarised as actors are; never claimants, so not for the claimant pickers. */
  entities: ActorInfo[];
  concepts: ConceptInfo[];
  /** The workspace's vocabularies (defaults plus policy-annotator.yaml's additions). */
  actorKinds: string[];
  entityKinds: string[];
  claimTypes: string[];
  stances: string[];
}

export const ActorsRequest = new RequestType<ActorsParams, ActorsResult, void>('policyAnnotator/actors');

/** `policyAnnotator/actorActivity`: the claims by and about an actor, and its mentions. */
export interface ActorActivityParams {
  id: string;
  uri?: string;
}

/** A claim by or about the actor: the core's, with locations instead of offsets. */
export type ActorClaimInfo = Omit<ActorClaim, 'uri' | 'range' | 'text'> & {
  /** The claim in its annotation file. */
  location: Location;
  /** Where its quote lands in the text, when it resolves. */
  textLocation?: Location;
};

/** A mention of the actor in a text: the core's, with a location instead of offsets. */
export type ActorMentionInfo = Omit<ActorMention, 'uri' | 'span'> & {
  location: Location;
};

export interface ActorActivityResult {
  claims: ActorClaimInfo[];
  mentions: ActorMentionInfo[];
}

export const ActorActivityRequest = new RequestType<ActorActivityParams, ActorActivityResult, void>('policyAnnotator/actorActivity');
