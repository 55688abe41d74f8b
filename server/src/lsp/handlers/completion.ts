import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import { completeInAnnotationFile, type CompletionCategory } from '../../core/features';
import { throwIfCancelled } from '../cancellation';
import { toRange } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';

const KINDS: Record<CompletionCategory, CompletionItemKind> = {
  actor: CompletionItemKind.Class,
  concept: CompletionItemKind.Interface,
  vocabulary: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Property,
};

/** textDocument/completion in annotation files: actor and concept ids, vocabulary values, field names. */
export function registerCompletion(session: ServerSession): void {
  session.connection.onCompletion(
    guardRequest(session.log, 'textDocument/completion', (params, token) => {
      throwIfCancelled(token);
      const at = session.at(params.textDocument.uri, params.position);
      if (!at) return null;
      const items: CompletionItem[] = completeInAnnotationFile(at.index, at.uri, at.offset).map((entry, i) => ({
        label: entry.label,
        kind: KINDS[entry.category],
        ...(entry.detail ? { detail: entry.detail } : {}),
        ...(entry.documentation ? { documentation: { kind: session.client.completionMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: entry.documentation } } : {}),
        sortText: String(i).padStart(6, '0'),
        textEdit: { range: toRange(at.lines, entry.replace), newText: entry.insertText },
      }));
      return { isIncomplete: false, items };
    }),
  );
}
