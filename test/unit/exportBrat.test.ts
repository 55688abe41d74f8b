import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { LoadedWorkspace, WorkspaceIndex } from '../../server/src/core';
import { bratEntityType, exportBrat, importBratEntities, parseBratAnn, type ExportResult } from '../../server/src/core/export';
import { loadFixture as loadFiles, namedFixture, parseFixture } from '../helpers/fixture';
import { WORKSPACE, yaml } from '../helpers/memoryWorkspace';
import { loadSampleCorpus } from '../helpers/sampleCorpus';
import { REPO_ROOT } from '../helpers/tempWorkspace';


/** The export tests' workspace (test/fixtures/astral-article.txtar) with CRLF line breaks. */
const FIXTURE = parseFixture(namedFixture('astral-article'));
const TEXT = FIXTURE['annotations/texts/a.txt'].replace(/\n/g, '\r\n');

/** Brat's variant adds an actor that no text mentions, a relation to it, and the evidence of a claim. */
function loadFixture(): Promise<LoadedWorkspace> {
  return loadFiles(FIXTURE, {
    'annotations/texts/a.txt': TEXT,
    'annotations/actors.yaml':
      FIXTURE['annotations/actors.yaml'].replace('        target: taliban\n', '        target: taliban\n      - type: opposes\n        target: unmentioned\n') +
      yaml('  - id: unmentioned', '    name: Nobody Here', '    kind: organization'),
    'annotations/a.yaml': FIXTURE['annotations/a.yaml'].replace('    type: assertion\n', '    type: assertion\n    evidence: reported\n'),
  });
}

function fileOf(result: ExportResult, filePath: string): string {
  const file = result.files.find((f) => f.path === filePath);
  assert.ok(file, `no ${filePath} among ${result.files.map((f) => f.path).join(', ')}`);
  return file.content;
}

/**
 * brat's rule, checked without the exporter's own helpers: every T line's
 * text equals the .txt text at its offsets, counted in code points, with the
 * fragments of a discontinuous span joined by a space.
 */
function textBoundMismatches(ann: string, txt: string): string[] {
  const codePoints = Array.from(txt);
  const problems: string[] = [];
  for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
    const [id, head, text] = line.split('\t');
    const offsets = head.slice(head.indexOf(' ') + 1).split(';').map((pair) => pair.split(' ').map(Number));
    const expected = offsets.map(([start, end]) => codePoints.slice(start, end).join('')).join(' ');
    if (text !== expected) problems.push(`${id}: ${JSON.stringify(text)} but the .txt has ${JSON.stringify(expected)}`);
    if (offsets.some(([start, end]) => !(start < end) || end > codePoints.length)) problems.push(`${id}: bad offsets ${head}`);
  }
  return problems;
}

/** What the core knows of a text: actor mentions and resolved claims, in UTF-16 offsets. */
function coreEntities(index: WorkspaceIndex, textUri: string) {
  const analysis = index.analysis(textUri)!;
  return {
    mentions: analysis.mentions.map((m) => ({ span: m.span, actorId: m.actorId, kind: index.actor(m.actorId)?.kind?.value ?? bratEntityType(index.entity(m.actorId)!.kind!.value) })),
    claims: analysis.claims
      .filter((c) => c.result.span)
      .map((c) => ({
        span: c.result.span!,
        id: c.def.id!.value,
        ...(c.def.stance ? { stance: c.def.stance.value } : {}),
        ...(c.def.type ? { type: c.def.type.value } : {}),
        ...(c.def.evidence ? { evidence: c.def.evidence.value } : {}),
        ...(c.def.concept ? { concept: c.def.concept.value } : {}),
      })),
  };
}

