import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics, type CoreDiagnostic } from '../../server/src/core';
import { loadMemoryWorkspace, uriOf, yaml } from '../helpers/memoryWorkspace';
import { ACTORS as FEATURE_ACTORS, CONCEPTS } from './features/fixture';

/** The feature tests' actors (test/fixtures/feature-workspace.txtar) without their opening comment, so that `isi` is defined on line 2. */
const ACTORS = FEATURE_ACTORS.replace(/^# .*\n/, '');

const ARTICLE = 'The ISI backs the Taliban. Imran Khan said the Taliban are “normal civilians.” The ISI denies it.';

function claimsFile(...claimLines: string[]): string {
  return yaml('text: texts/a.txt', 'author: isi', 'claims:', ...claimLines);
}

/** The codes these tests cover; the consistency checks have their own tests. */
const CODES = new Set(['yaml-syntax', 'unknown-field', 'missing-field', 'invalid-value', 'duplicate-id', 'unknown-actor', 'unknown-concept', 'text-not-found', 'quote-not-found', 'quote-ambiguous']);

async function diagnosticsOf(files: Record<string, string>, path: string): Promise<CoreDiagnostic[]> {
  const { index } = await loadMemoryWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/concepts.yaml': CONCEPTS, ...files });
  return annotationFileDiagnostics(index, uriOf(path)).filter((d) => CODES.has(d.code));
}

function codes(diagnostics: CoreDiagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

function textAt(content: string, d: CoreDiagnostic): string {
  return content.slice(d.range.start, d.range.end);
}

describe('checks', () => {
  it('a clean workspace has no diagnostics of any code', async () => {
    const file = claimsFile(
      '  - id: khan-civilians',
      '    claimant: imran-khan',
      '    quote: the Taliban are “normal civilians.”',
      '    about: [taliban]',
      '    concept: taliban-is-military',
      '    stance: rejects',
      '    type: assertion',
      '    evidence: none',
    );
    const { index } = await loadMemoryWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/concepts.yaml': CONCEPTS, 'annotations/a.yaml': file });
    for (const path of ['annotations/a.yaml', 'annotations/actors.yaml', 'annotations/concepts.yaml']) {
      assert.deepEqual(annotationFileDiagnostics(index, uriOf(path)), [], path);
    }
  });

  describe('yaml-syntax', () => {
    it('reports a syntax error at its position and still reads the rest', async () => {
      const content = yaml('actors:', '  - id: x', '    name: "unterminated', '    kind: person');
      const diagnostics = await diagnosticsOf({ 'annotations/bad.yaml': content }, 'annotations/bad.yaml');
      assert.ok(codes(diagnostics).includes('yaml-syntax'));
      assert.match(diagnostics.find((d) => d.code === 'yaml-syntax')!.message, /quote/);
    });

    it('reports duplicate keys', async () => {
      const content = yaml('text: texts/a.txt', 'text: texts/b.txt');
      const diagnostics = await diagnosticsOf({ 'annotations/bad.yaml': content }, 'annotations/bad.yaml');
      const dup = diagnostics.find((d) => d.code === 'yaml-syntax')!;
      assert.match(dup.message, /only once/);
      assert.equal(textAt(content, dup), 't');
    });

    it('does not flag valid YAML', async () => {
      assert.deepEqual(codes(await diagnosticsOf({}, 'annotations/actors.yaml')), []);
    });
  });

  describe('unknown-field', () => {
    it('suggests the closest field', async () => {
      const content = yaml('actors:', '  - id: x', '    name: X', '    kind: person', '    alias: [X]');
      const [d] = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      assert.equal(d.code, 'unknown-field');
      assert.equal(textAt(content, d), 'alias');
      assert.match(d.message, /Did you mean `aliases`\?/);
      assert.deepEqual(d.data?.suggestions, ['aliases']);
    });

    it('checks top-level, claim, mention and relation fields', async () => {
      const content = yaml('txt: texts/a.txt', 'claims:', '  - id: c', '    claimant: isi', '    quote: ISI backs', '    stanse: supports', 'mentions:', '  - actor: isi', '    quote: The ISI denies', '    prefx: x');
      const diagnostics = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      const unknown = diagnostics.filter((d) => d.code === 'unknown-field').map((d) => textAt(content, d));
      assert.deepEqual(unknown, ['txt', 'stanse', 'prefx']);
    });

    it('accepts every documented field', async () => {
      const content = yaml(
        'text: texts/a.txt', 'title: T', 'author: isi', 'published: 2021-08-10', 'url: https://example.org/a',
        'mentions:', '  - {actor: isi, quote: The ISI denies, prefix: "civilians.” ", suffix: " denies"}',
        'claims:', '  - {id: c, claimant: isi, quote: ISI backs, about: [taliban], concept: taliban-is-military, stance: supports, type: assertion, evidence: documented, note: n}',
      );
      const diagnostics = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      assert.deepEqual(codes(diagnostics).filter((c) => c === 'unknown-field'), []);
    });
  });

  describe('missing-field', () => {
    it('reports required actor fields', async () => {
      const content = yaml('actors:', '  - id: x', '    aliases: [X]');
      const [d] = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      assert.equal(d.code, 'missing-field');
      assert.match(d.message, /`name` and `kind`/);
      assert.equal(textAt(content, d), 'id: x');
    });

    it('reports empty values and a claim without a quote', async () => {
      const content = yaml('text: texts/a.txt', 'claims:', '  - id: c', '    claimant:', '    about: [isi]');
      const diagnostics = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      assert.deepEqual(codes(diagnostics), ['missing-field', 'missing-field']);
      assert.match(diagnostics[0].message, /quote/);
      assert.match(diagnostics[1].message, /`claimant` is empty/);
    });

    it('reports a text annotation without `text:` and a stance without a concept', async () => {
      const content = yaml('claims:', '  - id: c', '    claimant: isi', '    quote: x', '    stance: supports');
      const diagnostics = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      assert.deepEqual(codes(diagnostics), ['missing-field', 'missing-field']);
      assert.match(diagnostics[0].message, /no `text:` field/);
      assert.match(diagnostics[1].message, /no `concept`/);
    });
  });

  describe('invalid-value', () => {
    it('reports values outside the vocabularies with suggestions', async () => {
      const content = yaml(
        'actors:', '  - id: x', '    name: X', '    kind: persn', '    relations:', '      - {type: ally-of, target: isi}',
        'text: texts/a.txt',
        'claims:', '  - {id: c, claimant: isi, quote: ISI backs, concept: taliban-is-military, stance: support, type: claim, evidence: weak}',
      );
      const diagnostics = (await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml')).filter((d) => d.code === 'invalid-value');
      assert.deepEqual(diagnostics.map((d) => textAt(content, d)), ['persn', 'ally-of', 'support', 'claim', 'weak']);
      assert.match(diagnostics[0].message, /Did you mean `person`\?/);
      assert.match(diagnostics[2].message, /supports, rejects/);
    });

    it('reports malformed ids, Wikidata ids, dates and urls', async () => {
      const content = yaml(
        'actors:', '  - {id: Imran_Khan, name: X, kind: person, wikidata: 12345}',
        'text: texts/a.txt', 'published: 2021-13-01', 'url: example.org',
      );
      const diagnostics = (await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml')).filter((d) => d.code === 'invalid-value');
      assert.deepEqual(diagnostics.map((d) => textAt(content, d)), ['Imran_Khan', '12345', '2021-13-01', 'example.org']);
      assert.match(diagnostics[0].message, /`imran-khan`/);
    });

    it('reports wrong types: a list where a value belongs, a value where a list belongs, a non-mapping item', async () => {
      const content = yaml('actors:', '  - id: [a, b]', '    name: X', '    kind: person', '    relations: partner', '  - just-a-string', 'concepts: {id: c}');
      const diagnostics = (await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml')).filter((d) => d.code === 'invalid-value');
      assert.deepEqual(diagnostics.map((d) => textAt(content, d)), ['[a, b]', 'partner', 'just-a-string', '{id: c}']);
    });

    it('reports a top level that is a list or a scalar', async () => {
      const list = await diagnosticsOf({ 'annotations/x.yaml': yaml('- a', '- b') }, 'annotations/x.yaml');
      assert.deepEqual(codes(list), ['invalid-value']);
      assert.match(list[0].message, /is a list/);
      const scalar = await diagnosticsOf({ 'annotations/x.yaml': 'just text\n' }, 'annotations/x.yaml');
      assert.match(scalar[0].message, /is a single value/);
    });

    it('accepts an empty file', async () => {
      assert.deepEqual(await diagnosticsOf({ 'annotations/x.yaml': '' }, 'annotations/x.yaml'), []);
      assert.deepEqual(await diagnosticsOf({ 'annotations/x.yaml': '# only a comment\n' }, 'annotations/x.yaml'), []);
    });

    it('refuses aliases to lists and undefined aliases without expanding them', async () => {
      const content = yaml('actors:', '  - id: x', '    name: &n X', '    kind: person', '    aliases: *list', '  - id: y', '    name: *n', '    kind: person');
      const diagnostics = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      assert.deepEqual(codes(diagnostics), ['invalid-value']);
      assert.match(diagnostics[0].message, /\*list is not defined/);
    });
  });

  describe('duplicate-id', () => {
    it('flags an actor id defined in two files, pointing at the other', async () => {
      const content = yaml('actors:', '  - {id: isi, name: ISI again, kind: intelligence-agency}');
      const diagnostics = await diagnosticsOf({ 'annotations/more.yaml': content }, 'annotations/more.yaml');
      assert.deepEqual(codes(diagnostics), ['duplicate-id']);
      assert.equal(textAt(content, diagnostics[0]), 'isi');
      assert.equal(diagnostics[0].related?.[0].uri, uriOf('annotations/actors.yaml'));
      assert.match(diagnostics[0].message, /annotations\/actors\.yaml:2/);
      const other = await diagnosticsOf({ 'annotations/more.yaml': content }, 'annotations/actors.yaml');
      assert.deepEqual(codes(other), ['duplicate-id']);
    });

    it('flags duplicate concept and claim ids', async () => {
      const content = yaml(
        'concepts:', '  - {id: taliban-is-military, label: again}',
        'text: texts/a.txt', 'claims:', '  - {id: c, claimant: isi, quote: ISI backs}', '  - {id: c, claimant: isi, quote: ISI denies}',
      );
      const diagnostics = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      assert.deepEqual(codes(diagnostics), ['duplicate-id', 'duplicate-id', 'duplicate-id']);
    });

    it('does not flag the same id used for an actor and a concept', async () => {
      const content = yaml('concepts:', '  - {id: isi, label: ISI as an idea}');
      assert.deepEqual(await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml'), []);
    });
  });

  describe('unknown-actor and unknown-concept', () => {
    it('flags every kind of actor reference, with suggestions', async () => {
      const content = yaml(
        'actors:', '  - {id: x, name: X, kind: person, relations: [{type: opposes, target: talibn}]}',
        'text: texts/a.txt', 'author: nobody-at-all',
        'mentions:', '  - {actor: imran-kahn, quote: Imran Khan}',
        'claims:', '  - {id: c, claimant: imran-kahn, quote: ISI backs, about: [isi, taliban, ghost], concept: taliban-is-miltary, stance: supports}',
      );
      const diagnostics = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      assert.deepEqual(diagnostics.map((d) => [d.code, textAt(content, d)]), [
        ['unknown-actor', 'talibn'],
        ['unknown-actor', 'nobody-at-all'],
        ['unknown-actor', 'imran-kahn'],
        ['unknown-actor', 'imran-kahn'],
        ['unknown-actor', 'ghost'],
        ['unknown-concept', 'taliban-is-miltary'],
      ]);
      assert.match(diagnostics[0].message, /Did you mean `taliban`\?/);
      assert.deepEqual(diagnostics[2].data?.suggestions, ['imran-khan']);
      assert.match(diagnostics[5].message, /Did you mean `taliban-is-military`\?/);
    });
  });

  describe('text-not-found', () => {
    it('flags a missing text, an absolute path and a path outside the workspace', async () => {
      for (const [path, pattern] of [['texts/nope.txt', /was not found/], ['/etc/passwd', /relative/], ['../../../etc/passwd', /outside the workspace/]] as const) {
        const content = yaml(`text: ${path}`);
        const diagnostics = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
        assert.deepEqual(codes(diagnostics), ['text-not-found'], path);
        assert.equal(textAt(content, diagnostics[0]), path);
        assert.match(diagnostics[0].message, pattern);
      }
    });

    it('resolves the path relative to the annotation file', async () => {
      const content = yaml('text: ../texts/a.txt');
      assert.deepEqual(await diagnosticsOf({ 'annotations/sub/x.yaml': content }, 'annotations/sub/x.yaml'), []);
    });
  });

  describe('quote-not-found and quote-ambiguous', () => {
    it('flags a quote that is not in the text', async () => {
      const content = claimsFile('  - {id: c, claimant: isi, quote: the ISI funds everyone}');
      const diagnostics = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      assert.deepEqual(codes(diagnostics), ['quote-not-found']);
      assert.equal(textAt(content, diagnostics[0]), 'the ISI funds everyone');
    });

    it('flags explicit mentions whose quote is missing', async () => {
      const content = yaml('text: texts/a.txt', 'mentions:', '  - {actor: isi, quote: the generals}');
      assert.deepEqual(codes(await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml')), ['quote-not-found']);
    });

    it('flags an ambiguous quote and lists every candidate', async () => {
      const content = claimsFile('  - {id: c, claimant: isi, quote: The ISI}');
      const [d] = await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml');
      assert.equal(d.code, 'quote-ambiguous');
      assert.equal(d.related?.length, 2);
      assert.deepEqual(d.related?.map((r) => ARTICLE.slice(r.range.start, r.range.end)), ['The ISI', 'The ISI']);
      assert.equal(d.related?.[0].uri, uriOf('annotations/texts/a.txt'));
      const candidates = d.data?.candidates as { prefix: string; suffix: string }[];
      assert.equal(candidates[1].prefix, 'are “normal civilians.” ');
    });

    it('accepts an ambiguous quote disambiguated by its prefix', async () => {
      const content = claimsFile('  - {id: c, claimant: isi, quote: The ISI, suffix: " denies"}');
      assert.deepEqual(await diagnosticsOf({ 'annotations/x.yaml': content }, 'annotations/x.yaml'), []);
    });
  });
});
