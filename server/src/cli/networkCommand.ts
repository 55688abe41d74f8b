import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { closestMatches, didYouMeanSuffix, loadWorkspace } from '../core';
import { ExportRefused } from '../core/export/exportWriting';
import {
  computeNetwork,
  DEFAULT_NETWORK_OPTIONS,
  DUPLICATE_HANDLINGS,
  NETWORK_COLUMNS,
  NETWORK_FORMATS,
  NETWORK_LABELS,
  NETWORK_ROWS,
  NETWORK_TYPES,
  networkOptionsProblem,
  NORMALIZATIONS,
  QUALIFIER_AGGREGATIONS,
  TIME_WINDOW_UNITS,
  writeNetwork,
  type NetworkFormat,
  type NetworkOptions,
} from '../core/network';
import { parseCommandArgs, UsageError, type CliContext } from './cliContext';

export interface NetworkCommandOptions {
  workspaceFolder: string;
  network: NetworkOptions;
  format: NetworkFormat;
  /** The output file, absolute; stdout when absent. */
  out?: string;
}

const EXCLUDES = { 'exclude-actor': 'excludeActors', 'exclude-concept': 'excludeConcepts', 'exclude-type': 'excludeTypes', 'exclude-author': 'excludeAuthors', 'exclude-source': 'excludeSources' } as const;

/** One of the values an option takes, or a usage error with the closest ones. */
function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Unknown --${option} \`${value}\`: use ${allowed.join(', ')}.${didYouMeanSuffix(closestMatches(value, allowed, 2))}`);
}

export function parseNetworkArgs(args: string[], context: CliContext): NetworkCommandOptions {
  const text = { type: 'string' } as const;
  const list = { type: 'string', multiple: true } as const;
  const parsed = parseCommandArgs({
      args,
      options: {
        workspace: text,
        type: text,
        rows: text,
        columns: text,
        'qualifier-aggregation': text,
        normalization: text,
        duplicates: text,
        start: text,
        stop: text,
        'exclude-actor': list,
        'exclude-concept': list,
        'exclude-type': list,
        'exclude-author': list,
        'exclude-source': list,
        isolates: { type: 'boolean' },
        'time-window': text,
        'window-size': text,
        labels: text,
        format: text,
        out: text,
      },
    });
  const { values } = parsed;
  const type = oneOf('type', values.type, NETWORK_TYPES, DEFAULT_NETWORK_OPTIONS.type);
  const aggregations = QUALIFIER_AGGREGATIONS[type];
  const normalizations = NORMALIZATIONS[type];
  const windowSize = values['window-size'];
  if (windowSize !== undefined && !/^\d+$/.test(windowSize)) throw new UsageError(`--window-size must be a whole number of at least 1, not \`${windowSize}\`.`);
  const network: NetworkOptions = {
    ...DEFAULT_NETWORK_OPTIONS,
    type,
    rows: oneOf('rows', values.rows, NETWORK_ROWS, DEFAULT_NETWORK_OPTIONS.rows),
    columns: oneOf('columns', values.columns, NETWORK_COLUMNS, DEFAULT_NETWORK_OPTIONS.columns),
    qualifierAggregation: oneOf('qualifier-aggregation', values['qualifier-aggregation'], aggregations, 'ignore'),
    normalization: oneOf('normalization', values.normalization, normalizations, 'no'),
    duplicates: oneOf('duplicates', values.duplicates, DUPLICATE_HANDLINGS, DEFAULT_NETWORK_OPTIONS.duplicates),
    isolates: values.isolates === true,
    labels: oneOf('labels', values.labels, NETWORK_LABELS, 'name'),
    ...(values.start !== undefined ? { start: values.start } : {}),
    ...(values.stop !== undefined ? { stop: values.stop } : {}),
    ...(values['time-window'] !== undefined ? { timeWindow: oneOf('time-window', values['time-window'], TIME_WINDOW_UNITS, 'days') } : {}),
    ...(windowSize !== undefined ? { windowSize: Number(windowSize) } : {}),
  };
  for (const [option, field] of Object.entries(EXCLUDES)) network[field] = values[option as keyof typeof EXCLUDES] ?? [];
  if (values.columns !== undefined && type === 'onemode') throw new UsageError('--columns applies to --type twomode only (a one-mode network links rows through concepts).');
  const problem = networkOptionsProblem(network);
  if (problem) throw new UsageError(problem);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out needs a file name, e.g. --out network.csv.');
  return {
    workspaceFolder: path.resolve(context.cwd, values.workspace ?? '.'),
    network,
    format: oneOf('format', values.format, NETWORK_FORMATS, 'csv'),
    ...(values.out !== undefined ? { out: path.resolve(context.cwd, values.out) } : {}),
  };
}

/** The file a network of a series goes to: the suffix before the extension (`net.csv` → `net-01-2021-03-02.csv`). */
function seriesFile(out: string, suffix: string): string {
  const extension = path.extname(out);
  return `${out.slice(0, out.length - extension.length)}${suffix}${extension}`;
}

/** `policy-annotator network`: one discourse network (or a time-window series) of the workspace, as DNA computes it. */
export async function runNetwork(options: NetworkCommandOptions, context: CliContext): Promise<number> {
  const { io } = context;
  const folderUri = URI.file(options.workspaceFolder).toString();
  const { index } = await loadWorkspace(context.createHost([options.workspaceFolder]), folderUri);
  if (index.annotationFiles().length === 0) {
    throw new UsageError(`No annotation files in ${options.workspaceFolder} (looked under: ${index.config.roots.join(', ')}). Run network from the workspace folder or pass --workspace.`);
  }
  const result = computeNetwork(index, options.network);
  const outputs = writeNetwork(result, options.format);
  if (options.out === undefined) {
    if (outputs.length !== 1) throw new UsageError(`A time-window series in ${options.format} is one file per window: pass --out <file> (the windows are numbered after its name), or use --format json for one file.`);
    io.stdout(outputs[0].content);
    return 0;
  }
  if (!context.writeOutputFile) throw new Error('This build of the CLI cannot write files (no output writer).');
  const files = outputs.map((o) => seriesFile(options.out!, o.suffix));
  try {
    for (let n = 0; n < outputs.length; n++) await context.writeOutputFile(files[n], outputs[n].content);
  } catch (error) {
    if (error instanceof ExportRefused) {
      io.stderr(`policy-annotator: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const [first] = result.matrices;
  const shape = result.matrices.length === 1 && first ? `${first.rows.length} × ${first.columns.length}, from ${first.statements} statements` : `${result.matrices.length} time windows`;
  io.stdout(`Wrote a ${options.network.type === 'onemode' ? 'one-mode' : 'two-mode'} network (${shape}) as ${options.format} to ${files.length === 1 ? files[0] : `${files.length} files beside ${options.out}`}.\n`);
  return 0;
}
