import type { Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isPair } from './yamlGuards';
import { BlockValues } from './blockValues';
import { bail, BOM, COLON, CR, DASH, HASH, LF, plainCharacters, SPACE, TAB } from './yamlCharacters';
import { newMap, newPair, newSeq } from './yamlNodes';
import { plainScalar } from './yamlScalars';

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

/** The fast block YAML reader: the document and its collections, on the line and value readers it extends. */
class BlockParser extends BlockValues {
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

  /** A collection ends: comment lines after its last item indented to its level belong to it. */
  private close(node: YAMLMap | YAMLSeq, start: number, indent: number): void {
    const items = node.items as (Pair<Node, Node> | Node)[];
    const last = items[items.length - 1];
    const lastNode = (isPair(last) ? last.value : last) as Node;
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
    const map = newMap();
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
      map.items.push(newPair(key.node, this.parseMapValue(indent, key.colon)));
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
    const seq = newSeq();
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
}
