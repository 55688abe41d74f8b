import { describe, it } from 'node:test';
import { DiskAndBuffers } from '../../helpers/diskAndBuffers';
import { uriOf } from '../../helpers/memoryWorkspace';
import { readCorpus } from '../../helpers/sampleCorpus';
import { FILES } from './fixture';

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

/** Random edits of the files on disk and the editor's buffers over them. */
class Scenario extends DiskAndBuffers {
  private created = 0;

  constructor(files: Record<string, string>, readonly next: () => number) {
    super(files);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  private paths(filter: (uri: string) => boolean): string[] {
    return this.files().filter(filter);
  }

  /** Replaces the content of a file, through a buffer (as typing does) or on disk (as another program does). */
  async write(uri: string, content: string): Promise<string> {
    if (this.buffers.has(uri) || this.next() < 0.5) {
      await this.typeInto(uri, content);
      return `type into ${uri}`;
    }
    await this.writeOnDisk(uri, content);
    return `write ${uri} on disk`;
  }

  async step(): Promise<string> {
    const roll = this.next();
    if (roll < 0.35) {
      const uri = this.pick(this.paths((u) => u.endsWith('.txt')));
      if (!uri) return 'no text';
      const text = this.content(uri) ?? '';
      const at = Math.floor(this.next() * (text.length + 1));
      const cut = Math.min(text.length - at, Math.floor(this.next() * 12));
      return this.write(uri, text.slice(0, at) + this.pick(TEXT_SNIPPETS) + text.slice(at + cut));
    }
    if (roll < 0.75) {
      const uri = this.pick(this.paths((u) => u.endsWith('.yaml')));
      if (!uri) return 'no yaml';
      const lines = (this.content(uri) ?? '').split('\n');
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
      await this.deleteOnDisk(uri);
      return `delete ${uri} on disk`;
    }
    if (roll < 0.96) {
      const uri = this.pick([...this.buffers.keys()]);
      if (!uri) return 'no buffer to close';
      await this.closeBuffer(uri);
      return `close ${uri}`;
    }
    const config = uriOf('policy-annotator.yaml');
    await this.writeOnDisk(config, this.pick(['severity:\n  unknown-actor: warning\n', 'severity:\n  quote-stale: off\n  alias-unused: off\n', 'vocabulary:\n  actor-kinds: [faction]\n', 'roots: [annotations, annotations/texts]\n']));
    return `write ${config}`;
  }
}

async function runSequence(files: Record<string, string>, seed: number, steps: number): Promise<void> {
  const scenario = new Scenario(files, random(seed));
  await scenario.live.load();
  await scenario.assertEqualsRebuild('at the start');
  const history: string[] = [];
  for (let i = 0; i < steps; i++) {
    history.push(await scenario.step());
    await scenario.assertEqualsRebuild(`after: ${history.slice(-5).join(' | ')}`);
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
