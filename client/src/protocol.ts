// The server's own requests and notifications, typed, shared with it: the only part of the server the client imports.
export * from '../../server/src/protocol';
