// One language-server session on a generated corpus (figure (d) of issue 7):
// time to the whole workspace's first diagnostics, requests answered while
// the server indexes, hover latency once indexed, and the time from a
// didChange in a text or in an actors file to the refreshed diagnostics.
// Works with pull diagnostics (when the server offers them) or push.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import * as vscodeUri from 'vscode-uri';
import { yamlScalar } from '../generator/yamlText.mjs';
import { createRandom } from '../generator/random.mjs';
import { LanguageClient, positionAt } from './lspClient.mjs';
import { latencySummary, maximum } from './stats.mjs';

const { URI } = vscodeUri.URI ? vscodeUri : vscodeUri.default;
const ERROR = 1;
const WARNING = 2;

const CLIENT_CAPABILITIES = {
  general: { positionEncodings: ['utf-16'] },
  window: { workDoneProgress: true },
  workspace: {
    workspaceFolders: true,
    configuration: true,
    diagnostics: { refreshSupport: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
  },
};

const isProblem = (d) => d.severity === ERROR || d.severity === WARNING;
/** Now on the monotonic clock in microseconds, the clock of `node --cpu-prof` profiles. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Tracks what the client knows of every file's diagnostics, and waits until
 * a file's diagnostics satisfy a condition: by pulling (and pulling again
 * after each refresh request) or by waiting for pushed diagnostics.
 */
class DiagnosticsView {
  constructor(client, pull, timeoutMs) {
    this.client = client;
    this.pull = pull;
    this.timeoutMs = timeoutMs;
    this.items = new Map();
    this.resultIds = new Map();
  }

  current(uri) {
    return this.pull ? (this.items.get(uri) ?? []) : (this.client.published.get(uri) ?? []);
  }

  /** Records a workspace/diagnostic answer. */
  takeWorkspaceReport(report) {
    for (const item of report.items ?? []) {
      const uri = canonical(item.uri);
      if (item.kind === 'full') this.items.set(uri, item.items);
      if (item.resultId !== undefined) this.resultIds.set(uri, item.resultId);
    }
  }

  async until(uri, condition, what) {
    if (!this.pull) {
      await this.client.waitUntil(() => condition(this.current(uri)), this.timeoutMs, what);
      return;
    }
    const deadline = performance.now() + this.timeoutMs;
    for (let attempt = 0; attempt < 200; attempt++) {
      const refreshesBefore = this.client.refreshRequests;
      const remaining = Math.max(1, deadline - performance.now());
      const { result } = await this.client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: this.resultIds.get(uri) }, remaining);
      if (result.kind === 'full') this.items.set(uri, result.items);
      if (result.resultId !== undefined) this.resultIds.set(uri, result.resultId);
      if (condition(this.current(uri))) return;
      // Not refreshed yet: the server asks for a new pull when it has refreshed.
      await this.client.waitUntil(() => this.client.refreshRequests > refreshesBefore, Math.max(1, deadline - performance.now()), what);
    }
    throw new Error(`Gave up pulling diagnostics for ${what}.`);
  }

  problemCounts() {
    let errors = 0;
    let warnings = 0;
    const uris = this.pull ? [...this.items.keys()] : [...this.client.published.keys()];
    for (const uri of uris) {
      for (const d of this.current(uri)) {
        if (d.severity === ERROR) errors++;
        if (d.severity === WARNING) warnings++;
      }
    }
    return { errors, warnings, files: uris.length };
  }
}

function canonical(uri) {
  return URI.parse(uri).toString();
}

function fileUri(workspace, relativePath) {
  return URI.file(join(workspace, ...relativePath.split('/'))).toString();
}

/**
 * Runs one server session and returns its figures. `options`: hoverTexts,
 * textChanges, actorsChanges, diagnosticsMode ('auto' | 'push'), timeouts,
 * and `profileDir` to run the server under --cpu-prof.
 */
