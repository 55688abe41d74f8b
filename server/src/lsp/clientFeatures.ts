import type { InitializeParams } from 'vscode-languageserver';

/** What the client can do, read once from `initialize`; handlers adapt their answers to it. */
export interface ClientFeatures {
  /** `textDocument/diagnostic`: the client pulls diagnostics; otherwise the server pushes them. */
  pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh`: the server can ask the client to pull again. */
  diagnosticRefresh: boolean;
  relatedInformation: boolean;
  /** `codeDescription` on diagnostics: a link to the code's section in docs/checks.md. */
  codeDescription: boolean;
  workDoneProgress: boolean;
  watchedFilesRegistration: boolean;
  workspaceFolderChanges: boolean;
  definitionLinks: boolean;
  hierarchicalSymbols: boolean;
  /** Hover cards as Markdown: the client's `hover.contentFormat` prefers it; otherwise they are plain text. */
  hoverMarkdown: boolean;
  completionMarkdown: boolean;
  /** WorkspaceEdits with `documentChanges`, so edits carry the document version they were made for. */
  versionedEdits: boolean;
  /** WorkspaceEdits that create files: `documentChanges` with the `create` resource operation. */
  fileCreation: boolean;
  /** Code actions shown greyed out with the reason they cannot apply (`codeAction.disabledSupport`). */
  disabledActions: boolean;
  /** `workspace/semanticTokens/refresh`: the server can ask the client to re-request tokens (after annotations change). */
  semanticTokensRefresh: boolean;
  /** Semantic token types limited to the standard ones, for editors that cannot map custom types (initializationOptions). */
  standardTokenTypesOnly: boolean;
}

export function clientFeatures(params: InitializeParams): ClientFeatures {
  const capabilities = params.capabilities;
  const textDocument = capabilities.textDocument;
  const options = (params.initializationOptions ?? {}) as { semanticTokenTypes?: unknown };
  return {
    pullDiagnostics: textDocument?.diagnostic !== undefined,
    diagnosticRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    relatedInformation: textDocument?.publishDiagnostics?.relatedInformation === true || textDocument?.diagnostic !== undefined,
    codeDescription: textDocument?.publishDiagnostics?.codeDescriptionSupport === true || textDocument?.diagnostic?.codeDescriptionSupport === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    watchedFilesRegistration: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolderChanges: capabilities.workspace?.workspaceFolders === true,
    definitionLinks: textDocument?.definition?.linkSupport === true,
    hierarchicalSymbols: textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    hoverMarkdown: preferredFormat(textDocument?.hover?.contentFormat) === 'markdown',
    completionMarkdown: textDocument?.completion?.completionItem?.documentationFormat?.includes('markdown') ?? false,
    versionedEdits: capabilities.workspace?.workspaceEdit?.documentChanges === true,
    fileCreation: capabilities.workspace?.workspaceEdit?.documentChanges === true && (capabilities.workspace.workspaceEdit.resourceOperations ?? []).includes('create'),
    disabledActions: textDocument?.codeAction?.disabledSupport === true,
    semanticTokensRefresh: capabilities.workspace?.semanticTokens?.refreshSupport === true,
    standardTokenTypesOnly: options.semanticTokenTypes === 'standard',
  };
}

/** The first format of a client's list (in order of preference) that the server can produce; plain text when it names none. */
function preferredFormat(formats: readonly string[] | undefined): 'markdown' | 'plaintext' {
  return formats?.find((format): format is 'markdown' | 'plaintext' => format === 'markdown' || format === 'plaintext') ?? 'plaintext';
}

/** The workspace folders of `initialize`, falling back to the deprecated rootUri. */
export function initialFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders.map((folder) => folder.uri);
  return params.rootUri ? [params.rootUri] : [];
}
