// The hostile-input cases of issue 13 (items 10, 13, 14) for `check`'s
// output: did-you-mean over long unknown ids, a 512 KB one-line file with
// 1,200 bad ids, and ids holding terminal escapes. Prints wall time, peak
// RSS and output size per case and format against the targets (under 10 s
// and 1 GB each). Run: `node scripts/build.mjs && node bench/hostileMessages.mjs`.
// It never runs as part of `npm test`.

import { Buffer } from 'node:buffer';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installCleanup, runNode } from './measure/processes.mjs';
import { formatBytes, formatMs } from './report/format.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(repoRoot, 'dist', 'cli.js');
const TARGET_MS = 10_000;
const TARGET_RSS = 1024 * 1024 * 1024;

const ARTICLE = 'The ISI backs the Taliban.\nImran Khan said the Taliban are “normal civilians.”\n';
const longId = (prefix, i, length) => `${prefix}-${i}-`.padEnd(length, 'x');

/** Each case: the workspace's files. */
const CASES = {
  // Item 10: 100 unknown claimants with 1,500-character ids, against 1,000 actors with ids as long.
  'long unknown ids': () => ({
    'annotations/actors.yaml': `actors:\n${Array.from({ length: 1000 }, (_, i) => `  - {id: ${longId('actor', i, 1500)}, name: A${i}, kind: person}\n`).join('')}`,
    'annotations/a.yaml': `text: texts/a.txt\nclaims:\n${Array.from({ length: 100 }, (_, i) => `  - {id: c${i}, claimant: ${longId('claimant', i, 1500)}, quote: The ISI backs the Taliban.}\n`).join('')}`,
  }),
  // Item 13: a 512 KB one-line file with 1,200 bad ids.
  'one 512 KB line': () => ({
    'annotations/actors.yaml': 'actors:\n  - {id: isi, name: ISI, kind: intelligence-agency, aliases: [ISI]}\n',
    'annotations/a.yaml': `{text: texts/a.txt, claims: [${Array.from({ length: 1200 }, (_, i) => `{id: c${i}, claimant: nobody-${i}, quote: "${'x'.repeat(420)}"}`).join(', ')}]}\n`,
  }),
  // Item 14: ids that would clear the screen and fake a success line.
  'terminal escapes': () => ({
    'annotations/actors.yaml': 'actors:\n  - {id: isi, name: ISI, kind: intelligence-agency, aliases: [ISI]}\n',
    'annotations/a.yaml': `text: texts/a.txt\nclaims:\n${Array.from({ length: 200 }, (_, i) => `  - {id: c${i}, claimant: "\\e[2J\\e[H\\e[32m✔ No problems ${i}\\e[0m", quote: The ISI backs the Taliban.}\n`).join('')}`,
  }),
};

async function main() {
  installCleanup();
  const scratch = join(tmpdir(), `policy-annotator-hostile-${process.pid}`);
  const rows = [];
  try {
    for (const [name, files] of Object.entries(CASES)) {
      const dir = join(scratch, name.replace(/\W+/g, '-'));
      for (const [path, content] of Object.entries({ 'annotations/texts/a.txt': ARTICLE, ...files() })) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      for (const format of ['stylish', 'github', 'sarif']) {
        const result = await runNode([CLI, 'check', '--no-cache', '--color', '--format', format], { cwd: dir, env: { ...process.env }, timeoutMs: 120_000 });
        // eslint-disable-next-line no-control-regex
        const rawEscapes = (result.stdout.match(/\u001b\[[0-9;]*[A-Za-ln-z]/g) ?? []).length;
        const ok = result.code === 1 && result.wallMs < TARGET_MS && (result.maxRssBytes ?? 0) < TARGET_RSS && rawEscapes === 0;
        rows.push([name, format, String(result.code), formatMs(result.wallMs), result.maxRssBytes === undefined ? '?' : formatBytes(result.maxRssBytes), formatBytes(Buffer.byteLength(result.stdout)), String(rawEscapes), ok ? 'ok' : 'MISSED']);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const header = ['case', 'format', 'exit', 'wall', 'peak RSS', 'stdout', 'screen escapes', `target (<${TARGET_MS / 1000} s, <1 GB)`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
  if (rows.some((r) => r.at(-1) !== 'ok')) process.exitCode = 1;
}

await main();
