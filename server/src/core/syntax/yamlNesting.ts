/** Nesting limits checked before parsing: the YAML parser can exhaust memory on pathological nesting. */
export const NESTING_LIMITS = { flow: 64, indentation: 256 };

export interface ExcessiveNesting {
  offset: number;
  what: string;
  limit: number;
}

/**
 * Where a line could start with more than NESTING_LIMITS.indentation
 * characters of indentation (spaces, and `-`, `?` or `:` with the space or
 * tab after them): a line indented past the limit starts with at least that
 * many of them.
 */
const DEEPLY_INDENTED_LINE = new RegExp(`(?:^|[\\n\\r])[ \\t?:-]{${NESTING_LIMITS.indentation + 1}}`);

/**
 * Finds nesting deeper than any annotation file needs: flow brackets inside
 * flow brackets, or a line indented past the limit. A cheap scan that errs
 * on the side of parsing (quotes and comments are skipped roughly).
 *
 * It runs over every file before it is parsed. A file in which no line can
 * be indented that far (nearly all) is scanned from one character that
 * matters for brackets to the next (`flowNesting`), past the lines between;
 * the others line by line (`nestingByLine`). Both find the same.
 */
export function excessiveNesting(text: string): ExcessiveNesting | undefined {
  return DEEPLY_INDENTED_LINE.test(text) ? nestingByLine(text) : flowNesting(text);
}

/** The characters that open or close quotes, comments and flow collections. */
const FLOW_CHARACTERS = /["'#[\]{}\\]/g;
const LINE_BREAK = /[\n\r]/g;

/**
 * `nestingByLine` for a text in which no line is indented past the limit:
 * the same reading of quotes, comments and brackets, from one character of
 * FLOW_CHARACTERS to the next.
 */
function flowNesting(text: string): ExcessiveNesting | undefined {
  const flowCharacters = FLOW_CHARACTERS;
  flowCharacters.lastIndex = 0;
  const state: FlowState = { depth: 0, quote: 0 };
  while (flowCharacters.test(text)) {
    const i = flowCharacters.lastIndex - 1;
    const step = readFlowCharacter(text, i, state);
    if (step === ESCAPE) {
      flowCharacters.lastIndex = i + 2;
    } else if (step === COMMENT) {
      LINE_BREAK.lastIndex = i;
      if (!LINE_BREAK.test(text)) break;
      flowCharacters.lastIndex = LINE_BREAK.lastIndex - 1;
    } else if (step === TOO_DEEP) {
      return { offset: i, what: 'lists and mappings', limit: NESTING_LIMITS.flow };
    }
  }
  return undefined;
}

/** Whether the scan is inside a quote (its character code) and how deep in flow brackets. */
interface FlowState {
  depth: number;
  quote: number;
}

// What a character did, for the scan to act on.
const GO_ON = 0;
/** A backslash in double quotes: the character after it is taken with it. */
const ESCAPE = 1;
/** A comment starts: the rest of the line is skipped. */
const COMMENT = 2;
const TOO_DEEP = 3;

/** Reads the character at `i` (past the indentation of its line) into the state, roughly as YAML does: quotes, comments and flow brackets. */
function readFlowCharacter(text: string, i: number, state: FlowState): number {
  const c = text.charCodeAt(i);
  if (state.quote) {
    if (c === 92 && state.quote === 34) return ESCAPE;
    if (c === state.quote) state.quote = 0;
    return GO_ON;
  }
  if (c === 35 && (i === 0 || isWhitespace(text.charCodeAt(i - 1)))) return COMMENT;
  if (c === 34 || (c === 39 && (i === 0 || isWhitespace(text.charCodeAt(i - 1)) || isFlowOpener(text.charCodeAt(i - 1))))) {
    state.quote = c;
  } else if (c === 91 || c === 123) {
    if (++state.depth > NESTING_LIMITS.flow) return TOO_DEEP;
  } else if ((c === 93 || c === 125) && state.depth > 0) {
    state.depth--;
  }
  return GO_ON;
}

/** `excessiveNesting` line by line, counting each line's indentation. */
export function nestingByLine(text: string): ExcessiveNesting | undefined {
  // Character codes rather than one-character strings, and a jump to the next character that matters
  // past the indentation of a line: this runs over every file before it is parsed.
  const state: FlowState = { depth: 0, quote: 0 };
  let lineStart = true;
  let indent = 0;
  const length = text.length;
  const interesting = /["'#[\]{}\\\n\r]/g;
  for (let i = 0; i < length; i++) {
    let c = text.charCodeAt(i);
    if (!lineStart && c !== 10 && c !== 13 && !isInteresting(c)) {
      interesting.lastIndex = i;
      if (!interesting.test(text)) break;
      i = interesting.lastIndex - 1;
      c = text.charCodeAt(i);
    }
    if (c === 10 || c === 13) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      // `- - - x` and `? ? x` nest as deeply as the same indicators on lines of their own.
      const next = text.charCodeAt(i + 1);
      const compact = (c === 45 || c === 63 || c === 58) && (next === 32 || next === 9);
      if (c === 32 || compact) {
        indent += compact ? 2 : 1;
        if (indent > NESTING_LIMITS.indentation) return { offset: i, what: 'indentation', limit: NESTING_LIMITS.indentation };
        if (compact) i++;
        continue;
      }
      lineStart = false;
    }
    const step = readFlowCharacter(text, i, state);
    if (step === ESCAPE) {
      i++;
    } else if (step === COMMENT) {
      while (i + 1 < length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
    } else if (step === TOO_DEEP) {
      return { offset: i, what: 'lists and mappings', limit: NESTING_LIMITS.flow };
    }
  }
  return undefined;
}

/** The characters excessiveNesting acts on past the start of a line (besides line breaks). */
function isInteresting(c: number): boolean {
  return c === 34 || c === 39 || c === 35 || c === 91 || c === 93 || c === 123 || c === 125 || c === 92;
}

/** What `/\s/` matches, by character code. */
function isWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `[`, `{`, `,` and `:`, after which a `'` opens a quoted scalar. */
function isFlowOpener(c: number): boolean {
  return c === 91 || c === 123 || c === 44 || c === 58;
}
