import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { DEFAULT_NETWORK_NODE_CAP, NetworkRequest, type NetworkResult } from '../protocol';
import type { ServerConnection } from '../serverConnection';
import { chooseWorkspaceFolder, isMultiRoot } from '../workspaceFolders';
import type { NetworkPanelMessage, NetworkViewMessage, NetworkViewRequest } from './viewMessages';
import { NETWORK_VIEW_STYLE } from './viewStyle';

export const NETWORK_VIEW_TYPE = 'policyAnnotator.actorNetwork';

/** The webview's script: bundled for the browser by scripts/build.mjs (sigma.js, graphology, ForceAtlas2 in a worker). */
const VIEW_SCRIPT = ['dist', 'networkView.js'];

/** The node cap the view starts with: the `policyAnnotator.network.nodeCap` setting. */
function nodeCapSetting(): number {
  const cap = vscode.workspace.getConfiguration('policyAnnotator').get<number>('network.nodeCap', DEFAULT_NETWORK_NODE_CAP);
  return typeof cap === 'number' && Number.isFinite(cap) && cap >= 0 ? Math.floor(cap) : DEFAULT_NETWORK_NODE_CAP;
}

/**
 * The Actor network view: a webview panel that draws one graph of
 * `policyAnnotator/network` at a time. The extension only fetches the data
 * and opens definitions; the drawing, the layout (in a web worker) and the
 * controls are the webview's own bundled script, loaded with a nonce under
 * a Content-Security-Policy that allows nothing else: no remote resource,
 * no inline script, workers only from blob: URLs (the layout's).
 */
export class NetworkPanel implements vscode.Disposable {
  private static current: NetworkPanel | undefined;

  /**
   * Opens the view, or brings it forward. In a multi-root workspace it shows
   * the network of one folder (the active editor's, or the one the user
   * picks), and switches to another folder when asked again from there.
   */
  static async show(server: ServerConnection, extensionUri: vscode.Uri): Promise<NetworkPanel | undefined> {
    const folder = await chooseWorkspaceFolder('Show the actor network of which folder?');
    if (!folder && isMultiRoot()) return undefined;
    const current = NetworkPanel.current;
    if (current) {
      current.panel.reveal();
      if (current.folder?.uri.toString() !== folder?.uri.toString()) current.showFolder(folder);
      return current;
    }
    NetworkPanel.current = new NetworkPanel(server, extensionUri, folder);
    return NetworkPanel.current;
  }

  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private request: NetworkViewRequest = { cap: nodeCapSetting() };
  private loading = 0;
  private latest: NetworkResult | undefined;

  private constructor(
    private readonly server: ServerConnection,
    extensionUri: vscode.Uri,
    private folder: vscode.WorkspaceFolder | undefined,
  ) {
    const dist = vscode.Uri.joinPath(extensionUri, VIEW_SCRIPT[0]);
    this.panel = vscode.window.createWebviewPanel(NETWORK_VIEW_TYPE, panelTitle(folder), vscode.ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [dist] });
    const script = this.panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...VIEW_SCRIPT));
    this.panel.webview.html = networkHtml(this.panel.webview.cspSource, script.toString());
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: NetworkViewMessage) => void this.receive(message)),
      server.onIndexChanged(() => void this.load()),
    );
  }

  /** Shows another folder's network; the filters, which name that folder's texts, concepts and actors, start afresh. */
  private showFolder(folder: vscode.WorkspaceFolder | undefined): void {
    this.folder = folder;
    this.request = { cap: this.request.cap, ...(this.request.ranking ? { ranking: this.request.ranking } : {}) };
    this.panel.title = panelTitle(folder);
    void this.load();
  }

  private async receive(message: NetworkViewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.load();
        return;
      case 'request':
        this.request = message.request;
        await this.load();
        return;
      case 'open':
        await this.open(message.id);
        return;
    }
  }

  /** Asks the server for the graph of the current request and hands it to the webview; a later load wins over an earlier one. */
  private async load(): Promise<void> {
    const ticket = ++this.loading;
    if (!this.server.isRunning) return;
    const folder = this.folder ? this.server.client.code2ProtocolConverter.asUri(this.folder.uri) : undefined;
    const request = this.request;
    const data = await this.server.sendRequest(NetworkRequest, { ...request, ...(folder ? { folderUri: folder } : {}) }).catch(() => undefined);
    if (!data || ticket !== this.loading) return;
    this.latest = data;
    const message: NetworkPanelMessage = { type: 'data', data, request };
    await this.panel.webview.postMessage(message);
  }

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

const select = (id: string, label: string, options: [string, string][]) =>
  `<label>${label} <select id="${id}">${options.map(([value, text]) => `<option value="${value}">${text}</option>`).join('')}</select></label>`;

/** The page: controls, the drawing, the hover card. Every workspace string is put in by the script as text, never as markup. */
function networkHtml(cspSource: string, script: string): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `worker-src blob:`, `img-src ${cspSource} data:`, `font-src ${cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Actor Network</title>
<style nonce="${nonce}">${NETWORK_VIEW_STYLE}</style>
</head>
<body>
<header>
  ${select('network', 'Network', [['relations', 'Actor relations'], ['discourse', 'Discourse network (DNA)']])}
  <label>Find <input id="search" type="search" placeholder="actor or concept" autocomplete="off" spellcheck="false"></label>
  <label>Nodes at most <input id="cap" type="number" min="0" step="100" title="0: every node"></label>
  ${select('ranking', 'ranked by', [['weighted-degree', 'weighted degree'], ['degree', 'degree']])}
  <button id="layout" type="button">Stop layout</button>
  <div id="status" role="status"></div>
</header>
<fieldset id="dna" hidden>
  ${select('type', 'Type', [['onemode', 'one-mode'], ['twomode', 'two-mode']])}
  ${select('rows', 'Rows', [['claimant', 'claimant'], ['organization', 'organization'], ['person', 'person']])}
  ${select('columns', 'Columns', [['concept', 'concept'], ['about', 'about']])}
  ${select('qualifierAggregation', 'Qualifier', [['ignore', 'ignore'], ['congruence', 'congruence'], ['conflict', 'conflict'], ['subtract', 'subtract'], ['combine', 'combine']])}
  ${select('normalization', 'Normalization', [['no', 'no'], ['average', 'average'], ['jaccard', 'jaccard'], ['cosine', 'cosine'], ['activity', 'activity'], ['prominence', 'prominence']])}
  ${select('duplicates', 'Duplicates', [['include', 'include'], ['document', 'per document'], ['week', 'per week'], ['month', 'per month'], ['year', 'per year'], ['acrossrange', 'across range']])}
  <label><input id="isolates" type="checkbox"> isolates</label>
  <label>Exclude actors <input id="excludeActors" type="text" placeholder="ids, comma-separated" spellcheck="false"></label>
  <label>Exclude concepts <input id="excludeConcepts" type="text" placeholder="ids, comma-separated" spellcheck="false"></label>
  <label>Text <select id="text"><option value="">All texts</option></select></label>
  <label>Concept <select id="concept"><option value="">All concepts</option></select></label>
  <label>Stance <select id="stance"><option value="">All stances</option></select></label>
  <span id="time"><label>Published from <input id="start" type="range" min="0" max="0" value="0"></label> <label>to <input id="stop" type="range" min="0" max="0" value="0"></label> <output id="range"></output></span>
</fieldset>
<ul id="matches" hidden></ul>
<div id="legend"></div>
<div id="notes"></div>
<div id="graph"></div>
<div id="card" hidden><pre id="card-text"></pre><button id="card-open" type="button">Open definition</button></div>
<output id="metrics" hidden></output>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
