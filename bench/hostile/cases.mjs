// The hostile workspaces of the security review (issue 13): small
// repositories that once froze the tools for minutes or exhausted their
// memory. Each case writes its files into a workspace folder that also holds
// a small, healthy "control" text, so that a benchmark or a test can ask the
// language server for a hover there while it works on the hostile part.
//
// Used by bench/hostile.mjs (figures against the targets) and by the
// bad-input suite (test/robustness/hostileCases.test.ts), at the sizes the
// review reported.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const KB = 1024;
const MB = 1024 * KB;

/** The healthy part of every hostile workspace: an actor, a text that mentions it, and its annotation file. */
export const CONTROL = {
  textPath: 'annotations/texts/control.txt',
  text: 'India said the border is calm.\n',
  /** Where a hover over "India" in the control text lands (UTF-16 offset). */
  hoverOffset: 2,
  actorId: 'india',
};

const CONTROL_ACTOR = `  - id: india
    name: India
    kind: state
    aliases: [India]
`;

const CONTROL_ANNOTATION = `text: texts/control.txt
title: Control
claims:
  - id: control-calm
    claimant: india
    quote: the border is calm
    about: [india]
`;

function writer(dir) {
  return (relative, content) => {
    const file = join(dir, ...relative.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  };
}

/** Writes the control actor (plus `extraActors`, YAML list items) and the control text. */
function writeControl(write, extraActors = '') {
  write('annotations/actors.yaml', `actors:\n${CONTROL_ACTOR}${extraActors}`);
  write(CONTROL.textPath, CONTROL.text);
  write('annotations/control.yaml', CONTROL_ANNOTATION);
}

/** A YAML list of claims, one per quote, all by the control actor. */
function claimsYaml(textPath, quotes) {
  const lines = [`text: ${textPath}`, 'claims:'];
  quotes.forEach((quote, i) => lines.push(`  - id: c${i}`, '    claimant: india', `    quote: ${JSON.stringify(quote)}`));
  return `${lines.join('\n')}\n`;
}

/**
 * Every case: `item` is its number in the review, `build(dir)` writes the
 * workspace, `size` says how large it is in the review's terms.
 */
export const HOSTILE_CASES = [
  {
    item: 4,
    name: 'ambiguous-everywhere',
    size: '2 MB text of "a a a …", 6 claims quoting "a"',
    build(dir) {
      const write = writer(dir);
      writeControl(write);
      write('annotations/texts/hostile.txt', 'a '.repeat(MB));
      write('annotations/hostile.yaml', claimsYaml('texts/hostile.txt', Array.from({ length: 6 }, () => 'a')));
    },
  },
  {
    item: 5,
    name: 'identical-claims',
    size: '8,000 claims identical but for their ids (about 440 KB)',
    build(dir) {
      const write = writer(dir);
      writeControl(write);
      write('annotations/texts/hostile.txt', 'The border is calm, said India.\n');
      const lines = ['text: texts/hostile.txt', 'claims:'];
      for (let i = 0; i < 8000; i++) lines.push(`  - id: same-${i}`, '    claimant: india', '    quote: The border is calm');
      write('annotations/hostile.yaml', `${lines.join('\n')}\n`);
    },
  },
  {
    item: 6,
    name: 'approximate-in-one-letter',
    size: 'a text of 200,000 × "a", quote "aax"',
    build(dir) {
      const write = writer(dir);
      writeControl(write);
      write('annotations/texts/hostile.txt', 'a'.repeat(200_000));
      write('annotations/hostile.yaml', claimsYaml('texts/hostile.txt', ['aax']));
    },
  },
  {
    item: 7,
    name: 'quotes-not-found',
    size: '200 quotes that are not found, 1 MB text',
    build(dir) {
      const write = writer(dir);
      writeControl(write);
      const sentence = 'The committee met on Tuesday and discussed the border, the trade talks and the water treaty. ';
      write('annotations/texts/hostile.txt', sentence.repeat(Math.ceil(MB / sentence.length)));
      const quotes = Array.from({ length: 200 }, (_, i) => `Quite unrelated words number ${i} that the article never says about zebras and violins`);
      write('annotations/hostile.yaml', claimsYaml('texts/hostile.txt', quotes));
    },
  },
  {
    item: 8,
    name: 'heading-backtracking',
    size: 'a line "# a" + 150,000 spaces + "b"',
    build(dir) {
      const write = writer(dir);
      writeControl(write);
      write('annotations/texts/hostile.txt', `# a${' '.repeat(150_000)}b\nIndia spoke.\n`);
      write('annotations/hostile.yaml', claimsYaml('texts/hostile.txt', ['India spoke.']));
    },
    /** The request the review timed on this case. */
    request: 'documentSymbol',
  },
  {
    item: 9,
    name: 'nested-aliases',
    size: 'aliases "a", "aa", … up to 3,000 characters over a 2 MB text',
    build(dir) {
      const write = writer(dir);
      const aliases = Array.from({ length: 3000 }, (_, i) => `      - ${'a'.repeat(i + 1)}`).join('\n');
      writeControl(write, `  - id: nested\n    name: Nested\n    kind: person\n    aliases:\n${aliases}\n`);
      const run = `${'a'.repeat(999)} `;
      write('annotations/texts/hostile.txt', run.repeat(Math.ceil((2 * MB) / run.length)));
      write('annotations/hostile.yaml', 'text: texts/hostile.txt\nclaims: []\n');
    },
  },
  {
    item: 10,
    name: 'long-unknown-ids',
    size: '100 unknown claimants with 1,500-character ids',
    build(dir) {
      const write = writer(dir);
      const id = (prefix, i) => `${prefix}-${String(i).padStart(4, '0')}-${'x'.repeat(1500 - prefix.length - 6)}`;
      const actors = Array.from({ length: 100 }, (_, i) => `  - id: ${id('known', i)}\n    name: Known ${i}\n    kind: person\n`).join('');
      writeControl(write, actors);
      write('annotations/texts/hostile.txt', 'India spoke.\n');
      const lines = ['text: texts/hostile.txt', 'claims:'];
      for (let i = 0; i < 100; i++) lines.push(`  - id: c${i}`, `    claimant: ${id('unknown', i)}`, '    quote: India spoke.');
      write('annotations/hostile.yaml', `${lines.join('\n')}\n`);
    },
  },
  {
    item: 11,
    name: 'many-distinct-claims',
    size: '70,000 distinct matching claims (about 3.5 MB)',
    build(dir) {
      const write = writer(dir);
      writeControl(write);
      const sentences = Array.from({ length: 70_000 }, (_, i) => `Point ${i} holds.`);
      write('annotations/texts/hostile.txt', `${sentences.join(' ')}\n`);
      const lines = ['text: texts/hostile.txt', 'claims:'];
      for (let i = 0; i < sentences.length; i++) lines.push(`  - id: c${i}`, '    claimant: india', `    quote: ${sentences[i]}`);
      write('annotations/hostile.yaml', `${lines.join('\n')}\n`);
    },
  },
  {
    item: 13,
    name: 'one-line-yaml-many-bad-ids',
    size: 'a 512 KB one-line YAML with 1,200 bad ids',
    build(dir) {
      const write = writer(dir);
      writeControl(write);
      write('annotations/texts/hostile.txt', 'India spoke.\n');
      const padding = 'p'.repeat(Math.floor((512 * KB) / 1200) - 80);
      const claims = Array.from({ length: 1200 }, (_, i) => `{id: c${i}, claimant: unknown-${i}, quote: India spoke., note: ${padding}}`);
      write('annotations/hostile.yaml', `{text: texts/hostile.txt, claims: [${claims.join(', ')}]}\n`);
    },
    /** Output formats whose size the review measured on this case. */
    formats: ['stylish', 'sarif'],
  },
];

/**
 * Runs `run(hostileCase, dir)` for each case (those whose item is in `only`,
 * when given), built in a fresh temporary folder named after `prefix` that is
 * removed afterwards whatever happens. With `onError`, a case that throws
 * (building or running) is handed to it and the next case runs.
 */
export async function forEachBuiltCase(prefix, only, run, onError) {
  for (const hostileCase of HOSTILE_CASES) {
    if (only && !only.has(hostileCase.item)) continue;
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-${hostileCase.item}-`));
    try {
      hostileCase.build(dir);
      await run(hostileCase, dir);
    } catch (error) {
      if (!onError) throw error;
      onError(error);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
