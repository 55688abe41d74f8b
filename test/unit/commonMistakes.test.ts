import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, LineIndex, parseAnnotationFile, parseConfig, workspaceDiagnostics, type CoreDiagnostic } from '../../server/src/core';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';
import { loadMemoryWorkspace, uriOf, yaml } from '../helpers/memoryWorkspace';

// A clean workspace (checked below to have no problems), into which each row
// of the table puts one realistic mistake.
const ACTORS = threeActorsYaml();
const CONCEPTS = yaml('concepts:', '  - id: taliban-are-civilians', '    label: The Taliban are civilians');
const CLAIMS = yaml(
  'text: texts/a.txt', // 1
  'title: "Pakistan and the Taliban: a brief"', // 2
  'author: isi', // 3
  'claims:', // 4
  '  - id: c1', // 5
  '    claimant: isi', // 6
  '    quote: The ISI backs the Taliban.', // 7
  '    about: [taliban]', // 8
  '  - id: c2', // 9
  '    claimant: imran-khan', // 10
  '    quote: the Taliban are “normal civilians.”', // 11
  '    concept: taliban-are-civilians', // 12
  '    stance: supports', // 13
);
const BASE: Record<string, string> = {
  'annotations/texts/a.txt': threeActorsArticle(),
  'annotations/actors.yaml': ACTORS,
  'annotations/concepts.yaml': CONCEPTS,
  'annotations/a.yaml': CLAIMS,
};
/** A claim with an unknown claimant, appended to show that the rest of the file is still checked. */
const LATER_ERROR = yaml('  - id: c3', '    claimant: imran-kahn', '    quote: The ISI backs the Taliban.');

interface Expected {
  code: string;
  line: number;
  column: number;
  phrase: RegExp;
}

interface Mistake {
  name: string;
  file: string;
  /** The file's content with the mistake. */
  content: string;
  expect: Expected;
  /** A phrase the message must not contain. */
  never?: RegExp;
  /** Whether LATER_ERROR is appended (and must be reported at line `line`). */
  later?: number;
  /** Other diagnostics that must be reported (code and line): the rest of the file is still checked. */
  others?: [string, number][];
}

const replaceLine = (text: string, line: number, replacement: string) => {
  const lines = text.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
};
const claims = (line: number, replacement: string) => replaceLine(CLAIMS, line, replacement);
const actors = (line: number, replacement: string) => replaceLine(ACTORS, line, replacement);

