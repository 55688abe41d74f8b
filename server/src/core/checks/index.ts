import { applySeverityOverrides } from '../config';
import type { CoreDiagnostic } from '../model';
import type { WorkspaceIndex } from '../workspaceIndex';
import { checkAnchors, checkTextReference } from './anchors';
import { checkDuplicateIds } from './duplicateIds';
import { checkUnknownIds } from './unknownIds';
import { checkAliases } from './aliases';
import { checkActorUsage } from './actorUsage';
import { checkRelations } from './relations';
import { checkStances } from './stances';
import { checkTextConsistency } from './textConsistency';

/** Every diagnostic of one annotation file, with the workspace's severity overrides applied. */
export function annotationFileDiagnostics(index: WorkspaceIndex, uri: string): CoreDiagnostic[] {
  const file = index.annotationFile(uri);
  if (!file) return [];
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
  return sortDiagnostics(applySeverityOverrides(diagnostics, index.config));
}

/** Diagnostics of every annotation file, keyed by URI (files without problems included, with none). */
export function workspaceDiagnostics(index: WorkspaceIndex): Map<string, CoreDiagnostic[]> {
  const result = new Map<string, CoreDiagnostic[]>();
  for (const file of index.annotationFiles()) result.set(file.uri, annotationFileDiagnostics(index, file.uri));
  return result;
}

export function sortDiagnostics(diagnostics: CoreDiagnostic[]): CoreDiagnostic[] {
  return diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code));
}
