export { quickFix, type CodeFix } from './codeFix';
export { quickFixes, type QuickFixOptions } from './quickFixes';
export { mergeActor, mergeCandidates, type MergeResult } from './mergeActor';
export { disambiguatingContext } from './selectors';
export { planFixes, type FixAllOptions, type FixAllResult, type FixChange, type PlannedFix, type SkippedFix } from './fixAll';
export { addedErrors, editsBreakParsing } from './verifyEdits';
export { curationFixes, claimLines, DISMISS_DIFFERENCE_COMMAND } from './curationFixes';
export { takeTextFiles } from './curationMentionFixes';
