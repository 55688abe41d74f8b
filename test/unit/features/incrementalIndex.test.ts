import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadWorkspace, type WorkspaceFileHost } from '../../../server/src/core';
import { LiveWorkspace, type FileChange } from '../../../server/src/core/live';
import { InMemoryHost, uriOf, WORKSPACE } from '../../helpers/memoryWorkspace';
import { readCorpus } from '../../helpers/sampleCorpus';
import { FILES } from './fixture';
import { freshDiagnostics, indexSnapshot } from './indexSnapshot';

/** A small deterministic random number generator (mulberry32), so a failing sequence can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXT_SNIPPETS = ['ISI', ' Taliban ', 'Imran Khan', 'backs the ', '“', '”', '\r\n', '\n\n', '😀', 'The agency', 'x', '', 'Pakistan', 'the group'];
const ID_POOL = ['isi', 'taliban', 'imran-khan', 'pakistan', 'isi2', 'cia', 'taliban-is-military', 'nobody'];
const YAML_SNIPPETS = [
  '  - id: new-actor\n    name: New\n    kind: person\n    aliases: [Taliban, Pakistan]\n',
  '    quote: the ISI\n',
  '    stance: supports\n',
  '    about: [isi, nobody]\n',
  '      - type: part-of\n        target: taliban\n',
  ': ',
  '"',
  '\t',
  '\n',
  '    aliases: [ISI]\n',
];
const NEW_FILES = [
  (n: number) => `text: texts/a.txt\nclaims:\n  - id: extra-${n}\n    claimant: isi\n    quote: The ISI denies it.\n    about: [taliban]\n    concept: taliban-is-military\n    stance: supports\n`,
  (n: number) => `actors:\n  - id: extra-actor-${n}\n    name: Extra ${n}\n    kind: person\n    aliases: [Imran Khan, agency]\n    relations:\n      - type: member-of\n        target: isi\n`,
  (n: number) => `text: texts/b-${n}.txt\nmentions:\n  - actor: isi\n    quote: ISI\n`,
  () => `concepts:\n  - id: taliban-is-military\n    label: Duplicate\n`,
];

/** The workspace as the truth: files on disk, and the editor's buffers over them. */
class Scenario {
  readonly disk: Map<string, string>;
  readonly buffers = new Map<string, string>();
  readonly live: LiveWorkspace;
  readonly seen = new Set<string>();
  private created = 0;

