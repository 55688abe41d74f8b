// The server's custom requests, shared with it (types and method names only).
export * from '../../server/src/lsp/custom/protocol';
