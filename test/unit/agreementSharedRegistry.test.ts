/**
 * Reading the shared codebook once (`core/agreement/sharedRegistry.ts`): the
 * coder read here sets aside the registry files its partner has with the
 * same bytes, and either uses the partner's aliases (the registries are
 * provably the same) or parses them after all before its first text. In
 * every case it reads exactly what it reads alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  aliasEntriesOfFingerprint,
  codedTextReader,
  holdsOnlyRegistry,
  loadCoderWorkspace,
  packWork,
  partnerRegistryOf,
  PartnerTextWork,
  readCoderAnnotations,
  readCoderSharing,
  selectedTexts,
  unpackWork,
  type CodedText,
  type HandedWork,
  type SharingCoder,
  type TextWork,
} from '../../server/src/core/agreement';
import { relativePath } from '../../server/src/core/uris';
import { loadWorkspace } from '../../server/src/core/workspace/loadWorkspace';
import { ANN } from '../helpers/agreementCoders';
import { InMemoryHost, WORKSPACE, yaml } from '../helpers/memoryWorkspace';

type Files = Record<string, string>;

async function loadAlone(files: Files): Promise<SharingCoder> {
  return (await loadCoderWorkspace(new InMemoryHost(files), WORKSPACE, 'a'))!;
}

/** The coder `a` as the command loads it beside a partner `b`: a file is the partner's alike when `b` has the same string at its path. */
async function loadBeside(a: Files, b: Files): Promise<SharingCoder> {
  const sameInPartner = async (uri: string, content: string) => b[relativePath(WORKSPACE, uri)!] === content;
  return (await loadCoderWorkspace(new InMemoryHost(a), WORKSPACE, 'a', { sameInPartner }))!;
}

/** What the worker hands on for the partner: its texts with their work, the fingerprint of its aliases and what its registry is made of. */
async function handOn(files: Files): Promise<{ texts: CodedText[]; handed: HandedWork }> {
  const coder = await loadAlone(files);
  const read = codedTextReader(coder);
  const texts: CodedText[] = [];
  const work: TextWork[] = [];
  for (const { path, uri } of selectedTexts(coder)) {
    const text = read(path, uri)!;
    texts.push(text.coded);
    work.push({ normalized: text.analysis.text.normalized, matches: text.analysis.aliasMatches });
  }
  const registry = partnerRegistryOf(coder.index.annotationFiles(), coder.folderUri, coder.index.config);
  return { texts, handed: { work: unpackWork(packWork(work)), fingerprint: coder.index.aliasFingerprint(), registry } };
}

/** Reads `a` beside `b` as the command does; checks it reads what `a` reads alone, with the same aliases in the same order. */
async function readBeside(a: Files, b: Files): Promise<{ coder: SharingCoder; partner: PartnerTextWork }> {
  const alone = await loadAlone(a);
  const expected = readCoderAnnotations(alone);
  const coder = await loadBeside(a, b);
  const { texts, handed } = await handOn(b);
  const partner = new PartnerTextWork();
  const reading = readCoderSharing(coder, {}, partner);
  partner.add(texts, handed);
  partner.end();
  assert.deepEqual(await reading, expected);
  if (!partner.taken.registryShared) assert.equal(coder.index.aliasFingerprint(), alone.index.aliasFingerprint(), 'the registry entered as a load enters it');
  return { coder, partner };
}

const deferredPaths = (coder: SharingCoder) => coder.deferredRegistry?.files.map((file) => relativePath(WORKSPACE, file.uri)) ?? [];

/** `ANN` with one claim changed: another annotator of the same texts with the same codebook. */
const ANN_SECOND: Files = { ...ANN, 'annotations/c.yaml': yaml('text: texts/c.txt', 'claims:', '  - {id: only, claimant: taliban, quote: The ISI backs the Taliban.}') };
/** A registry file that sorts before the others, giving the ISI's alias to another actor too. */
const EARLY_REGISTRY = yaml('actors:', '  - id: army', '    name: Army', '    kind: military', '    aliases: [ISI, Army]');

