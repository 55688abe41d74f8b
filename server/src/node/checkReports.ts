import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readWithLimit, type FileRead, type WorkspaceFileHost } from '../core';
import type { CheckReport, InputRecorder } from '../cli/checkCache';
import type { GitRunner } from '../cli/gitRunner';
import { decodeText } from '../core/workspace/decodeText';
import type { BytesRead, SyncBytesReader } from './nodeFileHost';

/**
 * Reports of whole checks, each stored with every answer the check got from
 * the file system and git: a folder listing, a file's bytes (or why it could
 * not be read), git's output. The check is a function of its options (in the
 * key) and of those answers, so when every answer is the same again, so is
 * the report, byte for byte; a warm check only asks the same questions again
 * and prints. Answers are compared by content hash, never by modification
 * time, so a file changed within the second the report was written still
 * counts as changed.
 */

/** Bumped whenever the shape of a stored report changes. */
const REPORT_SCHEMA = 1;
/** Reports kept for different options (formats, paths); the least recently written go first. */
const KEPT_REPORTS = 16;
const REPORT_PREFIX = 'report-';

/** One question a check asked: list a folder, read a file (with a size limit), read a file, run git. */
type Question = ['list', string] | ['read', string, number] | ['readFile', string] | ['git', string[], string];

interface StoredReport extends CheckReport {
  schema: number;
  key: string;
  /** Each question with the digest of its answer. */
  answers: Array<[Question, string]>;
}

/** A host that can hand over a file's bytes undecoded (NodeFileHost): cheaper to compare than text. */
interface BytesHost extends WorkspaceFileHost {
  readBytes(uri: string, limit: number): Promise<BytesRead>;
  /** The same answers, synchronously (see SyncBytesReader). */
  syncReader?(): Promise<SyncBytesReader>;
}

function hasBytes(host: WorkspaceFileHost): host is BytesHost {
  return typeof (host as Partial<BytesHost>).readBytes === 'function';
}

function hash(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('base64');
}

/** An answer, and its digest for comparing with a later one. */
interface Answer<T> {
  digest: string;
  value: () => T;
}

async function readAnswer(host: WorkspaceFileHost, uri: string, limit: number): Promise<Answer<FileRead>> {
  if (hasBytes(host)) {
    const read = await host.readBytes(uri, limit);
    // The same bytes decode to the same text or the same refusal (binary, invalid UTF-8).
    return { digest: bytesDigest(read), value: () => ('problem' in read ? read : decodeText(read.bytes)) };
  }
  const read = await readWithLimit(host, uri, limit);
  return { digest: 'content' in read ? `c${hash(read.content)}` : `p${JSON.stringify(read.problem)}`, value: () => read };
}

async function readFileAnswer(host: WorkspaceFileHost, uri: string): Promise<Answer<string | undefined>> {
  if (hasBytes(host)) {
    // NodeFileHost.readFile is its read without a size limit.
    const read = await readAnswer(host, uri, Number.MAX_SAFE_INTEGER);
    return {
      digest: read.digest,
      value: () => {
        const text = read.value();
        return 'content' in text ? text.content : undefined;
      },
    };
  }
  const content = await host.readFile(uri);
  return { digest: content === undefined ? 'absent' : `c${hash(content)}`, value: () => content };
}

async function listAnswer(host: WorkspaceFileHost, folderUri: string): Promise<Answer<string[]>> {
  const files = await host.listFiles(folderUri);
  return { digest: hash(files.join('\u0000')), value: () => files };
}

async function gitAnswer(git: GitRunner, args: string[], cwd: string): Promise<Answer<Awaited<ReturnType<GitRunner>>>> {
  const result = await git(args, cwd);
  return { digest: hash(JSON.stringify([result.code, result.stdout, result.stderr])), value: () => result };
}

/** The digest `readAnswer` gives for a read with these bytes or this problem. */
function bytesDigest(read: BytesRead): string {
  return 'problem' in read ? `p${JSON.stringify(read.problem)}` : `b${hash(read.bytes)}`;
}

/** Asks a question again; file reads go through `reader` when the host has one. */
async function ask(question: Question, host: WorkspaceFileHost, git: GitRunner, reader: SyncBytesReader | undefined): Promise<string> {
  switch (question[0]) {
    case 'list':
      return (await listAnswer(host, question[1])).digest;
    case 'read':
      return reader ? bytesDigest(reader.read(question[1], question[2])) : (await readAnswer(host, question[1], question[2])).digest;
    case 'readFile':
      return reader ? bytesDigest(reader.read(question[1], Number.MAX_SAFE_INTEGER)) : (await readFileAnswer(host, question[1])).digest;
    case 'git':
      return (await gitAnswer(git, question[1], question[2])).digest;
  }
}

