import { NotificationType } from 'vscode-languageserver-protocol';

/** No parameters: the client asks again for what it shows. */
export type IndexChangedParams = Record<string, never>;

/** Server → client: the annotations changed (a file was edited, created or deleted, or indexing finished). */
export const IndexChangedNotification = new NotificationType<IndexChangedParams>('policyAnnotator/indexChanged');
