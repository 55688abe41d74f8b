import { parseAgreementArgs, runAgreement } from './agreementCommand';
import { parseCheckArgs, runCheck } from './checkCommand';
import { UsageError, type CliContext } from './cliContext';
import { parseDiffArgs, runDiff } from './diffCommand';
import { takeLimitFlags } from './limitFlags';
import { parseExportArgs, runExport } from './exportCommand';
import { parseImportArgs, runImport } from './importCommand';
import { parseInitArgs, runInit } from './initCommand';
import { parseNetworkArgs, runNetwork } from './networkCommand';
import { parseListArgs, runList } from './listCommand';
import { describeUsageError } from './usageErrors';

export type { CliContext, CliIo, LanguageServerRunner } from './cliContext';

export const USAGE = `Usage: policy-annotator <command> [options]

Commands:
  init [dir]          Create a workspace that checks clean: policy-annotator.yaml and annotations/
                      with actors.yaml and concepts.yaml; --text FILE also copies a text and creates
                      its annotation file. Never overwrites anything (init --help for details).
  check [paths…]      Check the annotations of the workspace (default: the current directory).
                      With paths, report only on the files under them; the whole workspace is
                      still read, so references across files resolve.
  diff <base> [head]  Summarise what changed in the annotations between two git revisions
                      (head defaults to the working tree), as Markdown fit for a PR comment.
  export              Write the annotations as W3C Web Annotation JSON-LD, brat standoff,
                      discourse networks (GraphML and CSV) or a statements table (CSV) into a folder,
                      or as a DNA 3 database.
  import dna FILE.dna --out DIR
                      Create a new workspace from a DNA 3 database (.dna) in the empty folder DIR,
                      and report what the annotation format cannot hold (docs/dna.md).
  network             Write one discourse network (or a time-window series) as Discourse Network
                      Analyzer computes it: csv, dl (UCINET), graphml or json (docs/networks.md).
  list <what> [paths…]
                      Print what the workspace holds after anchoring and matching: mentions
                      (alias matches and explicit mentions), claims, actors or entities.
                      With paths, only those under them (texts or annotation files).
  agreement DIR_A DIR_B [DIR…] | --ref REV_A --ref REV_B […]
                      How far annotators agree on the same texts: Krippendorff's alpha per
                      claim field, unitizing alpha and precision/recall over the claims' spans,
                      and every disagreement with the words it is about.
  lsp --stdio         Start the language server for editors (or --node-ipc, --socket=<port>,
                      --pipe=<name>); it serves until the editor disconnects.

Options for check:
  --workspace <dir>   The workspace folder (default: the current directory).
  --format <name>     stylish (default), json, github (workflow commands) or sarif (SARIF 2.1.0).
  --severity <level>  Report only diagnostics at least this severe: error, warning, info or hint (default).
  --max-warnings <n>  Also fail (exit 1) when there are more than n warnings.
  --changed-since <rev>
                      Report only diagnostics on lines changed since the git revision, plus
                      every error in the files changed since it.
  --summary           Also print the actors, concepts, claims and mentions per text.
  --fix               Apply the fixes that are safe and certain (a did-you-mean id with one
                      candidate, exact characters for a normalised quote, a stale quote
                      re-anchored above the confidence threshold), never suggestions (removing,
                      choosing between candidates). Each change is re-checked first and dropped
                      if it would add an error; every change and every skipped fix is listed.
  --fix-dry-run       Print the changes --fix would make as a unified diff; write nothing.
  --fix-code <code>   Apply only fixes for this diagnostic code (repeatable).
  --no-cache          Parse and check everything afresh, ignoring and not writing the cache.
  --cache-dir <dir>   Keep the cache here (default: ~/.cache/policy-annotator/<workspace hash>,
                      or $POLICY_ANNOTATOR_CACHE_DIR / $XDG_CACHE_HOME).
  --color / --no-color
                      Force colours on or off (default: on for a terminal, off with NO_COLOR).

Options for diff:
  --workspace <dir>   The workspace folder inside the git repository (default: the current directory).
  --format <name>     markdown (default) or json.

Options for export:
  --format <name>     w3c, brat, network, statements or dna (required).
  --out <dir>         The folder to write into (required): created if missing; a non-empty
                      folder is used only if it holds an unchanged earlier export of that format.
                      For dna, the .dna file to create (never overwritten).
  --workspace <dir>   The workspace folder (default: the current directory).
  --base-iri <iri>    For w3c: the IRI that workspace paths are appended to (default urn:policy-annotator:).
  --at <date>         For network: only the relations in force on this date (their from/until).
  Exits 1 when some annotations could not be exported (listed on stderr); the rest is written.

Options for network:
  --type <t>          onemode (default: actor × actor) or twomode (actor × concept).
  --rows <r>          claimant (default), organization (on-behalf-of, else the claimant) or person.
  --columns <c>       For twomode: concept (default) or about.
  --qualifier-aggregation <a>
                      onemode: ignore (default), congruence, conflict or subtract;
                      twomode: ignore (default), subtract or combine.
  --normalization <n> onemode: no (default), average, jaccard or cosine; twomode: no, activity or prominence.
  --duplicates <d>    include (default), document, week, month, year or acrossrange.
  --start <date>, --stop <date>
                      Only texts published in this range (YYYY, YYYY-MM or YYYY-MM-DD, inclusive).
  --exclude-actor <id>, --exclude-concept <id>, --exclude-type <type>, --exclude-author <id>,
  --exclude-source <host>
                      Leave these out (each repeatable).
  --isolates          Keep every actor (and concept) of the workspace, with or without statements.
  --time-window <unit> --window-size <n>
                      A series over a moving window: days, weeks, months or years.
  --labels <l>        Label rows and columns by name (default) or id.
  --format <f>        csv (default), dl, graphml or json.
  --out <file>        The file to write (default: stdout); never written through a link.
  --workspace <dir>   The workspace folder (default: the current directory).

Options for list:
  --format <name>     table (default, for people) or json (positions 1-based, ends exclusive,
                      as in check --format json).
  --workspace <dir>   The workspace folder (default: the current directory).

Options for agreement:
  --ref <rev>         A git revision of the workspace, read with git, not checked out
                      (repeatable; instead of folders).
  --workspace <dir>   With --ref: the workspace folder inside the repository (default: the current directory).
  --coder <name>      Name the coders, once for each folder or revision, in the same order
                      (default: the folder names or the revisions).
  --format <name>     stylish (default), json or markdown (for a pull-request comment).
  --fields <list>     Only these fields, comma-separated: claimant, on-behalf-of, concept, stance,
                      stance-score, type, evidence, about, mention, and claim (claims only some made).
  --text <path>       Only this text, or the texts under this folder (repeatable).

Limits (check, diff, export, network, list and agreement):
  --max-text-size <size>, --max-annotation-file-size <size>
                      Raise the largest text or annotation file read (defaults 20MB and 5MB, at
                      most 64MB and 16MB). A workspace's policy-annotator.yaml may only lower them.

  -h, --help          Show this help.
  -v, --version       Show the version.

Exit codes: 0 no errors, 1 errors found, 2 usage or internal failure.`;

