import type { LineIndex } from '../lineIndex';
import type { Span } from '../model';

/**
 * Where the cursor stands in a YAML file, read from indentation alone, so
 * that it works while the user is typing and the file does not parse.
 */
export interface YamlCursorContext {
  /** The keys from the top level down to the mapping the cursor is in; list levels are implied. */
  path: string[];
  /** Writing a key, or the value of `key`. */
  position: 'key' | 'value';
  key?: string;
  /** The value is an item of a list: a block `- ` item or an entry of a flow `[a, b]` list. */
  inList: boolean;
  /** The partial word at the cursor, and the span a completion replaces. */
  word: string;
  replace: Span;
  /** Keys already present in the mapping the cursor is in. */
  siblingKeys: string[];
}

/** The list fields whose items are mappings: a `- ` item under them starts a new mapping. */
const LISTS_OF_MAPPINGS = new Set(['actors', 'concepts', 'claims', 'mentions', 'relations', 'suppress', 'contributors']);

// Dot-all: a line may hold U+2028, U+2029 or a lone CR, which `.` would not match, and then no pattern would.
const LINE_PATTERN = /^( *)((?:- +)*)(.*)$/s;
const KEY_PATTERN = /^([A-Za-z_][\w-]*)[ \t]*:(?=[ \t]|$)[ \t]*(.*)$/s;
const WORD_CHAR = /[\w-]/;

interface LineShape {
  /** Column of the last dash of a line that starts a `- ` item. */
  dashColumn?: number;
  /** Column where the content after indentation and dashes starts: the column of its keys. */
  column: number;
  key?: string;
  /** The key has a value on the same line. */
  hasInlineValue: boolean;
  /** Blank or comment-only lines say nothing about structure. */
  blank: boolean;
}

function shapeOf(line: string): LineShape {
  const [, indent, dashes, rest] = LINE_PATTERN.exec(line)!;
  const key = KEY_PATTERN.exec(rest);
  const value = key ? key[2].trim() : '';
  return {
    ...(dashes ? { dashColumn: indent.length + dashes.lastIndexOf('-') } : {}),
    column: indent.length + dashes.length,
    ...(key ? { key: key[1] } : {}),
    hasInlineValue: value !== '' && !value.startsWith('#'),
    blank: dashes === '' && (rest.trim() === '' || rest.trimStart().startsWith('#')),
  };
}

/** The shapes of a file's lines, computed only for the lines the search visits. */
class YamlOutline {
  private readonly shapes: (LineShape | undefined)[];

  constructor(private readonly lines: LineIndex) {
    this.shapes = new Array<LineShape | undefined>(lines.lineCount);
  }

  shape(line: number): LineShape {
    return (this.shapes[line] ??= shapeOf(this.lines.lineText(line)));
  }

  /** The keys of the mappings enclosing the mapping whose keys stand at `column` and that holds `line`, outermost first. */
  enclosingKeys(line: number, column: number): string[] {
    for (let i = line; i >= 0; i--) {
      const shape = this.shape(i);
      if (shape.blank || shape.column > column) continue;
      if (shape.column === column) {
        if (shape.dashColumn === undefined) continue;
        const owner = this.listOwner(i, shape.dashColumn);
        return owner ? [...this.enclosingKeys(owner.line, owner.column), owner.key] : [];
      }
      if (shape.key === undefined || shape.hasInlineValue) return [];
      return [...this.enclosingKeys(i, shape.column), shape.key];
    }
    return [];
  }

  /** The key that holds the list whose item has its dash at `dashColumn` on `line`. */
  listOwner(line: number, dashColumn: number): { key: string; line: number; column: number } | undefined {
    for (let i = line - 1; i >= 0; i--) {
      const shape = this.shape(i);
      if (shape.blank || shape.column > dashColumn) continue;
      if (shape.key !== undefined && !shape.hasInlineValue) return { key: shape.key, line: i, column: shape.column };
      return undefined;
    }
    return undefined;
  }

  /** The other keys of the mapping whose keys stand at `column` and that holds `line`. */
  siblingKeys(line: number, column: number): string[] {
    const keys: string[] = [];
    if (this.shape(line).dashColumn === undefined) {
      for (let i = line - 1; i >= 0; i--) {
        const shape = this.shape(i);
        if (shape.blank || shape.column > column) continue;
        if (shape.column < column) break;
        if (shape.key !== undefined) keys.push(shape.key);
        if (shape.dashColumn !== undefined) break;
      }
    }
    for (let i = line + 1; i < this.lines.lineCount; i++) {
      const shape = this.shape(i);
      if (shape.blank || shape.column > column) continue;
      if (shape.column < column || shape.dashColumn !== undefined) break;
      if (shape.key !== undefined) keys.push(shape.key);
    }
    return keys;
  }
}

/** Reads the YAML structure around an offset. Undefined in comments, flow mappings and other places where nothing completes. */
export function yamlContextAt(lines: LineIndex, offset: number): YamlCursorContext | undefined {
  const { line, character } = lines.positionAt(offset);
  const text = lines.lineText(line);
  const before = text.slice(0, character);
  if (/(^|\s)#/.test(before)) return undefined;
  const wordAfter = /^[\w-]*/.exec(text.slice(character))![0].length;
  const [, indent, dashes, rest] = LINE_PATTERN.exec(before)!;
  const column = indent.length + dashes.length;
  const outline = new YamlOutline(lines);
  const isWord = (word: string) => [...word].every((ch) => WORD_CHAR.test(ch));

  const keyMatch = KEY_PATTERN.exec(rest);
  if (keyMatch) {
    const [, key, valueText] = keyMatch;
    if (valueText.startsWith('{')) return undefined;
    const inList = valueText.startsWith('[');
    const raw = inList ? valueText.slice(Math.max(valueText.lastIndexOf('['), valueText.lastIndexOf(',')) + 1).trimStart() : valueText;
    const word = raw.replace(/^["']/, '');
    if (!isWord(word)) return undefined;
    return {
      path: outline.enclosingKeys(line, column),
      position: 'value',
      key,
      inList,
      word,
      replace: { start: offset - word.length, end: offset + wordAfter },
      siblingKeys: outline.siblingKeys(line, column),
    };
  }

  const word = rest.replace(/^["']/, '');
  if (!isWord(word)) return undefined;
  const replace = { start: offset - word.length, end: offset + wordAfter };
  if (!dashes) {
    return { path: outline.enclosingKeys(line, column), position: 'key', inList: false, word, replace, siblingKeys: outline.siblingKeys(line, column) };
  }
  const owner = outline.listOwner(line, indent.length + dashes.lastIndexOf('-'));
  if (!owner) return undefined;
  const ownerPath = outline.enclosingKeys(owner.line, owner.column);
  if (LISTS_OF_MAPPINGS.has(owner.key)) {
    return { path: [...ownerPath, owner.key], position: 'key', inList: false, word, replace, siblingKeys: outline.siblingKeys(line, column) };
  }
  return { path: ownerPath, position: 'value', key: owner.key, inList: true, word, replace, siblingKeys: [] };
}
