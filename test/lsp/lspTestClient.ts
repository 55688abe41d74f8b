import { spawn, type ChildProcess } from 'node:child_process';
import { after, before } from 'node:test';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type Position,
  type PublishDiagnosticsParams,
  type WorkDoneProgressCreateParams,
  WorkDoneProgress,
} from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../helpers/tempWorkspace';

/** Long enough for a slow, busy 2-core CI machine; waits end as soon as the event arrives. */
export const EVENT_TIMEOUT_MS = 30_000;

export type ServerCommand = 'server-module' | 'cli';

export interface TestClientOptions {
  workspaceFolder: string;
  /** Advertise pull diagnostics (textDocument/diagnostic); otherwise the server pushes. */
  pullDiagnostics: boolean;
  /** How to start the server: `node dist/server.js --stdio` (default) or `policy-annotator lsp --stdio`. */
  command?: ServerCommand;
  initializationOptions?: unknown;
  /** Initialize without workspace folders or root, as an editor does for a lone file. */
  noWorkspaceFolder?: boolean;
  /** More workspace folders after `workspaceFolder`, for a multi-root workspace. */
  moreWorkspaceFolders?: string[];
  /** `textDocument.hover.contentFormat` (default: Markdown, then plain text). */
  hoverContentFormat?: string[];
  /** Advertise `workspace/configuration`, answered by `answer`. */
  pullConfiguration?: boolean;
  /** Advertise `codeDescriptionSupport` for diagnostics (pushed and pulled). */
  codeDescriptionSupport?: boolean;
  /** Environment variables for the server besides the test's own (such as POLICY_ANNOTATOR_PARANOID). */
  env?: Record<string, string>;
}

/** A workspace folder a suite's server runs on, removed by `dispose`. */
export interface ServableWorkspace {
  dir: string;
  dispose(): void;
}

/**
 * Serves a workspace to the tests of the current suite: before them, makes
 * the workspace, starts the server on its folder and waits until `ready` (by
 * default, the end of the first indexing); after them, runs `beforeStop`
 * (a last check), stops the server and removes the workspace. Tests read `session.workspace` and `session.client`.
 */
export function serveWorkspace<W extends ServableWorkspace>(
  make: () => W | Promise<W>,
  options: Omit<TestClientOptions, 'workspaceFolder'> & { ready?: (client: LspTestClient) => Promise<unknown>; beforeStop?: (client: LspTestClient) => void },
): { workspace: W; client: LspTestClient } {
  const session = {} as { workspace: W; client: LspTestClient };
  const ready = options.ready ?? ((client: LspTestClient) => client.waitForMessage('$/progress', 0, (params) => (params as { value: { kind: string } }).value.kind === 'end'));
  before(async () => {
    session.workspace = await make();
    ({ client: session.client } = await LspTestClient.start({ ...options, workspaceFolder: session.workspace.dir }));
    await ready(session.client);
  });
  after(async () => {
    try {
      if (session.client) options.beforeStop?.(session.client);
    } finally {
      await session.client?.stop();
      session.workspace?.dispose();
    }
  });
  return session;
}

interface Waiter {
  check: () => boolean;
  resolve: () => void;
}

export function fileUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

/**
 * A language client for tests: starts the server as a separate process,
 * talks JSON-RPC over its stdio, answers the server's requests, and records
 * what the server sends, so tests can wait for an event instead of sleeping.
 */
