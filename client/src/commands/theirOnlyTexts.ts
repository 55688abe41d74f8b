import * as vscode from 'vscode';
import type { ServerConnection } from '../serverConnection';
import { TakeTheirAnnotationRequest, TheirOnlyTextsRequest, type TheirOnlyTextInfo } from '../protocol';

type TextChoice = vscode.QuickPickItem & { text: TheirOnlyTextInfo };
type ActionChoice = vscode.QuickPickItem & { run: () => Promise<void> };

function counts(text: TheirOnlyTextInfo): string {
  const part = (n: number, what: string) => (n === 0 ? [] : [`${n} ${what}${n === 1 ? '' : 's'}`]);
  return [...part(text.claims, 'claim'), ...part(text.mentions, 'mention')].join(', ');
}

/** Their annotation file taken into my folder: the server's WorkspaceEdit, applied as an ordinary (undoable) edit that never overwrites a file. */
async function take(server: ServerConnection, text: TheirOnlyTextInfo, output: vscode.LogOutputChannel): Promise<void> {
  const answer = await server.sendRequest(TakeTheirAnnotationRequest, { path: text.path });
  output.info(`Take their annotation of ${text.path}: ${answer.message}`);
  if (!answer.edit) {
    void vscode.window.showWarningMessage(`Policy Annotator: ${answer.message}`);
    return;
  }
  const edit = await server.client.protocol2CodeConverter.asWorkspaceEdit(answer.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage('Policy Annotator: the annotation file was not created (a file of that name exists, or the editor refused the edit).');
    return;
  }
  const created = answer.edit.documentChanges?.find((change) => 'kind' in change && change.kind === 'create');
  if (created && 'uri' in created) await vscode.window.showTextDocument(vscode.Uri.parse(created.uri));
}

/**
 * "Texts Only the Other Annotator Annotated…": while comparing, the texts
 * they annotated and I have not; for the one picked, open their annotation
 * file, or take it (created at the same path in my folder).
 */
export async function showTheirOnlyTexts(server: ServerConnection, output: vscode.LogOutputChannel): Promise<void> {
  if (!(await server.whenRunning())) return;
  const texts = await server.sendRequest(TheirOnlyTextsRequest, {});
  if (texts.length === 0) {
    void vscode.window.showInformationMessage('Policy Annotator: no text is annotated only by the other annotator (or nothing is being compared).');
    return;
  }
  const picked = await vscode.window.showQuickPick<TextChoice>(
    texts.map((text) => ({ label: text.path, description: counts(text), text })),
    { title: 'Texts only the other annotator annotated', placeHolder: 'Open or take their annotation of a text' },
  );
  if (!picked) return;
  const { text } = picked;
  const actions: ActionChoice[] = text.theirFiles.map((uri) => ({ label: `$(go-to-file) Open their ${uri.slice(uri.lastIndexOf('/') + 1)}`, run: async () => void (await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true })) }));
  if (text.takeable > 0) actions.unshift({ label: '$(cloud-download) Take their annotation file', description: 'created at the same path in your folder', run: () => take(server, text, output) });
  const action = await vscode.window.showQuickPick(actions, { title: text.path });
  await action?.run();
}
