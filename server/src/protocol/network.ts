import { RequestType, type Location } from 'vscode-languageserver-protocol';
import type { NetworkEdge, NetworkFilter, NetworkGraph, NetworkId, NetworkNode } from '../core/export';
import type { ConceptInfo } from './actors';

/** `policyAnnotator/network`: the actor relation graph and the discourse networks, filtered as the export would be. */
export type NetworkParams = NetworkFilter & {
  folderUri?: string;
};

export type NetworkGraphId = NetworkId;

/** A node as the view draws it: the core's, without its export attributes but with the actor's kind (person, government…; '' for concepts). */
export type NetworkNodeInfo = Omit<NetworkNode, 'attributes'> & {
  actorKind: string;
};

/** An edge as the view draws it: the core's, without its export attributes. */
export type NetworkEdgeInfo = Omit<NetworkEdge, 'attributes'>;

export type NetworkGraphInfo = Pick<NetworkGraph, 'id' | 'label'> & {
  nodes: NetworkNodeInfo[];
  edges: NetworkEdgeInfo[];
};

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

export const NetworkRequest = new RequestType<NetworkParams, NetworkResult, void>('policyAnnotator/network');