/**
 * For the commands that read a workspace: takes the limit flags out of the
 * arguments; when there are any, hosts allow those limits, and the check
 * cache is off (its reports were made under the default limits).
 */
function withLimitFlags(command: string, args: string[], context: CliContext): { args: string[]; context: CliContext } {
  if (!Object.hasOwn(COMMANDS, command)) return { args, context };
  const taken = takeLimitFlags(args, (message) => {
    throw new UsageError(message);
  });
  const limits = taken.limits;
  if (!limits) return { args: taken.args, context };
  const createHost = (folders: string[]) => Object.assign(context.createHost(folders), { allowedLimits: async () => limits });
  return { args: taken.args, context: { ...context, limits, createHost, openCache: undefined } };
}

/** Runs the CLI and returns its exit code. Never throws. */
/** The commands that parse their arguments, then run with the limit flags applied. */
const COMMANDS: Record<string, (args: string[], context: CliContext) => Promise<number>> = {
  check: (args, context) => runCheck(parseCheckArgs(args, context), context),
  diff: (args, context) => runDiff(parseDiffArgs(args, context), context),
  export: (args, context) => runExport(parseExportArgs(args, context), context),
  network: (args, context) => runNetwork(parseNetworkArgs(args, context), context),
  list: (args, context) => runList(parseListArgs(args, context), context),
  agreement: (args, context) => runAgreement(parseAgreementArgs(args, context), context),
};

export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const { io } = context;
  const [command, ...args] = argv;
  try {
    const options = args.indexOf('--') < 0 ? args : args.slice(0, args.indexOf('--'));
    if (command === undefined || command === '-h' || command === '--help' || command === 'help' || (command !== 'lsp' && command !== 'init' && (options.includes('--help') || options.includes('-h')))) {
      io.stdout(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.stdout(`${context.version}\n`);
      return 0;
    }
    const { args: rest, context: commandContext } = withLimitFlags(command, args, context);
    if (Object.hasOwn(COMMANDS, command)) return await COMMANDS[command](rest, commandContext);
    switch (command) {
      case 'init':
        return await runInit(parseInitArgs(rest, context), context);
      case 'import':
        return await runImport(parseImportArgs(rest, context), context);
      case 'lsp':
      {
        if (!context.loadLanguageServer) throw new Error('This build of the CLI was given no language server (CliContext.loadLanguageServer).');
        const { namesLanguageServerTransport, runLanguageServer } = await context.loadLanguageServer();
        if (!namesLanguageServerTransport(rest)) throw new UsageError('`lsp` needs a transport: --stdio, --node-ipc, --socket=<port> or --pipe=<name>.');
        return await runLanguageServer();
      }
      default:
        throw new UsageError(`Unknown command \`${command}\`.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${describeUsageError(error.message, command, USAGE)}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`policy-annotator: internal error — please report it with the command you ran.\n${detail}\n`);
    return 2;
  }
}
