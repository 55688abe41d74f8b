import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { NetworkRequest, type NetworkParams, type NetworkResult } from '../protocol';
import type { ServerConnection } from '../serverConnection';
import { chooseWorkspaceFolder, isMultiRoot } from '../workspaceFolders';
import { networkWebviewMain, type NetworkViewMessage } from './webviewScript';

export const NETWORK_VIEW_TYPE = 'policyAnnotator.actorNetwork';

/**
 * The Actor network view: a webview panel that draws the graphs of
 * `policyAnnotator/network` (the same data as the network export). The
 * extension only fetches the data and opens definitions; the drawing is the
 * webview's own script (./webviewScript), inlined with a nonce under a
 * Content-Security-Policy that allows nothing else: no remote resource, no
 * other script.
 */
export class NetworkPanel implements vscode.Disposable {
  private static current: NetworkPanel | undefined;

  /**
   * Opens the view, or brings it forward. In a multi-root workspace it shows
   * the network of one folder (the active editor's, or the one the user
   * picks), and switches to another folder when asked again from there.
   */
  static async show(server: ServerConnection): Promise<NetworkPanel | undefined> {
    const folder = await chooseWorkspaceFolder('Show the actor network of which folder?');
    if (!folder && isMultiRoot()) return undefined;
    const current = NetworkPanel.current;
    if (current) {
      current.panel.reveal();
      if (current.folder?.uri.toString() !== folder?.uri.toString()) current.showFolder(folder);
      return current;
    }
    NetworkPanel.current = new NetworkPanel(server, folder);
    return NetworkPanel.current;
  }

  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private filter: NetworkParams = {};
  private loading = 0;

  private constructor(
    private readonly server: ServerConnection,
    private folder: vscode.WorkspaceFolder | undefined,
  ) {
    this.panel = vscode.window.createWebviewPanel(NETWORK_VIEW_TYPE, panelTitle(folder), vscode.ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [] });
    this.panel.webview.html = networkHtml(this.panel.webview.cspSource);
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: NetworkViewMessage) => void this.receive(message)),
      server.onIndexChanged(() => void this.load()),
    );
  }

  /** Shows another folder's network; the filters, which name that folder's texts and concepts, start afresh. */
  private showFolder(folder: vscode.WorkspaceFolder | undefined): void {
    this.folder = folder;
    this.filter = {};
    this.panel.title = panelTitle(folder);
    void this.load();
  }

  private async receive(message: NetworkViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.load();
        return;
      case 'filter':
        this.filter = { texts: message.texts, concepts: message.concepts, stances: message.stances };
        await this.load();
        return;
      case 'open':
        await this.open(message.id);
        return;
    }
  }

  /** Asks the server for the graphs under the current filters and hands them to the webview; a later load wins over an earlier one. */
  private async load(): Promise<void> {
    const ticket = ++this.loading;
    if (!this.server.isRunning) return;
    const folder = this.folder ? this.server.client.code2ProtocolConverter.asUri(this.folder.uri) : undefined;
    const data = await this.server.sendRequest(NetworkRequest, { ...this.filter, ...(folder ? { folderUri: folder } : {}) }).catch(() => undefined);
    if (!data || ticket !== this.loading) return;
    this.latest = data;
    await this.panel.webview.postMessage({ type: 'data', data });
  }

  private latest: NetworkResult | undefined;

  /** A click on a node: its definition, in the editor beside the view when there is room. */
  private async open(id: string): Promise<void> {
    const location = this.latest?.details[id]?.location;
    if (!location) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(location.uri));
    const range = this.server.client.protocol2CodeConverter.asRange(location.range);
    await vscode.window.showTextDocument(document, { selection: range, preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    if (NetworkPanel.current === this) NetworkPanel.current = undefined;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

function panelTitle(folder: vscode.WorkspaceFolder | undefined): string {
  return folder && isMultiRoot() ? `Actor Network: ${folder.name}` : 'Actor Network';
}

function networkHtml(cspSource: string): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src ${cspSource} data:`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Actor Network</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header>
  <label>Network <select id="network">
    <option value="relations">Actor relations</option>
    <option value="congruence">Congruence (agree)</option>
    <option value="conflict">Conflict (disagree)</option>
    <option value="affiliation">Affiliation (actor × concept)</option>
  </select></label>
  <label>Text <select id="text"><option value="">All texts</option></select></label>
  <label>Concept <select id="concept"><option value="">All concepts</option></select></label>
  <label>Stance <select id="stance"><option value="">All stances</option></select></label>
  <div id="status" role="status"></div>
</header>
<div id="legend"></div>
<div id="canvas"></div>
<div id="card" hidden></div>
<script nonce="${nonce}">(${networkWebviewMain.toString()})();</script>
</body>
</html>`;
}

const STYLE = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
body { display: flex; flex-direction: column; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
header { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; padding: 8px 12px 4px; }
label { display: flex; gap: 6px; align-items: center; }
select { color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border: 1px solid var(--vscode-dropdown-border, transparent); padding: 2px 4px; max-width: 16em; }
#status { color: var(--vscode-descriptionForeground); margin-left: auto; }
#legend { display: flex; flex-wrap: wrap; gap: 4px 14px; padding: 2px 12px 6px; color: var(--vscode-descriptionForeground); }
#legend .item { display: inline-flex; align-items: center; gap: 5px; }
.swatch { display: inline-block; background: var(--swatch); }
.swatch.dot { width: 10px; height: 10px; border-radius: 50%; }
.swatch.square { width: 10px; height: 10px; border-radius: 2px; }
.swatch.line { width: 18px; height: 3px; }
#canvas { flex: 1; min-height: 0; }
#graph { display: block; }
.edge { stroke-opacity: 0.75; stroke-linecap: round; }
.arrow { fill: var(--vscode-descriptionForeground); }
.node { cursor: pointer; }
.node .shape { stroke: var(--vscode-editor-background); stroke-width: 1.5; }
.node:hover .shape, .node:focus .shape { stroke: var(--vscode-focusBorder); stroke-width: 3; }
.node:focus { outline: none; }
.label { fill: var(--vscode-foreground); font-size: 11px; pointer-events: none; paint-order: stroke; stroke: var(--vscode-editor-background); stroke-width: 3px; stroke-linejoin: round; }
.empty { padding: 2em; color: var(--vscode-descriptionForeground); }
#card { position: fixed; max-width: 420px; max-height: 60vh; overflow: auto; padding: 6px 10px; color: var(--vscode-editorHoverWidget-foreground); background: var(--vscode-editorHoverWidget-background); border: 1px solid var(--vscode-editorHoverWidget-border); box-shadow: 0 2px 8px var(--vscode-widget-shadow); pointer-events: none; z-index: 10; }
#card p { margin: 4px 0; }
#card ul { margin: 2px 0; padding-left: 18px; }
#card code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 0 3px; }
#card .link { text-decoration: underline; }
`;
