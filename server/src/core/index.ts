/**
 * The Policy Annotator language: a pure library. It knows nothing of VS Code,
 * the LSP connection or the file system; adapters feed it file contents and
 * convert what it returns.
 */
export * from './model';
export * from './lineIndex';
export * from './diagnosticCodes';
export * from './diagnosticDocs';
export * from './diagnosticOutput';
export { closestMatches, didYouMeanSuffix } from './didYouMean';
export * from './vocabulary';
export * from './config';
export * from './syntax/parseAnnotationFile';
export { CONTRIBUTOR_FIELDS } from './syntax/readTextMetadata';
export { SUPPRESS_FIELDS } from './syntax/readSuppress';
export * from './normalizeText';
export * from './normalizeInSteps';
export * from './resolveQuote';
export * from './approximateQuote';
export * from './anchorSelectors';
export * from './aliasMatcher';
export * from './uris';
export * from './workspace/workspaceIndex';
export * from './workspace/workspaceView';
export * from './workspace/loadWorkspace';
export * from './summarize';
export { annotationFileDiagnostics, workspaceDiagnostics, sortDiagnostics } from './checks/index';
export { displayPath } from './describe';
export * from './edits/textEdit';
export * from './edits/yamlEdits';
export * from './fixes/index';
export * from './review/diffWorkspaces';
export * from './review/diffChangedFiles';
export * from './listing/listWorkspace';
export * from './workspace/readProblems';
export { excessiveNesting, markReadWithFullParser, MAX_DIAGNOSTICS_PER_FILE, NESTING_LIMITS, wasReadWithFullParser } from './syntax/yamlFields';
export * from './export/index';
export { unifiedDiff } from './edits/unifiedDiff';
