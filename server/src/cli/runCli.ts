import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { URI } from 'vscode-uri';
import { isUnder, type WorkspaceFileHost } from '../core';
import { runCheck } from './checkCommand';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stdout is a terminal (colours on by default). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

export interface CliContext {
  cwd: string;
  io: CliIo;
  createHost: (workspaceFolders: string[]) => WorkspaceFileHost;
  version: string;
}

/** Raised for bad command lines: reported with the usage, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: policy-annotator <command> [options]

Commands:
  check [paths…]      Check the annotations of the workspace (default: the current directory).
                      With paths, report only on the files under them; the whole workspace is
                      still read, so references across files resolve.

Options for check:
  --workspace <dir>   The workspace folder (default: the current directory).
  --format <name>     stylish (default) or json.
  --summary           Also print the actors, concepts, claims and mentions per text.
  --color / --no-color
                      Force colours on or off (default: on for a terminal, off with NO_COLOR).

  -h, --help          Show this help.
  -v, --version       Show the version.

Exit codes: 0 no errors, 1 errors found, 2 usage or internal failure.`;

/** Runs the CLI and returns its exit code. Never throws. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const { io } = context;
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout(`${context.version}\n`);
      return 0;
    }
    switch (command) {
      case 'check':
        return await runCheck(parseCheckArgs(rest, context), context);
      default:
        throw new UsageError(`Unknown command \`${command}\`.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`policy-annotator: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`policy-annotator: internal error — please report it with the command you ran.\n${detail}\n`);
    return 2;
  }
}

export interface CheckOptions {
  workspaceFolder: string;
  /** URIs to report on; empty means everything. */
  only: string[];
  format: 'stylish' | 'json';
  summary: boolean;
  color: boolean;
}

function parseCheckArgs(args: string[], context: CliContext): CheckOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        workspace: { type: 'string' },
        format: { type: 'string', default: 'stylish' },
        summary: { type: 'boolean', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const format = values.format;
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`Unknown format \`${format}\`: use stylish or json.`);
  const workspaceFolder = path.resolve(context.cwd, values.workspace ?? '.');
  const only = positionals.map((p) => URI.file(path.resolve(context.cwd, p)).toString());
  const workspaceUri = URI.file(workspaceFolder).toString();
  for (let i = 0; i < only.length; i++) {
    if (!isUnder(only[i], workspaceUri)) throw new UsageError(`\`${positionals[i]}\` is outside the workspace folder ${workspaceFolder}.`);
  }
  const noColor = values['no-color'] === true || (context.io.env.NO_COLOR ?? '') !== '';
  const color = values.color === true ? true : noColor ? false : context.io.isTTY;
  return { workspaceFolder, only, format, summary: values.summary === true, color };
}
