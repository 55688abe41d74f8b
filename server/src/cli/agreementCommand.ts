import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { WorkspaceFileHost } from '../core';
import {
  AGREEMENT_FIELDS,
  compareAnnotations,
  loadCoderAnnotations,
  loadCoderWorkspace,
  MAX_CODERS,
  PartnerTextWork,
  PRESENCE_FIELD,
  readCoderSharing,
  selectedClaimFields,
  StreamingComparison,
  type AgreementReport,
  type CodedText,
  type CoderAnnotations,
} from '../core/agreement';
import { formatAgreementMarkdown, formatAgreementStylish } from './formatAgreement';
import { GitRevisionHost, repositoryPrefix, resolveCommit } from './gitRevisionHost';
import { parseCommandArgs, UsageError, type AgreementCoderRequest, type CliContext } from './cliContext';
import { sameInPartner, type PartnerSource } from './partnerFiles';

const FORMATS = ['stylish', 'json', 'markdown'] as const;

export interface AgreementOptions {
  /** The dirs form: each coder's workspace folder (absolute). */
  folders: string[];
  /** The --ref form: git revisions of the workspace folder. */
  refs: string[];
  /** For --ref: the workspace folder inside the repository. */
  workspaceFolder: string;
  coders: string[];
  format: (typeof FORMATS)[number];
  fields?: string[];
  texts?: string[];
}

const AGREEMENT_FLAGS = {
  ref: { type: 'string', multiple: true },
  coder: { type: 'string', multiple: true },
  workspace: { type: 'string' },
  format: { type: 'string', default: 'stylish' },
  fields: { type: 'string' },
  text: { type: 'string', multiple: true },
} as const;

/** Coder names from the folders or revisions as given, made distinct where two would read the same. */
function defaultNames(given: string[], short: (value: string) => string): string[] {
  const names = given.map(short);
  return names.map((name, i) => (names.indexOf(name) !== names.lastIndexOf(name) ? given[i] : name));
}

export function parseAgreementArgs(args: string[], context: CliContext): AgreementOptions {
  const parsed = parseCommandArgs({ args, allowPositionals: true, options: AGREEMENT_FLAGS });
  const { values, positionals } = parsed;
  const refs = values.ref ?? [];
  const format = values.format as AgreementOptions['format'];
  if (!FORMATS.includes(format)) throw new UsageError(`Unknown format \`${values.format}\`: use ${FORMATS.join(', ')}.`);
  if (refs.length && positionals.length) throw new UsageError('agreement compares either workspace folders or --ref revisions, not both.');
  if (!refs.length && values.workspace !== undefined) throw new UsageError('--workspace goes with --ref; in the folders form, each folder is a workspace.');
  const count = refs.length || positionals.length;
  if (count < 2) throw new UsageError('agreement needs two or more coders: `policy-annotator agreement DIR_A DIR_B` or `policy-annotator agreement --ref REV_A --ref REV_B`.');
  if (count > MAX_CODERS) throw new UsageError(`agreement compares at most ${MAX_CODERS} coders at once, not ${count}.`);
  const given = refs.length ? refs : positionals;
  const coders = values.coder ?? defaultNames(given, (value) => (refs.length ? value : path.basename(path.resolve(context.cwd, value)) || value));
  if (coders.length !== count) throw new UsageError(`Give --coder once for each of the ${count} ${refs.length ? 'revisions' : 'folders'}, in the same order (${coders.length} given).`);
  const duplicate = coders.find((name, i) => coders.indexOf(name) !== i);
  if (duplicate !== undefined) throw new UsageError(`Two coders are named \`${duplicate}\`: name each once with --coder.`);
  if (coders.some((name) => name.trim() === '')) throw new UsageError('A coder name is empty: give each a name with --coder.');
  let fields: string[] | undefined;
  if (values.fields !== undefined) {
    fields = values.fields.split(',').map((f) => f.trim()).filter((f) => f !== '');
    const known: string[] = [...AGREEMENT_FIELDS, PRESENCE_FIELD];
    const unknown = fields.find((f) => !known.includes(f));
    if (unknown !== undefined || fields.length === 0) throw new UsageError(`Unknown field \`${unknown ?? ''}\` for --fields: use a comma-separated list of ${known.join(', ')}.`);
  }
  const workspaceFolder = path.resolve(context.cwd, values.workspace ?? '.');
  return {
    folders: refs.length ? [] : positionals.map((p) => path.resolve(context.cwd, p)),
    refs,
    workspaceFolder,
    coders,
    format,
    fields,
    texts: values.text?.map((t) => (refs.length ? t : t.split(path.sep).join('/'))),
  };
}

/** The coder read on a worker whose text work the coder read here takes, and where it is read from. */
interface Partner {
  work: PartnerTextWork;
  source: PartnerSource;
}

/**
 * Loads one coder's workspace; refuses one with no annotation files (a mistyped folder or revision).
 * With a partner (the coder read on a worker meanwhile), sets aside the registry files the partner
 * has alike (`sameInPartner`) and takes the text work it hands on that fits (`readCoderSharing`);
 * each text goes to `onText` as it is read.
 */
