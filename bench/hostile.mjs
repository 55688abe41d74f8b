#!/usr/bin/env node
// The hostile-repository benchmark (issue 13): for every case of
// bench/hostile/cases.mjs, at the sizes the security review reported,
//   - `policy-annotator check` as a process: wall time, peak RSS, exit code
//     and the size of its report (target: under 10 s, under 1 GB, exit 0 or 1);
//   - the language server on the same workspace: the slowest answer to a
//     hover over the healthy control text while the server indexes the
//     hostile part (target: under 50 ms), and the request the review timed
//     where a case names one.
// Prints a table and exits 0; `--strict` exits 1 when a target is missed.
// A crash or a time-out always exits 1.
//
//   node bench/hostile.mjs [--only 4,9] [--strict] [--no-server]
//                          [--server-node-options="--cpu-prof --cpu-prof-dir=/tmp/prof"]
// (the options go to the node that runs the server, e.g. to profile it).

import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as vscodeUri from 'vscode-uri';
import { CONTROL, forEachBuiltCase } from './hostile/cases.mjs';
import { LanguageClient, positionAt } from './measure/lspClient.mjs';
import { installCleanup, runNode } from './measure/processes.mjs';

const { URI } = vscodeUri.URI ? vscodeUri : vscodeUri.default;
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(REPO, 'bin', 'policy-annotator.js');
const SERVER = join(REPO, 'dist', 'server.js');

const TARGET = { checkMs: 10_000, checkRssBytes: 1024 ** 3, hoverMs: 50 };
/** How long one measurement may run before it counts as a freeze. */
const TIMEOUT_MS = 120_000;

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    strict: { type: 'boolean', default: false },
    'no-server': { type: 'boolean', default: false },
    'server-node-options': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('node bench/hostile.mjs [--only 4,9] [--strict] [--no-server] [--server-node-options="--cpu-prof …"]\nBuild first: node scripts/build.mjs');
  process.exit(0);
}
const serverNodeOptions = values['server-node-options']?.split(/\s+/).filter(Boolean) ?? [];
const only = values.only ? new Set(values.only.split(',').map(Number)) : undefined;

async function measureCheck(dir, format) {
  const run = await runNode([CLI, 'check', '--format', format, '--no-cache'], { cwd: dir, timeoutMs: TIMEOUT_MS });
  return { format, code: run.code, wallMs: run.wallMs, maxRssBytes: run.maxRssBytes, outputBytes: Buffer.byteLength(run.stdout), stderr: run.stderr };
}

async function measureServer(dir, hostileCase) {
  const client = new LanguageClient([...serverNodeOptions, SERVER, '--stdio'], { cwd: dir });
  const folderUri = URI.file(dir).toString();
  try {
    await client.request('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'hostile' }],
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { workspaceFolders: true, configuration: true, diagnostics: { refreshSupport: true } },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, diagnostic: { dynamicRegistration: false } },
      },
    }, TIMEOUT_MS);
    client.notify('initialized', {});
    const controlUri = URI.file(join(dir, ...CONTROL.textPath.split('/'))).toString();
    client.open(controlUri, CONTROL.text, 'policy-text');
    const hoverParams = { textDocument: { uri: controlUri }, position: positionAt(CONTROL.text, CONTROL.hoverOffset) };
    const hovers = [];
    const inFlight = [];
    let indexed = false;
    const probe = () => inFlight.push(client.request('textDocument/hover', hoverParams, TIMEOUT_MS).then(({ result, ms }) => hovers.push({ ms, card: JSON.stringify(result?.contents ?? '').includes('India') })));
    const ticker = setInterval(() => (indexed ? clearInterval(ticker) : probe()), 10);
    const started = performance.now();
    try {
      await client.request('workspace/diagnostic', { previousResultIds: [] }, TIMEOUT_MS);
    } finally {
      indexed = true;
      clearInterval(ticker);
    }
    const indexMs = performance.now() - started;
    await Promise.all(inFlight);
    const result = { indexMs, hovers: hovers.length, hoverMaxMs: Math.max(0, ...hovers.map((h) => h.ms)), cards: hovers.filter((h) => h.card).length };
    if (hostileCase.request === 'documentSymbol') {
      const hostileUri = URI.file(join(dir, 'annotations', 'texts', 'hostile.txt')).toString();
      client.open(hostileUri, readFileSync(join(dir, 'annotations', 'texts', 'hostile.txt'), 'utf8'), 'policy-text');
      const symbols = client.request('textDocument/documentSymbol', { textDocument: { uri: hostileUri } }, TIMEOUT_MS);
      const hover = await client.request('textDocument/hover', hoverParams, TIMEOUT_MS);
      result.requestMs = (await symbols).ms;
      result.hoverMaxMs = Math.max(result.hoverMaxMs, hover.ms);
    }
    const exit = await client.shutdown(TIMEOUT_MS);
    result.maxRssBytes = exit.maxRssBytes;
    return result;
  } catch (error) {
    client.dispose();
    throw error;
  }
}

const mb = (bytes) => (bytes === undefined ? '?' : `${(bytes / 1024 ** 2).toFixed(0)} MB`);
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

installCleanup();
const rows = [];
let missed = 0;
let failed = 0;
await forEachBuiltCase(
  'policy-annotator-hostile',
  only,
  async (hostileCase, dir) => {
    console.log(`#${hostileCase.item} ${hostileCase.name}: ${hostileCase.size}`);
    for (const format of hostileCase.formats ?? ['stylish']) {
      const check = await measureCheck(dir, format);
      const ok = (check.code === 0 || check.code === 1) && check.wallMs < TARGET.checkMs && (check.maxRssBytes ?? 0) < TARGET.checkRssBytes;
      if (!ok) missed++;
      console.log(`   check --format ${format}: ${s(check.wallMs)}, ${mb(check.maxRssBytes)} RSS, exit ${check.code}, report ${mb(check.outputBytes)} ${ok ? 'ok' : 'MISSED'}`);
      if (check.code !== 0 && check.code !== 1) console.log(`   stderr: ${check.stderr.slice(0, 400)}`);
      rows.push({ item: hostileCase.item, what: `check ${format}`, ...check, ok });
    }
    if (!values['no-server']) {
      const server = await measureServer(dir, hostileCase);
      const ok = server.hoverMaxMs < TARGET.hoverMs && server.cards > 0 && (server.requestMs === undefined || server.requestMs < TARGET.checkMs);
      if (!ok) missed++;
      console.log(`   server: indexed in ${s(server.indexMs)}, ${server.hovers} hovers meanwhile, slowest ${server.hoverMaxMs.toFixed(1)} ms${server.requestMs !== undefined ? `, documentSymbol ${s(server.requestMs)}` : ''}, ${mb(server.maxRssBytes)} RSS ${ok ? 'ok' : 'MISSED'}`);
      rows.push({ item: hostileCase.item, what: 'server', ...server, ok });
    }
  },
  (error) => {
    failed++;
    console.log(`   FAILED: ${error instanceof Error ? error.message : String(error)}`);
  },
);

console.log(`\n${rows.filter((r) => r.ok).length} of ${rows.length} measurements within target (check < ${s(TARGET.checkMs)} and < ${mb(TARGET.checkRssBytes)}; hover < ${TARGET.hoverMs} ms while indexing)${failed ? `; ${failed} case(s) FAILED` : ''}`);
process.exit(failed > 0 || (values.strict && missed > 0) ? 1 : 0);
