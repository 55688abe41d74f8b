import * as path from 'node:path';
import { DEFAULT_VOCABULARY, outputMessage } from '../core';
import { importDna } from '../core/dna';
import { parseCommandArgs, UsageError, type CliContext } from './cliContext';
import { reportRefusal } from './dnaFiles';

export interface ImportOptions {
  file: string;
  outDir: string;
}

export const IMPORT_FORMATS = ['dna'] as const;

export function parseImportArgs(args: string[], context: CliContext): ImportOptions {
  const parsed = parseCommandArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  const [format, file, ...extra] = parsed.positionals;
  if (format === undefined) throw new UsageError('import needs a format and a file: policy-annotator import dna FILE.dna --out DIR.');
  if (format !== 'dna') throw new UsageError(`Unknown import format \`${format}\`: use ${IMPORT_FORMATS.join(', ')} (policy-annotator import dna FILE.dna --out DIR).`);
  if (file === undefined) throw new UsageError('import dna needs the .dna file: policy-annotator import dna FILE.dna --out DIR.');
  if (extra.length > 0) throw new UsageError(`import dna reads one file, but was given ${extra.length + 1}: ${[file, ...extra].join(', ')}.`);
  const out = parsed.values.out;
  if (out === undefined || out.trim() === '') throw new UsageError('import dna needs --out <dir>: the new workspace folder (created if missing; it must be empty).');
  return { file: path.resolve(context.cwd, file), outDir: path.resolve(context.cwd, out) };
}

/** `policy-annotator import dna`: a new workspace from a DNA 3 database, and a report of what the format could not hold. */
export async function runImport(options: ImportOptions, context: CliContext): Promise<number> {
  const { io } = context;
  if (!context.dnaFiles) throw new Error('This build of the CLI cannot read DNA databases (no CliContext.dnaFiles).');
  const shown = path.relative(context.cwd, options.file) || options.file;
  let result;
  try {
    const rows = await context.dnaFiles.readDatabase(options.file);
    result = importDna(rows, DEFAULT_VOCABULARY);
    if ('error' in result) {
      io.stderr(`policy-annotator: cannot import ${shown}: ${outputMessage(result.error)}\n`);
      return 2;
    }
    await context.dnaFiles.createWorkspace(options.outDir, result.files);
  } catch (error) {
    return reportRefusal(error, io, `cannot import ${shown}`);
  }
  const out = path.relative(context.cwd, options.outDir) || '.';
  const { texts, claims, actors, concepts } = result.counts;
  const lines = [`Imported ${shown} into ${out}: ${texts} text${texts === 1 ? '' : 's'}, ${claims} claim${claims === 1 ? '' : 's'}, ${actors} actor${actors === 1 ? '' : 's'}, ${concepts} concept${concepts === 1 ? '' : 's'}.`];
  if (result.notes.length > 0) lines.push('Not represented in the annotation format:', ...result.notes.map((note) => `  - ${outputMessage(note)}`));
  else lines.push('Everything in the database has a place in the annotation format.');
  lines.push(`Check it with: policy-annotator check --workspace ${out}`);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
