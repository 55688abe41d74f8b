import * as vscode from 'vscode';

/** Languages of texts the annotation commands work on. */
const TEXT_LANGUAGES = new Set(['policy-text', 'plaintext', 'markdown']);

export interface TextSelection {
  editor: vscode.TextEditor;
  document: vscode.TextDocument;
  selection: vscode.Selection;
  /** The selected words, for titles and prompts. */
  words: string;
}

/** The selection in the active text editor, or undefined (after telling the user why) when there is none to annotate. */
export function currentTextSelection(action: string): TextSelection | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(`Open a text and select the words to ${action}.`);
    return undefined;
  }
  const { document, selection } = editor;
  if (document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Policy Annotator annotates texts saved in the workspace; save this one first.');
    return undefined;
  }
  if (!TEXT_LANGUAGES.has(document.languageId)) {
    void vscode.window.showInformationMessage(`Select the words in a text (plain text, Markdown or policy-text), not in a ${document.languageId} file, to ${action}.`);
    return undefined;
  }
  const words = document.getText(selection).trim();
  if (selection.isEmpty || words === '') {
    void vscode.window.showInformationMessage(`Select the words to ${action} first.`);
    return undefined;
  }
  return { editor, document, selection, words };
}

/** A selection shortened for a title: “the ISI has been the mi…”. */
export function shortQuote(words: string, max = 48): string {
  const flat = words.replace(/\s+/g, ' ');
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}
