// Files on disk and the editor's buffers over them, fed to a live workspace
// the way an editor (open, type, close) and a file watcher (created, changed,
// deleted) feed the server; and the check that the live index and
// diagnostics equal those rebuilt from scratch from the same files. Shared by
// the incremental index tests (random sequences) and the index fuzz test
// (fast-check sequences).
import type { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import assert from 'node:assert/strict';
import { loadWorkspace, type WorkspaceFileHost } from '../../server/src/core';
import { LiveWorkspace } from '../../server/src/core/live';
import { freshDiagnostics, indexSnapshot } from '../unit/features/indexSnapshot';
import { InMemoryHost, uriOf, WORKSPACE } from './memoryWorkspace';

export class DiskAndBuffers {
  readonly disk: Map<string, string>;
  readonly buffers = new Map<string, string>();
  readonly live: LiveWorkspace;
  /** Files whose diagnostics are compared on every check, besides those that have some. */
  readonly seen = new Set<string>();
  /** What the live workspace logged: a failure inside it, which no check may find. */
  readonly logged: string[] = [];

  /** `yieldControl`: lets the live workspace work in steps (see LiveWorkspaceOptions); without it everything runs in one go. */
  constructor(files: Record<string, string>, options: { yieldControl?: () => Promise<void> } = {}) {
    this.disk = new Map(Object.entries(files).map(([p, content]) => [uriOf(p), content]));
    const diskHost: WorkspaceFileHost = {
      listFiles: async (folder) => [...this.disk.keys()].filter((uri) => uri.startsWith(`${folder}/`)).sort(),
      readFile: async (uri) => this.disk.get(uri),
    };
    this.live = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => diskHost, log: (message) => this.logged.push(message), yieldControl: options.yieldControl });
  }

  /** Every file, on disk or only in a buffer, in URI order. */
  files(): string[] {
    return [...new Set([...this.disk.keys(), ...this.buffers.keys()])].sort();
  }

  /** A file as the user sees it: its buffer, or else its content on disk. */
  content(uri: string): string | undefined {
    return this.buffers.get(uri) ?? this.disk.get(uri);
  }

  /** Replaces a buffer's content (opening it if needed), as typing does. */
  async typeInto(uri: string, content: string): Promise<void> {
    this.seen.add(uri);
    this.buffers.set(uri, content);
    await this.live.setBuffer(uri, content);
  }

  /** Writes a file on disk, as another program does, and reports it created or changed. */
  async writeOnDisk(uri: string, content: string): Promise<void> {
    this.seen.add(uri);
    const kind = this.disk.has(uri) ? 'changed' : 'created';
    this.disk.set(uri, content);
    await this.live.filesChanged([{ uri, kind }]);
  }

  async deleteOnDisk(uri: string): Promise<void> {
    this.seen.add(uri);
    this.disk.delete(uri);
    await this.live.filesChanged([{ uri, kind: 'deleted' }]);
  }

  /** Renames a file on disk: the watcher reports the old name deleted and the new one created. */
  async renameOnDisk(from: string, to: string): Promise<void> {
    this.seen.add(from).add(to);
    this.disk.set(to, this.disk.get(from)!);
    this.disk.delete(from);
    await this.live.filesChanged([{ uri: from, kind: 'deleted' }, { uri: to, kind: 'created' }]);
  }

  /** Closes a buffer, if there is one: the file reads from disk again. */
  async closeBuffer(uri: string): Promise<boolean> {
    if (!this.buffers.delete(uri)) return false;
    await this.live.closeBuffer(uri);
    return true;
  }

  /** Rebuilds from scratch from the files as they are, and compares the index and every file's diagnostics; `context` names the edits that led here. */
  async assertEqualsRebuild(context: string): Promise<void> {
    const merged: Record<string, string> = {};
    for (const uri of this.files()) merged[uri.slice(`${WORKSPACE}/`.length)] = this.content(uri)!;
    const rebuilt = await loadWorkspace(new InMemoryHost(merged), WORKSPACE);
    assert.deepEqual(this.logged, [], `the live workspace logged no failure, ${context}`);
    assert.deepEqual(indexSnapshot(this.live.indexFor(uriOf('x')) as WorkspaceIndex), indexSnapshot(rebuilt.index), `the index, ${context}`);
    const fresh = freshDiagnostics(rebuilt);
    for (const uri of new Set([...fresh.keys(), ...this.seen, ...this.live.diagnosableFiles()])) {
      assert.deepEqual(this.live.diagnostics(uri).diagnostics, fresh.get(uri) ?? [], `the diagnostics of ${uri}, ${context}`);
    }
    for (const uri of fresh.keys()) this.seen.add(uri);
  }
}
