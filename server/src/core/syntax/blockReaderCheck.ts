import { isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap } from 'yaml';

/**
 * The block reader (./fastYaml) must give exactly the tree `parseDocument`
 * gives wherever it gives one: the differential test compares them on every
 * file it can find and on fuzzed ones, and paranoid mode compares them on
 * every file it reads. This is the one comparison both use.
 */

/** The options every full parse of an annotation file uses (duplicate keys are found apart, in linear time). */
export const FULL_PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false } as const;

/** What a reader of a scalar can see. */
const SCALAR_FIELDS = ['value', 'source', 'type', 'format', 'range', 'tag', 'anchor', 'minFractionDigits'] as const;

/**
 * Where the block reader's tree for `text` (what `parseBlockYaml` returned:
 * a mapping, or null for an empty document) differs from `parseDocument`'s,
 * as a sentence naming the first differing path, such as
 * `claims[2].quote: range is [40,52,53] in the block reader, [40,52,54] in parseDocument`;
 * undefined when they agree. A document the full parser finds errors or
 * warnings in differs too: the block reader must never read one.
 */
export function blockReaderDisagreement(text: string, fastTree: YAMLMap | null): string | undefined {
  const document = parseDocument(text, FULL_PARSE_OPTIONS);
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) return `the block reader read a document in which parseDocument finds a problem at offset ${problem.pos[0]}: ${problem.message}`;
  const contents = document.contents;
  if (fastTree === null) {
    const empty = contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''));
    return empty ? undefined : 'the block reader read an empty document where parseDocument reads content';
  }
  return firstTreeDifference(fastTree, contents, '');
}

/** The first difference between two `yaml` trees (classes, values, sources, types, tags and ranges), as a sentence; undefined when they are the same. */
export function firstTreeDifference(fast: unknown, full: unknown, path: string): string | undefined {
  const at = path === '' ? 'the top level' : path;
  const differs = (what: string, a: unknown, b: unknown) => `${at}: ${what} is ${describe(a)} in the block reader, ${describe(b)} in parseDocument`;
  if ((fast ?? null) === null || (full ?? null) === null) return (fast ?? null) === (full ?? null) ? undefined : differs('the node', fast, full);
  const kind = (node: unknown) => (isScalar(node) ? 'scalar' : isMap(node) ? 'mapping' : isSeq(node) ? 'sequence' : 'other');
  if (kind(fast) !== kind(full) || kind(fast) === 'other') return differs('the kind of node', kind(fast), kind(full));
  if (fast!.constructor.name !== full!.constructor.name) return differs('the class', fast!.constructor.name, full!.constructor.name);
  if (isScalar(fast) && isScalar(full)) {
    for (const field of SCALAR_FIELDS) {
      const a = (fast as unknown as Record<string, unknown>)[field];
      const b = (full as unknown as Record<string, unknown>)[field];
      if (!same(a, b)) return differs(field, a, b);
    }
    return undefined;
  }
  const left = fast as YAMLMap;
  const right = full as YAMLMap;
  for (const field of ['range', 'tag'] as const) if (!same(left[field], right[field])) return differs(field, left[field], right[field]);
  if ((left.flow ?? false) !== (right.flow ?? false)) return differs('flow', left.flow ?? false, right.flow ?? false);
  if (left.items.length !== right.items.length) return differs('the number of items', left.items.length, right.items.length);
  for (let i = 0; i < left.items.length; i++) {
    if (isMap(fast)) {
      const a = left.items[i] as Pair;
      const b = right.items[i] as Pair;
      const key = isScalar(a.key) ? String(a.key.value) : `#${i}`;
      const keyPath = path === '' ? key : `${path}.${key}`;
      const difference = firstTreeDifference(a.key, b.key, `${keyPath} (the key)`) ?? firstTreeDifference(a.value, b.value, keyPath);
      if (difference) return difference;
    } else {
      const difference = firstTreeDifference(left.items[i], right.items[i], `${path}[${i}]`);
      if (difference) return difference;
    }
  }
  return undefined;
}

/** Equality of the plain values a node field holds: primitives (NaN equals NaN) and arrays of them. */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
  return Object.is(a, b);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return `[${value.join(',')}]`;
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (value !== null && typeof value === 'object') return (value as object).constructor.name;
  return String(value);
}
