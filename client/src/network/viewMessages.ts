/*
 * The messages between the Actor network panel (extension host) and its
 * webview (./webview/main.ts, bundled for the browser). Types only: both
 * sides import this file, and nothing of it exists at run time.
 */
import type { NetworkNodeDetails, NetworkParams } from '../protocol';
import type { PackedResult } from './packedGraph';

/** What the view asks the server for: everything of the request but the folder, which the panel knows. */
export type NetworkViewRequest = Omit<NetworkParams, 'folderUri'>;

/** The messages the webview posts to the extension. */
export type NetworkViewMessage =
  | { type: 'ready' }
  /** The user changed a control: ask the server again with this request. */
  | { type: 'request'; request: NetworkViewRequest }
  /** The user points at a node: its card, please. */
  | { type: 'details'; id: string }
  /** A click on a node (or "Open definition" on its card). */
  | { type: 'open'; id: string };

/** The messages the extension posts to the webview: the answer (its graph by columns: ./packedGraph), with the request it answers (the view's controls show it); a node's card. */
export type NetworkPanelMessage = { type: 'data'; data: PackedResult; request: NetworkViewRequest } | { type: 'details'; id: string; details: NetworkNodeDetails };
