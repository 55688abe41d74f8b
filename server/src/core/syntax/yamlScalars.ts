import { Document, type Scalar } from 'yaml';
import { isScalar } from './yamlGuards';
import { newScalar } from './yamlNodes';
import { bail, DASH, SPACE, TAB } from './yamlCharacters';

/* The scalars of the fast block YAML reader, built as the `yaml` package builds them: typed, quoted, block. */

// Plain scalars are typed as `parseDocument` types them: by the default tags of the core schema.
const CORE = new Document();
const DEFAULT_TAGS = CORE.schema.tags.filter((tag) => tag.default === true && tag.test);
const KEY_TAGS = CORE.schema.tags.filter((tag) => (tag.default === true || tag.default === 'key') && tag.test);
const RESOLVE_OPTIONS = CORE.options;

/**
 * Whether a plain scalar can resolve to something other than a string: one
 * that starts with a digit, `.`, `+`, `-` or `~`, and, of those that start
 * with a letter, only null, true and false in their three spellings (four
 * or five letters). Text such as `the directorate` or `further talks` then
 * takes no test of the schema's tags.
 */
export function mayBeTyped(source: string): boolean {
  const c = source.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 46 || c === 43 || c === DASH || c === 126) return true;
  // The first letters of null, true and false.
  if (c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) return source.length === 4 || source.length === 5;
  return false;
}

export function plainScalar(source: string, atKey: boolean, range: [number, number, number]): Scalar {
  if (source.length > 0 && !mayBeTyped(source)) return newScalar(source, range, source, 'PLAIN');
  const tag = (atKey ? KEY_TAGS : DEFAULT_TAGS).find((candidate) => candidate.test!.test(source));
  if (!tag) return newScalar(source, range, source, 'PLAIN');
  const resolved = (tag.resolve as (value: string, onError: (message: string) => void, options: unknown) => unknown)(source, bail, RESOLVE_OPTIONS);
  let scalar: Scalar;
  if (isScalar(resolved)) {
    scalar = resolved;
    scalar.range = range;
    scalar.source = source;
    scalar.type = 'PLAIN';
  } else {
    scalar = newScalar(resolved, range, source, 'PLAIN');
  }
  if (tag.format) scalar.format = tag.format;
  return scalar;
}

export function quotedScalar(value: string, type: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE', range: [number, number, number]): Scalar {
  return newScalar(value, range, value, type);
}

export const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

/**
 * The value of a block scalar from its lines, as the `yaml` package computes
 * it (compose/resolve-block-scalar), for content whose first line sets the
 * indentation and whose empty lines are empty.
 */
export function blockScalarValue(source: string, literal: boolean, chomp: string, trimIndent: number): string {
  const even = evenBlockScalarValue(source, literal, chomp, trimIndent);
  if (even !== undefined) return even;
  const split = source.split(/\n( *)/);
  const first = split[0];
  let firstIndent = 0;
  while (first.charCodeAt(firstIndent) === SPACE) firstIndent++;
  const lines: [string, string][] = [[first.slice(0, firstIndent), first.slice(firstIndent)]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i], split[i + 1]]);
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i][1];
    if (content === '' || content === '\r') chompStart = i;
    else break;
  }
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const content = lines[i][1];
    if (content !== '' && content !== '\r') {
      contentStart = i;
      break;
    }
  }
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) value += lines[i][0].slice(trimIndent) + '\n';
  for (let i = contentStart; i < chompStart; ++i) {
    const indent = lines[i][0];
    let content = lines[i][1];
    if (content[content.length - 1] === '\r') content = content.slice(0, -1);
    if (literal) {
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
    } else if (indent.length > trimIndent || content[0] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  switch (chomp) {
    case '-':
      break;
    case '+':
      for (let i = chompStart; i < lines.length; ++i) value += '\n' + lines[i][0].slice(trimIndent);
      if (value[value.length - 1] !== '\n') value += '\n';
      break;
    default:
      value += '\n';
  }
  return value;
}

/**
 * `blockScalarValue` of the common block scalar, nearly every one in
 * annotation files (descriptions): LF line ends, and every line indented
 * exactly as far as the first, with text after the indentation. Its lines
 * join with a space (folded) or a line break (literal). Undefined for any
 * other.
 */
function evenBlockScalarValue(source: string, literal: boolean, chomp: string, trimIndent: number): string | undefined {
  if (source.includes('\r')) return undefined;
  const lines = (source.endsWith('\n') ? source.slice(0, -1) : source).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.length <= trimIndent) return undefined;
    for (let j = 0; j < trimIndent; j++) if (line.charCodeAt(j) !== SPACE) return undefined;
    const first = line.charCodeAt(trimIndent);
    if (first === SPACE || first === TAB) return undefined;
    lines[i] = line.slice(trimIndent);
  }
  const value = lines.join(literal ? '\n' : ' ');
  return chomp === '-' ? value : value + '\n';
}
