import type { Scalar, YAMLSeq } from 'yaml';
import { bail, CR, HASH, LF, SPACE, TAB } from './yamlCharacters';

export interface Leaf {
  node: Scalar | YAMLSeq;
  /** Whether the `yaml` parser keeps the tokens after this value in an end list, to which deeper comments are added. */
  hasEnd: boolean;
}

/**
 * The line-level reading of the fast block YAML reader: where lines end,
 * blank and comment lines (and how the `yaml` parser attaches comments to
 * the value before them), spaces and line ends after a value. It only moves
 * forward; `BlockValues` and `BlockParser` build on it.
 */
export abstract class BlockLines {
  protected readonly length: number;
  /** Start of the current line. */
  protected lineStart = 0;
  /** Column of the first character of the current content line; -1 at the end of the text. */
  protected column = -1;
  /** Comment lines after the last value that no nested value took: the deepest indentation, and where they end. */
  protected trailingCommentIndent = -1;
  protected trailingEnd = 0;

  constructor(protected readonly text: string) {
    this.length = text.length;
  }

  /** End of the line containing `at` (the position of its CR or LF, or the end of the text). */
  protected lineEnd(at: number): number {
    const nl = this.text.indexOf('\n', at);
    if (nl < 0) return this.length;
    return this.text.charCodeAt(nl - 1) === CR && nl - 1 >= at ? nl - 1 : nl;
  }

  /** Start of the line after the line ending at `end`. */
  protected nextLine(end: number): number {
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
  protected skipTriviaLines(afterLeaf: false): boolean;
  protected skipTriviaLines(afterLeaf: true, leaf: Leaf, collectionIndent: number): boolean;
  protected skipTriviaLines(afterLeaf: boolean, leaf?: Leaf, collectionIndent = 0): boolean {
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
  protected skipSpaces(at: number): number {
    while (this.text.charCodeAt(at) === SPACE) at++;
    if (this.text.charCodeAt(at) === TAB) bail();
    return at;
  }

  protected atLineEnd(at: number): boolean {
    if (at >= this.length) return true;
    const c = this.text.charCodeAt(at);
    return c === LF || c === CR;
  }

  /**
   * After a value that ends at `at`: spaces, an optional comment, the end of
   * the line. Returns the end of the value's trailing tokens (after the line
   * break) and moves to the next line.
   */
  protected finishLine(at: number): number {
    const afterSpaces = this.skipSpaces(at);
    if (!this.atLineEnd(afterSpaces)) {
      if (this.text.charCodeAt(afterSpaces) !== HASH || afterSpaces === at) bail();
    }
    const end = this.lineEnd(afterSpaces);
    const next = this.nextLine(end);
    this.lineStart = next;
    return next;
  }
}
