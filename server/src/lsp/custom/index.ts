import type { ServerSession } from '../serverSession';
import { registerActorRequests } from './actors';
import { registerAuthoringRequests } from './authoring';
import { registerExportRequest } from './export';
import { startIndexChangeNotifications } from './indexChanged';
import { registerNetworkRequest } from './network';

/**
 * The Policy Annotator's own requests (see ./protocol): authoring edits,
 * the actor lists behind the editor's pickers and views, the exports and
 * the actor network view's graphs, and the notification that the annotations changed.
 */
export function registerCustomRequests(session: ServerSession): void {
  registerActorRequests(session);
  registerAuthoringRequests(session);
  registerExportRequest(session);
  registerNetworkRequest(session);
  startIndexChangeNotifications(session);
}
