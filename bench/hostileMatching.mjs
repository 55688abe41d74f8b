// `node bench/hostileMatching.mjs`: the hostile workspaces of issue 13,
// items 5, 8 and 9, at the full sizes, against the built CLI and
// language server (run `node scripts/build.mjs` first).
//
//   5. 8,000 identical claims (about 440 KB) in one annotation file.
//   8. A text line `# a` + 150,000 spaces + `b` (a heading regex backtracked).
//   9. Nested aliases `a`, `aa`, … up to 3,000 characters over a 2 MB text.
//
// For each case it writes a workspace to a temporary folder, runs
// `node bin/policy-annotator.js check --no-cache` as a process and prints its
// wall time, peak RSS and exit code; then starts the language server over
// stdio, sends the case's heavy request (documentSymbol for item 8, a
// workspace diagnostic pull for every case) and, meanwhile, a hover on a
// small text elsewhere every 10 ms, and prints the slowest hover.
// Targets (2 cores): check under 10 s, under 1 GB RSS, exit 0 or 1 with a
// report; hovers meanwhile under 50 ms. `--strict` exits 1 on a miss.
// Options: --case 5|8|9 (repeatable; default all), --keep (keep the folders),
// --profile <dir> (CPU profiles of the servers, to read with bench/profile).

import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LanguageClient, positionAt } from './measure/lspClient.mjs';
import { installCleanup, runNode } from './measure/processes.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(repoRoot, 'bin', 'policy-annotator.js');
const SERVER = join(repoRoot, 'dist', 'server.js');
const TARGETS = { checkMs: 10_000, rssBytes: 1024 ** 3, hoverMs: 50 };
const TIMEOUT_MS = 10 * 60_000;

const OTHER_TEXT = 'The ISI backs the Taliban, its officials say.\n';

/** The files every case shares: an actor with a plain alias, and a small text to hover over elsewhere. */
function baseFiles() {
  return {
    'annotations/actors.yaml': 'actors:\n  - id: isi\n    name: Inter-Services Intelligence\n    kind: intelligence-agency\n    aliases: [ISI]\n',
    'annotations/texts/other.txt': OTHER_TEXT,
    'annotations/other.yaml': 'text: texts/other.txt\nclaims:\n  - {id: other-claim, claimant: isi, quote: The ISI backs the Taliban}\n',
  };
}

const CASES = {
  5: {
    title: 'item 5: 8,000 identical claims',
    files() {
      const lines = ['text: texts/claims.txt', 'claims:'];
      for (let i = 0; i < 8000; i++) lines.push(`  - {id: claim-${String(i).padStart(4, '0')}, claimant: isi, quote: The ISI backs the Taliban}`);
      return { 'annotations/texts/claims.txt': 'The ISI backs the Taliban.\n', 'annotations/claims.yaml': `${lines.join('\n')}\n` };
    },
  },
  8: {
    title: 'item 8: a heading line of 150,000 spaces',
    symbolsOf: 'annotations/texts/heading.txt',
    files() {
      return {
        'annotations/texts/heading.txt': `# a${' '.repeat(150_000)}b\n\nThe ISI backs the Taliban.\n`,
        'annotations/heading.yaml': 'text: texts/heading.txt\nclaims:\n  - {id: heading-claim, claimant: isi, quote: The ISI backs the Taliban}\n',
      };
    },
  },
  9: {
    title: 'item 9: nested aliases a … a×3000 over a 2 MB text',
    files() {
      const actors = ['actors:'];
      for (let length = 1; length <= 3000; length++) actors.push(`  - id: a${length}`, `    name: A${length}`, '    kind: person', `    aliases: [${'a'.repeat(length)}]`);
      // Words of every length from 1 to 3,100, again and again: each word end sees thousands of nested aliases.
      const words = [];
      let size = 0;
      for (let length = 1; size < 2_000_000; length = (length % 3100) + 1) {
        words.push('a'.repeat(length));
        size += length + 1;
      }
      return {
        'annotations/nested-actors.yaml': `${actors.join('\n')}\n`,
        'annotations/texts/nested.txt': `${words.join(' ')}\n`,
        'annotations/nested.yaml': 'text: texts/nested.txt\nclaims:\n  - {id: nested-claim, claimant: a1, quote: a aa aaa}\n',
      };
    },
  },
};

function parseArgs(argv) {
  const options = { cases: [], keep: false, strict: false, profileDir: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--case') options.cases.push(argv[++i]);
    else if (argv[i] === '--keep') options.keep = true;
    else if (argv[i] === '--strict') options.strict = true;
    else if (argv[i] === '--profile') options.profileDir = argv[++i];
    else throw new Error(`Unknown option ${argv[i]}. Options: --case 5|8|9, --keep, --strict, --profile <dir>.`);
  }
  for (const id of options.cases) if (!CASES[id]) throw new Error(`No case ${id}: choose 5, 8 or 9.`);
  if (options.cases.length === 0) options.cases = Object.keys(CASES);
  return options;
}

