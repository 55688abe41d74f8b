import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { displayPath, LineIndex, loadWorkspace } from '../core';
import { EXPORT_FORMATS, exportWorkspace, isAbsoluteIri, type ExportFormat, type ExportResult } from '../core/export';
import { ExportRefused } from '../core/export/exportWriting';
import { parseDatePeriod } from '../core/network';
import { parseCommandArgs, UsageError, type CliContext } from './cliContext';
import { runExportDna } from './exportDnaCommand';

export interface ExportOptions {
  workspaceFolder: string;
  /** `dna` writes one file, a DNA 3 database, at outDir (see exportDnaCommand.ts). */
  format: ExportFormat | 'dna';
  /** The output folder, absolute. */
  outDir: string;
  baseIri?: string;
  /** For network: keep the relations in force on this date. */
  at?: string;
}

export function parseExportArgs(args: string[], context: CliContext): ExportOptions {
  const parsed = parseCommandArgs({ args, options: { format: { type: 'string' }, out: { type: 'string' }, workspace: { type: 'string' }, 'base-iri': { type: 'string' }, at: { type: 'string' } } });
  const { values } = parsed;
  const formats = [...EXPORT_FORMATS, 'dna'];
  if (values.format === undefined) throw new UsageError(`export needs --format: ${formats.join(', ')}.`);
  const format = values.format as ExportFormat | 'dna';
  if (!formats.includes(format)) throw new UsageError(`Unknown export format \`${values.format}\`: use ${formats.join(', ')}.`);
  if (values.out === undefined || values.out.trim() === '') {
    throw new UsageError(format === 'dna' ? 'export --format dna needs --out <file.dna>: the DNA database to create.' : 'export needs --out <dir>: the folder to write into (created if missing).');
  }
  const baseIri = values['base-iri'];
  if (baseIri !== undefined && !isAbsoluteIri(baseIri)) {
    throw new UsageError(`--base-iri must be an absolute IRI with a scheme, such as https://github.com/org/repo/blob/main/, not \`${baseIri}\`.`);
  }
  if (baseIri !== undefined && format !== 'w3c') throw new UsageError('--base-iri applies to --format w3c only.');
  const at = values.at;
  if (at !== undefined && format !== 'network') throw new UsageError('--at applies to --format network only (the relations in force on that date).');
  if (at !== undefined && !parseDatePeriod(at)) throw new UsageError(`--at \`${at}\` is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY.`);
  return {
    workspaceFolder: path.resolve(context.cwd, values.workspace ?? '.'),
    format,
    outDir: path.resolve(context.cwd, values.out),
    ...(baseIri !== undefined ? { baseIri } : {}),
    ...(at !== undefined ? { at } : {}),
  };
}

const FORMAT_NAMES: Record<ExportFormat, string> = {
  w3c: 'W3C Web Annotation JSON-LD',
  brat: 'brat standoff',
  network: 'discourse networks (GraphML and CSV)',
  statements: 'a statements table (CSV)',
};

function describeCounts(format: ExportFormat, counts: ExportResult['counts']): string {
  const n = (key: string) => counts[key] ?? 0;
  const texts = `${n('texts')} text${n('texts') === 1 ? '' : 's'}`;
  switch (format) {
    case 'w3c':
      return `${n('annotations')} annotations (${n('claims')} claims, ${n('mentions')} explicit mentions) of ${texts}`;
    case 'brat':
      return `${n('mentions')} actor mentions and ${n('claims')} claims of ${texts}`;
    case 'network':
      return `${n('affiliation edges')} affiliation, ${n('congruence edges')} congruence, ${n('conflict edges')} conflict and ${n('relations edges')} relation edges`;
    case 'statements':
      return `${n('claims')} claims of ${texts}`;
  }
}

/** `policy-annotator export`: writes the workspace in a format other tools read. */
export async function runExport(options: ExportOptions, context: CliContext): Promise<number> {
  if (options.format === 'dna') return runExportDna({ workspaceFolder: options.workspaceFolder, outFile: options.outDir }, context);
  const { io } = context;
  if (!context.writeExport) throw new Error('This build of the CLI cannot write files (no export writer).');
  const folderUri = URI.file(options.workspaceFolder).toString();
  const loaded = await loadWorkspace(context.createHost([options.workspaceFolder]), folderUri);
  const { index } = loaded;
  if (index.annotationFiles().length === 0) {
    throw new UsageError(`No annotation files in ${options.workspaceFolder} (looked under: ${index.config.roots.join(', ')}). Run export from the workspace folder or pass --workspace.`);
  }
  const result = exportWorkspace(index, options.format, { workspaceFolder: folderUri, ...(options.baseIri ? { baseIri: options.baseIri } : {}), ...(options.at ? { at: options.at } : {}) });

  let written;
  try {
    written = await context.writeExport(options.outDir, result.files, options.format);
  } catch (error) {
    if (error instanceof ExportRefused) {
      io.stderr(`policy-annotator: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  for (const warning of result.warnings) {
    const lines = index.lineIndex(warning.uri) ?? new LineIndex('');
    const at = lines.positionAt(warning.range.start);
    io.stderr(`${displayPath(index, warning.uri)}:${at.line + 1}:${at.character + 1}  warning  ${warning.message}\n`);
  }
  const removed = written.removed.length ? ` (removed ${written.removed.length} file${written.removed.length === 1 ? '' : 's'} of the previous export that it no longer has)` : '';
  io.stdout(`Exported ${describeCounts(options.format, result.counts)} as ${FORMAT_NAMES[options.format]}: ${result.files.length} files in ${options.outDir}${removed}.\n`);
  if (result.warnings.length > 0) {
    const count = result.warnings.length;
    io.stderr(`policy-annotator: ${count} annotation${count === 1 ? '' : 's'} could not be exported, or only in part (listed above); everything else was written. Fix them and export again.\n`);
    return 1;
  }
  return 0;
}
