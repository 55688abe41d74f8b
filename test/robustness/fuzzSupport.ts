// Shared by the property-based tests (test/unit/fuzz*.test.ts): how many runs,
// the sample corpus, and generators of damaged YAML.
import fc from 'fast-check';

/**
 * Runs per property: small by default so that `npm test` stays fast; set
 * FUZZ_RUNS (e.g. FUZZ_RUNS=5000 npm test) for a longer local run. A failure
 * prints the seed and the path to replay it (fast-check's report); replay with
 * FUZZ_SEED=<seed> FUZZ_PATH=<path>.
 */
export function fuzzParameters<T>(defaultRuns: number): fc.Parameters<T> {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    ...(Number.isInteger(seed) ? { seed } : {}),
    ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
  };
}


export { readCorpus } from '../helpers/sampleCorpus';

/** YAML punctuation and other characters that damage a file in interesting ways. */
export const YAML_PUNCTUATION = [':', ': ', '- ', '-', '? ', '[', ']', '{', '}', ',', '&a ', '*a', '!', '!!str ', '|', '>', '|-', "'", '"', '%', '@', '`', '#', ' #', '\t', '\n', '\r\n', '\r', '---\n', '...\n', '\\', '\u00a0', '\ufeff', '\u2028', '\u{1F600}', '\u0301', '\u0000'];

export type Mutation =
  | { kind: 'flip-byte'; at: number; bit: number }
  | { kind: 'delete-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'indent'; line: number; by: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number };

/** A mutation of a file: positions are fractions of its length, so any mutation fits any file. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip-byte' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -6, max: 6 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...YAML_PUNCTUATION), fc.string({ maxLength: 8, unit: fc.constantFrom(...YAML_PUNCTUATION) }), fc.string({ maxLength: 6, unit: 'binary' })) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies a mutation. Byte flips work on the UTF-8 bytes and decode leniently, as an editor shows a damaged file. */
export function mutate(text: string, mutation: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % Math.max(1, lines.length);
  switch (mutation.kind) {
    case 'flip-byte': {
      const bytes = Buffer.from(text, 'utf8');
      if (bytes.length === 0) return text;
      bytes[mutation.at % bytes.length] ^= 1 << mutation.bit;
      return new TextDecoder('utf-8').decode(bytes);
    }
    case 'delete-line':
      lines.splice(line(mutation.line), 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line(mutation.line), 0, lines[line(mutation.line)] ?? '');
      return lines.join('\n');
    case 'indent': {
      const n = line(mutation.line);
      const current = lines[n] ?? '';
      lines[n] = mutation.by >= 0 ? ' '.repeat(mutation.by) + current : current.replace(new RegExp(`^ {0,${-mutation.by}}`), '');
      return lines.join('\n');
    }
    case 'insert': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, mutation.at % (text.length + 1));
  }
}

export function mutateAll(text: string, mutations: Mutation[]): string {
  return mutations.reduce(mutate, text);
}
