import { workspaceDiagnostics } from '../checks/index';
import { applyEdits, type TextEdit } from '../edits/textEdit';
import type { CoreDiagnostic } from '../model';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { CodeFix } from './codeFix';
import { quickFixes } from './quickFixes';
import { addedErrors, editsByFile } from './verifyEdits';

/** One replacement a fix makes, for the report: its line (1-based, in the file as it was) and the text before and after. */
export interface FixChange {
  uri: string;
  line: number;
  before: string;
  after: string;
}

export interface PlannedFix {
  diagnostic: CoreDiagnostic;
  fix: CodeFix;
  changes: FixChange[];
}

export interface SkippedFix {
  diagnostic: CoreDiagnostic;
  fix: CodeFix;
  /** Why it was not applied, as a sentence fragment: "it would add the error …". */
  reason: string;
}

export interface FixAllResult {
  /** The fixes to apply, in workspace order. */
  applied: PlannedFix[];
  /** Fixes that were not applied, and why. */
  skipped: SkippedFix[];
  /** Each file the applied fixes change, as it is and as it would be. */
  files: { uri: string; before: string; after: string }[];
  /** Every edit of the applied fixes. */
  edits: TextEdit[];
}

export interface FixAllOptions {
  /** Fix only diagnostics of these files (default: all). */
  inScope?: (uri: string) => boolean;
  /** Apply only fixes for these codes (default: all). */
  codes?: ReadonlySet<string>;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.uri !== b.uri) return false;
  if (a.range.start === a.range.end && b.range.start === b.range.end) return a.range.start === b.range.start;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Where each planned fix's first edit starts once all edits of its file are applied. */
function startsAfterEditing(planned: readonly PlannedFix[], uri: string): { fix: PlannedFix; start: number }[] {
  const entries = planned.flatMap((fix) => fix.fix.edits.filter((e) => e.uri === uri).map((edit) => ({ fix, edit })));
  entries.sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end);
  let shift = 0;
  return entries.map(({ fix, edit }) => {
    const start = edit.range.start + shift;
    shift += edit.newText.length - (edit.range.end - edit.range.start);
    return { fix, start };
  });
}

/** The fix to blame for an error that appeared: the last one edited at or before it in its file, else the last fix of all. */
function culpritOf(error: CoreDiagnostic, planned: readonly PlannedFix[]): PlannedFix {
  const starts = startsAfterEditing(planned, error.uri);
  if (starts.length === 0) return planned[planned.length - 1];
  let culprit = starts[0].fix;
  for (const { fix, start } of starts) if (start <= error.range.start) culprit = fix;
  return culprit;
}

/**
 * The fixes `check --fix` applies: for each diagnostic in scope, its quick
 * fix that the catalogue marks as a `fix` (safe and certain), never a
 * `suggestion` (which deletes or chooses). Before any is accepted, the
 * result is re-parsed and re-checked as a whole: a fix whose edit would add
 * an error anywhere (a YAML error or any other) is dropped and reported, and
 * so is one whose edit collides with another's.
 *
 * The index is updated to the edited contents while checking and restored
 * before this returns; nothing is written.
 */
export function planFixes(index: WorkspaceIndex, options: FixAllOptions = {}): FixAllResult {
  const before = workspaceDiagnostics(index);
  const skipped: SkippedFix[] = [];
  let planned: PlannedFix[] = [];
  for (const [uri, diagnostics] of before) {
    if (options.inScope && !options.inScope(uri)) continue;
    for (const diagnostic of diagnostics) {
      if (options.codes && !options.codes.has(diagnostic.code)) continue;
      const fix = quickFixes(index, diagnostic, { fixesOnly: true }).find((candidate) => candidate.safety === 'fix');
      if (!fix || fix.edits.length === 0) continue;
      const notAnnotation = fix.edits.find((edit) => !index.isAnnotationFile(edit.uri) || index.content(edit.uri) === undefined);
      const collision = planned.find((taken) => fix.edits.some((edit) => taken.fix.edits.some((other) => overlaps(edit, other))));
      if (notAnnotation) skipped.push({ diagnostic, fix, reason: 'it edits a file that is not a loaded annotation file' });
      else if (collision) skipped.push({ diagnostic, fix, reason: `its edit overlaps the fix of the ${collision.diagnostic.code} problem on line ${lineAt(index.content(collision.diagnostic.uri) ?? '', collision.diagnostic.range.start)}; run --fix again` });
      else planned.push({ diagnostic, fix, changes: fix.edits.map((edit) => describeEdit(index.content(edit.uri)!, edit)) });
    }
  }

  // Each round drops at least one fix, so this ends; the usual case is one round.
  while (planned.length > 0) {
    const added = errorsAddedBy(index, planned, before);
    if (added.length === 0) break;
    const dropped = new Map<PlannedFix, CoreDiagnostic>();
    for (const error of added) {
      const culprit = culpritOf(error, planned);
      if (!dropped.has(culprit)) dropped.set(culprit, error);
    }
    for (const [fix, error] of dropped) {
      const edited = applyEdits(index.content(error.uri) ?? '', planned.flatMap((p) => p.fix.edits.filter((e) => e.uri === error.uri)));
      skipped.push({ diagnostic: fix.diagnostic, fix: fix.fix, reason: `it would add the error ${error.code} on line ${lineAt(edited, error.range.start)}: ${error.message}` });
    }
    planned = planned.filter((fix) => !dropped.has(fix));
  }

  const edits = planned.flatMap((p) => p.fix.edits);
  const files = [...editsByFile(edits)].map(([uri, list]) => {
    const content = index.content(uri)!;
    return { uri, before: content, after: applyEdits(content, list) };
  });
  files.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return { applied: planned, skipped, files, edits };
}

function describeEdit(content: string, edit: TextEdit): FixChange {
  return { uri: edit.uri, line: lineAt(content, edit.range.start), before: content.slice(edit.range.start, edit.range.end), after: edit.newText };
}

/** The errors the planned fixes would add, found by re-parsing the edited files and re-checking the workspace; the index is restored afterwards. */
function errorsAddedBy(index: WorkspaceIndex, planned: readonly PlannedFix[], before: Map<string, CoreDiagnostic[]>): CoreDiagnostic[] {
  const originals = new Map<string, string>();
  for (const [uri, list] of editsByFile(planned.flatMap((p) => p.fix.edits))) {
    const content = index.content(uri)!;
    originals.set(uri, content);
    index.setAnnotationFile(uri, applyEdits(content, list));
  }
  try {
    const after = workspaceDiagnostics(index);
    const uris = new Set([...before.keys(), ...after.keys()]);
    return [...uris].flatMap((uri) => addedErrors(before.get(uri) ?? [], after.get(uri) ?? []));
  } finally {
    for (const [uri, content] of originals) index.setAnnotationFile(uri, content);
  }
}
