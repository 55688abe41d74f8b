// Hostile anchoring workspaces from issue 13 (items 4, 6, 7 and 11), at any
// scale: scale 1 is the size the issue reports; the regression tests use a
// small fraction of it. Deterministic: the same scale gives the same files.
//
//   ambiguous-a       a 2 MB text of "a a a …" and 6 claims `quote: a`
//   approximate-aax   200,000 × "a" and a claim `quote: aax`
//   lost-quotes       a 1 MB prose text and 200 quotes that occur nowhere
//   many-claims       70,000 distinct claims that all occur (3.9 MB of YAML)

import { createRandom } from './random.mjs';
import { ADJECTIVES, NOUNS, VERB_PHRASES } from './wordLists.mjs';

export const HOSTILE_CASES = ['ambiguous-a', 'approximate-aax', 'lost-quotes', 'many-claims'];

const ACTORS = 'actors:\n  - {id: x, name: X, kind: person}\n';

/** A YAML plain scalar needs no quoting for the generated quotes: letters, digits, spaces and a final full stop. */
function annotationFile(quotes) {
  const lines = ['text: texts/t.txt', 'author: x', 'claims:'];
  quotes.forEach((quote, i) => lines.push(`  - {id: c${i + 1}, claimant: x, quote: ${quote}}`));
  return `${lines.join('\n')}\n`;
}

function workspace(text, quotes) {
  return { 'annotations/actors.yaml': ACTORS, 'annotations/texts/t.txt': text, 'annotations/t.yaml': annotationFile(quotes) };
}

/** Prose of about `length` characters from the benchmark's word lists. */
function prose(length, random) {
  const parts = [];
  let size = 0;
  while (size < length) {
    const sentence = `The ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${random.pick(VERB_PHRASES)}.`;
    parts.push(sentence);
    size += sentence.length + 1;
  }
  return parts.join(' ');
}

/**
 * The files of one hostile case, by workspace-relative path, and what a
 * correct check reports for it.
 */
export function hostileAnchoringCase(name, scale = 1) {
  switch (name) {
    case 'ambiguous-a': {
      const count = Math.max(1, Math.round(1_000_000 * scale));
      return { files: workspace('a '.repeat(count), Array(6).fill('a')), expect: { code: 'quote-ambiguous', occurrences: count, diagnostics: 6 } };
    }
    case 'approximate-aax': {
      const count = Math.max(3, Math.round(200_000 * scale));
      return { files: workspace('a'.repeat(count), ['aax']), expect: { code: 'quote-not-found', diagnostics: 1 } };
    }
    case 'lost-quotes': {
      const random = createRandom('hostile-lost-quotes');
      const text = prose(Math.max(1000, Math.round(1_000_000 * scale)), random);
      const quotes = [];
      for (let i = 0; i < 200; i++) quotes.push(`the ${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} never ${random.pick(VERB_PHRASES)} in year ${1000 + i}`);
      return { files: workspace(text, quotes), expect: { code: 'quote-not-found', diagnostics: 200 } };
    }
    case 'many-claims': {
      const count = Math.max(1, Math.round(70_000 * scale));
      const sentences = Array.from({ length: count }, (_, i) => `Item ${i + 1} holds.`);
      return { files: workspace(sentences.join('\n'), sentences), expect: { code: undefined, diagnostics: 0 } };
    }
    default:
      throw new Error(`Unknown hostile case ${name}: one of ${HOSTILE_CASES.join(', ')}.`);
  }
}