export async function runLanguageServerSession({ serverPath, workspace, manifest, options, session, log }) {
  const random = createRandom(`language-server-session-${session}`);
  const nodeArgs = options.profileDir ? ['--cpu-prof', '--cpu-prof-dir', options.profileDir, serverPath, '--stdio'] : [serverPath, '--stdio'];
  const client = new LanguageClient(nodeArgs, { cwd: workspace });
  const readText = (relativePath) => readFileSync(join(workspace, ...relativePath.split('/')), 'utf8');
  const result = { mode: undefined };
  try {
    const folderUri = URI.file(workspace).toString();
    const { result: init } = await client.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'policy-annotator-bench' },
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'corpus' }],
      capabilities: options.diagnosticsMode === 'push' ? CLIENT_CAPABILITIES : { ...CLIENT_CAPABILITIES, textDocument: { ...CLIENT_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } },
    }, options.timeouts.requestMs);
    result.startupMs = performance.now() - client.startedAt;
    const pull = options.diagnosticsMode !== 'push' && init.capabilities.diagnosticProvider !== undefined;
    result.mode = pull ? 'pull' : 'push';
    const view = new DiagnosticsView(client, pull, options.timeouts.changeMs);

    // ---- indexing: requests sent while the server builds its index ----
    client.notify('initialized', {});
    const probeText = manifest.texts[0];
    const probeContent = readText(probeText.textPath);
    const probeUri = fileUri(workspace, probeText.textPath);
    const probeTarget = probeText.hoverTargets[0];
    const probeParams = { textDocument: { uri: probeUri }, position: positionAt(probeContent, Math.floor((probeTarget.start + probeTarget.end) / 2)) };
    client.open(probeUri, probeContent, 'plaintext');
    const duringIndexing = [];
    const inFlight = [];
    let indexed = false;
    let answeredWithCard = false;
    const probe = (batch) => {
      const sent = client.request('textDocument/hover', probeParams, options.timeouts.indexMs).then(({ result: hover, ms }) => {
        duringIndexing.push({ ms, batch, answered: hover !== null });
        if (hover !== null) answeredWithCard = true;
      });
      inFlight.push(sent);
    };
    for (let i = 0; i < 20; i++) probe(true);
    // Then one hover every 10 ms (an open loop, as a user moving the mouse) until indexing ends.
    let probes = 0;
    const ticker = setInterval(() => {
      if (indexed || probes >= options.maxIndexingProbes) clearInterval(ticker);
      else {
        probes++;
        probe(false);
      }
    }, 10);

    try {
      if (pull) {
        const { result: report } = await client.request('workspace/diagnostic', { previousResultIds: [] }, options.timeouts.indexMs);
        view.takeWorkspaceReport(report);
      } else {
        // All pushes of the first indexing precede the end of its work-done progress.
        await client.waitUntil(() => {
          const states = [...client.progress.values()];
          return states.length > 0 ? !states.includes('begun') : answeredWithCard;
        }, options.timeouts.indexMs, 'the end of indexing');
      }
    } finally {
      indexed = true;
      clearInterval(ticker);
    }
    result.firstDiagnosticsMs = performance.now() - client.startedAt;
    result.phases = { indexing: [{ start: 0, end: nowUs() }] };
    await Promise.all(inFlight);
    const initial = view.problemCounts();
    result.initialProblems = initial;
    result.indexing = {
      requests: duringIndexing.length,
      answeredWithCard: duringIndexing.filter((p) => p.answered).length,
      batchMaxMs: maximum(duringIndexing.filter((p) => p.batch).map((p) => p.ms)),
      ...latencySummary(duringIndexing.map((p) => p.ms)),
      samples: duringIndexing.map((p) => p.ms),
    };
    log(`    indexed: first diagnostics after ${(result.firstDiagnosticsMs / 1000).toFixed(2)} s (${result.mode}); ${initial.errors} errors, ${initial.warnings} warnings; ${duringIndexing.length} requests during indexing, slowest ${result.indexing.max?.toFixed(0)} ms`);
    client.close(probeUri);

    // ---- hovers once indexed ----
    result.phases.hover = [{ start: nowUs() }];
    const hoverMs = [];
    let hoverMisses = 0;
    for (const text of random.shuffled(manifest.texts).slice(0, options.hoverTexts)) {
      const content = readText(text.textPath);
      const uri = fileUri(workspace, text.textPath);
      client.open(uri, content, 'plaintext');
      for (const target of text.hoverTargets) {
        const { result: hover, ms } = await client.request('textDocument/hover', { textDocument: { uri }, position: positionAt(content, Math.floor((target.start + target.end) / 2)) }, options.timeouts.requestMs);
        hoverMs.push(ms);
        if (!hover || !JSON.stringify(hover.contents).includes(target.actorId)) hoverMisses++;
      }
      client.close(uri);
    }
    result.phases.hover[0].end = nowUs();
    result.hover = { ...latencySummary(hoverMs), misses: hoverMisses, samples: hoverMs };
    if (hoverMs.length > 0) log(`    hover: p50 ${result.hover.p50?.toFixed(2)} ms, p99 ${result.hover.p99?.toFixed(2)} ms over ${hoverMs.length}${hoverMisses ? `, ${hoverMisses} without the actor's card` : ''}`);

    // ---- didChange in a text: break a claim's quote, then restore it ----
    result.phases.textChange = [{ start: nowUs() }];
    const textChangeMs = [];
    for (let k = 0; k < options.textChanges; k++) {
      const text = random.pick(manifest.texts);
      const claim = random.pick(text.claims);
      const content = readText(text.textPath);
      const words = [...content.slice(claim.start, claim.end).matchAll(/\b[a-z]{4,}\b/g)];
      if (words.length === 0) continue;
      const word = words[Math.floor(words.length / 2)];
      const start = claim.start + word.index;
      const uri = fileUri(workspace, text.textPath);
      const annotationUri = fileUri(workspace, text.annotationPath);
      client.open(uri, content, 'plaintext');
      let sent = performance.now();
      client.change(uri, start, start + word[0].length, 'xyzzy');
      await view.until(annotationUri, (items) => items.some(isProblem), `the broken quote of ${claim.id} to be reported`);
      textChangeMs.push(performance.now() - sent);
      sent = performance.now();
      client.change(uri, start, start + 'xyzzy'.length, word[0]);
      await view.until(annotationUri, (items) => !items.some(isProblem), `the restored quote of ${claim.id} to be clean again`);
      textChangeMs.push(performance.now() - sent);
      client.close(uri);
    }
    result.phases.textChange[0].end = nowUs();
    result.textChange = { ...latencySummary(textChangeMs), samples: textChangeMs };
    if (textChangeMs.length > 0) log(`    text didChange: p50 ${result.textChange.p50?.toFixed(1)} ms, p99 ${result.textChange.p99?.toFixed(1)} ms over ${textChangeMs.length}`);

    // ---- didChange in an actors file: rename an alias, then restore it ----
    const actorsChangeMs = [];
    result.phases.actorsChange = [];
    const opened = new Set();
    for (const edit of random.shuffled(manifest.aliasEdits).slice(0, options.actorsChanges)) {
      const uri = fileUri(workspace, edit.actorsFile);
      if (!opened.has(uri)) {
        client.open(uri, readText(edit.actorsFile), 'yaml');
        opened.add(uri);
      }
      const content = client.documents.get(uri).text;
      const scalar = yamlScalar(edit.alias);
      const line = `\n      - ${scalar}\n`;
      const at = content.indexOf(line);
      if (at < 0) throw new Error(`The alias ${edit.alias} is not in ${edit.actorsFile} as the generator wrote it.`);
      const insertAt = at + line.length - 1 - (scalar.startsWith('"') ? 1 : 0);
      const renamed = `"${edit.alias}q"`;
      const affected = edit.affectedAnnotationFiles.map((path) => fileUri(workspace, path));
      const unusedAlias = (items) => items.some((d) => d.code === 'alias-unused' && d.message.includes(renamed));
      const claimantMissing = (items) => items.some((d) => d.code === 'claimant-not-mentioned');

      let sent = performance.now();
      result.phases.actorsChange.push({ start: nowUs() });
      client.change(uri, insertAt, insertAt, 'q');
      await Promise.all([
        view.until(uri, unusedAlias, `alias-unused for the renamed alias ${edit.alias}q`),
        ...affected.map((annotationUri) => view.until(annotationUri, claimantMissing, `claimant-not-mentioned in ${annotationUri}`)),
      ]);
      actorsChangeMs.push(performance.now() - sent);
      sent = performance.now();
      client.change(uri, insertAt, insertAt + 1, '');
      await Promise.all([
        view.until(uri, (items) => !unusedAlias(items), `the alias ${edit.alias} to be used again`),
        ...affected.map((annotationUri) => view.until(annotationUri, (items) => !claimantMissing(items), `${annotationUri} to be clean again`)),
      ]);
      actorsChangeMs.push(performance.now() - sent);
      result.phases.actorsChange.at(-1).end = nowUs();
    }
    for (const uri of opened) client.close(uri);
    result.actorsChange = { ...latencySummary(actorsChangeMs), samples: actorsChangeMs };
    if (actorsChangeMs.length > 0) log(`    actors didChange: p50 ${result.actorsChange.p50?.toFixed(0)} ms, p99 ${result.actorsChange.p99?.toFixed(0)} ms over ${actorsChangeMs.length}`);

    // ---- after every edit was undone, the workspace is as clean as at the start ----
    if (pull) {
      const previousResultIds = [...view.resultIds].map(([uri, value]) => ({ uri, value }));
      const { result: report } = await client.request('workspace/diagnostic', { previousResultIds }, options.timeouts.indexMs);
      view.takeWorkspaceReport(report);
    }
    const final = view.problemCounts();
    result.consistentAfterEdits = final.errors === initial.errors && final.warnings === initial.warnings;
    result.logMessages = client.logMessages.filter((m) => /index/i.test(m)).slice(0, 5);
  } catch (error) {
    client.dispose();
    throw error;
  }
  const exit = await client.shutdown(options.timeouts.requestMs);
  result.maxRssBytes = exit.maxRssBytes;
  return result;
}
