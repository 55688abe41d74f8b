import { displayPath, LineIndex, loadWorkspace, outputMessage } from '../core';
import { DNA_CODER_PASSWORD, exportDna } from '../core/dna';
import { URI } from 'vscode-uri';
import * as path from 'node:path';
import { UsageError, type CliContext } from './cliContext';
import { reportRefusal } from './dnaFiles';

/** `policy-annotator export --format dna --out FILE.dna`: the workspace as a new DNA 3 database. */
export async function runExportDna(options: { workspaceFolder: string; outFile: string }, context: CliContext): Promise<number> {
  const { io } = context;
  if (!context.dnaFiles) throw new Error('This build of the CLI cannot write DNA databases (no CliContext.dnaFiles).');
  const folderUri = URI.file(options.workspaceFolder).toString();
  const { index } = await loadWorkspace(context.createHost([options.workspaceFolder]), folderUri);
  if (index.annotationFiles().length === 0) {
    throw new UsageError(`No annotation files in ${options.workspaceFolder} (looked under: ${index.config.roots.join(', ')}). Run export from the workspace folder or pass --workspace.`);
  }
  const result = exportDna(index, { workspaceFolder: folderUri });
  const shown = path.relative(context.cwd, options.outFile) || options.outFile;
  try {
    await context.dnaFiles.writeDatabase(options.outFile, result.database);
  } catch (error) {
    return reportRefusal(error, io, `cannot write ${shown}`);
  }
  for (const warning of result.warnings) {
    const at = (index.lineIndex(warning.uri) ?? new LineIndex('')).positionAt(warning.range.start);
    io.stderr(`${displayPath(index, warning.uri)}:${at.line + 1}:${at.character + 1}  warning  ${outputMessage(warning.message)}\n`);
  }
  const { documents, statements, entities } = result.counts;
  const lines = [`Exported ${documents} document${documents === 1 ? '' : 's'}, ${statements} statement${statements === 1 ? '' : 's'} and ${entities} entit${entities === 1 ? 'y' : 'ies'} as a DNA 3 database: ${shown} (coder ${result.database.coders[0].name}, password ${DNA_CODER_PASSWORD}).`];
  if (result.notes.length > 0) lines.push('Not represented in DNA:', ...result.notes.map((note) => `  - ${outputMessage(note)}`));
  io.stdout(`${lines.join('\n')}\n`);
  if (result.warnings.length > 0) {
    const count = result.warnings.length;
    io.stderr(`policy-annotator: ${count} claim${count === 1 ? '' : 's'} could not be exported (listed above); everything else was written. Fix them and export again.\n`);
    return 1;
  }
  return 0;
}
