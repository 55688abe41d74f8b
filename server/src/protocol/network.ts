import { RequestType, type Location } from 'vscode-languageserver-protocol';
import type { NetworkEdge, NetworkFilter, NetworkGraph, NetworkId, NetworkNode } from '../core/export';
import type { NetworkNormalization, NetworkOptions, NetworkType, QualifierAggregation } from '../core/network/networkOptions';
import type { ConceptInfo } from './actors';

/** Which nodes a capped graph keeps: those with the most edges, or the most weight of edges. */
export type NetworkRanking = 'degree' | 'weighted-degree';

/**
 * `policyAnnotator/network`: one graph of the Actor network view. `graph`
 * picks the actor relation graph or a discourse network; a discourse
 * network is described by DNA's `options` (type, qualifier aggregation,
 * excludes…) and the time range `start`–`stop` over the texts' `published`
 * dates. The relation graph keeps the relations in force on the date
 * `at` (NetworkFilter's; every relation without it). The answer keeps at
 * most `cap` nodes, ranked by `ranking`.
 */
export type NetworkParams = NetworkFilter & {
  folderUri?: string;
  /** 'relations' (default) or 'discourse'. */
  graph?: 'relations' | 'discourse';
  /** DNA's options for the discourse network; missing fields take their defaults. */
  options?: Partial<NetworkOptions>;
  /** At most this many nodes (default 500); 0 or less: no cap. */
  cap?: number;
  ranking?: NetworkRanking;
};

export type NetworkGraphId = NetworkId;

/** A node as the view draws it: the core's, without its export attributes but with the actor's kind (person, government…; '' for concepts) and its ranking score. */
export type NetworkNodeInfo = Omit<NetworkNode, 'attributes'> & {
  actorKind: string;
  /** Number of edges (degree) and their summed weight (weighted degree), over the whole graph before the cap. */
  degree: number;
  weightedDegree: number;
};

/** An edge as the view draws it: the core's, without its export attributes. */
export type NetworkEdgeInfo = Omit<NetworkEdge, 'attributes'>;

export type NetworkGraphInfo = Pick<NetworkGraph, 'id' | 'label'> & {
  nodes: NetworkNodeInfo[];
  edges: NetworkEdgeInfo[];
  /** The size of the graph before the cap: the view says "showing N of M". */
  totalNodes: number;
  totalEdges: number;
};

/** What applies to each network type: DNA's qualifier aggregations and normalizations, and whether columns are chosen (two-mode only). */
export type NetworkChoices = Record<NetworkType, { qualifierAggregation: QualifierAggregation[]; normalization: NetworkNormalization[]; columns: boolean }>;

export interface NetworkResult {
  ready: boolean;
  /** The graph asked for, capped; undefined when the workspace (folder) has no index. */
  graph?: NetworkGraphInfo;
  /** What the answer could not honour (an option this server does not apply), for the view's status line. */
  notes: string[];
  /** The choices of the view's filters: every text with annotations, every concept, every stance. */
  texts: { uri: string; label: string }[];
  concepts: ConceptInfo[];
  stances: string[];
  /** The distinct `published` dates of the annotated texts (YYYY, YYYY-MM or YYYY-MM-DD), sorted: the stops of the time slider. */
  published: string[];
  /** The stops of the relation graph's date slider (`at`): the published dates and the dates relations begin or stop to hold, sorted. */
  relationDates: string[];
  /** What the DNA controls offer, by network type. */
  choices: NetworkChoices;
}

export const NetworkRequest = new RequestType<NetworkParams, NetworkResult, void>('policyAnnotator/network');

/** `policyAnnotator/networkNode`: one node of the view, asked for when the user points at it (a graph of thousands of nodes does not carry every card). */
export interface NetworkNodeParams {
  folderUri?: string;
  /** The node's id in the graph: `actor:<id>`, `concept:<id>`, or `actor-column:<id>` (an actor as a two-mode column). */
  id: string;
}

/** Where the node is defined (a click opens it) and its hover card as plain text; null for a node the workspace does not define. */
export type NetworkNodeDetails = { location?: Location; card: string } | null;

export const NetworkNodeRequest = new RequestType<NetworkNodeParams, NetworkNodeDetails, void>('policyAnnotator/networkNode');

export type { NetworkOptions } from '../core/network/networkOptions';
