import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/**
 * A fast reader for the block-style subset of YAML that annotation files are
 * written in: block mappings with plain keys, block sequences (with compact
 * `- key: value` mappings), plain, quoted and block scalars, single-line flow
 * sequences of scalars, comments and blank lines, LF or CRLF.
 *
 * It builds the `yaml` package's own nodes with the ranges, values, sources
 * and types that `parseDocument` gives them, so that whoever reads the tree
 * cannot tell the two apart. Anything outside the subset, and anything that
 * might be an error, makes it give up (return undefined) so that the caller
 * falls back to `parseDocument`, which stays the one source of every error
 * message. The ranges follow how the `yaml` parser attaches comment lines to
 * nodes: a comment indented deeper than the collection around a value extends
 * that value's range, and comment lines after the last item of a nested
 * collection extend the collection's range when indented to its level.
 *
 * Linear in the length of the text; never throws.
 */
export function parseBlockYaml(text: string): YAMLMap | null | undefined {
  try {
    if (!plainCharacters(text)) return undefined;
    return new BlockParser(text).parseDocument();
  } catch {
    return undefined;
  }
}

/** Thrown (and caught) to leave the fast path. */
class Bail extends Error {}
const BAIL = new Bail('outside the fast subset');
function bail(): never {
  throw BAIL;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const COMMA = 44;
const DASH = 45;
const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const PIPE = 124;
const GREATER = 62;
const BOM = 0xfeff;

// Slots of BlockParser.nextOccurrence.
const SPACE_HASH = 0;
const COLON_SPACE = 1;
const TAB_CHARACTER = 2;

/**
 * Characters the fast path leaves to the full parser: control characters
 * other than tab and line feed (a carriage return only before a line feed),
 * C1 controls, a byte order mark past the start, line and paragraph
 * separators, non-characters and unpaired surrogates.
 */
function plainCharacters(text: string): boolean {
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c === LF || c === TAB) continue;
    if (c === CR) {
      if (text.charCodeAt(i + 1) !== LF) return false;
      continue;
    }
    if (c < 0xa0) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c === 0x2028 || c === 0x2029 || c === 0xfffe || c === 0xffff) return false;
    if (c === BOM && i !== 0) return false;
  }
  return true;
}

// Plain scalars are typed as `parseDocument` types them: by the default tags of the core schema.
const CORE = new Document();
const DEFAULT_TAGS = CORE.schema.tags.filter((tag) => tag.default === true && tag.test);
const KEY_TAGS = CORE.schema.tags.filter((tag) => (tag.default === true || tag.default === 'key') && tag.test);
const RESOLVE_OPTIONS = CORE.options;

/** Whether a plain scalar starting with this character can resolve to something other than a string. */
function mayBeTyped(c: number): boolean {
  // digits . + - ~ and the first letters of null, true and false.
  return (c >= 48 && c <= 57) || c === 46 || c === 43 || c === DASH || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
}

function plainScalar(source: string, atKey: boolean, range: [number, number, number]): Scalar {
  let scalar: Scalar;
  let format: string | undefined;
  if (source.length > 0 && !mayBeTyped(source.charCodeAt(0))) {
    scalar = new Scalar(source);
  } else {
    const tag = (atKey ? KEY_TAGS : DEFAULT_TAGS).find((candidate) => candidate.test!.test(source));
    if (!tag) {
      scalar = new Scalar(source);
    } else {
      const resolved = (tag.resolve as (value: string, onError: (message: string) => void, options: unknown) => unknown)(source, bail, RESOLVE_OPTIONS);
      scalar = isScalar(resolved) ? resolved : new Scalar(resolved);
      format = tag.format;
    }
  }
  scalar.range = range;
  scalar.source = source;
  scalar.type = 'PLAIN';
  if (format) scalar.format = format;
  return scalar;
}

