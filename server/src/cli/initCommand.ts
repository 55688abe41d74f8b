import * as path from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_LIMITS, DOCS_BASE_URL } from '../core';
import { parseCommandArgs, UsageError, type CliContext } from './cliContext';
import { InitRefused, type NewWorkspaceFile } from './workspaceCreator';

export interface InitOptions {
  /** The workspace folder to create, absolute. */
  folder: string;
  /** The text to copy into the workspace, absolute. */
  textFile?: string;
}

export const INIT_USAGE = `Usage: policy-annotator init [dir] [--text FILE]

Creates a workspace in dir (default: the current directory; created if missing) that
\`policy-annotator check\` finds clean:

  policy-annotator.yaml         the configuration (roots: annotations)
  annotations/actors.yaml       the actor registry, with a commented example
  annotations/concepts.yaml     the concept registry, with a commented example

Options:
  --text FILE   Also copy FILE (plain text or Markdown) to annotations/texts/<name>.<ext>,
                byte for byte, and create its annotation file annotations/<name>.yaml with
                \`text:\` set; <name> is FILE's name in lower-case kebab-case.
  -h, --help    Show this help.

It never overwrites a file and never follows a symbolic link: if any file it would
create already exists, it writes nothing and exits 2.`;

/** Returns undefined when `init --help` was asked for. */
export function parseInitArgs(args: string[], context: CliContext): InitOptions | undefined {
  const parsed = parseCommandArgs({ args, allowPositionals: true, options: { text: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const { values, positionals } = parsed;
  if (values.help) return undefined;
  if (positionals.length > 1) throw new UsageError(`init takes one folder, not ${positionals.length}: ${positionals.map((p) => `\`${p}\``).join(', ')}.`);
  if (values.text !== undefined && values.text.trim() === '') throw new UsageError('--text needs a file: the text to annotate, e.g. --text report.txt.');
  return {
    folder: path.resolve(context.cwd, positionals[0] ?? '.'),
    ...(values.text !== undefined ? { textFile: path.resolve(context.cwd, values.text) } : {}),
  };
}

/** File names the registries use: a text named like them gets a suffix instead. */
const RESERVED_NAMES = new Set(['actors', 'concepts']);

/** The lower-case kebab-case name for a text's files, from its file name: `My Report (2024).txt` -> `my-report-2024`. */
export function textFileStem(fileName: string): string {
  const stem = fileName.slice(0, fileName.length - path.extname(fileName).length) || fileName;
  const kebab = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  const name = kebab === '' ? 'text' : kebab;
  return RESERVED_NAMES.has(name) ? `${name}-text` : name;
}

/** The extension the copy keeps: the original's, in lower case, or `.txt` when it has none usable. */
export function textFileExtension(fileName: string): string {
  const ext = path.extname(fileName).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '.txt';
}

/**
 * Why a text cannot be used as it is, or undefined when it can: the checks
 * would refuse it later (too large, binary, not UTF-8), so `init` refuses now.
 */
export function unusableTextReason(bytes: Uint8Array): string | undefined {
  if (bytes.length > DEFAULT_LIMITS.textSize) return `it is ${bytes.length} bytes, over the limit of ${DEFAULT_LIMITS.textSize}`;
  if (bytes.includes(0)) return 'it holds NUL bytes, so it looks like a binary file, not a text';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'it is not valid UTF-8; save it as UTF-8 and try again';
  }
  return undefined;
}

const CONFIG_CONTENT = `# Policy Annotator workspace configuration. Every field is described in
# ${DOCS_BASE_URL}format.md#configuration-policy-annotatoryaml

# Folders that hold annotation files, relative to this file.
roots:
  - annotations

# Values added to the default vocabularies, for example:
# vocabulary:
#   actor-kinds: [think-tank]
#   claim-types: [forecast]

# Severity per diagnostic code (error, warning, info, hint or off), for example:
# severity:
#   quote-ambiguous: warning
`;

const ACTORS_CONTENT = `# The actor registry: the people, organisations and states in your texts.
# Every alias is matched as a whole word, case-sensitively, in every text.
# Add actors as items of the list below, for example (remove the leading #):
#
#   - id: ministry-of-finance        # lower-case kebab-case, unique
#     name: Ministry of Finance
#     kind: government               # person, organization, government, military,
#                                    # intelligence-agency, armed-group, political-party,
#                                    # movement, state, international-organization,
#                                    # media or population
#     aliases: [Ministry of Finance, Finance Ministry]
#     description: The government department responsible for the budget.
#     relations:
#       - type: part-of              # part-of, member-of, leads, allied-with, opposes,
#         target: national-government  # patron-of, funds or negotiates-with
#
actors:
`;

const CONCEPTS_CONTENT = `# The concept registry: propositions that actors support or reject.
# Phrase each label so that "supports" means agreeing with it as written.
# Add concepts as items of the list below, for example (remove the leading #):
#
#   - id: deficit-will-fall
#     label: The budget deficit will fall next year
#     description: Forecasts of the deficit for the coming fiscal year.
#
concepts:
`;

function annotationFileContent(textPath: string): string {
  return `# Annotations of ${textPath}: its explicit mentions and the claims made in it.
text: ${textPath}
# title: The text's title
# author: an-actor-id

# References to actors that no alias catches, for example:
#   - actor: ministry-of-finance
#     quote: the ministry
mentions:

# Claims: who asserts what, anchored by a quote copied from the text, for example:
#   - id: deficit-will-fall-2026       # lower-case kebab-case, unique
#     claimant: ministry-of-finance    # the actor who makes the claim
#     quote: the deficit will fall     # words copied from the text
#     concept: deficit-will-fall       # optional, with stance: supports | rejects
#     stance: supports
#     type: prediction
claims:
`;
}

/** The files of a new workspace, with a text's copy and annotation file when one is given. */
export function newWorkspaceFiles(text?: { fileName: string; bytes: Uint8Array }): NewWorkspaceFile[] {
  const files: NewWorkspaceFile[] = [
    { path: CONFIG_FILE_NAME, content: CONFIG_CONTENT },
    { path: 'annotations/actors.yaml', content: ACTORS_CONTENT },
    { path: 'annotations/concepts.yaml', content: CONCEPTS_CONTENT },
  ];
  if (text) {
    const stem = textFileStem(text.fileName);
    const textPath = `texts/${stem}${textFileExtension(text.fileName)}`;
    files.push({ path: `annotations/${textPath}`, content: text.bytes }, { path: `annotations/${stem}.yaml`, content: annotationFileContent(textPath) });
  }
  return files;
}

/** `policy-annotator init`: creates a workspace that checks clean. */
export async function runInit(options: InitOptions | undefined, context: CliContext): Promise<number> {
  const { io } = context;
  if (!options) {
    io.stdout(`${INIT_USAGE}\n`);
    return 0;
  }
  if (!context.createWorkspace) throw new Error('This build of the CLI cannot write files (no workspace creator).');
  let text: { fileName: string; bytes: Uint8Array } | undefined;
  if (options.textFile !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = await context.createWorkspace.readSourceText(options.textFile);
    } catch (error) {
      io.stderr(`policy-annotator: cannot read the text ${options.textFile}: ${error instanceof Error ? error.message : String(error)}. Nothing was written.\n`);
      return 2;
    }
    const reason = unusableTextReason(bytes);
    if (reason) {
      io.stderr(`policy-annotator: cannot use ${options.textFile} as a text: ${reason}. Nothing was written.\n`);
      return 2;
    }
    text = { fileName: path.basename(options.textFile), bytes };
  }
  const files = newWorkspaceFiles(text);
  try {
    await context.createWorkspace.createFiles(options.folder, files);
  } catch (error) {
    if (error instanceof InitRefused) {
      io.stderr(`policy-annotator: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const shown = path.relative(context.cwd, options.folder) || '.';
  io.stdout(`Created a Policy Annotator workspace in ${shown}:\n${files.map((f) => `  ${f.path}\n`).join('')}`);
  const next = text
    ? `Next: define the actors of your text in annotations/actors.yaml, add claims to ${files[files.length - 1].path}, and run \`policy-annotator check\`${shown === '.' ? '' : ` in ${shown}`}.`
    : `Next: copy a text under annotations/texts/, create its annotation file with \`text:\` (or run \`policy-annotator init --text FILE\` in a new folder), and run \`policy-annotator check\`.`;
  io.stdout(`\n${next}\n`);
  return 0;
}
