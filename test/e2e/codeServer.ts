import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import type { Prerequisites } from './prerequisites';

/** How long code-server may take to listen on a cold, busy 2-core machine. */
const START_TIMEOUT_MS = 120_000;

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * One code-server: a real VS Code (workbench in the browser, extension host
 * in Node) with its own user-data and extensions folders. It runs in its own
 * process group, so that stop() ends it and every process it started (the
 * extension host, the language server, file watchers) in one go.
 */
export class CodeServer {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /**
   * Where the language server appends what paranoid mode reports
   * (POLICY_ANNOTATOR_PARANOID_LOG), when the suite runs with
   * POLICY_ANNOTATOR_PARANOID=1 as CI runs it.
   */
  readonly paranoidLog: string;
  port = 0;
  log = '';
  private child: ChildProcess | undefined;

  constructor(
    private readonly prerequisites: Prerequisites,
    stateDir: string,
  ) {
    this.userDataDir = path.join(stateDir, 'user-data');
    this.extensionsDir = path.join(stateDir, 'extensions');
    this.paranoidLog = path.join(stateDir, 'paranoid.log');
    mkdirSync(path.join(this.userDataDir, 'User'), { recursive: true });
    mkdirSync(this.extensionsDir, { recursive: true });
  }

  private get env(): NodeJS.ProcessEnv {
    return { ...process.env, PATH: `${this.prerequisites.nodeBin}${path.delimiter}${process.env.PATH ?? ''}`, POLICY_ANNOTATOR_PARANOID_LOG: this.paranoidLog };
  }

  /**
   * The differences paranoid mode reported so far: the lines of the report
   * file other than the servers' `started` lines. Throws when the suite
   * runs with POLICY_ANNOTATOR_PARANOID=1 but no language server started in
   * paranoid mode (the environment did not reach it).
   */
  paranoidReports(): string[] {
    if (process.env.POLICY_ANNOTATOR_PARANOID !== '1') return [];
    const lines = existsSync(this.paranoidLog) ? readFileSync(this.paranoidLog, 'utf8').split('\n').filter((line) => line !== '') : [];
    if (!lines.some((line) => line.startsWith('started: '))) throw new Error(`POLICY_ANNOTATOR_PARANOID=1, but no language server wrote its start line to ${this.paranoidLog}: the environment did not reach the server.`);
    return lines.filter((line) => !line.startsWith('started: '));
  }

  writeUserSettings(settings: Record<string, unknown>): void {
    writeFileSync(path.join(this.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }

  installExtension(vsix: string): string {
    return execFileSync(this.prerequisites.codeServer, ['--install-extension', vsix, '--extensions-dir', this.extensionsDir, '--user-data-dir', this.userDataDir], { env: this.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Starts code-server on a free port and resolves once it says it is listening; the URL opens a folder, or a `.code-workspace` file (multi-root). */
  async start(workspace: string): Promise<string> {
    this.port = await freePort();
    const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${this.port}`, '--extensions-dir', this.extensionsDir, '--user-data-dir', this.userDataDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace];
    const child = spawn(this.prerequisites.codeServer, args, { env: this.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    process.once('exit', this.killOnExit);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not start listening within ${START_TIMEOUT_MS / 1000} s. Its output:\n${this.log}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        this.log += chunk.toString();
        if (this.log.includes('HTTP server listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited with code ${code} before listening. Its output:\n${this.log}`));
      });
    });
    return `http://127.0.0.1:${this.port}/?${workspace.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(workspace)}`;
  }

  /** The ids of the processes in code-server's group whose command line contains `text` (such as our language server). */
  processesMatching(text: string): number[] {
    if (!this.child?.pid) return [];
    const listing = execFileSync('ps', ['-o', 'pid=,pgid=,args=', '-e'], { encoding: 'utf8' });
    return listing
      .split('\n')
      .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
      .filter((match): match is RegExpMatchArray => match !== null && Number(match[2]) === this.child!.pid && match[3].includes(text))
      .map((match) => Number(match[1]));
  }

  /** Ends code-server and everything it started: SIGTERM to the group, then SIGKILL if it lingers. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    process.off('exit', this.killOnExit);
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    // Children that outlive the parent (watchers) go with the group.
    signalGroup(child.pid, 'SIGKILL');
  }

  private readonly killOnExit = () => {
    if (this.child?.pid) signalGroup(this.child.pid, 'SIGKILL');
  };
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is gone already.
  }
}