  constructor(files: Record<string, string>, readonly next: () => number) {
    this.disk = new Map(Object.entries(files).map(([p, content]) => [uriOf(p), content]));
    const diskHost: WorkspaceFileHost = {
      listFiles: async (folder) => [...this.disk.keys()].filter((uri) => uri.startsWith(`${folder}/`)).sort(),
      readFile: async (uri) => this.disk.get(uri),
    };
    this.live = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => diskHost, log: (message) => assert.fail(message) });
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  truth(uri: string): string | undefined {
    return this.buffers.get(uri) ?? this.disk.get(uri);
  }

  private paths(filter: (uri: string) => boolean): string[] {
    return [...new Set([...this.disk.keys(), ...this.buffers.keys()])].filter(filter).sort();
  }

  /** Replaces the content of a file, through a buffer (as typing does) or on disk (as another program does). */
  async write(uri: string, content: string): Promise<string> {
    this.seen.add(uri);
    if (this.buffers.has(uri) || this.next() < 0.5) {
      this.buffers.set(uri, content);
      await this.live.setBuffer(uri, content);
      return `type into ${uri}`;
    }
    const existed = this.disk.has(uri);
    this.disk.set(uri, content);
    await this.live.filesChanged([{ uri, kind: existed ? 'changed' : 'created' }]);
    return `write ${uri} on disk`;
  }

  async step(): Promise<string> {
    const roll = this.next();
    if (roll < 0.35) {
      const uri = this.pick(this.paths((u) => u.endsWith('.txt')));
      if (!uri) return 'no text';
      const text = this.truth(uri) ?? '';
      const at = Math.floor(this.next() * (text.length + 1));
      const cut = Math.min(text.length - at, Math.floor(this.next() * 12));
      return this.write(uri, text.slice(0, at) + this.pick(TEXT_SNIPPETS) + text.slice(at + cut));
    }
    if (roll < 0.75) {
      const uri = this.pick(this.paths((u) => u.endsWith('.yaml')));
      if (!uri) return 'no yaml';
      const lines = (this.truth(uri) ?? '').split('\n');
      const line = Math.floor(this.next() * lines.length);
      const kind = this.next();
      if (kind < 0.35) lines[line] = lines[line].replace(/(id|claimant|target|actor|author|concept): [\w-]+/, (_, key: string) => `${key}: ${this.pick(ID_POOL)}`).replace(/\[[\w, -]+\]/, `[${this.pick(ID_POOL)}]`);
      else if (kind < 0.5) lines.splice(line, 1);
      else if (kind < 0.6) lines.splice(line, 0, lines[line] ?? '');
      else if (kind < 0.7) lines[line] = (lines[line] ?? '').replace(/text: [\w/.-]+/, `text: ${this.pick(['texts/a.txt', 'texts/missing.txt', '../outside.txt', 'texts/b-1.txt'])}`);
      else {
        const at = Math.floor(this.next() * ((lines[line] ?? '').length + 1));
        lines[line] = (lines[line] ?? '').slice(0, at) + this.pick(YAML_SNIPPETS) + (lines[line] ?? '').slice(at);
      }
      return this.write(uri, lines.join('\n'));
    }
    if (roll < 0.83) {
      this.created++;
      const create = this.next() < 0.8;
      const uri = create ? uriOf(`annotations/extra-${this.created}.yaml`) : uriOf(`annotations/texts/b-${this.created % 3}.txt`);
      return this.write(uri, create ? this.pick(NEW_FILES)(this.created) : 'The ISI backs Imran Khan. ISI.');
    }
    if (roll < 0.9) {
      const uri = this.pick(this.paths((u) => this.disk.has(u)));
      if (!uri) return 'nothing to delete';
      this.disk.delete(uri);
      this.seen.add(uri);
      await this.live.filesChanged([{ uri, kind: 'deleted' }]);
      return `delete ${uri} on disk`;
    }
    if (roll < 0.96) {
      const uri = this.pick([...this.buffers.keys()]);
      if (!uri) return 'no buffer to close';
      this.buffers.delete(uri);
      await this.live.closeBuffer(uri);
      return `close ${uri}`;
    }
    const config = uriOf('policy-annotator.yaml');
    const change: FileChange = { uri: config, kind: this.disk.has(config) ? 'changed' : 'created' };
    this.disk.set(config, this.pick(['severity:\n  unknown-actor: warning\n', 'severity:\n  quote-stale: off\n  alias-unused: off\n', 'vocabulary:\n  actor-kinds: [faction]\n', 'roots: [annotations, annotations/texts]\n']));
    this.seen.add(config);
    await this.live.filesChanged([change]);
    return `write ${config}`;
  }

  /** Rebuilds the workspace from scratch from the current files (buffers over disk) and compares everything. */
  async assertEqualsRebuild(history: string[]): Promise<void> {
    const merged: Record<string, string> = {};
    for (const uri of new Set([...this.disk.keys(), ...this.buffers.keys()])) merged[uri.slice(`${WORKSPACE}/`.length)] = this.truth(uri)!;
    const rebuilt = await loadWorkspace(new InMemoryHost(merged), WORKSPACE);
    const incremental = this.live.indexFor(uriOf('x'))!;
    const context = `after: ${history.slice(-5).join(' | ')}`;
    assert.deepEqual(indexSnapshot(incremental), indexSnapshot(rebuilt.index), `index, ${context}`);
    const fresh = freshDiagnostics(rebuilt);
    for (const uri of new Set([...fresh.keys(), ...this.seen, ...this.live.diagnosableFiles()])) {
      assert.deepEqual(this.live.diagnostics(uri).diagnostics, fresh.get(uri) ?? [], `diagnostics of ${uri}, ${context}`);
    }
    for (const uri of fresh.keys()) this.seen.add(uri);
  }
}

async function runSequence(files: Record<string, string>, seed: number, steps: number): Promise<void> {
  const scenario = new Scenario(files, random(seed));
  await scenario.live.load();
  await scenario.assertEqualsRebuild([]);
  const history: string[] = [];
  for (let i = 0; i < steps; i++) {
    history.push(await scenario.step());
    await scenario.assertEqualsRebuild(history);
  }
}


describe('the incremental index equals an index rebuilt from scratch', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`after a random sequence of edits, file changes and closes on the fixture (seed ${seed})`, async () => {
      await runSequence(FILES, seed, 80);
    });
  }

  it('after a random sequence of edits on the sample corpus', async () => {
    await runSequence(readCorpus(), 42, 25);
  });
});