function reportFile(location: string, key: string): string {
  return path.join(location, `${REPORT_PREFIX}${key.slice(0, 40)}.json`);
}

/**
 * A stored report is one line with the hash of the rest, then the report as
 * JSON: a truncated or damaged file never matches its hash and is ignored.
 */
function serialise(report: StoredReport): string {
  const body = JSON.stringify(report);
  return `${hash(body)}\n${body}`;
}

function deserialise(text: string): StoredReport | undefined {
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  const body = text.slice(newline + 1);
  if (text.slice(0, newline) !== hash(body)) return undefined;
  return JSON.parse(body) as StoredReport;
}

function isStoredReport(data: StoredReport | undefined, key: string): data is StoredReport {
  return (
    data !== undefined &&
    data !== null &&
    data.schema === REPORT_SCHEMA &&
    data.key === key &&
    Array.isArray(data.answers) &&
    Array.isArray(data.output) &&
    data.output.every((chunk) => Array.isArray(chunk) && (chunk[0] === 'stdout' || chunk[0] === 'stderr') && typeof chunk[1] === 'string') &&
    Number.isInteger(data.code)
  );
}

/** The report stored under `key`, when every question it depended on gets the same answer now. */
export async function loadReport(location: string, key: string, host: WorkspaceFileHost, git: GitRunner): Promise<CheckReport | undefined> {
  try {
    const stored = deserialise(await fs.readFile(reportFile(location, key), 'utf8'));
    if (!isStoredReport(stored, key)) return undefined;
    // git runs in a process of its own meanwhile; the files are read here, one after another (faster than many at once).
    const gitAnswers = stored.answers.filter(([question]) => question[0] === 'git');
    const gitSame = Promise.all(gitAnswers.map(async ([question, digest]) => (await ask(question, host, git, undefined)) === digest));
    const reader = hasBytes(host) && host.syncReader ? await host.syncReader() : undefined;
    let same = true;
    for (const [question, digest] of stored.answers) {
      if (question[0] === 'git') continue;
      if ((await ask(question, host, git, reader)) !== digest) {
        same = false;
        break;
      }
    }
    same = (await gitSame).every(Boolean) && same;
    return same ? { output: stored.output, code: stored.code } : undefined;
  } catch {
    // An unreadable, damaged or foreign report is no report.
    return undefined;
  }
}

/** Notes the answers of `host` and `git` while a check runs, and stores its report with them. */
export function recordInputs(location: string, host: WorkspaceFileHost, git: GitRunner): InputRecorder {
  const answers = new Map<string, [Question, string]>();
  let consistent = true;
  const note = <T>(question: Question, answer: Answer<T>): T => {
    const id = JSON.stringify(question);
    const earlier = answers.get(id);
    // A file that changed while the check ran: its report matches no single state of the files.
    if (earlier && earlier[1] !== answer.digest) consistent = false;
    answers.set(id, [question, answer.digest]);
    return answer.value();
  };
  const recordingHost: WorkspaceFileHost = {
    listFiles: async (folderUri) => note(['list', folderUri], await listAnswer(host, folderUri)),
    readFile: async (uri) => note(['readFile', uri], await readFileAnswer(host, uri)),
    read: async (uri, limit) => note(['read', uri, limit], await readAnswer(host, uri, limit)),
  };
  return {
    host: recordingHost,
    git: async (args, cwd) => note(['git', args, cwd], await gitAnswer(git, args, cwd)),
    save: async (key, report) => {
      if (!consistent) return;
      const stored: StoredReport = { schema: REPORT_SCHEMA, key, answers: [...answers.values()], output: report.output, code: report.code };
      try {
        await fs.mkdir(location, { recursive: true });
        const file = reportFile(location, key);
        const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
        await fs.writeFile(temporary, serialise(stored));
        await fs.rename(temporary, file);
        await pruneReports(location);
      } catch {
        // A cache that cannot be written is no cache.
      }
    },
  };
}

/** Keeps the most recently written reports only. */
async function pruneReports(location: string): Promise<void> {
  const names = (await fs.readdir(location)).filter((name) => name.startsWith(REPORT_PREFIX) && name.endsWith('.json'));
  if (names.length <= KEPT_REPORTS) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, time: await fs.stat(path.join(location, name)).then((stat) => stat.mtimeMs, () => 0) })),
  );
  dated.sort((a, b) => b.time - a.time);
  await Promise.all(dated.slice(KEPT_REPORTS).map(({ name }) => fs.rm(path.join(location, name), { force: true })));
}
