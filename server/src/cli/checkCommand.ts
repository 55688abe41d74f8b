import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { applySeverityOverrides, isAtLeast, isUnder, loadWorkspace, sortDiagnostics, summarizeWorkspace, workspaceDiagnostics, type CoreDiagnostic, type Severity, type WorkspaceFileHost, type WorkspaceView } from '../core';
import type { CheckCache, CheckReport } from './checkCache';
import { changedLinesSince } from './changedLines';
import { toLocatedDiagnostic, type LocatedDiagnostic } from './diagnosticRows';
import { formatGithub } from './formatGithub';
import { formatSarif } from './formatSarif';
import { countBySeverity, formatStylish, formatTotals, makeColors } from './formatStylish';
import { applyFixes, checkFixCodes } from './fixCommand';
import { formatSummary } from './formatSummary';
import { repositoryPrefix } from './gitRevisionHost';
import { parseCommandArgs, UsageError, type CliContext } from './cliContext';

const FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface CheckOptions {
  workspaceFolder: string;
  /** URIs to report on; empty means everything. */
  only: string[];
  format: (typeof FORMATS)[number];
  summary: boolean;
  color: boolean;
  /** Report only diagnostics at least this severe. */
  severity: Severity;
  /** Fail when there are more warnings than this. */
  maxWarnings?: number;
  /** Report only on what changed since this git revision. */
  changedSince?: string;
  cache: boolean;
  cacheDir?: string;
  /** Apply the safe fixes first. */
  fix: boolean;
  /** Print the safe fixes as a unified diff, write nothing. */
  fixDryRun: boolean;
  /** Apply only fixes for these codes (empty: all). */
  fixCodes: string[];
}

export function parseCheckArgs(args: string[], context: CliContext): CheckOptions {
  const parsed = parseCommandArgs({
      args,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        format: { type: 'string', default: 'stylish' },
        severity: { type: 'string', default: 'hint' },
        'max-warnings': { type: 'string' },
        'changed-since': { type: 'string' },
        summary: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'fix-code': { type: 'string', multiple: true },
        'cache-dir': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
      },
    });
  const { values, positionals } = parsed;
  const format = values.format as CheckOptions['format'];
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format \`${values.format}\`: use ${FORMATS.join(', ')}.`);
  const severity = values.severity as Severity;
  if (!SEVERITIES.includes(severity)) throw new UsageError(`Unknown severity \`${values.severity}\`: use ${SEVERITIES.join(', ')}.`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not \`${values['max-warnings']}\`.`);
  }
  const workspaceFolder = path.resolve(context.cwd, values.workspace ?? '.');
  const workspaceUri = URI.file(workspaceFolder).toString();
  const only = positionals.map((p) => URI.file(path.resolve(context.cwd, p)).toString());
  only.forEach((uri, i) => {
    if (!isUnder(uri, workspaceUri)) throw new UsageError(`\`${positionals[i]}\` is outside the workspace folder ${workspaceFolder}.`);
  });
  const noColor = values['no-color'] === true || (context.io.env.NO_COLOR ?? '') !== '';
  const color = values.color === true ? true : noColor ? false : context.io.isTTY;
  const cacheDir = values['cache-dir'] === undefined ? undefined : path.resolve(context.cwd, values['cache-dir']);
  const cache = values['no-cache'] !== true;
  const fix = values.fix === true;
  const fixDryRun = values['fix-dry-run'] === true;
  const fixCodes = values['fix-code'] ?? [];
  const badFixCodes = checkFixCodes(fixCodes, fix || fixDryRun);
  if (badFixCodes) throw new UsageError(badFixCodes);
  return { workspaceFolder, only, format, summary: values.summary === true, color, severity, maxWarnings, changedSince: values['changed-since'], cache, cacheDir, fix, fixDryRun, fixCodes };
}

/**
 * Every file's diagnostics, reused from the last run when no input changed:
 * the key digests the configuration and every annotation file and text.
 */
async function diagnoseWithCache(index: WorkspaceView, cache: CheckCache | undefined, configContent: string | undefined): Promise<Map<string, CoreDiagnostic[]>> {
  if (!cache) return workspaceDiagnostics(index);
  const inputs: string[] = [`config:${configContent ?? ''}`];
  for (const file of index.annotationFiles()) inputs.push(file.uri, index.content(file.uri) ?? '');
  for (const text of index.referencedTexts()) inputs.push(text, index.textStatus(text), index.content(text) ?? '');
  const key = cache.digest(inputs);
  const cached = await cache.loadResults(key);
  if (cached) return new Map(Object.entries(cached));
  const computed = workspaceDiagnostics(index);
  await cache.saveResults(key, Object.fromEntries(computed));
  return computed;
}

/** Keeps diagnostics on changed lines, and every error in a changed file. */
function onChangedLines(diagnostics: LocatedDiagnostic[], lines: Map<string, Set<number>>, untracked: Set<string>): LocatedDiagnostic[] {
  return diagnostics.filter(({ row }) => {
    if (untracked.has(row.file)) return true;
    const changed = lines.get(row.file);
    if (!changed) return false;
    if (row.severity === 'error') return true;
    for (let line = row.line; line <= row.endLine; line++) if (changed.has(line)) return true;
    return false;
  });
}

