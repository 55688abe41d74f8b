import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { documentSymbols, type DocumentSymbolEntry, type SymbolCategory } from '../../core/features';
import { throwIfCancelled } from '../cancellation';
import { toRange } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';
import type { LineIndex } from '../../core';

export const SYMBOL_KINDS: Record<SymbolCategory, SymbolKind> = {
  actor: SymbolKind.Class,
  entity: SymbolKind.Struct,
  concept: SymbolKind.Interface,
  claim: SymbolKind.String,
  heading: SymbolKind.Namespace,
  question: SymbolKind.Namespace,
};

/** textDocument/documentSymbol: actors, concepts and claims in YAML; sections and their claims in texts. */
export function registerDocumentSymbol(session: ServerSession): void {
  session.connection.onDocumentSymbol(
    guardRequest(session.log, 'textDocument/documentSymbol', (params, token): DocumentSymbol[] | SymbolInformation[] | null => {
      throwIfCancelled(token);
      const file = session.file(params.textDocument.uri);
      if (!file) return null;
      const entries = documentSymbols(file.index, file.uri);
      if (session.client.hierarchicalSymbols) return entries.map((entry) => toDocumentSymbol(file.lines, entry));
      const flat: SymbolInformation[] = [];
      const flatten = (entry: DocumentSymbolEntry, container?: string) => {
        flat.push({ name: entry.name, kind: SYMBOL_KINDS[entry.category], location: { uri: params.textDocument.uri, range: toRange(file.lines, entry.range) }, ...(container ? { containerName: container } : {}) });
        for (const child of entry.children) flatten(child, entry.name);
      };
      entries.forEach((entry) => flatten(entry));
      return flat;
    }),
  );
}

function toDocumentSymbol(lines: LineIndex, entry: DocumentSymbolEntry): DocumentSymbol {
  return {
    name: entry.name,
    ...(entry.detail ? { detail: entry.detail } : {}),
    kind: SYMBOL_KINDS[entry.category],
    range: toRange(lines, entry.range),
    selectionRange: toRange(lines, entry.selection),
    children: entry.children.map((child) => toDocumentSymbol(lines, child)),
  };
}
