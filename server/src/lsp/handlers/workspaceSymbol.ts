import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { AnnotationFile, WorkspaceView } from '../../core';
import { workspaceSymbolsInFile } from '../../core/features';
import { forEachCancellable, throwIfCancelled } from '../cancellation';
import { toRange } from '../convert';
import { guardRequest } from '../guard';
import type { ServerSession } from '../serverSession';

/** Enough for any picker; the client narrows the query as the user types. */
const MAX_RESULTS = 1000;

const KINDS = { actor: SymbolKind.Class, entity: SymbolKind.Struct, concept: SymbolKind.Interface, claim: SymbolKind.String } as const;

/** workspace/symbol: actors, concepts and claims by id or name, across every folder; cancellable. */
export function registerWorkspaceSymbol(session: ServerSession): void {
  session.connection.onWorkspaceSymbol(
    guardRequest(session.log, 'workspace/symbol', async (params, token) => {
      throwIfCancelled(token);
      const files: { index: WorkspaceView; file: AnnotationFile }[] = session.workspace.indexes().flatMap((index) => index.annotationFiles().map((file) => ({ index, file })));
      const symbols: SymbolInformation[] = [];
      await forEachCancellable(files, token, ({ index, file }) => {
        if (symbols.length >= MAX_RESULTS) return;
        const lines = index.lineIndex(file.uri);
        if (!lines) return;
        for (const entry of workspaceSymbolsInFile(index, file, params.query)) {
          symbols.push({ name: entry.name, kind: KINDS[entry.category], containerName: entry.container, location: { uri: session.clientUri(entry.uri), range: toRange(lines, entry.range) } });
        }
      });
      return symbols.slice(0, MAX_RESULTS);
    }),
  );
}
