// Property-based test of the incremental index: any sequence of edits —
// typing, garbage, files written, created, deleted and renamed on disk,
// buffers closed, the configuration changed — leaves the live workspace equal
// to an index rebuilt from scratch from the same files, and its diagnostics
// equal to diagnostics computed afresh. fast-check shrinks a failing sequence
// to a short one and prints the seed to replay it.
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DiskAndBuffers } from '../helpers/diskAndBuffers';
import { uriOf } from '../helpers/memoryWorkspace';
import { fuzzParameters, mutate, mutationArbitrary, readCorpus, type Mutation } from '../robustness/fuzzSupport';
import { FILES } from './features/fixture';

const TEXT_SNIPPETS = ['ISI', ' Taliban ', 'Imran Khan', 'backs the ', '“', '”', '\r\n', '\n', '\u{1F600}', 'e\u0301', 'The agency', '', 'Pakistan'];
const YAML_SNIPPETS = ['  - id: fresh\n    name: Fresh\n    kind: person\n    aliases: [Taliban]\n', '    quote: the ISI\n', '    claimant: nobody\n', 'suppress:\n  - quote: ISI\n', '    about: [isi, taliban]\n', 'text: texts/a.txt\n', 'text: ../outside.txt\n', 'isi', 'taliban', ': ', '- ', '"', '[', '\t', '\n'];
const NEW_FILES = [
  'text: texts/a.txt\nclaims:\n  - id: extra\n    claimant: isi\n    quote: The ISI denies it.\n    about: [taliban]\n',
  'actors:\n  - id: extra-actor\n    name: Extra\n    kind: person\n    aliases: [Imran Khan, agency]\n',
  'text: texts/b.txt\nmentions:\n  - actor: isi\n    quote: ISI\n',
  'text: texts/a.txt\nsuppress:\n  - quote: The ISI denies\n    note: quoted\nmentions:\n  - actor: [isi, taliban]\n    quote: The agency\n',
  'concepts:\n  - id: taliban-is-military\n    label: Duplicate\n',
];
const CONFIGS = ['severity:\n  unknown-actor: warning\n', 'roots: [annotations, annotations/texts]\n', 'vocabulary:\n  actor-kinds: [faction]\n', 'limits:\n  text-size: 60 B\n', ': [\n'];

type Edit =
  | { kind: 'type' | 'write-disk'; file: number; at: number; cut: number; insert: string }
  | { kind: 'garbage'; file: number; viaDisk: boolean; mutation: Mutation }
  | { kind: 'create'; which: number; name: number; text: boolean }
  | { kind: 'delete' | 'close'; file: number }
  | { kind: 'rename'; file: number; name: number }
  | { kind: 'config'; which: number };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('type' as const, 'write-disk' as const), file: fc.nat(), at: fc.nat(), cut: fc.nat({ max: 16 }), insert: fc.oneof(fc.constantFrom(...TEXT_SNIPPETS, ...YAML_SNIPPETS), fc.string({ maxLength: 6, unit: 'binary' })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('garbage' as const), file: fc.nat(), viaDisk: fc.boolean(), mutation: mutationArbitrary }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('create' as const), which: fc.nat(), name: fc.nat({ max: 3 }), text: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'close' as const), file: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), file: fc.nat(), name: fc.nat({ max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('config' as const), which: fc.nat() }) },
);

/** Applies fast-check's edits to the files on disk and the editor's buffers over them. */
class Workspace extends DiskAndBuffers {
  private pick(n: number): string | undefined {
    const files = this.files();
    return files.length === 0 ? undefined : files[n % files.length];
  }

  async apply(edit: Edit): Promise<void> {
    switch (edit.kind) {
      case 'type':
      case 'write-disk': {
        const uri = this.pick(edit.file);
        if (!uri) return;
        const text = this.content(uri) ?? '';
        const at = edit.at % (text.length + 1);
        const changed = text.slice(0, at) + edit.insert + text.slice(at + edit.cut);
        return edit.kind === 'type' ? this.typeInto(uri, changed) : this.writeOnDisk(uri, changed);
      }
      case 'garbage': {
        const uri = this.pick(edit.file);
        if (!uri) return;
        const changed = mutate(this.content(uri) ?? '', edit.mutation);
        return edit.viaDisk && !this.buffers.has(uri) ? this.writeOnDisk(uri, changed) : this.typeInto(uri, changed);
      }
      case 'create': {
        const uri = edit.text ? uriOf(`annotations/texts/b${edit.name || ''}.txt`) : uriOf(`annotations/extra-${edit.name}.yaml`);
        return this.writeOnDisk(uri, edit.text ? 'The ISI backs Imran Khan. ISI.' : NEW_FILES[edit.which % NEW_FILES.length]);
      }
      case 'delete': {
        const uri = this.pick(edit.file);
        if (!uri || !this.disk.has(uri)) return;
        return this.deleteOnDisk(uri);
      }
      case 'close': {
        const uri = this.pick(edit.file);
        if (uri) await this.closeBuffer(uri);
        return;
      }
      case 'rename': {
        const from = this.pick(edit.file);
        if (!from || !this.disk.has(from) || this.buffers.has(from)) return;
        const to = from.replace(/([^/]*)(\.[a-z]+)$/, (_, name: string, ext: string) => `${name}-renamed${edit.name}${ext}`);
        if (this.disk.has(to) || this.buffers.has(to)) return;
        return this.renameOnDisk(from, to);
      }
      case 'config':
        return this.writeOnDisk(uriOf('policy-annotator.yaml'), CONFIGS[edit.which % CONFIGS.length]);
    }
  }
}

async function runEdits(files: Record<string, string>, edits: Edit[]): Promise<void> {
  const workspace = new Workspace(files);
  await workspace.live.load();
  await workspace.assertEqualsRebuild('at the start');
  for (let i = 0; i < edits.length; i++) {
    await workspace.apply(edits[i]);
    await workspace.assertEqualsRebuild(`after ${JSON.stringify(edits.slice(0, i + 1).slice(-3))}`);
  }
}

describe('fuzzing the incremental index', () => {
  it('equals a rebuild from scratch after any sequence of edits on the fixture, garbage included', async () => {
    await fc.assert(fc.asyncProperty(fc.array(editArbitrary, { maxLength: 25 }), (edits) => runEdits(FILES, edits)), fuzzParameters(40));
  });

  it('equals a rebuild from scratch after any sequence of edits on the sample corpus', async () => {
    await fc.assert(fc.asyncProperty(fc.array(editArbitrary, { maxLength: 6 }), (edits) => runEdits(readCorpus(), edits)), fuzzParameters(4));
  });
});
