import { spawn } from 'node:child_process';
import type { GitBlobReader } from '../cli/gitBlobReader';
import { gitExecutable } from './runGit';

interface Waiting {
  resolve: (bytes: Buffer | undefined) => void;
}

/**
 * Reads blobs through one `git cat-file --batch` process: each request is a
 * line with an object id (never a revision or a path a workspace chose), the
 * answers come back in the same order. One process serves a whole `diff`,
 * instead of one `git show` per file.
 */
export class GitCatFileReader implements GitBlobReader {
  private readonly waiting: Waiting[] = [];
  /** Object ids asked for since the last write to git. */
  private readonly requests: string[] = [];
  private child: ReturnType<typeof spawn> | undefined;
  private failed = false;
  // Parser state: a header line being gathered, or a body of known size being filled.
  private header: Buffer[] = [];
  private body: Buffer | undefined;
  private filled = 0;
  /** The newline after a body, still to skip. */
  private skipNewline = false;

  constructor(private readonly cwd: string) {}

  read(oid: string): Promise<Buffer | undefined> {
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(oid)) return Promise.resolve(undefined);
    const child = this.start();
    if (!child || this.failed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting.push({ resolve });
      // The requests of one turn of the event loop go to git in one write, not one write (and system call) each.
      this.requests.push(oid);
      if (this.requests.length === 1) queueMicrotask(() => this.flush());
    });
  }

  private flush(): void {
    const lines = this.requests.splice(0);
    if (lines.length > 0 && this.child && !this.failed) this.child.stdin!.write(`${lines.join('\n')}\n`);
  }

  close(): void {
    this.flush();
    this.child?.stdin?.end();
    this.child = undefined;
  }

  private start(): ReturnType<typeof spawn> | undefined {
    if (this.child || this.failed) return this.child;
    const git = gitExecutable();
    if (!git) {
      this.failed = true;
      return undefined;
    }
    const child = spawn(git, ['cat-file', '--batch'], { cwd: this.cwd, stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
    child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    const fail = () => {
      this.failed = true;
      for (const waiting of this.waiting.splice(0)) waiting.resolve(undefined);
    };
    child.on('error', fail);
    child.on('close', fail);
    child.stdin!.on('error', fail);
    this.child = child;
    return child;
  }

  private receive(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.skipNewline) {
        this.skipNewline = false;
        at++;
        continue;
      }
      if (this.body) {
        const take = Math.min(this.body.length - this.filled, chunk.length - at);
        chunk.copy(this.body, this.filled, at, at + take);
        this.filled += take;
        at += take;
        if (this.filled === this.body.length) {
          const done = this.body;
          this.body = undefined;
          this.skipNewline = true;
          this.waiting.shift()?.resolve(done);
        }
        continue;
      }
      const end = chunk.indexOf(0x0a, at);
      if (end < 0) {
        this.header.push(chunk.subarray(at));
        return;
      }
      this.header.push(chunk.subarray(at, end));
      at = end + 1;
      const line = Buffer.concat(this.header).toString('utf8');
      this.header = [];
      const match = /^[0-9a-f]+ (\S+) (\d+)$/.exec(line);
      if (!match) {
        // "<oid> missing" (or anything unexpected): no body follows.
        this.waiting.shift()?.resolve(undefined);
        continue;
      }
      this.body = Buffer.allocUnsafe(Number(match[2]));
      this.filled = 0;
      if (this.body.length === 0) {
        this.body = undefined;
        this.skipNewline = true;
        this.waiting.shift()?.resolve(Buffer.alloc(0));
      }
    }
  }
}
