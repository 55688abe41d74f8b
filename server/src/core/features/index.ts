/**
 * Editor features over the core: each takes a WorkspaceView, a URI and an
 * offset, and returns domain values with offsets (Span). Adapters convert
 * them to their protocol at the edge.
 */
export * from './locate';
export * from './hover';
export * from './actorCard';
export * from './claimCard';
export * from './conceptCard';
export * from './entityCard';
export * from './definition';
export * from './references';
export * from './highlights';
export * from './completion';
export * from './yamlContext';
export * from './rename';
export * from './documentSymbols';
export * from './textSections';
export * from './workspaceSymbols';
export * from './semanticTokens';
export * from './documentLinks';
export * from './textDiagnostics';
export * from './card';