async function loadCoder(context: CliContext, options: AgreementOptions, name: string, host: WorkspaceFileHost, source: CoderSource, partner: Partner | undefined, onText: (text: CodedText) => void): Promise<CoderAnnotations> {
  const { folder, what } = source;
  const loadOptions = { parser: context.parser, fields: options.fields, texts: options.texts };
  if (!partner) {
    const coder = await loadCoderAnnotations(host, URI.file(folder).toString(), name, loadOptions);
    coder?.texts.forEach(onText);
    return coder ?? refuseEmpty(what);
  }
  const coder = await loadCoderWorkspace(host, URI.file(folder).toString(), name, { ...loadOptions, sameInPartner: sameInPartner(context, source, host, partner.source) });
  return coder ? readCoderSharing(coder, loadOptions, partner.work, onText) : refuseEmpty(what);
}

function refuseEmpty(what: string): never {
  throw new UsageError(`${what} holds no annotation files: is it a workspace folder?`);
}

interface CoderSource {
  folder: string;
  revision?: AgreementCoderRequest['revision'];
  /** How messages name it. */
  what: string;
  /** A host to read it here, and what to close after. */
  here: () => { host: WorkspaceFileHost; close?: () => Promise<void> };
}

/**
 * Loads each coder and compares them: every other coder (the second, the
 * fourth, …) on a worker thread, if the context offers one, while the others
 * load here; one whose worker fails loads here after all. The texts are
 * compared as they come (a worker's arrive a few at a time), so that the
 * comparison runs while the last coder is still being read; after a worker
 * failed, they are compared once all are loaded.
 */
async function loadAndCompare(options: AgreementOptions, context: CliContext, sources: CoderSource[]): Promise<AgreementReport> {
  const comparisonOptions = { fields: options.fields, texts: options.texts };
  let streaming: StreamingComparison | undefined = new StreamingComparison(options.coders, selectedClaimFields(comparisonOptions), comparisonOptions);
  // The first coder, read here, takes the text work of the second, read on a worker: usually the same texts.
  const partner = context.loadAgreementCoder && sources.length > 1 ? new PartnerTextWork() : undefined;
  const coders = await Promise.all(
    sources.map(async (source, i) => {
      const { folder, revision, what, here } = source;
      const name = options.coders[i];
      const loadHere = async () => {
        const { host, close } = here();
        try {
          const coder = await loadCoder(context, options, name, host, source, i === 0 && partner ? { work: partner, source: sources[1] } : undefined, (text) => streaming?.add(i, [text]));
          streaming?.end(i);
          return coder;
        } finally {
          await close?.();
        }
      };
      if (!context.loadAgreementCoder || i % 2 === 0) return loadHere();
      let coder: CoderAnnotations | undefined;
      try {
        coder = await context.loadAgreementCoder({ folder, revision, name, fields: options.fields, texts: options.texts, limits: context.limits }, (texts, work) => {
          streaming?.add(i, texts);
          if (i === 1) partner?.add(texts, work);
        });
      } catch {
        // Some of its texts may have been compared: the comparison starts again once every coder is loaded.
        streaming = undefined;
        return loadHere();
      } finally {
        if (i === 1) partner?.end();
      }
      if (!coder) return refuseEmpty(what);
      streaming?.end(i);
      return coder;
    }),
  );
  return streaming ? streaming.report() : compareAnnotations(coders, comparisonOptions);
}

function compareFolders(options: AgreementOptions, context: CliContext): Promise<AgreementReport> {
  return loadAndCompare(options, context, options.folders.map((folder) => ({ folder, what: folder, here: () => ({ host: (context.createBatchHost ?? context.createHost)([folder]) }) })));
}

/** The --ref form: every revision is resolved to a commit first, then each is read through git (`GitRevisionHost`). */
async function compareRefs(options: AgreementOptions, context: CliContext): Promise<AgreementReport> {
  const folder = options.workspaceFolder;
  const prefix = await repositoryPrefix(context, folder);
  if (prefix === undefined) throw new UsageError(`${folder} is not inside a git repository, so there are no revisions to compare.`);
  const sources: CoderSource[] = [];
  for (const revision of options.refs) {
    const commit = await resolveCommit(context, folder, revision);
    if (commit === undefined) throw new UsageError(`\`${revision}\` is not a git revision here. Give a commit, branch or tag (in CI, fetch it first).`);
    const here = () => {
      const host = new GitRevisionHost(context, folder, commit, prefix);
      return { host, close: () => host.close() };
    };
    sources.push({ folder, revision: { commit, prefix }, what: `The workspace at \`${revision}\``, here });
  }
  return loadAndCompare(options, context, sources);
}

/** `policy-annotator agreement`: how far several coders' annotations of the same texts agree. */
export async function runAgreement(options: AgreementOptions, context: CliContext): Promise<number> {
  const report = options.refs.length ? await compareRefs(options, context) : await compareFolders(options, context);
  if (options.format === 'json') context.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (options.format === 'markdown') context.io.stdout(`${formatAgreementMarkdown(report)}\n`);
  else context.io.stdout(`${formatAgreementStylish(report)}\n`);
  return 0;
}