export class LspTestClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  /** The latest pushed diagnostics per URI. */
  readonly pushed = new Map<string, Diagnostic[]>();
  /** Every method the server sent, in order (notifications and requests). */
  readonly received: { method: string; params: unknown }[] = [];
  stderr = '';
  /** Answers server-to-client requests such as workspace/applyEdit or window/showMessageRequest; undefined falls back to the default. */
  answer: (method: string, params: unknown) => unknown = () => undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly versions = new Map<string, number>();
  private exited = false;

  private constructor(readonly options: TestClientOptions) {
    const args = options.command === 'cli' ? [path.join(REPO_ROOT, 'bin', 'policy-annotator.js'), 'lsp', '--stdio'] : [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'];
    this.child = spawn(process.execPath, args, { cwd: options.workspaceFolder, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification((method, params) => {
      this.received.push({ method, params });
      if (method === 'textDocument/publishDiagnostics') {
        const published = params as PublishDiagnosticsParams;
        this.pushed.set(published.uri, published.diagnostics);
      }
      this.notify();
    });
    this.connection.onRequest((method, params) => {
      this.received.push({ method, params });
      if (method === 'window/workDoneProgress/create') {
        // Progress arrives as $/progress for the token, which the connection routes to a handler per token.
        const token = (params as WorkDoneProgressCreateParams).token;
        this.connection.onProgress(WorkDoneProgress.type, token, (value) => {
          this.received.push({ method: '$/progress', params: { token, value } });
          this.notify();
        });
      }
      this.notify();
      const answer = this.answer(method, params);
      if (answer !== undefined) return answer;
      return method === 'workspace/configuration' ? [] : null;
    });
    this.connection.onError(() => undefined);
    this.connection.listen();
    // Never leave a server behind, even when a test fails before stop().
    process.once('exit', this.killOnExit);
  }

  private readonly killOnExit = () => this.child.kill('SIGKILL');

  /** Starts the server and completes the initialize handshake. */
  static async start(options: TestClientOptions): Promise<{ client: LspTestClient; initialize: InitializeResult }> {
    const client = new LspTestClient(options);
    try {
      const initialize = await client.withTimeout('initialize', client.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: options.noWorkspaceFolder ? null : fileUri(options.workspaceFolder),
        workspaceFolders: options.noWorkspaceFolder ? null : [options.workspaceFolder, ...(options.moreWorkspaceFolders ?? [])].map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) })),
        capabilities: clientCapabilities(options.pullDiagnostics, options.hoverContentFormat, options.pullConfiguration, options.codeDescriptionSupport),
        ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
      }));
      await client.connection.sendNotification(InitializedNotification.type, {});
      return { client, initialize };
    } catch (error) {
      await client.stop();
      throw error;
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.withTimeout(method, this.connection.sendRequest(method, params) as Promise<R>);
  }

  /** Sends a request and cancels it at once, as an editor does when the user moves on. */
  requestAndCancel<R>(method: string, params: unknown): Promise<R> {
    const source = new CancellationTokenSource();
    const pending = this.connection.sendRequest(method, params, source.token) as Promise<R>;
    source.cancel();
    return this.withTimeout(method, pending);
  }

  open(uri: string, text: string, languageId = uri.endsWith('.yaml') ? 'yaml' : 'plaintext'): Promise<void> {
    this.versions.set(uri, 1);
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces a range of an open document (incremental sync), as typing does. */
  change(uri: string, range: { start: Position; end: Position }, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): Promise<void> {
    this.versions.delete(uri);
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  filesChangedOnDisk(changes: { uri: string; type: 'created' | 'changed' | 'deleted' }[]): Promise<void> {
    const types: Record<'created' | 'changed' | 'deleted', FileChangeType> = { created: FileChangeType.Created, changed: FileChangeType.Changed, deleted: FileChangeType.Deleted };
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map((c) => ({ uri: c.uri, type: types[c.type] })) });
  }

  /** A marker for "events from now on", for waitForMessage. */
  mark(): number {
    return this.received.length;
  }

  /** Waits for a message from the server (notification or request) received after `since` that fits the predicate. */
  async waitForMessage(method: string, since: number, predicate: (params: unknown) => boolean = () => true): Promise<unknown> {
    let found: unknown;
    await this.waitUntil(`${method} from the server`, () => {
      const match = this.received.slice(since).find((message) => message.method === method && predicate(message.params));
      found = match?.params;
      return match !== undefined;
    });
    return found;
  }

  /** Waits until the latest pushed diagnostics of a file fit the predicate (they may already). */
  async waitForPushedDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean, description: string): Promise<Diagnostic[]> {
    await this.waitUntil(`pushed diagnostics of ${uri} ${description}`, () => predicate(this.pushed.get(uri) ?? []));
    return this.pushed.get(uri) ?? [];
  }

  /** Waits for a condition on what has been received, re-checked on every message; fails after `timeoutMs` (EVENT_TIMEOUT_MS). */
  waitUntil(description: string, check: () => boolean, timeoutMs = EVENT_TIMEOUT_MS): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        check,
        resolve: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${description}.${this.exited ? ' The server process has exited.' : ''}\nServer stderr:\n${this.stderr}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) if (waiter.check()) waiter.resolve();
  }

  private withTimeout<T>(what: string, promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No answer to ${what} within ${EVENT_TIMEOUT_MS} ms.\nServer stderr:\n${this.stderr}`)), EVENT_TIMEOUT_MS);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /** Shuts the server down politely, and kills it if it does not exit in time. */
  async stop(): Promise<number | null> {
    if (!this.exited) {
      const exitedPromise = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      try {
        await this.withTimeout('shutdown', this.connection.sendRequest(ShutdownRequest.type));
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // The server is gone or stuck: killed below.
      }
      const killer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exitedPromise;
      clearTimeout(killer);
    }
    this.connection.dispose();
    process.off('exit', this.killOnExit);
    return this.child.exitCode;
  }
}

function clientCapabilities(pullDiagnostics: boolean, hoverContentFormat = ['markdown', 'plaintext'], pullConfiguration = false, codeDescriptionSupport = false): ClientCapabilities {
  return {
    general: { positionEncodings: ['utf-16'] },
    window: { workDoneProgress: true },
    workspace: {
      workspaceFolders: true,
      ...(pullConfiguration ? { configuration: true } : {}),
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      symbol: {},
      semanticTokens: { refreshSupport: true },
      ...(pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
    },
    textDocument: {
      synchronization: { didSave: false },
      hover: { contentFormat: hoverContentFormat as ('markdown' | 'plaintext')[] },
      definition: { linkSupport: true },
      references: {},
      documentHighlight: {},
      completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
      rename: { prepareSupport: true },
      codeAction: { disabledSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      documentLink: {},
      semanticTokens: {
        requests: { full: true },
        tokenTypes: ['class', 'string', 'variable'],
        tokenModifiers: [],
        formats: ['relative'],
      },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, ...(codeDescriptionSupport ? { codeDescriptionSupport } : {}) },
      ...(pullDiagnostics ? { diagnostic: { relatedDocumentSupport: false, ...(codeDescriptionSupport ? { codeDescriptionSupport } : {}) } } : {}),
    },
  };
}
