import { applySeverityOverrides } from '../config';
import { makeDiagnostic, type DiagnosticCode } from '../diagnosticCodes';
import { MAX_DIAGNOSTICS_PER_FILE } from '../syntax/yamlFields';
import type { CoreDiagnostic } from '../model';
import type { WorkspaceView } from '../workspace/workspaceView';
import { checkAnchors, checkTextReference } from './anchors';
import { checkDuplicateIds } from './duplicateIds';
import { checkUnknownIds } from './unknownIds';
import { checkAliases } from './aliases';
import { checkActorUsage } from './actorUsage';
import { checkRelations } from './relations';
import { checkStances } from './stances';
import { checkTextConsistency } from './textConsistency';

/** Every diagnostic of one annotation file, with the workspace's severity overrides applied. */
export function annotationFileDiagnostics(index: WorkspaceView, uri: string): CoreDiagnostic[] {
  const file = index.annotationFile(uri);
  if (!file) return [];
  // A file whose reading already hit the problem limit is too damaged for its checks to say anything useful.
  if (file.diagnostics.length > MAX_DIAGNOSTICS_PER_FILE) return sortDiagnostics(applySeverityOverrides([...file.diagnostics], index.config));
  const diagnostics = [
    ...file.diagnostics,
    ...checkDuplicateIds(index, file),
    ...checkUnknownIds(index, file),
    ...checkTextReference(index, file),
    ...checkAnchors(index, file),
    ...checkAliases(index, file),
    ...checkActorUsage(index, file),
    ...checkRelations(index, file),
    ...checkStances(index, file),
    ...checkTextConsistency(index, file),
  ];
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
