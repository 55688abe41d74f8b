/**
 * The export writer's shared vocabulary, in a module of its own so that the
 * VS Code client can bundle the writer without the rest of the CLI.
 */

/** The output folder cannot be written safely, or writing failed: reported, nothing changed, exit 2. */
export class ExportRefused extends Error {}

/** What writing an export did. */
export interface ExportWriteResult {
  /** Files of an earlier export into the same folder that this one no longer has, removed. */
  removed: string[];
  /** The output folder, with the links in its parent resolved: where the files are. */
  outDir: string;
}

/** One file of an export, by its path relative to the output folder (forward slashes). */
export interface ExportFileToWrite {
  path: string;
  content: string;
}
