import { loadWorkspace, type LoadedWorkspace, type WorkspaceFileHost } from '../../server/src/core';

export const WORKSPACE = 'file:///ws';

export function uriOf(relativePath: string): string {
  return `${WORKSPACE}/${relativePath}`;
}

/** A file host over a map of workspace-relative paths to contents. */
export class InMemoryHost implements WorkspaceFileHost {
  readonly files: Map<string, string>;

  constructor(files: Record<string, string>) {
    this.files = new Map(Object.entries(files).map(([path, content]) => [uriOf(path), content]));
  }

  async listFiles(folderUri: string): Promise<string[]> {
    return [...this.files.keys()].filter((uri) => uri.startsWith(`${folderUri}/`)).sort();
  }

  async readFile(uri: string): Promise<string | undefined> {
    return this.files.get(uri);
  }
}

/** Loads an in-memory workspace rooted at file:///ws. */
export function loadMemoryWorkspace(files: Record<string, string>): Promise<LoadedWorkspace> {
  return loadWorkspace(new InMemoryHost(files), WORKSPACE);
}

/** Finds a marker like `‸` in a text: returns the text without it and the marker's offset. */
export function withCursor(text: string, marker = '‸'): { text: string; offset: number } {
  const offset = text.indexOf(marker);
  if (offset < 0) throw new Error(`no ${marker} in fixture`);
  return { text: text.slice(0, offset) + text.slice(offset + marker.length), offset };
}

/** Joins lines with LF, for readable YAML fixtures. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
