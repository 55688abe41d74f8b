import { runCli } from '../cli/runCli';
import { NodeFileHost } from './nodeFileHost';
import { openCheckCache } from './checkCache';
import { WorkerParser } from './workerParser';
import { writeExportFiles } from './exportWriter';
import { writeWorkspaceFile } from './writeWorkspaceFile';
import { writeOutputFile } from './writeOutputFile';
import { nodeWorkspaceCreator } from './createWorkspaceFiles';
import { nodeDnaFiles } from './dnaFiles';
import { loadAgreementCoderOnWorker } from './agreementLoader';
import { BatchReadingFileHost } from './batchFileHost';

declare const POLICY_ANNOTATOR_VERSION: string | undefined;

/**
 * A reader that stops early (`check | head`) closes the pipe: that ends the
 * command quietly, as with any Unix tool, instead of an EPIPE stack trace.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

/** The `policy-annotator` command. */
async function main(): Promise<void> {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  const version = typeof POLICY_ANNOTATOR_VERSION === 'string' ? POLICY_ANNOTATOR_VERSION : 'development';
  const code = await runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    version,
    createHost: (folders) => new NodeFileHost(folders),
    createBatchHost: (folders) => new BatchReadingFileHost(folders),
    // Loaded on first use: child_process costs every command's start, and a warm check of a stylish report never runs git.
    git: async (args, cwd) => (await import('./runGit.js')).runGit(args, cwd),
    openGitBlobReader: async (cwd) => new (await import('./gitCatFile.js')).GitCatFileReader(cwd),
    parser: new WorkerParser(),
    openCache: (options) => openCheckCache(options, version, process.env),
    writeExport: writeExportFiles,
    writeFile: writeWorkspaceFile,
    writeOutputFile,
    createWorkspace: nodeWorkspaceCreator,
    dnaFiles: nodeDnaFiles,
    loadAgreementCoder: loadAgreementCoderOnWorker(),
    // Loaded only for `lsp`: the language server's modules would slow every other command's start.
    loadLanguageServer: () => import('./runLanguageServer.js'),
    io: {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      isTTY: process.stdout.isTTY === true,
      env: process.env,
    },
  });
  process.exitCode = code;
}

void main();
