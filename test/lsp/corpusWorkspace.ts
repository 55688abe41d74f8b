import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { LineIndex, loadWorkspace, type LoadedWorkspace, type Position } from '../../server/src/core';
import { NodeFileHost } from '../../server/src/node/nodeFileHost';
import { createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace';
import { fileUri } from './lspTestClient';

/** A writable temporary copy of the sample corpus (annotations/), and the core's own reading of it, to derive expected values from. */
export interface CorpusCopy {
  workspace: TempWorkspace;
  /** The copy's folder, and its removal (as a served workspace has them). */
  dir: string;
  dispose(): void;
  expected: LoadedWorkspace;
  uri(relativePath: string): string;
  read(relativePath: string): string;
}

export async function copyCorpus(): Promise<CorpusCopy> {
  const workspace = createTempWorkspace({}, { withCorpus: true });
  makeWritable(workspace.dir);
  const expected = await loadWorkspace(new NodeFileHost([workspace.dir]), URI.file(workspace.dir).toString());
  return {
    workspace,
    dir: workspace.dir,
    dispose: () => workspace.dispose(),
    expected,
    uri: (relativePath) => fileUri(path.join(workspace.dir, relativePath)),
    read: (relativePath) => readFileSync(path.join(workspace.dir, relativePath), 'utf8'),
  };
}

/** The corpus ships its article read-only; tests edit their copy. */
function makeWritable(dir: string): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) makeWritable(full);
    else chmodSync(full, 0o644);
  }
}

export function positionAt(text: string, offset: number): Position {
  return new LineIndex(text).positionAt(offset);
}

export function offsetAt(text: string, position: Position): number {
  return new LineIndex(text).offsetAt(position);
}

/** The text an LSP range covers. */
export function textIn(text: string, range: { start: Position; end: Position }): string {
  const lines = new LineIndex(text);
  return text.slice(lines.offsetAt(range.start), lines.offsetAt(range.end));
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), newText: edit.newText })).sort((a, b) => b.start - a.start);
  for (const span of spans) text = text.slice(0, span.start) + span.newText + text.slice(span.end);
  return text;
}
