import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { startLanguageServer } from '../lsp/startLanguageServer';
import { comparisonLoader } from './comparisonLoader';
import { writeExportIntoFolderUri } from './exportWriter';
import { NodeFileHost } from './nodeFileHost';
import { OffThreadParser } from './offThreadParser';
import { paranoidModeFromEnvironment } from './paranoidMode';

declare const POLICY_ANNOTATOR_VERSION: string | undefined;

/** The transports the server accepts on its command line. */
export const LANGUAGE_SERVER_TRANSPORTS = ['--stdio', '--node-ipc', '--socket=<port>', '--pipe=<name>'];

/** True when the arguments name a transport that `createConnection` understands. */
export function namesLanguageServerTransport(args: readonly string[]): boolean {
  return args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || /^--(socket|pipe)(=|$)/.test(arg));
}

/**
 * Starts the language server on the transport named on the process's
 * command line (`--stdio`, `--node-ipc`, `--socket=<port>` or
 * `--pipe=<name>`). It serves until the client sends `exit` or closes the
 * connection, and then ends the process (code 0 after a `shutdown`, 1
 * otherwise): the returned promise never settles.
 */
export function runLanguageServer(): Promise<never> {
  const connection = createConnection(ProposedFeatures.all);
  const largeFileParser = new OffThreadParser();
  startLanguageServer(connection, {
    version: typeof POLICY_ANNOTATOR_VERSION === 'string' ? POLICY_ANNOTATOR_VERSION : 'development',
    createHost: (folders) => new NodeFileHost(folders.map((folder) => URI.parse(folder).fsPath)),
    largeFileParser,
    loadComparison: comparisonLoader(largeFileParser),
    writeExport: writeExportIntoFolderUri,
    paranoid: paranoidModeFromEnvironment(process.env),
  });
  return new Promise<never>(() => undefined);
}
