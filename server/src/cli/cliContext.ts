/**
 * What the CLI's commands share: the context the Node entry point supplies
 * (the file system, git, caches, writers and the language server, all
 * injected), and the usage error. A module of its own, importing no
 * command, so that runCli and the commands do not import each other.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AnnotationParser, Limits, WorkspaceFileHost } from '../core';
import type { CodedText, CoderAnnotations } from '../core/agreement/coderAnnotations';
import type { HandedWork } from '../core/agreement/sharedTextWork';
import type { ExportWriter } from '../core/export/exportWriting';
import type { CheckCache, CheckCacheOptions } from './checkCache';
import type { GitBlobReader } from './gitBlobReader';
import type { GitRunner } from './gitRunner';
import type { DnaFiles } from './dnaFiles';
import type { WorkspaceCreator } from './workspaceCreator';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colours on by default). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/** The language server, as the `lsp` command runs it. */
export interface LanguageServerRunner {
  /** True when the arguments name a transport the server understands (--stdio, --node-ipc, --socket=<port>, --pipe=<name>). */
  namesLanguageServerTransport(args: readonly string[]): boolean;
  /** Serves on the transport named on the process's command line until the editor disconnects, then ends the process. */
  runLanguageServer(): Promise<never>;
}

export interface CliContext {
  cwd: string;
  io: CliIo;
  createHost: (workspaceFolders: string[]) => WorkspaceFileHost;
  /** A host with `createHost`'s answers for a command that only reads many files, one after the other (agreement); default `createHost`. */
  createBatchHost?: (workspaceFolders: string[]) => WorkspaceFileHost;
  /** Runs git with these arguments in a folder (for --changed-since and diff). */
  git: GitRunner;
  /** The limits the user raised with --max-text-size / --max-annotation-file-size (see takeLimitFlags). */
  limits?: Limits;
  /** Opens one `git cat-file --batch` reader in a folder (for diff); without it, blobs are read one `git cat-file` at a time. */
  openGitBlobReader?: (cwd: string) => Promise<GitBlobReader>;
  /** Parses annotation files when there is no cache (e.g. on every core). */
  parser?: AnnotationParser;
  /** Opens the check cache, or returns undefined when caching is off. */
  openCache?: (options: CheckCacheOptions) => CheckCache | undefined;
  /** Writes an export's files under --out (for export). */
  writeExport?: ExportWriter;
  /** Writes one output file, never through a link (for network --out). */
  writeOutputFile?: (file: string, content: string) => Promise<void>;
  /** Writes a file inside the workspace folder (only `check --fix` does). */
  writeFile?: (workspaceFolder: string, uri: string, content: string, expected?: string) => Promise<void>;
  /** Reads a text and creates a new workspace's files (for init). */
  createWorkspace?: WorkspaceCreator;
  /** Reads and writes DNA 3 databases, and creates the workspace of an import (for import dna and export --format dna). */
  dnaFiles?: DnaFiles;
  /**
   * Loads one coder's workspace folder for agreement elsewhere (a worker thread), so that two load at once;
   * undefined when it holds no annotation files. Rejects when it cannot run there (then the CLI loads it itself).
   * The texts may also go to `onTexts` as they come, a few at a time in path order, with the work done on them.
   */
  loadAgreementCoder?: (request: AgreementCoderRequest, onTexts?: (texts: CodedText[], work?: HandedWork) => void) => Promise<CoderAnnotations | undefined>;
  /** Loads the language server (for lsp): only then, as its modules would slow every other command's start. */
  loadLanguageServer?: () => Promise<LanguageServerRunner>;
  version: string;
}

/** A coder's workspace folder for `loadAgreementCoder`, with the options and the limits the command runs with. */
export interface AgreementCoderRequest {
  /** The workspace folder (an absolute path). */
  folder: string;
  /** For --ref: the folder at this commit (an object id from resolveCommit), `prefix` its path in the repository; otherwise the folder on disk. */
  revision?: { commit: string; prefix: string };
  name: string;
  fields?: readonly string[];
  texts?: readonly string[];
  /** The limits the user raised on the command line (`CliContext.limits`). */
  limits?: Limits;
}

/** Raised for bad command lines: reported in one line with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

/** A command's arguments as node:util's parseArgs reads them; what it rejects (an unknown option, a missing value) is a UsageError. */
export function parseCommandArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
