import type { DnaDatabase, ImportedFile } from '../core/dna';

/** The file system side of `import dna` and `export --format dna`, supplied by the Node entry point. */
export interface DnaFiles {
  /** Reads the rows of a DNA 3 database; throws DnaFileRefused saying why it cannot. */
  readDatabase: (file: string) => Promise<DnaDatabase>;
  /** Writes a new `.dna` file; refuses (DnaFileRefused) an existing file or link at its place. */
  writeDatabase: (file: string, rows: DnaDatabase) => Promise<void>;
  /** Creates the new workspace's files; refuses (DnaFileRefused) a folder that is not empty. */
  createWorkspace: (folder: string, files: ImportedFile[]) => Promise<void>;
}

/** A `.dna` file that cannot be read or written, or an --out that is in the way: one line, exit 2. */
export class DnaFileRefused extends Error {}

/** A refusal caught around a DnaFiles call, as one line (`policy-annotator: <what>: <why>`) and exit code 2; any other error is rethrown. */
export function reportRefusal(error: unknown, io: { stderr: (text: string) => void }, what: string): number {
  if (!(error instanceof DnaFileRefused)) throw error;
  io.stderr(`policy-annotator: ${what}: ${error.message}\n`);
  return 2;
}
