// Multi-file fixtures written as the files they hold, in the txtar layout of
// Go's tools: a line `-- path/of/file --` starts a file, and every line up to
// the next such line is its content (each with its line break). Text before
// the first file is a comment. One fixture turns into an in-memory workspace
// (core tests), a temporary folder (CLI and LSP tests) or documents opened in
// a language server (LSP tests), so every level of test reads its files the
// same way. Named fixtures shared by many tests live in test/fixtures/*.txtar.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LoadedWorkspace, WorkspaceIndex } from '../../server/src/core';
import { fileUri } from '../lsp/lspTestClient';
import { loadMemoryWorkspace } from './memoryWorkspace';
import { createTempWorkspace, REPO_ROOT, type TempWorkspace } from './tempWorkspace';

/** Workspace-relative paths and their contents, in the order written. */
export type FileSet = Record<string, string>;

const FILE_LINE = /^-- (\S(?:.*\S)?) --$/;

/** Reads a txtar fixture into its files. A file's content ends with a line break unless the fixture ends without one. */
export function parseFixture(source: string): FileSet {
  const files: FileSet = {};
  let current: string | undefined;
  const lines = source.split('\n');
  lines.forEach((line, i) => {
    const start = FILE_LINE.exec(line);
    if (start) {
      if (start[1] in files) throw new Error(`fixture: ${start[1]} is written twice`);
      current = start[1];
      files[current] = '';
    } else if (current !== undefined) {
      files[current] += i === lines.length - 1 ? line : `${line}\n`;
    }
  });
  return files;
}

/** The files of several fixtures and file sets, later ones replacing earlier files of the same path. */
export function fixture(...parts: (string | FileSet)[]): FileSet {
  return Object.assign({}, ...parts.map((part) => (typeof part === 'string' ? parseFixture(part) : part))) as FileSet;
}

/** The same files with CRLF line breaks, as a Windows checkout has them. */
export function withCrlf(files: FileSet): FileSet {
  return Object.fromEntries(Object.entries(files).map(([relativePath, content]) => [relativePath, content.replace(/\r?\n/g, '\r\n')]));
}

/** A named fixture from test/fixtures/<name>.txtar, as txtar source (to combine with `fixture`). */
export function namedFixture(name: string): string {
  return readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', `${name}.txtar`), 'utf8');
}

/** One file of a named fixture. */
export function fixtureFile(name: string, relativePath: string): string {
  const content = parseFixture(namedFixture(name))[relativePath];
  if (content === undefined) throw new Error(`fixture ${name} has no ${relativePath}`);
  return content;
}

/** Adapter for core tests: the fixture as an in-memory workspace at file:///ws. */
export function loadFixture(...parts: (string | FileSet)[]): Promise<LoadedWorkspace> {
  return loadMemoryWorkspace(fixture(...parts));
}

/** The index of a fixture loaded as an in-memory workspace. */
export async function loadIndex(...parts: (string | FileSet)[]): Promise<WorkspaceIndex> {
  return (await loadFixture(...parts)).index;
}

/** Adapter for CLI and LSP tests: the fixture written to a temporary folder (removed by `dispose`). */
export function fixtureOnDisk(...parts: (string | FileSet)[]): TempWorkspace {
  return createTempWorkspace(fixture(...parts));
}

/** Adapter for LSP tests: opens every file of the fixture in the server as an editor buffer over `dir`; answers their URIs by path. */
export async function openFixture(client: { open(uri: string, text: string): Promise<void> }, dir: string, files: FileSet): Promise<Record<string, string>> {
  const uris: Record<string, string> = {};
  for (const [relativePath, content] of Object.entries(files)) {
    uris[relativePath] = fileUri(path.join(dir, relativePath));
    await client.open(uris[relativePath], content);
  }
  return uris;
}