const bySpan = <T extends { span: { start: number; end: number } }>(list: T[]) => [...list].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('brat export', () => {
  it('writes the .txt byte for byte, and every T line of the sample corpus matches its text', async () => {
    const { index } = await loadSampleCorpus();
    const result = exportBrat(index, { workspaceFolder: WORKSPACE });
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.files.map((f) => f.path).sort(), ['annotation.conf', 'annotations/texts/pakistan-taliban-qa.ann', 'annotations/texts/pakistan-taliban-qa.txt', 'tools.conf']);
    const txt = fileOf(result, 'annotations/texts/pakistan-taliban-qa.txt');
    assert.equal(txt, readFileSync(path.join(REPO_ROOT, 'annotations/texts/pakistan-taliban-qa.txt'), 'utf8'));
    const ann = fileOf(result, 'annotations/texts/pakistan-taliban-qa.ann');
    assert.ok(ann.split('\n').filter((l) => l.startsWith('T')).length >= 215 + 66);
    assert.deepEqual(textBoundMismatches(ann, txt), []);
    assert.deepEqual(parseBratAnn(ann).problems, []);
  });

  it('counts code points around astral characters, keeps combining marks and CRLF, and splits spans at line breaks', async () => {
    const { index } = await loadFixture();
    const result = exportBrat(index, { workspaceFolder: WORKSPACE });
    assert.deepEqual(result.warnings, []);
    const txt = fileOf(result, 'annotations/texts/a.txt');
    assert.equal(txt, TEXT, 'the .txt keeps CRLF and every character');
    const ann = fileOf(result, 'annotations/texts/a.ann');
    assert.deepEqual(textBoundMismatches(ann, txt), []);
    const cp = (utf16: number) => Array.from(TEXT.slice(0, utf16)).length;
    const lines = ann.split('\n');
    const claimAcross = lines.find((l) => l.includes('\tClaim ') && l.endsWith('backs the Taliban. Imran Khan said'));
    const start = TEXT.indexOf('backs');
    const lineEnd = TEXT.indexOf('\r\n', start);
    assert.ok(claimAcross, ann);
    assert.match(claimAcross, new RegExp(`\\tClaim ${cp(start)} ${cp(lineEnd)};${cp(lineEnd + 2)} ${cp(TEXT.indexOf('said') + 4)}\\t`));
    assert.ok(lines.some((l) => l === `T${l.slice(1, l.indexOf('\t'))}\tperson ${cp(TEXT.indexOf('Taliban Khan'))} ${cp(TEXT.indexOf('Taliban Khan') + 12)}\tTaliban Khan`), ann);
    assert.ok(lines.some((l) => /\tClaim \d+ \d+\tcafe\u0301\) later$/.test(l)), 'the combining mark is part of the span');
  });

  it('gives mentions their actor and Wikidata item, claims their attributes and id, and links actors by relations', async () => {
    const { index } = await loadFixture();
    const ann = fileOf(exportBrat(index, { workspaceFolder: WORKSPACE }), 'annotations/texts/a.ann');
    const doc = parseBratAnn(ann);
    assert.deepEqual(doc.problems, []);
    const entity = (type: string, text: string) => doc.entities.find((e) => e.type === type && e.text === text)!.id;
    const isi = entity('intelligence-agency', 'ISI');
    const firstTaliban = doc.entities.find((e) => e.type === 'armed-group')!.id;
    assert.deepEqual(doc.normalizations, [{ id: 'N1', target: isi, database: 'Wikidata', entry: 'Q1136016', text: 'Inter-Services Intelligence' }]);
    assert.ok(doc.attributes.some((a) => a.name === 'Actor' && a.target === isi && a.value === 'isi'));
    // patron-of between the first mentions; `opposes unmentioned` has no mention in this text, so no line.
    assert.deepEqual(doc.relations.filter((r) => r.type === 'patron-of' || r.type === 'opposes'), [{ id: doc.relations.find((r) => r.type === 'patron-of')!.id, type: 'patron-of', arg1: isi, arg2: firstTaliban }]);
    const civilians = doc.notes.find((n) => n.text === 'civilians')!.target;
    assert.deepEqual(
      doc.attributes.filter((a) => a.target === civilians).map((a) => [a.name, a.value]),
      [['Stance', 'rejects'], ['ClaimType', 'assertion'], ['Evidence', 'reported'], ['Concept', 'taliban-is-military-force']],
    );
    // Claimant and About link a claim to the nearest mention of those actors.
    const across = doc.notes.find((n) => n.text === 'isi-backs-taliban')!.target;
    assert.deepEqual(doc.relations.filter((r) => r.arg1 === across).map((r) => [r.type, r.arg2]), [['Claimant', entity('person', 'Imran Khan')], ['About', isi]]);
  });

  it('declares in annotation.conf every type, relation and attribute value the .ann files use', async () => {
    for (const load of [loadSampleCorpus, loadFixture]) {
      const { index } = await load();
      const result = exportBrat(index, { workspaceFolder: WORKSPACE });
      const conf = fileOf(result, 'annotation.conf');
      const sections = new Map<string, string[]>();
      let current = '';
      for (const line of conf.split('\n')) {
        if (/^\[\w+\]$/.test(line)) sections.set((current = line.slice(1, -1)), []);
        else if (line.trim() && !line.startsWith('#') && current) sections.get(current)!.push(line);
      }
      assert.deepEqual([...sections.keys()], ['entities', 'relations', 'events', 'attributes']);
      const entities = new Set(sections.get('entities'));
      const relations = new Set(sections.get('relations')!.map((l) => l.split('\t')[0]));
      const attributeValues = new Map(sections.get('attributes')!.map((l) => [l.split('\t')[0], new Set(/Value:(.*)$/.exec(l)![1].split('|'))]));
      for (const file of result.files.filter((f) => f.path.endsWith('.ann'))) {
        const doc = parseBratAnn(file.content);
        for (const e of doc.entities) assert.ok(entities.has(e.type), `${e.type} is declared`);
        for (const r of doc.relations) assert.ok(relations.has(r.type), `${r.type} is declared`);
        for (const a of doc.attributes) assert.ok(attributeValues.get(a.name)?.has(a.value!), `${a.name}=${a.value} is declared`);
      }
      assert.match(fileOf(result, 'tools.conf'), /^\[normalization\]\nWikidata\t<URL>:https:\/\/www\.wikidata\.org\/, <URLBASE>:https:\/\/www\.wikidata\.org\/wiki\/%s$/m);
    }
  });

  it('round-trips: importing the export gives back the same actor mentions and claim spans', async () => {
    for (const load of [loadSampleCorpus, loadFixture]) {
      const { index } = await load();
      const result = exportBrat(index, { workspaceFolder: WORKSPACE });
      for (const textUri of index.referencedTexts()) {
        const base = textUri.slice(`${WORKSPACE}/`.length).replace(/\.txt$/, '');
        const imported = importBratEntities(parseBratAnn(fileOf(result, `${base}.ann`)), fileOf(result, `${base}.txt`));
        const expected = coreEntities(index, textUri);
        assert.deepEqual(bySpan(imported.mentions), bySpan(expected.mentions), textUri);
        assert.deepEqual(bySpan(imported.claims), bySpan(expected.claims), textUri);
      }
    }
  });

  it('skips explicit mentions of undefined actors with a warning, and claims whose quote does not resolve', async () => {
    const { index } = await loadFixture();
    index.setAnnotationFile(`${WORKSPACE}/annotations/b.yaml`, yaml('text: texts/a.txt', 'mentions:', '  - actor: nobody', '    quote: Some call him', 'claims:', '  - id: lost', '    claimant: isi', '    quote: not in the text'));
    const result = exportBrat(index, { workspaceFolder: WORKSPACE });
    assert.deepEqual(result.warnings.map((w) => w.message.replace(/ \(quote: .*$/, '')), [
      'The mention of `nobody` was not exported: no actor or entity with that id and a kind is defined. Define it (with a `kind`) or correct the id, then export again.',
      'Claim `lost` was not exported: its quote does not occur in `annotations/texts/a.txt`. Correct the quote, then export again.',
    ]);
    const ann = fileOf(result, 'annotations/texts/a.ann');
    assert.ok(!ann.includes('Some call him') && !ann.includes('\tlost'));
    assert.deepEqual(textBoundMismatches(ann, fileOf(result, 'annotations/texts/a.txt')), []);
  });

  it('reports problems in hand-edited .ann files instead of throwing', () => {
    const doc = parseBratAnn('T1\tperson 0 4\tJohn\nT2\tperson four five\tx\nR1\tleads T1 T2\nnot a line\nE1\tEvent:T1\n');
    assert.equal(doc.entities.length, 1);
    assert.deepEqual(doc.problems.map((p) => p.line), [2, 3, 4]);
  });
});
