// A smoke test of the benchmark's corpus generator (bench/generator): a mini
// corpus, generated in memory, loads and checks clean through the core, and
// the manifest the benchmark relies on (mentions to hover, alias edits with
// a known effect) is true of it. The benchmark itself never runs in npm test.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { loadWorkspace, workspaceDiagnostics, type CoreDiagnostic, type WorkspaceIndex } from '../../server/src/core';
import { InMemoryHost, uriOf, WORKSPACE } from '../helpers/memoryWorkspace';
import type * as GeneratorModule from '../../bench/generator/generateCorpus.mjs' with { 'resolution-mode': 'import' };

type Generator = typeof GeneratorModule;

/** The generator is an ES module run by plain node; this test is compiled to out/test/unit. */
function loadGenerator(): Promise<Generator> {
  const file = path.resolve(__dirname, '..', '..', '..', 'bench', 'generator', 'generateCorpus.mjs');
  return import(pathToFileURL(file).href) as Promise<Generator>;
}

async function miniCorpus() {
  const generator = await loadGenerator();
  const spec = { ...generator.BASE_SPEC, scale: 0, texts: 6, actors: 24, concepts: 6, actorsPerFile: 12, textLength: 4000 };
  return { generator, spec, ...generator.generateCorpusInMemory(spec) };
}

async function check(files: Record<string, string>): Promise<{ index: WorkspaceIndex; diagnostics: CoreDiagnostic[] }> {
  const { index } = await loadWorkspace(new InMemoryHost(files), WORKSPACE);
  return { index, diagnostics: [...workspaceDiagnostics(index).values()].flat() };
}

test('the scales of the benchmark corpus are those of issue 7', async () => {
  const { corpusSpec } = await loadGenerator();
  const one = corpusSpec(1);
  assert.deepEqual([one.texts, one.actors, one.claimsPerText, one.mentionsPerText], [250, 1000, 10, 2]);
  const sixteen = corpusSpec(16);
  assert.deepEqual([sixteen.texts, sixteen.actors, sixteen.texts * sixteen.claimsPerText], [4000, 16000, 40000]);
});

test('the generator is deterministic', async () => {
  const first = await miniCorpus();
  const second = await miniCorpus();
  assert.deepEqual(second.files, first.files);
  const other = first.generator.generateCorpusInMemory(first.spec, { seed: 'another seed' });
  assert.notDeepEqual(other.files, first.files);
});

test('a generated corpus checks clean through the core', async () => {
  const { files, manifest, spec } = await miniCorpus();
  const { index, diagnostics } = await check(files);
  const problems = diagnostics.filter((d) => d.severity !== 'info');
  assert.deepEqual(problems.map((d) => `${d.uri} ${d.code} ${d.message}`), []);
  // The only infos are the quotes written with straight quotes where the text has typographic ones.
  assert.deepEqual([...new Set(diagnostics.map((d) => d.code))].filter((code) => code !== 'quote-normalized'), []);
  assert.equal(diagnostics.length, manifest.counts.normalisedQuotes);

  assert.equal(index.actorIds().length, spec.actors);
  assert.equal(manifest.counts.aliases, spec.actors * 3);
  const claims = index.annotationFiles().reduce((n, file) => n + (file.textAnnotation?.claims.length ?? 0), 0);
  assert.equal(claims, spec.texts * spec.claimsPerText);
  assert.equal(manifest.actorsFiles.length, 2);
  assert.ok(manifest.counts.selectorsWithContext >= spec.texts, 'quotes that occur twice carry a prefix or suffix');
});

test('the manifest points at real mentions and claims', async () => {
  const { files, manifest } = await miniCorpus();
  const { index } = await check(files);
  for (const text of manifest.texts) {
    const analysis = index.analysis(uriOf(text.textPath));
    assert.ok(analysis, text.textPath);
    for (const target of text.hoverTargets) {
      assert.ok(analysis.mentions.some((m) => m.span.start === target.start && m.span.end === target.end && m.actorId === target.actorId), `${text.id}: a mention of ${target.actorId} at ${target.start}`);
    }
    const claimSpans = new Map(analysis.claims.map((c) => [c.def.id?.value, c.result.span]));
    for (const claim of text.claims) assert.deepEqual(claimSpans.get(claim.id), { start: claim.start, end: claim.end }, claim.id);
  }
});

test('renaming an alias listed in the manifest has exactly the effect it states', async () => {
  const { files, manifest } = await miniCorpus();
  assert.ok(manifest.aliasEdits.length > 0);
  const edit = manifest.aliasEdits[0];
  const actorsFile = files[edit.actorsFile];
  const line = `\n      - ${edit.alias}\n`;
  assert.ok(actorsFile.includes(line));
  const { diagnostics } = await check({ ...files, [edit.actorsFile]: actorsFile.replace(line, `\n      - ${edit.alias}q\n`) });
  const filesWith = (code: string) => [...new Set(diagnostics.filter((d) => d.code === code).map((d) => d.uri))].sort();
  assert.deepEqual(filesWith('claimant-not-mentioned'), edit.affectedAnnotationFiles.map(uriOf).sort());
  assert.deepEqual(filesWith('alias-unused'), [uriOf(edit.actorsFile)]);
  assert.ok(diagnostics.some((d) => d.code === 'alias-unused' && d.message.includes(`"${edit.alias}q"`)));
});