function writeWorkspace(files) {
  const root = mkdtempSync(join(tmpdir(), 'policy-annotator-hostile-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const mb = (bytes) => (bytes === undefined ? '?' : `${(bytes / 1024 ** 2).toFixed(0)} MB`);
const ms = (value) => (value === undefined ? '?' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);

async function measureCheck(workspace) {
  const run = await runNode([CLI, 'check', '--no-cache', '--format', 'json'], { cwd: workspace, timeoutMs: TIMEOUT_MS });
  let problems = '?';
  try {
    problems = JSON.parse(run.stdout).length ?? Object.keys(JSON.parse(run.stdout)).length;
  } catch {
    problems = `unreadable report (${run.stdout.length} bytes)`;
  }
  return { wallMs: run.wallMs, maxRssBytes: run.maxRssBytes, code: run.code, problems, reportBytes: run.stdout.length, stderr: run.stderr };
}

async function measureServer(workspace, testCase, profileDir) {
  const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const client = new LanguageClient([...profile, SERVER, '--stdio'], { cwd: workspace });
  try {
    const folderUri = pathToFileURL(workspace).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'hostile' }],
      capabilities: { general: { positionEncodings: ['utf-16'] }, window: { workDoneProgress: true }, workspace: { workspaceFolders: true, configuration: false }, textDocument: { hover: { contentFormat: ['markdown'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true }, diagnostic: { dynamicRegistration: false } } },
    }, TIMEOUT_MS);
    client.notify('initialized', {});
    const otherUri = pathToFileURL(join(workspace, 'annotations/texts/other.txt')).href;
    client.open(otherUri, OTHER_TEXT, 'policy-text');
    const hoverParams = { textDocument: { uri: otherUri }, position: positionAt(OTHER_TEXT, OTHER_TEXT.indexOf('ISI') + 1) };
    const hovers = [];
    let done = false;
    const inFlight = [];
    const ticker = setInterval(() => {
      if (done) return;
      inFlight.push(client.request('textDocument/hover', hoverParams, TIMEOUT_MS).then(({ ms: latency }) => hovers.push(latency)));
    }, 10);
    const started = performance.now();
    const heavy = [];
    try {
      const { ms: latency } = await client.request('workspace/diagnostic', { previousResultIds: [] }, TIMEOUT_MS);
      heavy.push(`workspace diagnostics ${ms(latency)}`);
      if (testCase.symbolsOf) {
        const uri = pathToFileURL(join(workspace, testCase.symbolsOf)).href;
        client.open(uri, readFileSync(join(workspace, testCase.symbolsOf), 'utf8'), 'policy-text');
        // Opened and asked at once: the outline waits for nothing but its own work.
        for (let round = 0; round < 5; round++) {
          const { result, ms: symbolMs } = await client.request('textDocument/documentSymbol', { textDocument: { uri } }, TIMEOUT_MS);
          heavy.push(`documentSymbol ${ms(symbolMs)} (${result?.length ?? 0} symbols)`);
        }
      }
    } finally {
      done = true;
      clearInterval(ticker);
    }
    await Promise.all(inFlight);
    const info = await client.shutdown();
    return { heavy: heavy.join(', '), totalMs: performance.now() - started, hovers, maxRssBytes: info.maxRssBytes };
  } catch (error) {
    client.dispose();
    throw error;
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  installCleanup();
  let missed = 0;
  for (const id of options.cases) {
    const testCase = CASES[id];
    const workspace = writeWorkspace({ ...baseFiles(), ...testCase.files() });
    console.log(`== ${testCase.title} (${workspace})`);
    try {
      const check = await measureCheck(workspace);
      const checkOk = check.wallMs < TARGETS.checkMs && (check.maxRssBytes ?? 0) < TARGETS.rssBytes && (check.code === 0 || check.code === 1);
      console.log(`  check: ${ms(check.wallMs)}, peak RSS ${mb(check.maxRssBytes)}, exit ${check.code}, ${check.problems} problems in a ${check.reportBytes}-byte report  ${checkOk ? 'ok' : 'MISSED'}`);
      if (check.code !== 0 && check.code !== 1) console.log(check.stderr.slice(-2000));
      const server = await measureServer(workspace, testCase, options.profileDir);
      const slowest = server.hovers.length ? Math.max(...server.hovers) : undefined;
      const serverOk = slowest !== undefined && slowest < TARGETS.hoverMs;
      console.log(`  server: ${server.heavy}; ${server.hovers.length} hovers meanwhile, slowest ${ms(slowest)}; peak RSS ${mb(server.maxRssBytes)}  ${serverOk ? 'ok' : 'MISSED'}`);
      missed += (checkOk ? 0 : 1) + (serverOk ? 0 : 1);
    } finally {
      if (!options.keep) rmSync(workspace, { recursive: true, force: true });
    }
  }
  console.log(missed === 0 ? 'Every target met.' : `MISSED: ${missed} target(s).`);
  if (options.strict && missed > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`hostileMatching: ${error.message}`);
  process.exitCode = 1;
});
