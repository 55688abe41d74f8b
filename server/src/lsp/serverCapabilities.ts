import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import { DISMISS_DIFFERENCE_COMMAND } from '../core';
import { MERGE_ACTOR_COMMAND } from './handlers/codeAction';
import type { ClientFeatures } from './clientFeatures';
import { semanticTokensLegend } from './semanticTokensLegend';

/** What the server offers, adapted to the client: pull diagnostics only to clients that pull. */
export function serverCapabilities(client: ClientFeatures): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    completionProvider: { triggerCharacters: [':', ' ', '-', '[', ','], resolveProvider: false },
    renameProvider: { prepareProvider: true },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite], resolveProvider: false },
    executeCommandProvider: { commands: [MERGE_ACTOR_COMMAND, DISMISS_DIFFERENCE_COMMAND] },
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    documentLinkProvider: { resolveProvider: false },
    semanticTokensProvider: { legend: semanticTokensLegend(client.standardTokenTypesOnly), full: true, range: false },
    ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: 'policy-annotator', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
    ...(client.workspaceFolderChanges ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
  };
}
