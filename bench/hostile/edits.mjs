// The edits after indexing that bench/hostileEdits.mjs (in process) and
// bench/hostile.mjs --edits (the real server) time: a character in the big
// annotation file of hostile cases #5, #7 and #11, an alias renamed in the
// actors file of #9 (nested aliases over a 2 MB text), and an alias renamed
// in an actors file of the benchmark corpus.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTILE_CASES } from './cases.mjs';
import { yamlScalar } from '../generator/yamlText.mjs';

/** Replaces the last occurrence of `from` by `to`; throws when there is none, so an edit never silently does nothing. */
function replaceLast(content, from, to) {
  const at = content.lastIndexOf(from);
  if (at < 0) throw new Error(`"${from}" is not in the file the edit expects.`);
  return content.slice(0, at) + to + content.slice(at + from.length);
}

/** The default seed of the benchmark (bench/options.mjs), so that a corpus kept by `npm run bench -- --keep-corpus` is reused. */
const BENCH_SEED = 'policy-annotator-bench';

/**
 * Each case: `key` for --only, `label`, and `item` (a hostile case) or
 * `corpus: true`. `edit(manifest)` gives the file to change (workspace-relative),
 * what the change is, and `change(content)`.
 */
export const EDIT_CASES = [
  { key: '5', item: 5, label: '#5 identical-claims', edit: () => ({ path: 'annotations/hostile.yaml', what: 'one character of the last claim id', change: (c) => replaceLast(c, 'same-7999', 'same-799x') }) },
  { key: '7', item: 7, label: '#7 quotes-not-found', edit: () => ({ path: 'annotations/hostile.yaml', what: 'one character of the last quote', change: (c) => replaceLast(c, 'zebras and violins', 'zebras and violinz') }) },
  { key: '7c', item: 7, label: '#7 quotes-not-found', edit: () => ({ path: 'annotations/hostile.yaml', what: 'a comment added', change: (c) => `# reviewed\n${c}` }) },
  { key: '11', item: 11, label: '#11 many-distinct-claims', edit: () => ({ path: 'annotations/hostile.yaml', what: 'one character of the last claim id', change: (c) => replaceLast(c, 'id: c69999', 'id: c6999x') }) },
  {
    key: '9',
    item: 9,
    label: '#9 nested-aliases',
    edit: () => ({ path: 'annotations/actors.yaml', what: 'the alias of 1,500 a renamed', change: (c) => replaceLast(c, `- ${'a'.repeat(1500)}\n`, `- ${'a'.repeat(1499)}b\n`) }),
  },
  {
    key: 'corpus',
    corpus: true,
    label: 'benchmark corpus',
    edit: (manifest) => {
      const alias = manifest.aliasEdits[0];
      const scalar = yamlScalar(alias.alias);
      return {
        path: alias.actorsFile,
        what: `the alias ${alias.alias} renamed`,
        change: (c) => replaceLast(c, `\n      - ${scalar}\n`, `\n      - ${yamlScalar(`${alias.alias}q`)}\n`),
      };
    },
  },
];

/**
 * Builds the workspace of an edit case (a hostile case in a fresh temporary
 * folder, removed afterwards; the corpus under `corpusRoot`, generated once
 * and kept) and runs `run(dir, edit)`.
 */
export async function withEditCase(editCase, { scale, prepareCorpus, corpusRoot }, run) {
  if (editCase.corpus) {
    const { workspace, manifest } = prepareCorpus(corpusRoot, scale, BENCH_SEED);
    return run(workspace, editCase.edit(manifest));
  }
  const hostileCase = HOSTILE_CASES.find((c) => c.item === editCase.item);
  const dir = mkdtempSync(join(tmpdir(), `policy-annotator-edits-${editCase.key}-`));
  try {
    hostileCase.build(dir);
    return await run(dir, editCase.edit());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
