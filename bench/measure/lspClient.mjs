// A minimal LSP client for the benchmark: starts `node dist/server.js
// --stdio` (with peak-RSS measurement), speaks JSON-RPC over its stdio with
// vscode-jsonrpc, answers the server's requests, keeps open documents in
// step (incremental didChange with versions), and lets the caller wait for
// protocol messages (diagnostics, progress, refresh requests) with a
// timeout, never a sleep.

import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import jsonrpc from 'vscode-jsonrpc/node';
import { startNode } from './processes.mjs';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = jsonrpc;

/** Line starts of a text, for converting offsets to LSP positions (UTF-16, like the text's indices). */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

export class TimeoutError extends Error {}

export class LanguageClient {
  /**
   * @param serverArgs node arguments that start the server, e.g. ['dist/server.js', '--stdio']
   */
  constructor(serverArgs, { cwd, onStderr }) {
    this.process = startNode(serverArgs, { cwd });
    this.startedAt = performance.now();
    this.stderr = '';
    this.process.child.stderr.on('data', (chunk) => {
      this.stderr += chunk;
      onStderr?.(String(chunk));
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.child.stdout), new StreamMessageWriter(this.process.child.stdin));
    this.waiters = new Set();
    this.exited = false;
    this.exitInfo = this.process.exited.then((info) => {
      this.exited = true;
      this.wake();
      return info;
    });
    /** Latest pushed diagnostics per URI. */
    this.published = new Map();
    this.publishCount = 0;
    /** Progress tokens: 'begun' or 'ended'. */
    this.progress = new Map();
    this.refreshRequests = 0;
    this.logMessages = [];
    this.documents = new Map();

    this.connection.onNotification((method, params) => {
      if (method === 'textDocument/publishDiagnostics') {
        this.published.set(params.uri, params.diagnostics);
        this.publishCount++;
      } else if (method === 'window/logMessage' || method === 'window/showMessage') {
        this.logMessages.push(params.message);
      }
      this.wake();
    });
    // vscode-jsonrpc delivers $/progress for tokens it does not know here, not as a notification.
    this.connection.onUnhandledProgress(({ token, value }) => {
      if (value?.kind === 'begin') this.progress.set(token, 'begun');
      if (value?.kind === 'end') this.progress.set(token, 'ended');
      this.wake();
    });
    this.connection.onRequest((method, params) => {
      if (method === 'workspace/diagnostic/refresh') this.refreshRequests++;
      this.wake();
      if (method === 'workspace/configuration') return (params?.items ?? []).map(() => null);
      // window/workDoneProgress/create, client/registerCapability, refresh requests: acknowledged.
      return null;
    });
    this.connection.onError(() => this.wake());
    this.connection.onClose(() => this.wake());
    this.connection.listen();
  }

  wake() {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Resolves when `check()` holds (checked now and after every message), rejects after the timeout or if the server exits. */
  waitUntil(check, timeoutMs, what) {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
        check: () => {
          if (this.exited) {
            clearTimeout(timer);
            reject(new Error(`The language server exited while waiting for ${what}.\n${this.stderr.slice(-2000)}`));
            return true;
          }
          if (!check()) return false;
          clearTimeout(timer);
          return true;
        },
        resolve,
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new TimeoutError(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}.`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Sends a request; resolves with { result, ms } (ms: round trip), rejects after the timeout. */
  async request(method, params, timeoutMs) {
    const sent = performance.now();
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`${method} got no answer within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
    });
    try {
      const result = await Promise.race([this.connection.sendRequest(method, params), timeout, this.exitInfo.then(() => Promise.reject(new Error(`The language server exited during ${method}.\n${this.stderr.slice(-2000)}`)))]);
      return { result, ms: performance.now() - sent };
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  open(uri, text, languageId) {
    this.documents.set(uri, { text, version: 1 });
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces [start, end) of an open document with `replacement` (one incremental change). */
  change(uri, start, end, replacement) {
    const document = this.documents.get(uri);
    const range = { start: positionAt(document.text, start), end: positionAt(document.text, end) };
    document.text = document.text.slice(0, start) + replacement + document.text.slice(end);
    document.version++;
    return this.notify('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [{ range, text: replacement }] });
  }

  close(uri) {
    this.documents.delete(uri);
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Asks the server to shut down and exit; kills it if it does not. Resolves with { code, maxRssBytes }. */
  async shutdown(timeoutMs = 30_000) {
    try {
      if (!this.exited) {
        await this.request('shutdown', null, timeoutMs);
        await this.notify('exit');
      }
      let timer;
      const info = await Promise.race([this.exitInfo, new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)))]);
      clearTimeout(timer);
      return info ?? { code: null, maxRssBytes: undefined };
    } finally {
      this.dispose();
    }
  }

  /** Stops everything at once (on failure). */
  dispose() {
    for (const waiter of this.waiters) waiter.reject(new Error('The language client was stopped.'));
    this.waiters.clear();
    this.process.kill();
    try {
      this.connection.dispose();
    } catch {
      // Already closed.
    }
  }
}
