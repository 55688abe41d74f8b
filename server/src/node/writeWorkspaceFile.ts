import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';

/**
 * Writes a file of the workspace for `check --fix`, refusing any path that
 * does not resolve inside one of the workspace folders. The file is replaced
 * atomically, so an interrupted run never leaves half a file.
 */
export async function writeWorkspaceFile(workspaceFolder: string, uri: string, content: string): Promise<void> {
  const target = await fs.realpath(URI.parse(uri).fsPath);
  const folder = await fs.realpath(workspaceFolder).catch(() => path.resolve(workspaceFolder));
  if (!target.startsWith(folder + path.sep)) throw new Error(`refusing to write ${target}: it is outside the workspace`);
  const temporary = `${target}.${process.pid}.policy-annotator.tmp`;
  await fs.writeFile(temporary, content);
  await fs.rename(temporary, target);
}
