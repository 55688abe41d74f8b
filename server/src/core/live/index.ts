export * from './diagnosticDependencies';
export * from './diagnosticsTracker';
export * from './liveWorkspace';
export * from './paranoid';
