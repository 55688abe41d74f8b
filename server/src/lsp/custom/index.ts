import type { ServerSession } from '../serverSession';
import { registerActorRequests } from './actors';
import { registerAuthoringRequests } from './authoring';
import { startIndexChangeNotifications } from './indexChanged';

/**
 * The Policy Annotator's own requests (see ./protocol): authoring edits,
 * the actor lists behind the editor's pickers and views, and the
 * notification that the annotations changed.
 */
export function registerCustomRequests(session: ServerSession): void {
  registerActorRequests(session);
  registerAuthoringRequests(session);
  startIndexChangeNotifications(session);
}