const MISTAKES: Mistake[] = [
  { name: 'title with ": " unquoted', file: 'a.yaml', content: claims(2, 'title: Pakistan and the Taliban: a brief'), later: 15, expect: { code: 'yaml-syntax', line: 2, column: 32, phrase: /Put the whole value in quotes: `title: "Pakistan and the Taliban: a brief"`/ } },
  { name: 'note with ": " unquoted', file: 'a.yaml', content: `${CLAIMS}    note: The author's view: disputed\n`, expect: { code: 'yaml-syntax', line: 14, column: 28, phrase: /contains `: `.*Put the whole value in quotes/ } },
  { name: 'note ending in ":"', file: 'a.yaml', content: `${CLAIMS}    note: Disputed:\n`, expect: { code: 'yaml-syntax', line: 14, column: 19, phrase: /in quotes: `note: "Disputed:"`/ } },
  { name: 'actor description with ": " unquoted', file: 'actors.yaml', content: actors(5, '    aliases: [ISI]\n    description: Pakistan\'s spy agency: military-run'), expect: { code: 'yaml-syntax', line: 6, column: 39, phrase: /Put the whole value in quotes/ } },
  { name: 'no space after the colon of a top-level key', file: 'a.yaml', content: claims(3, 'author:isi'), later: 15, expect: { code: 'yaml-syntax', line: 3, column: 7, phrase: /needs a space after the colon.*write `author: isi`/ } },
  { name: 'no space after the colon in a claim', file: 'a.yaml', content: claims(6, '    claimant:isi'), later: 15, expect: { code: 'yaml-syntax', line: 6, column: 13, phrase: /write `claimant: isi`/ } },
  { name: 'no space after the colon in an actor', file: 'actors.yaml', content: actors(4, '    kind:intelligence-agency'), expect: { code: 'yaml-syntax', line: 4, column: 9, phrase: /write `kind: intelligence-agency`/ } },
  { name: 'claim item indented one space too far', file: 'a.yaml', content: claims(9, '   - id: c2'), later: 15, expect: { code: 'yaml-syntax', line: 9, column: 4, phrase: /starts at column 4, but the items of its list start at column 3 \(as on line 5\)/ } },
  { name: 'claim item at the column of the fields, its fields deeper', file: 'a.yaml', content: claims(9, '    - id: c2').replace('    claimant: imran-khan\n    quote: the Taliban are “normal civilians.”\n    concept: taliban-are-civilians\n    stance: supports', '      claimant: imran-khan\n      quote: the Taliban are “normal civilians.”\n      concept: taliban-are-civilians\n      stance: supports'), expect: { code: 'yaml-syntax', line: 9, column: 5, phrase: /Move the `-` to column 3, and the item's other lines with it/ } },
  { name: 'claim item indented one space too little', file: 'a.yaml', content: claims(9, ' - id: c2'), later: 15, expect: { code: 'yaml-syntax', line: 9, column: 2, phrase: /start at column 3/ } },
  { name: 'alias item out of line with the one above', file: 'actors.yaml', content: actors(5, '    aliases:\n      - ISI\n     - Inter-Services Intelligence'), expect: { code: 'yaml-syntax', line: 7, column: 6, phrase: /starts at column 6, but the items of its list start at column 7 \(as on line 6\)/ } },
  { name: 'tab before a claim field', file: 'a.yaml', content: claims(7, '\tquote: The ISI backs the Taliban.'), later: 15, expect: { code: 'yaml-syntax', line: 7, column: 1, phrase: /indented with a tab.*Replace the tab with spaces \(here 4/ } },
  { name: 'tab before a list item', file: 'a.yaml', content: claims(9, '\t- id: c2'), expect: { code: 'yaml-syntax', line: 9, column: 1, phrase: /YAML allows only spaces for indentation/ } },
  { name: 'tab before an actor field', file: 'actors.yaml', content: actors(3, '\tname: Inter-Services Intelligence'), expect: { code: 'yaml-syntax', line: 3, column: 1, phrase: /indented with a tab/ } },
  { name: 'about without brackets', file: 'a.yaml', content: claims(8, '    about: taliban, imran-khan'), later: 15, expect: { code: 'invalid-value', line: 8, column: 12, phrase: /`about: \[taliban, imran-khan\]`, or in block form, one `- taliban` line per id/ } },
  { name: 'about without brackets, with an unknown id in it', file: 'a.yaml', content: claims(8, '    about: taliban, imran-kahn'), expect: { code: 'invalid-value', line: 8, column: 12, phrase: /is one value/ }, others: [['unknown-actor', 8]] },
  { name: 'a concept id as the claimant', file: 'a.yaml', content: claims(6, '    claimant: taliban-are-civilians'), expect: { code: 'unknown-actor', line: 6, column: 15, phrase: /`taliban-are-civilians` is a concept, not an actor; the claimant must be an actor id/ } },
  { name: 'an actor id as the concept', file: 'a.yaml', content: claims(12, '    concept: taliban'), expect: { code: 'unknown-concept', line: 12, column: 14, phrase: /`taliban` is an actor, not a concept; `concept` must be a concept id/ } },
  { name: "a concept's label instead of its id", file: 'a.yaml', content: claims(12, '    concept: The Taliban are civilians'), expect: { code: 'unknown-concept', line: 12, column: 14, phrase: /is the label of the concept `taliban-are-civilians`, not its id.*Write `concept: taliban-are-civilians`/ } },
  { name: "an actor's name instead of its id", file: 'a.yaml', content: claims(10, '    claimant: Imran Khan'), expect: { code: 'unknown-actor', line: 10, column: 15, phrase: /is the name of the actor `imran-khan`, not its id.*Write `imran-khan`/ } },
  { name: 'a typo in a claimant id', file: 'a.yaml', content: claims(10, '    claimant: imran-kahn'), expect: { code: 'unknown-actor', line: 10, column: 15, phrase: /Did you mean `imran-khan`\?/ } },
  { name: 'a did-you-mean never suggests an invalid id', file: 'a.yaml', content: claims(6, '    claimant: tallban'), expect: { code: 'unknown-actor', line: 6, column: 15, phrase: /Did you mean `taliban`\?/ }, never: /Tal_iban/ },
  { name: 'an actor kind outside the vocabulary', file: 'actors.yaml', content: actors(4, '    kind: militia'), expect: { code: 'invalid-value', line: 4, column: 11, phrase: /add more under `vocabulary:` → `actor-kinds:` in policy-annotator\.yaml/ } },
  { name: 'a stance outside the vocabulary', file: 'a.yaml', content: claims(13, '    stance: endorses'), expect: { code: 'invalid-value', line: 13, column: 13, phrase: /add more under `vocabulary:` → `stances:` in policy-annotator\.yaml/ } },
  { name: 'an evidence value outside the fixed vocabulary', file: 'a.yaml', content: claims(13, '    evidence: rumour'), expect: { code: 'invalid-value', line: 13, column: 15, phrase: /the annotation format fixes these/ }, never: /policy-annotator\.yaml/ },
];

function at(content: string, diagnostic: CoreDiagnostic): { line: number; column: number } {
  const position = new LineIndex(content).positionAt(diagnostic.range.start);
  return { line: position.line + 1, column: position.character + 1 };
}

async function diagnosticsFor(files: Record<string, string>, file: string): Promise<CoreDiagnostic[]> {
  const { index } = await loadMemoryWorkspace(files);
  return (workspaceDiagnostics(index).get(uriOf(`annotations/${file}`)) ?? []).filter((d) => d.severity !== 'hint');
}

describe('common mistakes: one diagnostic at the right spot, in the annotator\'s words', () => {
  it('starts from a workspace without problems', async () => {
    const { index } = await loadMemoryWorkspace(BASE);
    const all = [...workspaceDiagnostics(index).values()].flat().filter((d) => d.severity !== 'hint');
    assert.deepEqual(all, []);
  });

  it(`has a table of at least 20 mistakes (${MISTAKES.length})`, () => {
    assert.ok(MISTAKES.length >= 20);
  });

  for (const mistake of MISTAKES) {
    it(mistake.name, async () => {
      const content = mistake.later ? mistake.content + LATER_ERROR : mistake.content;
      const files = { ...BASE, [`annotations/${mistake.file}`]: content };
      if (mistake.never) files['annotations/actors.yaml'] = `${files['annotations/actors.yaml']}  - id: Tal_iban\n    name: Tal Iban\n    kind: person\n`;
      const diagnostics = await diagnosticsFor(files, mistake.file);
      const described = diagnostics.map((d) => `${at(content, d).line}:${at(content, d).column} ${d.code} ${d.message}`).join('\n');
      const expected = diagnostics.filter((d) => d.code === mistake.expect.code && at(content, d).line === mistake.expect.line);
      assert.equal(expected.length, 1, `one ${mistake.expect.code} on line ${mistake.expect.line}:\n${described}`);
      const [diagnostic] = expected;
      assert.deepEqual(at(content, diagnostic), { line: mistake.expect.line, column: mistake.expect.column }, described);
      assert.match(diagnostic.message, mistake.expect.phrase);
      if (mistake.never) assert.doesNotMatch(diagnostic.message, mistake.never);
      assert.doesNotMatch(diagnostic.message, /YAML syntax error|Add the missing character|Check the indentation/);
      // No cascade: besides the mistake, only the deliberate later error (when there is one).
      const others = diagnostics.filter((d) => d !== diagnostic);
      const expectedOthers = [...(mistake.others ?? []), ...(mistake.later ? [['unknown-actor', mistake.later]] : [])];
      assert.deepEqual(others.map((d) => [d.code, at(content, d).line]), expectedOthers, described);
    });
  }

  it('finds the same mistakes at the same places in CRLF files', async () => {
    for (const mistake of MISTAKES) {
      const content = (mistake.later ? mistake.content + LATER_ERROR : mistake.content).replace(/\n/g, '\r\n');
      const diagnostics = await diagnosticsFor({ ...BASE, [`annotations/${mistake.file}`]: content }, mistake.file);
      const found = diagnostics.filter((d) => d.code === mistake.expect.code && at(content, d).line === mistake.expect.line);
      assert.equal(found.length, 1, mistake.name);
      assert.equal(at(content, found[0]).column, mistake.expect.column, mistake.name);
      assert.match(found[0].message, mistake.expect.phrase, mistake.name);
    }
  });

  it('never throws and keeps every range inside the file, whatever the lines around a mistake', () => {
    const pieces = ['\t', '  ', '- ', 'title', ':', ': ', 'a: b', '#', '"', "'", '[', '\n', '\r\n', 'about: x, y', '-', 'id'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const file = parseAnnotationFile('file:///ws/a.yaml', text, DEFAULT_VOCABULARY);
      for (const d of file.diagnostics) assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length, JSON.stringify(text));
    }
  });

  it('names vocabulary keys that policy-annotator.yaml accepts', async () => {
    const diagnostics = await diagnosticsFor({ ...BASE, 'annotations/actors.yaml': actors(4, '    kind: militia').replace('  - id: taliban', '  - id: x\n    name: X\n    kind: think-tank\n    relations: [{type: bankrolls, target: isi}]\n  - id: taliban') }, 'actors.yaml');
    const keys = diagnostics.flatMap((d) => [...d.message.matchAll(/`vocabulary:` → `([a-z-]+):`/g)].map((m) => m[1]));
    assert.ok(keys.includes('actor-kinds') && keys.includes('relation-types'), keys.join(', '));
    for (const key of keys) {
      const config = parseConfig('file:///ws/policy-annotator.yaml', `vocabulary:\n  ${key}: [extra]\n`);
      assert.deepEqual(config.diagnostics, [], key);
    }
  });

  it('reads the values of repaired lines as the annotator meant them', async () => {
    const { index } = await loadMemoryWorkspace({ ...BASE, 'annotations/a.yaml': claims(2, "title: Pakistan's Taliban: a brief").replace('    claimant: isi', '    claimant:isi') });
    const file = index.annotationFiles().find((f) => f.uri === uriOf('annotations/a.yaml'))!;
    assert.equal(file.textAnnotation?.title?.value, "Pakistan's Taliban: a brief");
    assert.equal(file.textAnnotation?.claims[0].claimant?.value, 'isi');
    const content = index.content(file.uri)!;
    const claimant = file.textAnnotation!.claims[0].claimant!;
    assert.equal(content.slice(claimant.range.start, claimant.range.end), 'isi', 'ranges point into the file as written');
  });
});
