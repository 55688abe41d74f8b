/**
 * The Policy Annotator's own requests and notifications, on top of standard
 * LSP. The VS Code client uses them for its annotation commands and the
 * Actors view; any other LSP client may use them too, and nothing standard
 * depends on them. Types only, shared by the server and the client.
 *
 * Positions are UTF-16 and ranges are LSP ranges, as everywhere in LSP.
 */
import type { Location, Range, TextDocumentIdentifier, WorkspaceEdit } from 'vscode-languageserver-protocol';

export const ACTORS_REQUEST = 'policyAnnotator/actors';
export const ACTOR_ACTIVITY_REQUEST = 'policyAnnotator/actorActivity';
export const ANNOTATE_CLAIM_REQUEST = 'policyAnnotator/annotateClaim';
export const ADD_ALIAS_REQUEST = 'policyAnnotator/addAlias';
export const CREATE_ACTOR_REQUEST = 'policyAnnotator/createActor';
/** Server → client: the annotations changed (a file was edited, created or deleted, or indexing finished). */
export const INDEX_CHANGED_NOTIFICATION = 'policyAnnotator/indexChanged';

/** `policyAnnotator/actors`: every actor of the workspace folder that holds `uri` (of every folder when absent). */
export interface ActorsParams {
  uri?: string;
}

export interface ActorInfo {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  description?: string;
  /** The actor's `id` in the file that defines it. */
  location: Location;
  /** Claims the actor makes, claims about it, and its mentions in texts. */
  claims: number;
  claimsAbout: number;
  mentions: number;
}

export interface ConceptInfo {
  id: string;
  label: string;
}

export interface ActorsResult {
  /** False while the workspace is still being indexed: the lists may be incomplete. */
  ready: boolean;
  actors: ActorInfo[];
  concepts: ConceptInfo[];
  /** The workspace's vocabularies (defaults plus policy-annotator.yaml's additions). */
  actorKinds: string[];
  claimTypes: string[];
  stances: string[];
}

/** `policyAnnotator/actorActivity`: the claims by and about an actor, and its mentions. */
export interface ActorActivityParams {
  id: string;
  uri?: string;
}

export interface ActorClaimInfo {
  id?: string;
  role: 'claimant' | 'about';
  quote?: string;
  stance?: string;
  concept?: string;
  type?: string;
  /** The claim in its annotation file. */
  location: Location;
  /** Where its quote lands in the text, when it resolves. */
  textLocation?: Location;
}

export interface ActorMentionInfo {
  location: Location;
  source: 'alias' | 'explicit';
  /** The mention with a few words either side, on one line. */
  excerpt: string;
}

export interface ActorActivityResult {
  claims: ActorClaimInfo[];
  mentions: ActorMentionInfo[];
}

/** `policyAnnotator/annotateClaim`: write a claim for the selected words of a text. */
export interface AnnotateClaimParams {
  textDocument: TextDocumentIdentifier;
  range: Range;
  claimant: string;
  about?: string[];
  type?: string;
  stance?: string;
  concept?: string;
}

/** `policyAnnotator/addAlias`: add the selected words as an alias of an actor. */
export interface AddAliasParams {
  textDocument: TextDocumentIdentifier;
  range: Range;
  actor: string;
}

/** `policyAnnotator/createActor`: add an actor named by the selected words. */
export interface CreateActorParams {
  textDocument: TextDocumentIdentifier;
  range: Range;
  kind: string;
  /** An id to use instead of the one generated from the name. */
  id?: string;
}

/**
 * The answer to an authoring request: the WorkspaceEdit to apply (the client
 * applies it, so it can be undone and nothing is written behind the editor),
 * and where the new entry will be once it is applied; or why there is none.
 */
export type AuthoringResponse =
  | {
      ok: true;
      edit: WorkspaceEdit;
      /** The annotation file written to. */
      uri: string;
      /** The new entry in that file, after the edit. */
      reveal: Range;
      summary: string;
      warnings: string[];
    }
  | { ok: false; message: string };

export const EXPORT_REQUEST = 'policyAnnotator/export';
export const NETWORK_REQUEST = 'policyAnnotator/network';

/** `policyAnnotator/export`: the files of an export of the workspace folder that holds `folderUri` (the first folder when absent). */
export interface ExportParams {
  format: 'w3c' | 'brat' | 'network';
  folderUri?: string;
}

export interface ExportFileInfo {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  content: string;
}

export interface ExportWarningInfo {
  message: string;
  /** The annotation the warning is about. */
  location?: Location;
}

export type ExportResponse =
  | { ok: true; format: ExportParams['format']; files: ExportFileInfo[]; warnings: ExportWarningInfo[]; counts: Record<string, number> }
  | { ok: false; message: string };

/** `policyAnnotator/network`: the actor relation graph and the discourse networks, filtered as the export would be. */
export interface NetworkParams {
  /** Only claims on these texts (URIs). */
  texts?: string[];
  /** Only claims on these concept ids. */
  concepts?: string[];
  /** Only claims with these stances. */
  stances?: string[];
  folderUri?: string;
}

export type NetworkGraphId = 'relations' | 'congruence' | 'conflict' | 'affiliation';

export interface NetworkNodeInfo {
  id: string;
  label: string;
  kind: 'actor' | 'concept';
  /** The actor's kind (person, government…); '' for concepts. */
  actorKind: string;
  ref: string;
}

export interface NetworkEdgeInfo {
  id: string;
  source: string;
  target: string;
  type: string;
  weight: number;
  directed: boolean;
}

export interface NetworkGraphInfo {
  id: NetworkGraphId;
  label: string;
  nodes: NetworkNodeInfo[];
  edges: NetworkEdgeInfo[];
}

export interface NetworkResult {
  ready: boolean;
  graphs: NetworkGraphInfo[];
  /** The choices of the view's filters: every text with annotations, every concept, every stance. */
  texts: { uri: string; label: string }[];
  concepts: ConceptInfo[];
  stances: string[];
  /** For each node id: where it is defined (click opens it) and its hover card (Markdown). */
  details: Record<string, { location?: Location; card: string }>;
}
