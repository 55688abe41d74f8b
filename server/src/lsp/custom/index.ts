import type { ServerSession } from '../serverSession';
import { registerActorRequests } from './actors';
import { registerAuthoringRequests } from './authoring';
import { registerCompareRequests } from './compare';
import { registerExportRequests, type CustomRequestOptions } from './export';
import { startIndexChangeNotifications } from './indexChanged';
import { registerNetworkRequest } from './network';

export type { CustomRequestOptions, ExportFolderWriter } from './export';

/**
 * The Policy Annotator's own requests (typed in ../../protocol): authoring edits,
 * the actor lists behind the editor's pickers and views, the exports and
 * the actor network view's graphs, and the notification that the annotations changed.
 */
export function registerCustomRequests(session: ServerSession, options: CustomRequestOptions): void {
  registerActorRequests(session);
  registerAuthoringRequests(session);
  registerExportRequests(session, options);
  registerNetworkRequest(session);
  registerCompareRequests(session, session.loadComparison);
  startIndexChangeNotifications(session);
}
