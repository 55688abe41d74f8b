export * from './diagnosticDependencies';
export * from './diagnosticsTracker';
export * from './liveWorkspace';
