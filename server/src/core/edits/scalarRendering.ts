import { parseDocument, Scalar, stringify, visit } from 'yaml';
import type { Span } from '../model';

/**
 * Writing a new value over an existing YAML scalar so that the file still
 * parses and reads back exactly that value, in the scalar's own style where
 * it can hold the value, and at the file's indentation.
 */

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

const PLAIN_UNSAFE_START = /^[\s\-?:,[\]{}#&*!|>'"%@`]/;
const PLAIN_UNSAFE_ANYWHERE = /: |\s#|[\r\n\t]|\s$|:$/;
/** Characters a plain scalar cannot hold inside `[...]` or `{...}`. */
const FLOW_INDICATORS = /[,[\]{}]/;
const LOOKS_TYPED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|no|on|off|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** True when `value` written plain reads back as the same string. */
export function isPlainSafe(value: string, inFlow = false): boolean {
  return value !== '' && !PLAIN_UNSAFE_START.test(value) && !PLAIN_UNSAFE_ANYWHERE.test(value) && !LOOKS_TYPED.test(value) && !(inFlow && FLOW_INDICATORS.test(value));
}

/** A double-quoted scalar on one line: line breaks and control characters as escapes, never folded. */
export function doubleQuoted(value: string): string {
  // Without the two options, `yaml` folds long strings onto lines starting at column 0.
  return stringify(new Scalar(value), { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0, doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY }).trimEnd();
}

/** A single-quoted scalar on one line, or undefined when the value has line breaks. */
export function singleQuoted(value: string): string | undefined {
  return /[\r\n]/.test(value) ? undefined : `'${value.replace(/'/g, "''")}'`;
}

/** The style of the scalar that starts at `start`. */
export function scalarStyleAt(content: string, start: number): ScalarStyle {
  switch (content[start]) {
    case "'":
      return 'single';
    case '"':
      return 'double';
    case '|':
      return 'literal';
    case '>':
      return 'folded';
    default:
      return 'plain';
  }
}

/**
 * A literal block scalar (`|`) holding `value`, its lines at `indent` spaces,
 * or undefined when a literal block cannot hold it (carriage returns, tabs or
 * other control characters, a first line starting with a space).
 */
export function literalBlock(value: string, indent: number, eol: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\r\t\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(value)) return undefined;
  const trailing = /\n*$/.exec(value)![0].length;
  const body = value.slice(0, value.length - trailing);
  if (body === '' || body.startsWith(' ') || /(^|\n) +(\n|$)/.test(body)) return undefined;
  const chomping = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const pad = ' '.repeat(indent);
  const lines = body.split('\n').map((line) => (line === '' ? '' : pad + line));
  // With `+`, the extra line breaks are blank lines kept after the content.
  for (let i = 1; i < trailing; i++) lines.push('');
  return `|${chomping}${eol}${lines.join(eol)}`;
}

function lineStartOf(content: string, offset: number): number {
  return Math.max(content.lastIndexOf('\n', offset - 1), content.lastIndexOf('\r', offset - 1)) + 1;
}

/**
 * Where the scalar at `start` sits: whether inside a flow collection, and the
 * indentation its continuation lines need (more than the mapping or list
 * that holds it, as the file has it).
 */
function placeOf(content: string, start: number): { inFlow: boolean; indent: number } {
  const lineStart = lineStartOf(content, start);
  const before = content.slice(lineStart, start);
  const owner = /^[ ]*(?:-[ ]+)*/.exec(before)![0].length;
  // An opening bracket before it on its line (a flow collection over several lines is caught by re-parsing).
  const opened = (before.match(/[[{]/g) ?? []).length - (before.match(/[\]}]/g) ?? []).length;
  const inFlow = opened > 0;
  // `key: value` continues two spaces deeper than the key; a list item or a value on its own line, at its own column.
  const hasKey = before.length > owner;
  return { inFlow, indent: hasKey ? owner + 2 : owner };
}

/** The value the scalar starting at `start` holds in `text`, or undefined when the text has errors or no scalar starts there. */
function readBack(text: string, start: number): string | undefined {
  const document = parseDocument(text, { uniqueKeys: false, keepSourceTokens: false });
  if (document.errors.length > 0) return undefined;
  let found: string | undefined;
  visit(document, {
    Scalar(_key, node) {
      if (node.range?.[0] === start && typeof node.value === 'string') {
        found = node.value;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** True when the document around `start` parses without errors now (a replacement cannot be checked in a broken file). */
function parsesCleanly(content: string): boolean {
  return parseDocument(content, { uniqueKeys: false }).errors.length === 0;
}

/**
 * The text to put over `range` (a scalar's source, block scalars without
 * their final line break) so that the scalar reads `value`. Tries, in order,
 * the scalar's own style (plain, then single-quoted, for a value on one line
 * in a block scalar), a literal block for a value with line breaks, and a
 * one-line double-quoted string, and takes the first that the YAML parser
 * reads back as `value` in place. Values on one line in plain or quoted
 * scalars outside flow collections are right by construction and are not
 * re-parsed.
 */
export function renderScalarOver(content: string, range: Span, value: string, eol: string): string {
  const style = scalarStyleAt(content, range.start);
  const { inFlow, indent } = placeOf(content, range.start);
  const multiLine = /[\r\n]/.test(value);
  const candidates: string[] = [];
  const add = (text: string | undefined) => {
    if (text !== undefined && !candidates.includes(text)) candidates.push(text);
  };
  // A value on one line is written on one line (a block scalar's too); one with line breaks as a literal block, unless it was double-quoted.
  if (!multiLine && (style === 'plain' || style === 'literal' || style === 'folded') && isPlainSafe(value, inFlow)) add(value);
  if (!multiLine && style !== 'double') add(singleQuoted(value));
  if (style === 'double') add(doubleQuoted(value));
  if (multiLine && !inFlow) add(literalBlock(value, indent, eol));
  add(doubleQuoted(value));
  const first = candidates[0];
  const trusted = !multiLine && !inFlow && (style === 'single' || style === 'double' || (style === 'plain' && !FLOW_INDICATORS.test(first)));
  if (trusted) return first;
  if (!parsesCleanly(content)) return doubleQuoted(value);
  for (const candidate of candidates) {
    const text = content.slice(0, range.start) + candidate + content.slice(range.end);
    if (readBack(text, range.start) === value) return candidate;
  }
  return doubleQuoted(value);
}
