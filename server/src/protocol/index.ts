/**
 * The Policy Annotator's own requests and notifications, on top of standard
 * LSP: one typed RequestType or NotificationType per method, with its
 * parameters and result, shared by the server (which registers handlers
 * with them) and the VS Code client (which sends with them). Any other LSP
 * client may use them too; nothing standard depends on them.
 *
 * This folder imports only the LSP protocol package and, type-only, the
 * core's result types: the client bundles it without the server.
 * Positions are UTF-16 and ranges are LSP ranges, as everywhere in LSP.
 */
export * from './actors';
export * from './authoring';
export * from './exports';
export * from './indexChanged';
export * from './network';
export * from './compare';
