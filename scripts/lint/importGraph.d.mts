// Types of importGraph.mjs, for the tests that import it.

/** A graph from each file to the files it imports (a map from target to the specifier that leads there, or a plain list). */
export type ImportGraph = ReadonlyMap<string, ReadonlyMap<string, string> | Iterable<string>>;

export function importSpecifiers(text: string): Array<{ specifier: string; pos: number }>;

export function sourceFilesUnder(folder: string): string[];

export class ImportGraphReader {
  constructor(roots: string[]);
  readonly roots: string[];
  covers(file: string): boolean;
  resolve(specifier: string, fromFile: string): string | undefined;
  read(): Map<string, Map<string, string>>;
  edgesOf(file: string, specifiers: ReadonlyArray<{ specifier: string }>): Map<string, string>;
}

export function findImportCycles(graph: ImportGraph): string[][];

export function importCycleThrough(graph: ImportGraph, node: string): string[] | undefined;