describe('setting aside the registry files two coders share', () => {
  it('uses the partner’s aliases when the registries are provably the same, and matches nothing itself', async () => {
    const { coder, partner } = await readBeside(ANN, ANN_SECOND);
    assert.deepEqual(deferredPaths(coder), ['annotations/actors.yaml']);
    assert.equal(partner.taken.registryShared, true);
    assert.deepEqual({ normalized: partner.taken.normalized, matches: partner.taken.matches }, { normalized: 3, matches: 3 });
    assert.equal(coder.index.textsAliasMatched(), 0);
    assert.equal(coder.view.actor('isi'), undefined, 'the set-aside file was never parsed');
  });

  it('matches a text only it has with the partner’s aliases', async () => {
    const a = { ...ANN, 'annotations/texts/d.txt': 'Imran Khan and the ISI.\n', 'annotations/d.yaml': yaml('text: texts/d.txt', 'claims:', '  - {claimant: isi, quote: the ISI}') };
    const { coder, partner } = await readBeside(a, ANN_SECOND);
    assert.equal(partner.taken.registryShared, true);
    assert.equal(coder.index.textsAliasMatched(), 1);
  });

  it('parses the set-aside files after all when a registry file differs, entering them in loading order', async () => {
    const a = { ...ANN, 'annotations/a-registry.yaml': EARLY_REGISTRY };
    const b = { ...ANN_SECOND, 'annotations/a-registry.yaml': EARLY_REGISTRY, 'annotations/actors.yaml': ANN['annotations/actors.yaml'].replace('aliases: [Taliban]', 'aliases: [Taliban, the Taliban]') };
    const { coder, partner } = await readBeside(a, b);
    assert.deepEqual(deferredPaths(coder), ['annotations/a-registry.yaml']);
    assert.equal(partner.taken.registryShared, false);
    assert.equal(partner.taken.matches, 0, 'the aliases differ');
    const entries = aliasEntriesOfFingerprint(coder.index.aliasFingerprint());
    assert.deepEqual([...entries.values()].find((entry) => entry.alias === 'ISI')?.actorIds, ['army', 'isi'], 'the early file’s actor first');
  });

  it('parses the set-aside files after all when one of its parsed files defines an actor, or the partner has a registry file it lacks', async () => {
    const own = { ...ANN, 'annotations/a-registry.yaml': EARLY_REGISTRY };
    const mine = await readBeside(own, ANN_SECOND);
    assert.equal(mine.partner.taken.registryShared, false);
    assert.equal(mine.partner.taken.matches, 0);
    const theirs = await readBeside(ANN, { ...ANN_SECOND, 'annotations/a-registry.yaml': EARLY_REGISTRY });
    assert.deepEqual(deferredPaths(theirs.coder), ['annotations/actors.yaml']);
    assert.equal(theirs.partner.taken.registryShared, false);
  });

  it('parses a file that also annotates a text, even when the partner has it alike', async () => {
    const both = yaml('actors:', '  - id: army', '    name: Army', '    kind: military', '    aliases: [Army]', 'text: texts/c.txt', 'claims:', '  - {claimant: army, quote: The ISI backs the Taliban.}');
    const a = { ...ANN, 'annotations/c.yaml': both };
    const { coder, partner } = await readBeside(a, { ...ANN_SECOND, 'annotations/c.yaml': both });
    assert.deepEqual(deferredPaths(coder), ['annotations/actors.yaml']);
    assert.equal(partner.taken.registryShared, false, 'its actor is an entry of a parsed file');
    assert.ok(coder.view.actor('army'));
  });

  it('parses the set-aside files after all when the configurations differ', async () => {
    const config = yaml('vocabulary:', '  stances: [supports, rejects, doubts]');
    const { coder, partner } = await readBeside(ANN, { ...ANN_SECOND, 'policy-annotator.yaml': config });
    assert.deepEqual(deferredPaths(coder), ['annotations/actors.yaml']);
    assert.equal(partner.taken.registryShared, false);
    assert.ok(coder.view.actor('isi'));
  });

  it('parses the set-aside files after all when the partner ends before saying what its registry is (a worker that failed)', async () => {
    const expected = readCoderAnnotations(await loadAlone(ANN));
    const coder = await loadBeside(ANN, ANN_SECOND);
    assert.deepEqual(deferredPaths(coder), ['annotations/actors.yaml']);
    const partner = new PartnerTextWork();
    partner.end();
    assert.deepEqual(await readCoderSharing(coder, {}, partner), expected);
    assert.ok(coder.view.actor('isi'));
    assert.equal(coder.index.textsAliasMatched(), 3);
  });
});

describe('an index that matches with adopted aliases', () => {
  it('matches with them until its aliases change, then every text again with its registry’s', async () => {
    const withoutRegistry = Object.fromEntries(Object.entries(ANN).filter(([path]) => path !== 'annotations/actors.yaml'));
    const { index } = await loadWorkspace(new InMemoryHost(withoutRegistry), WORKSPACE, { analysesOnly: true });
    const full = await loadAlone(ANN);
    index.adoptAliasEntries(() => aliasEntriesOfFingerprint(full.index.aliasFingerprint()));
    const text = `${WORKSPACE}/annotations/texts/a.txt`;
    assert.deepEqual(index.analysis(text)!.aliasMatches, full.view.analysis(text)!.aliasMatches);
    assert.ok(index.analysis(text)!.aliasMatches.length > 0);
    // Without an alias the adopted entries have: matching with them after the change would still find it.
    const otherRegistry = ANN['annotations/actors.yaml'].replace('aliases: [Taliban]', 'aliases: [Talib]');
    index.setAnnotationFile(`${WORKSPACE}/annotations/actors.yaml`, otherRegistry);
    const other = await loadAlone({ ...ANN, 'annotations/actors.yaml': otherRegistry });
    assert.deepEqual(index.analysis(text)!.aliasMatches, other.view.analysis(text)!.aliasMatches);
    assert.notDeepEqual(other.view.analysis(text)!.aliasMatches, full.view.analysis(text)!.aliasMatches, 'the registries match differently');
  });
});

describe('holdsOnlyRegistry', () => {
  it('accepts files whose top-level keys are registry keys alone, with comments and blank lines', () => {
    assert.equal(holdsOnlyRegistry(ANN['annotations/actors.yaml']), true);
    assert.equal(holdsOnlyRegistry(yaml('# Actors', '', 'actors:  # the actors', '  - id: a', 'concepts:', '  - id: k', 'entities:', '  - id: e')), true);
    assert.equal(holdsOnlyRegistry('actors:\r\n  - id: a\r\n'), true);
  });

  it('refuses anything else at column 0, an indented first key, and files without a key', () => {
    for (const content of [
      yaml('actors:', '  - id: a', 'text: texts/a.txt'),
      yaml('  actors:', '  - id: a'),
      yaml('actors: []'),
      yaml('actors:#x'),
      yaml('"actors":', '  - id: a'),
      yaml('---', 'actors:'),
      yaml('actors: &a', '  - id: a'),
      yaml('? actors', ': []'),
      yaml('{actors: []}'),
      yaml('actors:', '\t- id: a'),
      yaml('actors :', '  - id: a'),
      '\uFEFFactors:\n',
      yaml('# only a comment'),
      '',
    ]) {
      assert.equal(holdsOnlyRegistry(content), false, JSON.stringify(content));
    }
  });
});