function quotedScalar(value: string, type: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE', range: [number, number, number]): Scalar {
  const scalar = new Scalar(value);
  scalar.range = range;
  scalar.source = value;
  scalar.type = type;
  return scalar;
}

const SIMPLE_ESCAPES: Record<string, string> = {
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

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

interface Leaf {
  node: Scalar | YAMLSeq;
  /** Whether the `yaml` parser keeps the tokens after this value in an end list, to which deeper comments are added. */
  hasEnd: boolean;
}

class BlockParser {
  private readonly length: number;
  /** Start of the current line. */
  private lineStart = 0;
  /** Column of the first character of the current content line; -1 at the end of the text. */
  private column = -1;
  /** Comment lines after the last value that no nested value took: the deepest indentation, and where they end. */
  private trailingCommentIndent = -1;
  private trailingEnd = 0;

  /** Where each searched pattern next occurs (-2: not searched yet; -1: nowhere after). */
  private readonly occurrences = [-2, -2, -2];

  constructor(private readonly text: string) {
    this.length = text.length;
  }

  /**
   * The first occurrence of `pattern` at or after `at` (the text length if
   * none), remembered: the parser only moves forward, so all searches for a
   * pattern together scan the text once.
   */
  private nextOccurrence(slot: number, pattern: string, at: number): number {
    let found = this.occurrences[slot];
    if (found === -1) return this.length;
    if (found < at) {
      found = this.text.indexOf(pattern, at);
      this.occurrences[slot] = found;
      if (found === -1) return this.length;
    }
    return found;
  }

  parseDocument(): YAMLMap | null | undefined {
    const start = this.text.charCodeAt(0) === BOM ? 1 : 0;
    this.lineStart = start;
    this.skipTriviaLines(false);
    if (this.column < 0) return null;
    if (this.column !== 0) bail();
    const root = this.parseMap(0, this.lineStart);
    if (this.column >= 0) bail();
    return root;
  }

  // ---- lines -------------------------------------------------------------

  /** End of the line containing `at` (the position of its CR or LF, or the end of the text). */
  private lineEnd(at: number): number {
    const nl = this.text.indexOf('\n', at);
    if (nl < 0) return this.length;
    return this.text.charCodeAt(nl - 1) === CR && nl - 1 >= at ? nl - 1 : nl;
  }

  /** Start of the line after the line ending at `end`. */
  private nextLine(end: number): number {
    if (end >= this.length) return this.length;
    return this.text.charCodeAt(end) === CR ? end + 2 : end + 1;
  }

  /**
   * From `lineStart`, passes blank and comment lines, and stops at the next
   * content line (setting `column`) or at the end (`column` = -1). Returns
   * whether it passed a comment. With `afterLeaf`, applies the rules by which
   * the `yaml` parser attaches those lines to the value before them or to
   * the collections that end there.
   */
  private skipTriviaLines(afterLeaf: false): boolean;
  private skipTriviaLines(afterLeaf: true, leaf: Leaf, collectionIndent: number): boolean;
  private skipTriviaLines(afterLeaf: boolean, leaf?: Leaf, collectionIndent = 0): boolean {
    const text = this.text;
    let sawComment = false;
    let onlyBlank = true;
    this.trailingCommentIndent = -1;
    let p = this.lineStart;
    while (p < this.length) {
      let i = p;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (c === HASH) {
        sawComment = true;
        const end = this.lineEnd(i);
        const next = this.nextLine(end);
        const indent = i - p;
        if (afterLeaf) {
          if (onlyBlank && indent > collectionIndent && leaf!.hasEnd) {
            // Joins the end of the value before it, with the blank lines in between.
            leaf!.node.range![2] = next;
          } else {
            onlyBlank = false;
            if (indent > this.trailingCommentIndent) this.trailingCommentIndent = indent;
          }
        }
        p = next;
        continue;
      }
      if (c === LF || c === CR || i >= this.length) {
        if (i >= this.length) {
          p = this.length;
          break;
        }
        p = this.nextLine(i);
        continue;
      }
      if (c === TAB) bail();
      this.lineStart = p;
      this.column = i - p;
      this.trailingEnd = i;
      return sawComment;
    }
    this.lineStart = this.length;
    this.column = -1;
    this.trailingEnd = this.length;
    return sawComment;
  }

  /** Passes spaces (no tabs) from `at`. */
  private skipSpaces(at: number): number {
    while (this.text.charCodeAt(at) === SPACE) at++;
    if (this.text.charCodeAt(at) === TAB) bail();
    return at;
  }

  private atLineEnd(at: number): boolean {
    if (at >= this.length) return true;
    const c = this.text.charCodeAt(at);
    return c === LF || c === CR;
  }

  /**
   * After a value that ends at `at`: spaces, an optional comment, the end of
   * the line. Returns the end of the value's trailing tokens (after the line
   * break) and moves to the next line.
   */
  private finishLine(at: number): number {
    const afterSpaces = this.skipSpaces(at);
    if (!this.atLineEnd(afterSpaces)) {
      if (this.text.charCodeAt(afterSpaces) !== HASH || afterSpaces === at) bail();
    }
    const end = this.lineEnd(afterSpaces);
    const next = this.nextLine(end);
    this.lineStart = next;
    return next;
  }

  /** A collection ends: comment lines after its last item indented to its level belong to it. */
  private close(node: YAMLMap | YAMLSeq, start: number, indent: number): void {
    const items = node.items as (Pair<Node, Node> | Node)[];
    const last = items[items.length - 1];
    const lastNode = (last instanceof Pair ? last.value : last) as Node;
    const offset = lastNode.range![2];
    node.range = [start, offset, offset];
    if (indent > 0 && this.trailingCommentIndent >= indent) {
      node.range[2] = this.trailingEnd;
      this.trailingCommentIndent = -1;
    }
  }

  // ---- collections -------------------------------------------------------

  /** A block mapping whose first key is at `keyStart`, with keys at column `indent`. */
  private parseMap(indent: number, keyStart: number): YAMLMap {
    const map = new YAMLMap();
    // Keys seen: a list while short (mappings in annotation files are), a set past that.
    const keys: string[] = [];
    let keySet: Set<string> | undefined;
    let at = keyStart;
    for (;;) {
      const key = this.parseKey(at);
      const keyValue = key.node.value as string;
      if (keySet) {
        if (keySet.has(keyValue)) bail();
        keySet.add(keyValue);
      } else {
        if (keys.includes(keyValue)) bail();
        keys.push(keyValue);
        if (keys.length > 16) keySet = new Set(keys);
      }
      map.items.push(new Pair(key.node, this.parseMapValue(indent, key.colon)));
      if (this.column < indent) break;
      if (this.column > indent) bail();
      at = this.lineStart + indent;
      if (this.text.charCodeAt(at) === DASH) bail();
    }
    this.close(map, keyStart, indent);
    return map;
  }

  /** A plain key that resolves to a string, followed by `:` and a space or the line end. */
  private parseKey(at: number): { node: Scalar; colon: number } {
    const text = this.text;
    let i = at;
    let c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) bail();
    for (;;) {
      c = text.charCodeAt(++i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === 46 || c === 47) continue;
      break;
    }
    if (c !== COLON) bail();
    const after = text.charCodeAt(i + 1);
    if (!(after === SPACE || after === LF || after === CR || i + 1 >= this.length)) bail();
    const node = plainScalar(text.slice(at, i), true, [at, i, i]);
    if (typeof node.value !== 'string') bail();
    return { node, colon: i };
  }

  /** The value after `key:`, on the same line or nested below it; leaves the parser at the next content line. */
  private parseMapValue(indent: number, colon: number): Node {
    const text = this.text;
    const at = this.skipSpaces(colon + 1);
    const c = text.charCodeAt(at);
    if (this.atLineEnd(at) || (c === HASH && at > colon + 1)) {
      // Nothing on this line: a nested block, or an empty value.
      this.finishLine(colon + 1);
      const sawComment = this.skipTriviaLines(false);
      const column = this.column;
      if (column >= 0) {
        const first = this.lineStart + column;
        const isItem = this.isSequenceItem(first);
        if (column > indent) {
          return isItem ? this.parseSeq(column) : this.parseMap(column, first);
        }
        if (column === indent && isItem) return this.parseSeq(column);
      }
      if (sawComment || c === HASH) bail();
      // Empty values sit after the colon and the spaces that follow it.
      const empty = plainScalar('', false, [at, at, at]);
      this.trailingCommentIndent = -1;
      return empty;
    }
    return this.parseInlineValue(at, indent);
  }

  private isSequenceItem(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    if (next === SPACE) return true;
    if (next === TAB || this.atLineEnd(at + 1)) bail();
    return false;
  }

  /** A block sequence with its `-` at column `indent` of the current line. */
  private parseSeq(indent: number): YAMLSeq {
    const text = this.text;
    const seq = new YAMLSeq();
    const start = this.lineStart + indent;
    for (;;) {
      const dash = this.lineStart + indent;
      const at = this.skipSpaces(dash + 1);
      if (this.atLineEnd(at)) bail();
      const c = text.charCodeAt(at);
      if (c === DASH && (text.charCodeAt(at + 1) === SPACE || this.atLineEnd(at + 1))) bail();
      if (this.looksLikeKey(at)) {
        seq.items.push(this.parseMap(at - this.lineStart, at));
      } else {
        seq.items.push(this.parseInlineValue(at, indent));
      }
      if (this.column < indent) break;
      if (this.column > indent) bail();
      if (!this.isSequenceItem(this.lineStart + indent)) break;
    }
    this.close(seq, start, indent);
    return seq;
  }

  /** Whether a compact mapping starts here (`key:` followed by a space or the line end). */
  private looksLikeKey(at: number): boolean {
    const text = this.text;
    let i = at;
    let c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) return false;
    for (;;) {
      c = text.charCodeAt(++i);
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === DASH || c === 46 || c === 47) continue;
      break;
    }
    if (c !== COLON) return false;
    const after = text.charCodeAt(i + 1);
    return after === SPACE || after === LF || after === CR || after === TAB || i + 1 >= this.length;
  }

  // ---- values on a line --------------------------------------------------

  /** A value starting at `at` on the current line, in a collection at `indent`. */
  private parseInlineValue(at: number, indent: number): Node {
    const c = this.text.charCodeAt(at);
    let leaf: Leaf;
    if (c === QUOTE || c === APOSTROPHE) leaf = this.parseQuoted(at);
    else if (c === OPEN_BRACKET) leaf = this.parseFlowSeq(at);
    else if (c === PIPE || c === GREATER) leaf = this.parseBlockScalar(at, indent);
    else leaf = this.parsePlain(at);
    this.skipTriviaLines(true, leaf, indent);
    return leaf.node;
  }

  private parsePlain(at: number): Leaf {
    const text = this.text;
    const c = text.charCodeAt(at);
    // Indicators that start something other than a plain scalar.
    if (c === 63 || c === COLON || c === COMMA || c === OPEN_BRACKET || c === CLOSE_BRACKET || c === 123 || c === 125 || c === HASH || c === 38 || c === 42 || c === 33 || c === PIPE || c === GREATER || c === QUOTE || c === APOSTROPHE || c === 37 || c === 64 || c === 96) bail();
    if (c === DASH && (text.charCodeAt(at + 1) === SPACE || this.atLineEnd(at + 1))) bail();
    // The scalar ends at a comment or the line end; `: ` or a tab before that is outside the subset.
    const lineEnd = this.lineEnd(at);
    const comment = this.nextOccurrence(SPACE_HASH, ' #', at);
    const end = comment < lineEnd ? comment : lineEnd;
    if (this.nextOccurrence(COLON_SPACE, ': ', at) < end || this.nextOccurrence(TAB_CHARACTER, '\t', at) < end) bail();
    if (end === lineEnd && text.charCodeAt(end - 1) === COLON) bail();
    let valueEnd = end;
    while (text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    const node = plainScalar(text.slice(at, valueEnd), false, [at, valueEnd, 0]);
    node.range![2] = this.finishLine(valueEnd);
    return { node, hasEnd: true };
  }

  private parseQuoted(at: number): Leaf {
    const { value, close } = this.scanQuoted(at);
    const valueEnd = close + 1;
    const node = quotedScalar(value, this.text.charCodeAt(at) === QUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', [at, valueEnd, 0]);
    node.range![2] = this.finishLine(valueEnd);
    return { node, hasEnd: true };
  }

  /** A single-line quoted scalar starting at `at`: its value and the position of its closing quote. */
  private scanQuoted(at: number): { value: string; close: number } {
    const text = this.text;
    const quote = text.charCodeAt(at);
    let i = at + 1;
    let parts: string[] | undefined;
    let from = i;
    if (quote === APOSTROPHE) {
      for (;;) {
        if (this.atLineEnd(i)) bail();
        if (text.charCodeAt(i) === APOSTROPHE) {
          if (text.charCodeAt(i + 1) === APOSTROPHE) {
            (parts ??= []).push(text.slice(from, i + 1));
            i += 2;
            from = i;
            continue;
          }
          break;
        }
        i++;
      }
    } else {
      for (;;) {
        if (this.atLineEnd(i)) bail();
        const ch = text.charCodeAt(i);
        if (ch === QUOTE) break;
        if (ch === BACKSLASH) {
          (parts ??= []).push(text.slice(from, i));
          const escape = text[i + 1];
          if (escape === undefined || this.atLineEnd(i + 1)) bail();
          if (escape === 'x' || escape === 'u' || escape === 'U') {
            const digits = escape === 'x' ? 2 : escape === 'u' ? 4 : 8;
            for (let d = 0; d < digits; d++) if (!isHex(text.charCodeAt(i + 2 + d))) bail();
            const code = parseInt(text.slice(i + 2, i + 2 + digits), 16);
            if (code > 0x10ffff) bail();
            parts.push(String.fromCodePoint(code));
            i += 2 + digits;
          } else {
            const replacement = SIMPLE_ESCAPES[escape];
            if (replacement === undefined) bail();
            parts.push(replacement);
            i += 2;
          }
          from = i;
          continue;
        }
        i++;
      }
    }
    return { value: parts ? parts.join('') + text.slice(from, i) : text.slice(at + 1, i), close: i };
  }

  /** `[a, "b", 'c']` on one line: scalars only. */
  private parseFlowSeq(at: number): Leaf {
    const text = this.text;
    const seq = new YAMLSeq();
    seq.flow = true;
    let i = this.skipSpaces(at + 1);
    if (text.charCodeAt(i) !== CLOSE_BRACKET) {
      for (;;) {
        const c = text.charCodeAt(i);
        let item: Scalar;
        let itemEnd: number;
        if (c === QUOTE || c === APOSTROPHE) {
          item = this.flowQuoted(i);
          itemEnd = item.range![1];
        } else {
          if (c === COMMA || c === CLOSE_BRACKET || c === OPEN_BRACKET || c === 123 || c === 125 || c === HASH || c === 38 || c === 42 || c === 33 || c === PIPE || c === GREATER || c === 37 || c === 64 || c === 96 || c === 63 || c === COLON || c === DASH) bail();
          let j = i;
          let valueEnd = i;
          for (;;) {
            if (this.atLineEnd(j)) bail();
            const ch = text.charCodeAt(j);
            if (ch === COMMA || ch === CLOSE_BRACKET) break;
            if (ch === TAB || ch === OPEN_BRACKET || ch === 123 || ch === 125 || ch === HASH || ch === COLON || ch === QUOTE || ch === APOSTROPHE) bail();
            j++;
            if (ch !== SPACE) valueEnd = j;
          }
          item = plainScalar(text.slice(i, valueEnd), false, [i, valueEnd, valueEnd]);
          itemEnd = valueEnd;
        }
        const afterItem = this.skipSpaces(itemEnd);
        item.range![2] = afterItem;
        seq.items.push(item);
        const sep = text.charCodeAt(afterItem);
        if (sep === CLOSE_BRACKET) {
          i = afterItem;
          break;
        }
        if (sep !== COMMA) bail();
        i = this.skipSpaces(afterItem + 1);
        if (text.charCodeAt(i) === CLOSE_BRACKET || text.charCodeAt(i) === COMMA) bail();
      }
    }
    const valueEnd = i + 1;
    seq.range = [at, valueEnd, this.finishLine(valueEnd)];
    return { node: seq, hasEnd: true };
  }

  private flowQuoted(at: number): Scalar {
    const { value, close } = this.scanQuoted(at);
    return quotedScalar(value, this.text.charCodeAt(at) === QUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', [at, close + 1, close + 1]);
  }

  /** `|` or `>`, with `-` or `+` chomping; no indentation indicator. */
  private parseBlockScalar(at: number, parentIndent: number): Leaf {
    const text = this.text;
    const literal = text.charCodeAt(at) === PIPE;
    let i = at + 1;
    let chomp = '';
    const c = text.charCodeAt(i);
    if (c === DASH || c === 43) {
      chomp = c === DASH ? '-' : '+';
      i++;
    }
    const afterSpaces = this.skipSpaces(i);
    if (!this.atLineEnd(afterSpaces) && !(text.charCodeAt(afterSpaces) === HASH && afterSpaces > i)) bail();
    const headerEnd = this.lineEnd(afterSpaces);
    const contentStart = this.nextLine(headerEnd);

    // Lines of the scalar: empty lines, and lines indented at least as far as the first.
    let p = contentStart;
    let contentIndent = -1;
    let lastContentEnd = -1; // after the line break of the last non-empty line
    let stop = this.length; // start of the first line after the scalar
    while (p < this.length) {
      let j = p;
      while (text.charCodeAt(j) === SPACE) j++;
      const ch = text.charCodeAt(j);
      const blank = j >= this.length || ch === LF || ch === CR;
      if (blank) {
        if (j > p) bail(); // lines of spaces only: leave their indentation rules to the full parser
        p = this.nextLine(j);
        continue;
      }
      const indent = j - p;
      if (contentIndent < 0) {
        if (indent <= parentIndent) {
          stop = p;
          break;
        }
        contentIndent = indent;
      } else if (indent < contentIndent) {
        stop = p;
        break;
      }
      if (ch === TAB && indent === contentIndent) bail();
      const end = this.lineEnd(j);
      p = this.nextLine(end);
      lastContentEnd = p;
    }
    if (p >= this.length) stop = this.length;
    if (contentIndent < 0) bail(); // empty block scalars
    const sourceEnd = chomp === '+' ? stop : lastContentEnd;
    const value = blockScalarValue(text.slice(contentStart, sourceEnd), literal, chomp, contentIndent);
    const node = new Scalar(value);
    node.range = [at, sourceEnd, sourceEnd];
    node.source = value;
    node.type = literal ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED';
    this.lineStart = sourceEnd;
    return { node, hasEnd: false };
  }
}

/**
 * The value of a block scalar from its lines, as the `yaml` package computes
 * it (compose/resolve-block-scalar), for content whose first line sets the
 * indentation and whose empty lines are empty.
 */
function blockScalarValue(source: string, literal: boolean, chomp: string, trimIndent: number): string {
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
