// The hostile repositories of the security review (issue 13, items 4–11 and
// 13), at the sizes the review reported, through the CLI as a process and
// the language server over JSON-RPC. Each once ran for minutes or ran out of
// memory. Here each must end with a report (exit 0 or 1, never a crash or a
// kill), with every message, related location list and report bounded, and
// the server must go on answering a hover over a healthy text. The time and
// memory targets are measured by `node bench/hostile.mjs`, not here; the
// generous time-out below only turns a freeze into a failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CLI, REPO_ROOT } from '../helpers/tempWorkspace';
import { fileUri, LspTestClient } from '../lsp/lspTestClient';
import type * as CasesModule from '../../bench/hostile/cases.mjs' with { 'resolution-mode': 'import' };

type Cases = typeof CasesModule;

function loadCases(): Promise<Cases> {
  return import(pathToFileURL(path.join(REPO_ROOT, 'bench', 'hostile', 'cases.mjs')).href) as Promise<Cases>;
}

/** Turns a freeze into a failure; the benchmark holds the real target (10 s). */
const FREEZE_MS = 90_000;
/** No single message may be longer than this. */
const MAX_MESSAGE = 2_000;

/** Nor list more related locations than this. */
const MAX_RELATED = 50;

interface JsonRow {
  file: string;
  line: number;
  code: string;
  message: string;
}

function check(dir: string, format: string) {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', format, '--no-cache'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: FREEZE_MS, maxBuffer: 1024 * 1024 * 1024 });
  assert.equal(result.signal, null, `check --format ${format} was killed (${result.signal}): a freeze or a crash`);
  assert.ok(result.status === 0 || result.status === 1, `check --format ${format} exits 0 or 1, not ${result.status}; stderr:\n${result.stderr.slice(0, 2000)}`);
  assert.doesNotMatch(result.stderr, /internal error|RangeError|heap out of memory/);
  return result.stdout;
}

/** What each case must report, besides ending at all. */
const EXPECTED_CODES: Record<number, string[]> = {
  4: ['quote-ambiguous'],
  5: ['duplicate-claim'],
  6: [],
  7: ['quote-not-found'],
  8: [],
  9: [],
  10: ['unknown-actor'],
  11: [],
  13: ['unknown-actor'],
};

describe('hostile repositories (issue 13) end with a bounded report', async () => {
  const { HOSTILE_CASES, CONTROL } = await loadCases();
  for (const hostileCase of HOSTILE_CASES) {
    it(`#${hostileCase.item} ${hostileCase.name}: ${hostileCase.size}`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), `policy-annotator-hostile-${hostileCase.item}-`));
      try {
        hostileCase.build(dir);
        const json = check(dir, 'json');
        const rows = JSON.parse(json) as JsonRow[];
        for (const code of EXPECTED_CODES[hostileCase.item] ?? []) assert.ok(rows.some((row) => row.code === code), `reports ${code}`);
        for (const row of rows) assert.ok(row.message.length <= MAX_MESSAGE, `${row.code} at ${row.file}:${row.line}: a message of ${row.message.length} characters`);
        const sarif = JSON.parse(check(dir, 'sarif')) as { runs: { results: { ruleId: string; relatedLocations?: unknown[] }[] }[] };
        for (const result of sarif.runs[0]!.results) assert.ok((result.relatedLocations?.length ?? 0) <= MAX_RELATED, `${result.ruleId}: ${result.relatedLocations?.length} related locations`);
        // Output grows with the problems reported (at most 1,000 per file), never with the input's size times them.
        for (const format of hostileCase.formats ?? ['stylish']) {
          const output = check(dir, format);
          assert.ok(output.length <= 5 * 1024 * 1024, `check --format ${format} printed ${(output.length / 1024 / 1024).toFixed(1)} MB`);
        }

        // The server indexes the same workspace and still answers a hover over the healthy text, and the request the review timed.
        const { client } = await LspTestClient.start({ workspaceFolder: dir, pullDiagnostics: true });
        try {
          const controlUri = fileUri(path.join(dir, ...CONTROL.textPath.split('/')));
          await client.open(controlUri, CONTROL.text);
          const hoverParams = { textDocument: { uri: controlUri }, position: { line: 0, character: CONTROL.hoverOffset } };
          // Asked while the server indexes: answered (the benchmark times it); once indexed, with the actor's card.
          const duringIndexing = client.request<{ contents: unknown } | null>('textDocument/hover', hoverParams);
          const report = await client.request<{ items: unknown[] }>('workspace/diagnostic', { previousResultIds: [] });
          assert.ok(Array.isArray(report.items));
          await duringIndexing;
          const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', hoverParams);
          assert.match(JSON.stringify(hover?.contents ?? null), /India/);
          assert.doesNotMatch(JSON.stringify(hover?.contents ?? null), /Still indexing/, 'once indexed, the card counts every text');
          if (hostileCase.request === 'documentSymbol') {
            const hostilePath = path.join(dir, 'annotations', 'texts', 'hostile.txt');
            const hostileUri = fileUri(hostilePath);
            await client.open(hostileUri, readFileSync(hostilePath, 'utf8'));
            const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: hostileUri } });
            assert.ok(Array.isArray(symbols));
          }
        } finally {
          await client.stop();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
