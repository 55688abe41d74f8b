import * as vscode from 'vscode';
import { NetworkNodeRequest, NetworkRequest, type NetworkNodeDetails } from '../protocol';
import type { ServerConnection } from '../serverConnection';
import { chooseWorkspaceFolder, isMultiRoot } from '../workspaceFolders';
import type { NetworkPanelMessage, NetworkViewMessage, NetworkViewRequest } from './viewMessages';
import { packResult } from './packedGraph';
import { networkHtml } from './viewHtml';

export const NETWORK_VIEW_TYPE = 'policyAnnotator.actorNetwork';

/** The webview's script: bundled for the browser by scripts/build.mjs (the controls; the drawing and ForceAtlas2 in a worker of its own, bundled into it). */
const VIEW_SCRIPT = ['dist', 'networkView.js'];

/** The node cap the view starts with: the `policyAnnotator.network.drawLimit` setting (package.json has its default). */
function drawLimitSetting(): number | undefined {
  const cap = vscode.workspace.getConfiguration('policyAnnotator').get<unknown>('network.drawLimit');
  return typeof cap === 'number' && Number.isFinite(cap) && cap >= 0 ? Math.floor(cap) : undefined;
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
  private request: NetworkViewRequest = withCap({}, drawLimitSetting());
  private loading = 0;
  /** The cards and definitions asked for since the graph was last loaded. */
  private details = new Map<string, Promise<NetworkNodeDetails>>();

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
    this.request = withCap(this.request.ranking ? { ranking: this.request.ranking } : {}, this.request.cap);
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
      case 'details': {
        const details = await this.nodeDetails(message.id);
        const reply: NetworkPanelMessage = { type: 'details', id: message.id, details };
        await this.panel.webview.postMessage(reply);
        return;
      }
      case 'open':
        await this.open(message.id);
        return;
    }
  }

  private folderUri(): string | undefined {
    return this.folder ? this.server.client.code2ProtocolConverter.asUri(this.folder.uri) : undefined;
  }

  /** A node's card and definition, asked of the server once per load of the graph. */
  private nodeDetails(id: string): Promise<NetworkNodeDetails> {
    let details = this.details.get(id);
    if (!details) {
      const folder = this.folderUri();
      details = this.server.isRunning ? this.server.sendRequest(NetworkNodeRequest, { id, ...(folder ? { folderUri: folder } : {}) }).catch(() => null) : Promise.resolve(null);
      this.details.set(id, details);
    }
    return details;
  }

  /** Asks the server for the graph of the current request and hands it to the webview; a later load wins over an earlier one. */
  private async load(): Promise<void> {
    const ticket = ++this.loading;
    if (!this.server.isRunning) return;
    const folder = this.folderUri();
    const request = this.request;
    const data = await this.server.sendRequest(NetworkRequest, { ...request, ...(folder ? { folderUri: folder } : {}) }).catch(() => undefined);
    if (!data || ticket !== this.loading) return;
    this.details.clear();
    const message: NetworkPanelMessage = { type: 'data', data: packResult(data), request };
    await this.panel.webview.postMessage(message);
  }

  /** A click on a node: its definition, in the editor beside the view when there is room. */
  private async open(id: string): Promise<void> {
    const location = (await this.nodeDetails(id))?.location;
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

function withCap(request: NetworkViewRequest, cap: number | undefined): NetworkViewRequest {
  return cap === undefined ? request : { ...request, cap };
}

function panelTitle(folder: vscode.WorkspaceFolder | undefined): string {
  return folder && isMultiRoot() ? `Actor Network: ${folder.name}` : 'Actor Network';
}

