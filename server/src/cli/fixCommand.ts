import { URI } from 'vscode-uri';
import { DIAGNOSTIC_CODES, displayPath, hasSafeFix, isDiagnosticCode, isUnder, loadWorkspace, planFixes, unifiedDiff, type AnnotationParser, type FixChange, type WorkspaceFileHost, type WorkspaceView } from '../core';

/** What `check --fix` and `--fix-dry-run` need from the command line. */
export interface FixRunOptions {
  workspaceFolder: string;
  only: string[];
  format: string;
  fix: boolean;
  fixDryRun: boolean;
  fixCodes: string[];
}

/** What they need from the CLI's surroundings. */
export interface FixRunContext {
  createHost: (workspaceFolders: string[]) => WorkspaceFileHost;
  parser?: AnnotationParser;
  io: { stdout: (text: string) => void; stderr: (text: string) => void };
  writeFile?: (workspaceFolder: string, uri: string, content: string, expected?: string) => Promise<void>;
}

/** Codes that have a fix `--fix` may apply. */
function fixableCodes(): string[] {
  return Object.keys(DIAGNOSTIC_CODES).filter(hasSafeFix);
}

/** Checks the `--fix-code` values; a message for the usage error when one is wrong. */
export function checkFixCodes(codes: readonly string[], fixing: boolean): string | undefined {
  if (codes.length > 0 && !fixing) return '--fix-code limits --fix or --fix-dry-run: add one of them.';
  const fixable = fixableCodes();
  for (const code of codes) {
    if (!isDiagnosticCode(code)) return `--fix-code: \`${code}\` is not a diagnostic code. Codes with fixes: ${fixable.join(', ')}.`;
    if (!fixable.includes(code)) return `--fix-code: \`${code}\` has no fix that --fix applies, only suggestions for the editor. Codes with fixes: ${fixable.join(', ')}.`;
  }
  return undefined;
}

/** A text for one line of the report: quoted, with line breaks shown, cut in the middle when long. */
function show(text: string, max = 70): string {
  if (text === '') return '(nothing)';
  const quoted = JSON.stringify(text);
  return quoted.length <= max ? quoted : `${quoted.slice(0, max / 2 - 1)}…${quoted.slice(quoted.length - max / 2)}`;
}

function describeChange(index: WorkspaceView, code: string, change: FixChange): string {
  return `  ${displayPath(index, change.uri)}:${change.line} ${code}: ${show(change.before)} → ${show(change.after)}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * `check --fix` / `--fix-dry-run`: plans the safe fixes (re-checked in the
 * core), then writes each changed file, or prints the unified diff. Lists
 * every change and every skipped fix on stderr. Returns false when a file
 * could not be written.
 */
export async function applyFixes(options: FixRunOptions, context: FixRunContext): Promise<boolean> {
  if (options.fix && !options.fixDryRun && !context.writeFile) throw new Error('--fix is not available here: this CLI cannot write files.');
  const folderUri = URI.file(options.workspaceFolder).toString();
  const { index } = await loadWorkspace(context.createHost([options.workspaceFolder]), folderUri, { parser: context.parser });
  const inScope = (uri: string) => options.only.length === 0 || options.only.some((only) => isUnder(uri, only));
  const plan = planFixes(index, { inScope, ...(options.fixCodes.length > 0 ? { codes: new Set(options.fixCodes) } : {}) });
  const { stderr } = context.io;
  const failed = new Set<string>();

  if (options.fixDryRun) {
    // The diff is the output; machine-readable formats keep stdout for the report.
    const out = options.format === 'stylish' ? context.io.stdout : stderr;
    for (const file of plan.files) {
      const name = displayPath(index, file.uri);
      out(unifiedDiff(`a/${name}`, `b/${name}`, file.before, plan.edits.filter((edit) => edit.uri === file.uri)));
    }
  } else {
    for (const file of plan.files) {
      try {
        await context.writeFile!(options.workspaceFolder, file.uri, file.after, file.before);
      } catch (error) {
        failed.add(file.uri);
        stderr(`policy-annotator: could not write ${displayPath(index, file.uri)}: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
  }

  const applied = plan.applied.filter((fix) => !fix.changes.some((change) => failed.has(change.uri)));
  const fileCount = plan.files.filter((file) => !failed.has(file.uri)).length;
  if (applied.length > 0) {
    stderr(`policy-annotator: ${options.fixDryRun ? 'would fix' : 'fixed'} ${plural(applied.length, 'problem')} in ${plural(fileCount, 'file')}:\n`);
    for (const fix of applied) for (const change of fix.changes) stderr(describeChange(index, fix.diagnostic.code, change));
  } else if (plan.skipped.length === 0 && failed.size === 0) {
    stderr('policy-annotator: nothing to fix (suggestions, such as removing an alias, are offered in the editor and never applied by --fix).\n');
  }
  if (plan.skipped.length > 0) {
    stderr(`policy-annotator: skipped ${plural(plan.skipped.length, 'fix')}:\n`);
    for (const skipped of plan.skipped) {
      const content = index.content(skipped.diagnostic.uri) ?? '';
      const line = content.slice(0, skipped.diagnostic.range.start).split('\n').length;
      stderr(`  ${displayPath(index, skipped.diagnostic.uri)}:${line} ${skipped.diagnostic.code} (${skipped.fix.title}): ${skipped.reason}\n`);
    }
  }
  return failed.size === 0;
}