/**
 * `policy-annotator check`: loads the workspace, runs every check and reports.
 * With a cache, a check whose options and inputs are all as in an earlier
 * run prints that run's report again: the cache asks the file system and git
 * the same questions, and only when every answer is the same (by content)
 * does it skip loading, parsing and checking.
 */
export async function runCheck(options: CheckOptions, context: CliContext): Promise<number> {
  if (options.fix && !options.fixDryRun && !context.writeFile) throw new UsageError('--fix is not available here: this CLI cannot write files.');
  const fixFailed = options.fix || options.fixDryRun ? !(await applyFixes(options, context)) : false;
  const code = await checkCached(options, context);
  return fixFailed ? Math.max(code, 1) : code;
}

async function checkCached(options: CheckOptions, context: CliContext): Promise<number> {
  const host = context.createHost([options.workspaceFolder]);
  const cache = context.openCache?.({ workspaceFolder: options.workspaceFolder, enabled: options.cache, dir: options.cacheDir });
  // --changed-since reports on git's view of the changes, and --fix has just read everything anyway.
  if (!cache || options.changedSince !== undefined || options.fix || options.fixDryRun) return checkAndReport(options, context, host, cache);
  const { workspaceFolder, only, format, summary, color, severity, maxWarnings } = options;
  const key = cache.digest(['report', JSON.stringify({ workspaceFolder, only, format, summary, color, severity, maxWarnings: maxWarnings ?? null })]);
  const earlier = await cache.loadReport(key, host, context.git);
  if (earlier) {
    for (const [stream, text] of earlier.output) context.io[stream](text);
    return earlier.code;
  }
  const recorder = cache.recordInputs(host, context.git);
  const output: CheckReport['output'] = [];
  const io = {
    ...context.io,
    stdout: (text: string) => {
      output.push(['stdout', text]);
      context.io.stdout(text);
    },
    stderr: (text: string) => {
      output.push(['stderr', text]);
      context.io.stderr(text);
    },
  };
  const code = await checkAndReport(options, { ...context, io, git: recorder.git }, recorder.host, cache);
  await recorder.save(key, { output, code });
  return code;
}

async function checkAndReport(options: CheckOptions, context: CliContext, host: WorkspaceFileHost, cache: CheckCache | undefined): Promise<number> {
  const folderUri = URI.file(options.workspaceFolder).toString();
  const changes = options.changedSince ? await changedLinesSince(context, options.workspaceFolder, options.changedSince) : undefined;
  const loaded = await loadWorkspace(host, folderUri, { parser: cache?.parser ?? context.parser });
  const { index } = loaded;

  const configContent = loaded.configUri ? await host.readFile(loaded.configUri) : undefined;
  const byFile = await diagnoseWithCache(index, cache, configContent);
  await cache?.flush();
  if (loaded.configUri) {
    byFile.set(loaded.configUri, sortDiagnostics(applySeverityOverrides(loaded.configDiagnostics, index.config)));
  }
  const inScope = (uri: string) => options.only.length === 0 || options.only.some((only) => isUnder(uri, only));
  const files = [...byFile.keys()].filter(inScope).sort();
  for (const only of options.only) {
    if (!files.some((uri) => isUnder(uri, only))) throw new UsageError(`No annotation files under \`${URI.parse(only).fsPath}\`.`);
  }
  const diagnostics: CoreDiagnostic[] = files.flatMap((uri) => byFile.get(uri) ?? []).filter((d) => isAtLeast(d.severity, options.severity));
  let located = diagnostics.map((d) => toLocatedDiagnostic(index, d, (uri) => (uri === loaded.configUri ? configContent : undefined)));
  if (changes) located = onChangedLines(located, changes.lines, changes.untracked);

  const colors = makeColors(options.color);
  const fileCount = index.annotationFiles().filter((f) => inScope(f.uri)).length;
  switch (options.format) {
    case 'json':
      context.io.stdout(`${JSON.stringify(located.map((d) => d.row), null, 2)}\n`);
      break;
    case 'sarif': {
      const prefix = (await repositoryPrefix(context, options.workspaceFolder)) ?? '';
      context.io.stdout(`${formatSarif(located, { version: context.version, workspaceUri: folderUri, pathPrefix: prefix, index })}\n`);
      break;
    }
    case 'github': {
      // GitHub reads annotation paths relative to the repository root.
      const commands = formatGithub(located, (await repositoryPrefix(context, options.workspaceFolder)) ?? '');
      if (commands) context.io.stdout(`${commands}\n`);
      // stdout holds workflow commands only; the totals are for the person reading the log.
      context.io.stderr(`${formatTotals(located, fileCount, makeColors(false))}\n`);
      break;
    }
    default: {
      const report = formatStylish(located, colors);
      if (report) context.io.stdout(`${report}\n`);
      context.io.stdout(`${formatTotals(located, fileCount, colors)}\n`);
      if (options.summary) context.io.stdout(`\n${formatSummary(summarizeWorkspace(index), index, colors)}\n`);
    }
  }
  const counts = countBySeverity(located);
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    context.io.stderr(`policy-annotator: ${counts.warning} warnings, more than --max-warnings ${options.maxWarnings} allows.\n`);
    return 1;
  }
  return counts.error > 0 ? 1 : 0;
}
