import type { SemanticTokens } from 'vscode-languageserver';
import type { LineIndex } from '../../core';
import { textSemanticTokens, type SemanticSpan } from '../../core/features';
import { throwIfCancelled } from '../cancellation';
import { guardRequest } from '../guard';
import { tokenModifierBits, tokenTypeIndex } from '../semanticTokensLegend';
import type { ServerSession } from '../serverSession';

/** textDocument/semanticTokens/full: actor mentions and claim spans in texts. */
export function registerSemanticTokens(session: ServerSession): void {
  session.connection.languages.semanticTokens.on(
    guardRequest(session.log, 'textDocument/semanticTokens/full', (params, token): SemanticTokens => {
      throwIfCancelled(token);
      const file = session.file(params.textDocument.uri);
      if (!file) return { data: [] };
      return { data: encodeSemanticTokens(file.lines, textSemanticTokens(file.index, file.uri)) };
    }),
  );
}

/**
 * The LSP encoding: five integers per token, positions relative to the
 * previous token. A token that spans lines is split into one per line, since
 * clients need not support multi-line tokens.
 */
export function encodeSemanticTokens(lines: LineIndex, tokens: SemanticSpan[]): number[] {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  const push = (line: number, character: number, length: number, type: number, modifiers: number) => {
    if (length <= 0) return;
    data.push(line - previousLine, line === previousLine ? character - previousCharacter : character, length, type, modifiers);
    previousLine = line;
    previousCharacter = character;
  };
  for (const token of tokens) {
    const type = tokenTypeIndex(token.type);
    const modifiers = tokenModifierBits(token.modifiers);
    const start = lines.positionAt(token.span.start);
    const end = lines.positionAt(token.span.end);
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : lines.lineContentEnd(line) - lines.lineStart(line);
      push(line, from, to - from, type, modifiers);
    }
  }
  return data;
}
