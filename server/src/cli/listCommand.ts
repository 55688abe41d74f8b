import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { closestMatches, didYouMeanSuffix, isUnder, listActors, listClaims, listEntities, listMentions, ListingScope, loadWorkspace, type ClaimRow, type DefinitionRow, type MentionRow } from '../core';
import { parseCommandArgs, UsageError, type CliContext } from './cliContext';
import { formatTable, safeJson } from './formatTable';

export const LIST_KINDS = ['mentions', 'claims', 'actors', 'entities'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
const LIST_FORMATS = ['table', 'json'] as const;

export interface ListOptions {
  kind: ListKind;
  workspaceFolder: string;
  /** Canonical URIs of the files or folders to list, or empty for all. */
  only: string[];
  format: (typeof LIST_FORMATS)[number];
}

export function parseListArgs(args: string[], context: CliContext): ListOptions {
  const parsed = parseCommandArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'table' }, workspace: { type: 'string' } } });
  const { values, positionals } = parsed;
  const [kind, ...paths] = positionals;
  if (kind === undefined) throw new UsageError(`list needs what to list: ${LIST_KINDS.join(', ')}.`);
  if (!(LIST_KINDS as readonly string[]).includes(kind)) throw new UsageError(`Unknown list \`${kind}\`: use ${LIST_KINDS.join(', ')}.${didYouMeanSuffix(closestMatches(kind, LIST_KINDS, 1))}`);
  const format = values.format as ListOptions['format'];
  if (!LIST_FORMATS.includes(format)) throw new UsageError(`Unknown format \`${values.format}\`: use ${LIST_FORMATS.join(' or ')}.`);
  const workspaceFolder = path.resolve(context.cwd, values.workspace ?? '.');
  const workspaceUri = URI.file(workspaceFolder).toString();
  const only = paths.map((p) => URI.file(path.resolve(context.cwd, p)).toString());
  only.forEach((uri, i) => {
    if (!isUnder(uri, workspaceUri)) throw new UsageError(`\`${paths[i]}\` is outside the workspace folder ${workspaceFolder}.`);
  });
  return { kind: kind as ListKind, workspaceFolder, only, format };
}

/** `policy-annotator list`: what the workspace holds after anchoring and matching, as JSON or a table. */
export async function runList(options: ListOptions, context: CliContext): Promise<number> {
  const folderUri = URI.file(options.workspaceFolder).toString();
  const { index } = await loadWorkspace(context.createHost([options.workspaceFolder]), folderUri, { parser: context.parser });
  if (index.annotationFiles().length === 0) {
    throw new UsageError(`No annotation files in ${options.workspaceFolder} (looked under: ${index.config.roots.join(', ')}). Run list from the workspace folder or pass --workspace.`);
  }
  for (const only of options.only) {
    const known = index.annotationFiles().some((file) => isUnder(file.uri, only)) || index.referencedTexts().some((text) => isUnder(text, only));
    if (!known) throw new UsageError(`No annotation files or annotated texts under \`${URI.parse(only).fsPath}\`.`);
  }
  const scope = new ListingScope(index, options.only);
  const rows = LISTERS[options.kind](index, scope);
  context.io.stdout(options.format === 'json' ? `${safeJson(rows)}\n` : TABLES[options.kind](rows as never));
  return 0;
}

const LISTERS = { mentions: listMentions, claims: listClaims, actors: listActors, entities: listEntities } as const;

const TABLES: { [K in ListKind]: (rows: ReturnType<(typeof LISTERS)[K]>) => string } = {
  mentions: mentionTable,
  claims: claimTable,
  actors: (rows) => definitionTable(rows, 'actors'),
  entities: (rows) => definitionTable(rows, 'entities'),
};

function closing(count: number, what: string): string {
  return `${count} ${what}\n`;
}

function mentionTable(rows: MentionRow[]): string {
  if (rows.length === 0) return closing(0, 'mentions');
  const table = formatTable(
    ['PLACE', 'QUOTE', 'IDS', 'HOW', 'NOTE'],
    rows.map((r) => [`${r.text}:${r.line}:${r.column}`, r.quote, r.ids.join(', '), r.explicit ? 'explicit' : 'alias', r.note ?? '']),
  );
  const explicit = rows.filter((r) => r.explicit).length;
  return `${table}\n\n${closing(rows.length, `mention${rows.length === 1 ? '' : 's'} (${explicit} explicit)`)}`;
}

function claimTable(rows: ClaimRow[]): string {
  if (rows.length === 0) return closing(0, 'claims');
  const table = formatTable(
    ['ID', 'PLACE', 'CLAIMANT', 'STANCE', 'CONCEPT', 'ABOUT', 'TEXT', 'QUOTE'],
    rows.map((r) => [r.id ?? '', `${r.file}:${r.line}`, r.claimant ?? '', r.stance ?? '', r.concept ?? '', r.about.join(', '), r.text ? `${r.text}:${r.textLine ?? '(not anchored)'}` : '(no text)', r.quote ?? '']),
  );
  return `${table}\n\n${closing(rows.length, `claim${rows.length === 1 ? '' : 's'}`)}`;
}

function definitionTable(rows: DefinitionRow[], what: 'actors' | 'entities'): string {
  if (rows.length === 0) return closing(0, what);
  const table = formatTable(
    ['ID', 'KIND', 'NAME', 'ALIASES', 'MENTIONS', 'PLACE'],
    rows.map((r) => [r.id ?? '', r.kind ?? '', r.name ?? '', r.aliases.join(', '), String(r.mentions), `${r.file}:${r.line}`]),
  );
  return `${table}\n\n${closing(rows.length, rows.length === 1 ? { actors: 'actor', entities: 'entity' }[what] : what)}`;
}
