import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type RequestParam, type RequestType, type ServerOptions } from 'vscode-languageclient/node';
import { RestartingErrorHandler } from './crashHandler';
import { IndexChangedNotification } from './protocol';
import { initialSettings, SETTINGS_SECTION } from './settings';

/** The documents the server serves: texts (policy-text, plain text, Markdown) and annotation YAML, on disk. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'policy-text' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'yaml' },
];

/**
 * The connection to the bundled language server (dist/server.js over IPC):
 * starts it, restarts it when it crashes (telling the user once), and
 * offers the custom requests and the index-changed event to the views and
 * commands.
 */
export class ServerConnection implements vscode.Disposable {
  readonly client: LanguageClient;
  private readonly errorHandler: RestartingErrorHandler;
  private readonly indexChanged = new vscode.EventEmitter<void>();
  /** Fires when the annotations changed, and when the server (re)starts. */
  readonly onIndexChanged = this.indexChanged.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel) {
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    this.errorHandler = new RestartingErrorHandler({
      restarted: (message) => void this.tell(vscode.window.showWarningMessage, message),
      gaveUp: (message) => void this.tell(vscode.window.showErrorMessage, message, 'Restart Language Server'),
      log: (message) => output.warn(message),
    });
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: output,
      errorHandler: this.errorHandler,
      // Every folder's settings, read at each (re)start, for the moments the server cannot ask for them (workspace/configuration is per folder).
      initializationOptions: () => ({
        settings: initialSettings(undefined),
        folderSettings: Object.fromEntries((vscode.workspace.workspaceFolders ?? []).map((folder) => [folder.uri.toString(), initialSettings(folder)])),
      }),
      synchronize: { configurationSection: SETTINGS_SECTION },
    };
    this.client = new LanguageClient(SETTINGS_SECTION, 'Policy Annotator', serverOptions, clientOptions);
    this.disposables.push(
      this.client.onNotification(IndexChangedNotification, () => this.indexChanged.fire()),
      this.client.onDidChangeState((event) => {
        output.info(`Language server ${State[event.newState].toLowerCase()}.`);
        if (event.newState === State.Running) this.indexChanged.fire();
      }),
    );
  }

  async start(): Promise<void> {
    this.output.info('Starting the language server.');
    await this.client.start();
  }

  /** "Restart Language Server": a fresh start, with the crash count reset. */
  async restart(): Promise<void> {
    this.errorHandler.reset();
    this.output.info('Restarting the language server.');
    if (this.client.state === State.Stopped) await this.client.start();
    else await this.client.restart();
  }

  get isRunning(): boolean {
    return this.client.state === State.Running;
  }

  /**
   * Whether the server runs, waiting for it while it is starting (a command
   * run just after the window opened): true once it runs, false when it is
   * stopped or does not start within `timeoutMs`.
   */
  async whenRunning(timeoutMs = 60_000): Promise<boolean> {
    if (this.client.state !== State.Starting) return this.isRunning;
    return new Promise<boolean>((resolve) => {
      const done = (running: boolean) => {
        clearTimeout(timer);
        listener.dispose();
        resolve(running);
      };
      const timer = setTimeout(() => done(this.isRunning), timeoutMs);
      const listener = this.client.onDidChangeState((event) => {
        if (event.newState !== State.Starting) done(event.newState === State.Running);
      });
    });
  }

  /** Listens for the server to run again after it stopped (a crash or "Restart Language Server"): its session state is gone then. */
  onRestarted(listener: () => void): vscode.Disposable {
    let ranBefore = this.isRunning;
    return this.client.onDidChangeState((event) => {
      if (event.newState !== State.Running) return;
      if (ranBefore) listener();
      ranBefore = true;
    });
  }

  /** Listens for the server to leave the running state. */
  onStopped(listener: () => void): vscode.Disposable {
    return this.client.onDidChangeState((event) => {
      if (event.oldState === State.Running && event.newState !== State.Running) listener();
    });
  }

  /** Sends one of the server's own requests (./protocol), typed by its RequestType. */
  sendRequest<P, R>(type: RequestType<P, R, void>, params: RequestParam<P>): Promise<R> {
    return this.client.sendRequest(type, params);
  }

  private async tell(show: (message: string, ...items: string[]) => Thenable<string | undefined>, message: string, ...actions: string[]): Promise<void> {
    const choice = await show(message, ...actions, 'Show Output');
    if (choice === 'Show Output') this.output.show(true);
    else if (choice === 'Restart Language Server') await vscode.commands.executeCommand('policyAnnotator.restartServer');
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.indexChanged.dispose();
    void this.client.dispose();
  }
}
