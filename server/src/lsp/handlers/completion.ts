import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { completionsAt, type CompletionCategory } from '../../core/features';
import { toRange } from '../convert';
import { positionRequest } from '../positionRequest';
import type { ServerSession } from '../serverSession';

const KINDS: Record<CompletionCategory, CompletionItemKind> = {
  actor: CompletionItemKind.Class,
  entity: CompletionItemKind.Struct,
  concept: CompletionItemKind.Interface,
  vocabulary: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Property,
};

/**
 * Proposals per answer. A registry of thousands of actors would otherwise
 * send megabytes per keystroke; past this, the answer is marked incomplete
 * and the editor asks again with the word typed so far.
 */
const MAX_ITEMS = 100;

/** textDocument/completion in annotation files: actor and concept ids, vocabulary values, field names. */
export function registerCompletion(session: ServerSession): void {
  session.connection.onCompletion(
    positionRequest(session, 'textDocument/completion', 'indexed', (at) => {
      const { entries, isIncomplete } = completionsAt(at.index, at.uri, at.offset, MAX_ITEMS);
      const items: CompletionItem[] = entries.map((entry, i) => ({
        label: entry.label,
        kind: KINDS[entry.category],
        ...(entry.detail ? { detail: entry.detail } : {}),
        // Descriptions from the workspace, shown as written: plain text, never read as Markdown (links, images).
        ...(entry.documentation ? { documentation: { kind: MarkupKind.PlainText, value: entry.documentation } } : {}),
        sortText: String(i).padStart(6, '0'),
        textEdit: { range: toRange(at.lines, entry.replace), newText: entry.insertText },
      }));
      return { isIncomplete, items };
    }),
  );
}
