export type { CodeFix } from './codeFix';
export { quickFixes } from './quickFixes';
export { mergeActor, mergeCandidates, type MergeResult } from './mergeActor';
export { disambiguatingContext } from './selectors';
export { preferredFixes, type FixAllResult } from './fixAll';
