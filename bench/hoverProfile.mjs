// Hover cost in-process, without the wall clock (issue 12): loads the 1×
// benchmark corpus into the core's LiveWorkspace, as the language server
// does, then repeats the benchmark's hovers (the same texts and positions as
// `npm run bench`'s hover phase: each text opened as a buffer, a hover over
// each of its known mentions, rendered as Markdown) and reports per hover the
// CPU time (`process.cpuUsage`, user + system) and the heap it leaves behind.
// On a loaded machine CPU time is steadier than wall time, and the minimum
// over repetitions steadier still.
//
//   npm run typecheck && node bench/hoverProfile.mjs        # this checkout's out/ (tsc -b)
//   node bench/hoverProfile.mjs --tree /tmp/old1cfa         # another checkout, built with tsc -b
//   node --cpu-prof --cpu-prof-dir /tmp/prof bench/hoverProfile.mjs --reps 50
//
// Options: --tree DIR (compiled checkout, default this one), --scale N
// (default 1), --sessions N (default 5, as the benchmark), --texts N (per
// session, default 25), --reps N (default 20), --plaintext (render plain
// text), --no-open (hover the texts as indexed from disk, without opening
// them as buffers: a CPU profile then holds little but hovers), --corpus DIR
// (default bench/corpus; the corpus is kept there), --dump FILE (every card
// of the first repetition written to FILE, to compare two checkouts' output).

import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import { prepareCorpus } from './generator/corpusOnDisk.mjs';
import { createRandom } from './generator/random.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

function parseArguments(argv) {
  const options = { tree: repoRoot, scale: 1, sessions: 5, texts: 25, reps: 20, plaintext: false, open: true, corpus: join(repoRoot, 'bench', 'corpus') };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${name} needs a value`);
      return next;
    };
    if (name === '--tree') options.tree = resolve(value());
    else if (name === '--corpus') options.corpus = resolve(value());
    else if (name === '--dump') options.dump = resolve(value());
    else if (name === '--plaintext') options.plaintext = true;
    else if (name === '--no-open') options.open = false;
    else if (['--scale', '--sessions', '--texts', '--reps'].includes(name)) {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number of 1 or more`);
      options[name.slice(2)] = n;
    } else throw new Error(`unknown option ${name}; see the comment at the top of bench/hoverProfile.mjs`);
  }
  return options;
}

/** The compiled core of a checkout (tsc -b output under out/): hover, its renderers, LiveWorkspace and the disk host, wherever that version keeps them. */
function loadCore(tree) {
  const out = join(tree, 'out', 'server', 'src');
  if (!existsSync(out)) throw new Error(`${out} does not exist: run npm run typecheck (tsc -b) in ${tree} first`);
  const require = createRequire(pathToFileURL(join(out, 'index.js')));
  const first = (...paths) => {
    const found = paths.map((p) => join(out, p)).find((p) => existsSync(p));
    if (!found) throw new Error(`none of ${paths.join(', ')} under ${out}`);
    return require(found);
  };
  const { hover } = first('core/features/hover.js');
  const card = existsSync(join(out, 'core/features/card.js')) ? require(join(out, 'core/features/card.js')) : undefined;
  const { LiveWorkspace } = first('core/live/liveWorkspace.js', 'core/features/liveWorkspace.js');
  const { NodeFileHost } = first('node/nodeFileHost.js');
  const { canonicalUri } = first('core/uris.js');
  return { hover, card, LiveWorkspace, NodeFileHost, canonicalUri };
}

