import { applySeverityOverrides } from '../config';
import { makeDiagnostic, type DiagnosticCode } from '../diagnosticCodes';
import { MAX_DIAGNOSTICS_PER_FILE } from '../syntax/yamlFields';
import type { AnnotationFile, CoreDiagnostic } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { checkAnchors, checkTextReference } from './anchors';
import { checkDuplicateIds } from './duplicateIds';
import { checkUnknownIds } from './unknownIds';
import { checkAliases } from './aliases';
import { checkActorUsage } from './actorUsage';
import { checkRelations } from './relations';
import { checkStances } from './stances';
import { checkSpokespeople } from './spokespeople';
import { checkTextConsistencyInSteps } from './textConsistency';
import { drain } from '../aliasAutomaton';

/** The checks of an annotation file that run in one step each. */
const CHECKS: ((index: WorkspaceView, file: AnnotationFile) => CoreDiagnostic[])[] = [
  checkDuplicateIds,
  checkUnknownIds,
  checkTextReference,
  checkAnchors,
  checkAliases,
  checkActorUsage,
  checkRelations,
  checkStances,
  checkSpokespeople,
];

/** Every diagnostic of one annotation file, with the workspace's severity overrides applied. */
export function annotationFileDiagnostics(index: WorkspaceView, uri: string): CoreDiagnostic[] {
  return drain(annotationFileDiagnosticsInSteps(index, uri));
}

/**
 * `annotationFileDiagnostics` a step at a time (a check, or a few hundred
 * claims of the longest), for a caller that must stay responsive while a
 * file of thousands of claims is checked. The index must not change between
 * the steps.
 */
export function* annotationFileDiagnosticsInSteps(index: WorkspaceView, uri: string): Generator<void, CoreDiagnostic[]> {
  const file = index.annotationFile(uri);
  if (!file) return [];
  // A file whose reading already hit the problem limit is too damaged for its checks to say anything useful.
  if (file.diagnostics.length > MAX_DIAGNOSTICS_PER_FILE) return sortDiagnostics(applySeverityOverrides([...file.diagnostics], index.config));
  let diagnostics = [...file.diagnostics];
  for (const check of CHECKS) {
    diagnostics = diagnostics.concat(check(index, file));
    yield;
  }
  diagnostics = diagnostics.concat(yield* checkTextConsistencyInSteps(index, file));
  return capProblems(uri, sortDiagnostics(applySeverityOverrides(diagnostics, index.config)));
}

/** At most MAX_DIAGNOSTICS_PER_FILE problems, and one more that says the rest were left out, as for a file's reading. */
function capProblems(uri: string, diagnostics: CoreDiagnostic[]): CoreDiagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE + 1) return diagnostics;
  const first = diagnostics[MAX_DIAGNOSTICS_PER_FILE];
  const kept = diagnostics.slice(0, MAX_DIAGNOSTICS_PER_FILE);
  kept.push({ ...makeDiagnostic(uri, first.range, first.code as DiagnosticCode, `This file has ${diagnostics.length} problems; only the first ${MAX_DIAGNOSTICS_PER_FILE} are shown. Fix those, and the rest will be reported.`), severity: first.severity });
  return kept;
}

/** Diagnostics of every annotation file, keyed by URI (files without problems included, with none). */
export function workspaceDiagnostics(index: WorkspaceView): Map<string, CoreDiagnostic[]> {
  const result = new Map<string, CoreDiagnostic[]>();
  for (const file of index.annotationFiles()) result.set(file.uri, annotationFileDiagnostics(index, file.uri));
  return result;
}

export function sortDiagnostics(diagnostics: CoreDiagnostic[]): CoreDiagnostic[] {
  return diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
}
