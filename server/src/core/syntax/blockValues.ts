import type { Node, Scalar } from 'yaml';
import { BlockLines, type Leaf } from './blockLines';
import { APOSTROPHE, BACKSLASH, bail, CLOSE_BRACKET, COLON, COMMA, CR, DASH, GREATER, HASH, isHex, LF, OPEN_BRACKET, PIPE, QUOTE, SPACE, TAB } from './yamlCharacters';
import { newScalar, newSeq } from './yamlNodes';
import { blockScalarValue, plainScalar, quotedScalar, SIMPLE_ESCAPES } from './yamlScalars';

/** The values the fast block YAML reader finds on a line: plain, quoted and block scalars, and one-line flow sequences of scalars. */
export abstract class BlockValues extends BlockLines {
  /** A value starting at `at` on the current line, in a collection at `indent`. */
  protected parseInlineValue(at: number, indent: number): Node {
    const c = this.text.charCodeAt(at);
    let leaf: Leaf;
    if (c === QUOTE || c === APOSTROPHE) leaf = this.parseQuoted(at);
    else if (c === OPEN_BRACKET) leaf = this.parseFlowSeq(at);
    else if (c === PIPE || c === GREATER) leaf = this.parseBlockScalar(at, indent);
    else leaf = this.parsePlain(at);
    this.skipTriviaLines(true, leaf, indent);
    return leaf.node;
  }

  protected parsePlain(at: number): Leaf {
    const text = this.text;
    const c = text.charCodeAt(at);
    // Indicators that start something other than a plain scalar.
    if (c === 63 || c === COLON || c === COMMA || c === OPEN_BRACKET || c === CLOSE_BRACKET || c === 123 || c === 125 || c === HASH || c === 38 || c === 42 || c === 33 || c === PIPE || c === GREATER || c === QUOTE || c === APOSTROPHE || c === 37 || c === 64 || c === 96) bail();
    if (c === DASH && (text.charCodeAt(at + 1) === SPACE || this.atLineEnd(at + 1))) bail();
    // The scalar ends at a comment or the line end (a CR is always before an LF here: see plainCharacters);
    // `: ` or a tab before that is outside the subset. One pass over the rest of the line finds all three.
    const length = this.length;
    let end = at;
    let comment = false;
    for (; end < length; end++) {
      const ch = text.charCodeAt(end);
      if (ch === LF || ch === CR) break;
      if (ch === SPACE) {
        if (text.charCodeAt(end + 1) === HASH) {
          comment = true;
          break;
        }
      } else if (ch === COLON) {
        if (text.charCodeAt(end + 1) === SPACE) bail();
      } else if (ch === TAB) {
        bail();
      }
    }
    if (!comment && text.charCodeAt(end - 1) === COLON) bail();
    let valueEnd = end;
    while (text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    const node = plainScalar(text.slice(at, valueEnd), false, [at, valueEnd, 0]);
    node.range![2] = this.finishLine(valueEnd);
    return { node, hasEnd: true };
  }

  protected parseQuoted(at: number): Leaf {
    const { value, close } = this.scanQuoted(at);
    const valueEnd = close + 1;
    const node = quotedScalar(value, this.text.charCodeAt(at) === QUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', [at, valueEnd, 0]);
    node.range![2] = this.finishLine(valueEnd);
    return { node, hasEnd: true };
  }

  /** A single-line quoted scalar starting at `at`: its value and the position of its closing quote. */
  protected scanQuoted(at: number): { value: string; close: number } {
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
  protected parseFlowSeq(at: number): Leaf {
    const text = this.text;
    const seq = newSeq();
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

  protected flowQuoted(at: number): Scalar {
    const { value, close } = this.scanQuoted(at);
    return quotedScalar(value, this.text.charCodeAt(at) === QUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', [at, close + 1, close + 1]);
  }

  /** `|` or `>`, with `-` or `+` chomping; no indentation indicator. */
  protected parseBlockScalar(at: number, parentIndent: number): Leaf {
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
    const node = newScalar(value, [at, sourceEnd, sourceEnd], value, literal ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED');
    this.lineStart = sourceEnd;
    return { node, hasEnd: false };
  }
}