/** Markdown or plain text, from either a card model (after 1cfa929) or the Markdown string of 1cfa929. */
function renderer(core, plaintext) {
  if (!core.card) return (found) => found.markdown;
  return plaintext ? (found) => core.card.renderPlainText(found.card) : (found) => core.card.renderMarkdown(found.card);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const cpuUs = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const core = loadCore(options.tree);
  const render = renderer(core, options.plaintext);
  const { workspace, manifest } = prepareCorpus(options.corpus, options.scale, 'policy-annotator-bench');
  const folder = core.canonicalUri(pathToFileURL(workspace).toString());
  const live = new core.LiveWorkspace({ folders: [folder], createHost: (folders) => new core.NodeFileHost(folders.map((uri) => fileURLToPath(uri))), log: (message) => console.error(message) });
  const loadStart = cpuUs();
  await live.load();
  console.log(`tree ${options.tree}; ${options.scale}× corpus indexed in ${((cpuUs() - loadStart) / 1000).toFixed(0)} ms CPU`);

  // The benchmark's hover phase: per session, 25 shuffled texts, each opened, a hover over each known mention.
  const plan = [];
  for (let session = 0; session < options.sessions; session++) {
    const random = createRandom(`language-server-session-${session}`);
    for (const text of random.shuffled(manifest.texts).slice(0, options.texts)) {
      const content = readFileSync(join(workspace, ...text.textPath.split('/')), 'utf8');
      const uri = core.canonicalUri(pathToFileURL(join(workspace, ...text.textPath.split('/'))).toString());
      plan.push({ uri, content, offsets: text.hoverTargets.map((t) => ({ offset: Math.floor((t.start + t.end) / 2), actorId: t.actorId })) });
    }
  }

  let collections = 0;
  const gcObserver = new PerformanceObserver((list) => (collections += list.getEntries().length));
  gcObserver.observe({ entryTypes: ['gc'] });

  const hoverCount = plan.reduce((n, t) => n + t.offsets.length, 0);
  const bestHover = new Array(hoverCount).fill(Infinity);
  const bestFirst = [];
  const heapDeltas = [];
  let bytes = 0;
  let misses = 0;
  const openCpu = [];
  const closeCpu = [];
  const dumped = [];
  for (let rep = 0; rep < options.reps; rep++) {
    let h = 0;
    for (const [t, text] of plan.entries()) {
      const opened = cpuUs();
      if (options.open) await live.setBuffer(text.uri, text.content);
      openCpu.push(cpuUs() - opened);
      const index = live.indexFor(text.uri);
      for (const [k, target] of text.offsets.entries()) {
        const heapBefore = process.memoryUsage().heapUsed;
        const before = cpuUs();
        const found = core.hover(index, text.uri, target.offset);
        const value = found ? render(found) : '';
        const spent = cpuUs() - before;
        const heapDelta = process.memoryUsage().heapUsed - heapBefore;
        if (heapDelta >= 0) heapDeltas.push(heapDelta);
        bytes += value.length;
        if (options.dump && rep === 0) dumped.push(value);
        if (!value.includes(target.actorId)) misses++;
        bestHover[h] = Math.min(bestHover[h], spent);
        if (k === 0) bestFirst[t] = Math.min(bestFirst[t] ?? Infinity, spent);
        h++;
      }
      const closed = cpuUs();
      if (options.open) await live.closeBuffer(text.uri);
      closeCpu.push(cpuUs() - closed);
    }
  }
  gcObserver.disconnect();
  if (options.dump) writeFileSync(options.dump, `${dumped.join('\n\u0000\n')}\n`);

  const sortedHover = [...bestHover].sort((a, b) => a - b);
  const sortedOpen = [...openCpu].sort((a, b) => a - b);
  const sortedHeap = heapDeltas.sort((a, b) => a - b);
  const ms = (us) => (us / 1000).toFixed(3);
  const total = bestHover.reduce((a, b) => a + b, 0);
  console.log(`${hoverCount} hovers × ${options.reps} repetitions (${options.plaintext ? 'plain text' : 'Markdown'}); ${misses} answers without the actor's id; ${(bytes / (hoverCount * options.reps)).toFixed(0)} characters per card`);
  console.log(`hover CPU, best of ${options.reps} per position: median ${ms(percentile(sortedHover, 50))} ms, p90 ${ms(percentile(sortedHover, 90))} ms, p99 ${ms(percentile(sortedHover, 99))} ms, max ${ms(sortedHover.at(-1))} ms, mean ${ms(total / hoverCount)} ms`);
  console.log(`first hover after opening, best per text: median ${ms(percentile([...bestFirst].sort((a, b) => a - b), 50))} ms`);
  console.log(`heap left per hover (runs without a collection): median ${(percentile(sortedHeap, 50) / 1024).toFixed(1)} KiB, p90 ${(percentile(sortedHeap, 90) / 1024).toFixed(1)} KiB; ${collections} collections during the hovers`);
  const sortedClose = closeCpu.sort((a, b) => a - b);
  console.log(`opening a text (setBuffer, not part of the hover): median ${ms(percentile(sortedOpen, 50))} ms CPU, p99 ${ms(percentile(sortedOpen, 99))} ms`);
  console.log(`closing it (closeBuffer, reading the file again): median ${ms(percentile(sortedClose, 50))} ms CPU, p99 ${ms(percentile(sortedClose, 99))} ms`);
}

main().catch((error) => {
  console.error(`hoverProfile: ${error.message}`);
  process.exitCode = 1;
});
