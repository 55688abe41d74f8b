import { RequestType, type WorkspaceEdit } from 'vscode-languageserver-protocol';

/** What to compare my workspace folder with: another folder (its URI) or a git revision of my folder. */
export type CompareTarget = { kind: 'folder'; uri: string } | { kind: 'revision'; revision: string };

/** `policyAnnotator/compareWith`: compare a workspace folder of mine with another annotator's work, until stopped. */
export interface CompareWithParams {
  /** My workspace folder's URI. */
  folder: string;
  other: CompareTarget;
}

export interface CompareWithResult {
  ok: boolean;
  /** What happened, for the user: the differences found, or why nothing is compared (a bad revision, an empty folder). */
  message: string;
  /** The name the differences give the other annotator (the folder's name, or the revision as given). */
  name?: string;
  /** Differences found in my files when the comparison started (claims and mentions). */
  differences?: number;
  /** Texts they annotated and I have not. */
  texts?: number;
}

export const CompareWithRequest = new RequestType<CompareWithParams, CompareWithResult, void>('policyAnnotator/compareWith');

/** `policyAnnotator/stopComparing`: the curation diagnostics disappear. */
export const StopComparingRequest = new RequestType<Record<string, never> | undefined, { stopped: boolean }, void>('policyAnnotator/stopComparing');

/** `policyAnnotator/dismissDifference`: "keep mine" for one difference, by the `key` in its diagnostic's data, for the session. */
export interface DismissDifferenceParams {
  key: string;
}

export const DismissDifferenceRequest = new RequestType<DismissDifferenceParams, { dismissed: boolean }, void>('policyAnnotator/dismissDifference');

/** A text the other annotator annotated and I have not, as `policyAnnotator/theirOnlyTexts` lists it. */
export interface TheirOnlyTextInfo {
  /** The text's path in both folders. */
  path: string;
  claims: number;
  mentions: number;
  /** Their annotation files of the text (to open them). */
  theirFiles: string[];
  /** How many of them can be taken: created at the same path in my folder, where I have no file. */
  takeable: number;
}

/** `policyAnnotator/theirOnlyTexts`: while comparing, the texts only they annotated (empty when not comparing). */
export const TheirOnlyTextsRequest = new RequestType<Record<string, never> | undefined, TheirOnlyTextInfo[], void>('policyAnnotator/theirOnlyTexts');

/**
 * `policyAnnotator/takeTheirAnnotation`: the WorkspaceEdit that creates their
 * annotation files of a text at the same paths in my folder (the editor
 * refuses it rather than overwrite a file), or why there is none.
 */
export interface TakeTheirAnnotationResult {
  edit?: WorkspaceEdit;
  message: string;
}

export const TakeTheirAnnotationRequest = new RequestType<{ path: string }, TakeTheirAnnotationResult, void>('policyAnnotator/takeTheirAnnotation');
