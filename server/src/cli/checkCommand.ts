import { URI } from 'vscode-uri';
import { isUnder, loadWorkspace, sortDiagnostics, summarizeWorkspace, workspaceDiagnostics, applySeverityOverrides, type CoreDiagnostic } from '../core';
import { toLocatedDiagnostic } from './diagnosticRows';
import { formatStylish, formatTotals, makeColors } from './formatStylish';
import { formatSummary } from './formatSummary';
import { UsageError, type CheckOptions, type CliContext } from './runCli';

/** `policy-annotator check`: loads the workspace, runs every check and reports. */
export async function runCheck(options: CheckOptions, context: CliContext): Promise<number> {
  const folderUri = URI.file(options.workspaceFolder).toString();
  const host = context.createHost([options.workspaceFolder]);
  const loaded = await loadWorkspace(host, folderUri);
  const { index } = loaded;

  const byFile = workspaceDiagnostics(index);
  if (loaded.configUri) {
    byFile.set(loaded.configUri, sortDiagnostics(applySeverityOverrides(loaded.configDiagnostics, index.config)));
  }
  const inScope = (uri: string) => options.only.length === 0 || options.only.some((only) => isUnder(uri, only));
  const files = [...byFile.keys()].filter(inScope).sort();
  if (options.only.length > 0) {
    for (const only of options.only) {
      if (!files.some((uri) => isUnder(uri, only))) throw new UsageError(`No annotation files under \`${URI.parse(only).fsPath}\`.`);
    }
  }
  const diagnostics: CoreDiagnostic[] = files.flatMap((uri) => byFile.get(uri) ?? []);
  const configContent = loaded.configUri ? await host.readFile(loaded.configUri) : undefined;
  const located = diagnostics.map((d) => toLocatedDiagnostic(index, d, (uri) => (uri === loaded.configUri ? configContent : undefined)));

  const colors = makeColors(options.color);
  if (options.format === 'json') {
    context.io.stdout(`${JSON.stringify(located.map((d) => d.row), null, 2)}\n`);
  } else {
    const report = formatStylish(located, colors);
    if (report) context.io.stdout(`${report}\n`);
    context.io.stdout(`${formatTotals(located, index.annotationFiles().filter((f) => inScope(f.uri)).length, colors)}\n`);
    if (options.summary) context.io.stdout(`\n${formatSummary(summarizeWorkspace(index), index, colors)}\n`);
  }
  return located.some((d) => d.row.severity === 'error') ? 1 : 0;
}
