import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics, type CoreDiagnostic } from '../../server/src/core';
import { loadMemoryWorkspace, uriOf, yaml } from '../helpers/memoryWorkspace';

const ARTICLE = [
  'The ISI backs the Taliban, and the Haqqani network serves the ISI.',
  'Imran Khan said the Taliban are “normal civilians.” The generals in Rawalpindi agree.',
  'Pakistan denies any links to the Taliban.',
].join('\n');

interface Actor {
  id: string;
  kind?: string;
  aliases?: string[];
  relations?: [string, string][];
}

function actorsYaml(actors: Actor[]): string {
  const lines = ['actors:'];
  for (const actor of actors) {
    lines.push(`  - id: ${actor.id}`, `    name: ${actor.id}`, `    kind: ${actor.kind ?? 'organization'}`);
    if (actor.aliases) lines.push(`    aliases: [${actor.aliases.join(', ')}]`);
    if (actor.relations) {
      lines.push('    relations:');
      for (const [type, target] of actor.relations) lines.push(`      - {type: ${type}, target: ${target}}`);
    }
  }
  return yaml(...lines);
}

const BASE_ACTORS: Actor[] = [
  { id: 'isi', kind: 'intelligence-agency', aliases: ['ISI'], relations: [['part-of', 'pakistan']] },
  { id: 'taliban', kind: 'armed-group', aliases: ['Taliban'] },
  { id: 'haqqani-network', kind: 'armed-group', aliases: ['Haqqani network'], relations: [['part-of', 'taliban']] },
  { id: 'imran-khan', kind: 'person', aliases: ['Imran Khan'] },
  { id: 'pakistan', kind: 'state', aliases: ['Pakistan'] },
];

const CONCEPTS = yaml('concepts:', '  - {id: pakistan-backs-taliban, label: Pakistan supports the Taliban}');

async function diagnostics(files: Record<string, string>, path: string, code?: string): Promise<CoreDiagnostic[]> {
  const { index } = await loadMemoryWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/concepts.yaml': CONCEPTS, ...files });
  const all = annotationFileDiagnostics(index, uriOf(path));
  return code ? all.filter((d) => d.code === code) : all;
}

function at(content: string, d: CoreDiagnostic): string {
  return content.slice(d.range.start, d.range.end);
}

const TEXT_FILE = yaml('text: texts/a.txt', 'claims:', '  - {id: c0, claimant: isi, quote: The ISI backs the Taliban, about: [taliban, haqqani-network, imran-khan, pakistan]}');

describe('consistency checks', () => {
  it('the base fixture is clean', async () => {
    const files = { 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': TEXT_FILE };
    assert.deepEqual(await diagnostics(files, 'annotations/actors.yaml'), []);
    assert.deepEqual(await diagnostics(files, 'annotations/a.yaml'), []);
  });

  describe('alias-conflict', () => {
    it('warns on both actors and points at the other', async () => {
      const actors = actorsYaml([...BASE_ACTORS, { id: 'inter-services', kind: 'intelligence-agency', aliases: ['ISI'] }]);
      const found = await diagnostics({ 'annotations/actors.yaml': actors, 'annotations/a.yaml': TEXT_FILE }, 'annotations/actors.yaml', 'alias-conflict');
      assert.equal(found.length, 2);
      assert.deepEqual(found.map((d) => at(actors, d)), ['ISI', 'ISI']);
      assert.equal(found[0].severity, 'warning');
      assert.equal(found[0].related?.length, 1);
      assert.equal(actors.slice(found[0].related![0].range.start, found[0].related![0].range.end), 'ISI');
      assert.notEqual(found[0].related![0].range.start, found[0].range.start);
      assert.match(found[0].message, /also belongs to `inter-services`/);
    });

    it('names a few of many actors that share an alias, and lists at most 20', async () => {
      const many = Array.from({ length: 500 }, (_, i) => ({ id: `spokesman-${i}`, kind: 'person', aliases: ['Spokesman'] }));
      const actors = actorsYaml([...BASE_ACTORS, ...many]);
      const found = await diagnostics({ 'annotations/actors.yaml': actors, 'annotations/a.yaml': TEXT_FILE }, 'annotations/actors.yaml', 'alias-conflict');
      assert.equal(found.length, 500);
      for (const diagnostic of found) {
        assert.ok(diagnostic.related!.length <= 20 && (diagnostic.data!.actors as string[]).length <= 21);
        assert.match(diagnostic.message, /also belongs to `spokesman-\d+`, `spokesman-\d+`, `spokesman-\d+` and 496 more actors,/);
      }
    });

    it('treats aliases that differ only in typography as the same', async () => {
      const actors = actorsYaml([...BASE_ACTORS, { id: 'x', aliases: ['"Imran  Khan"'] }]);
      assert.equal((await diagnostics({ 'annotations/actors.yaml': actors, 'annotations/a.yaml': TEXT_FILE }, 'annotations/actors.yaml', 'alias-conflict')).length, 2);
    });
  });

  describe('alias-unused and actor-unused', () => {
    it('hints at an alias no text contains and an actor nothing uses', async () => {
      const actors = actorsYaml([...BASE_ACTORS, { id: 'nds', kind: 'intelligence-agency', aliases: ['National Directorate of Security'] }, { id: 'isi-2', aliases: ['isi'] }]);
      const files = { 'annotations/actors.yaml': actors, 'annotations/a.yaml': TEXT_FILE };
      const unusedAliases = await diagnostics(files, 'annotations/actors.yaml', 'alias-unused');
      assert.deepEqual(unusedAliases.map((d) => [at(actors, d), d.severity]), [['National Directorate of Security', 'hint'], ['isi', 'hint']]);
      const unusedActors = await diagnostics(files, 'annotations/actors.yaml', 'actor-unused');
      assert.deepEqual(unusedActors.map((d) => at(actors, d)), ['nds', 'isi-2']);
    });

    it('counts a reference from a claim or relation as use', async () => {
      const actors = actorsYaml([...BASE_ACTORS, { id: 'nds', relations: [['opposes', 'isi']] }, { id: 'cia' }]);
      const text = yaml('text: texts/a.txt', 'claims:', '  - {id: c0, claimant: isi, quote: The ISI backs the Taliban, about: [cia]}');
      const unused = await diagnostics({ 'annotations/actors.yaml': actors, 'annotations/a.yaml': text }, 'annotations/actors.yaml', 'actor-unused');
      assert.deepEqual(unused.map((d) => at(actors, d)), ['nds']);
    });
  });

  describe('relations', () => {
    it('relation-self', async () => {
      const actors = actorsYaml([...BASE_ACTORS.slice(1), { id: 'isi', kind: 'intelligence-agency', aliases: ['ISI'], relations: [['patron-of', 'isi']] }]);
      const found = await diagnostics({ 'annotations/actors.yaml': actors }, 'annotations/actors.yaml', 'relation-self');
      assert.equal(found.length, 1);
      assert.match(found[0].message, /relation to itself/);
    });

    it('relation-cycle lists the whole cycle', async () => {
      const actors = actorsYaml([
        { id: 'a', relations: [['part-of', 'b']] },
        { id: 'b', relations: [['member-of', 'c']] },
        { id: 'c', relations: [['part-of', 'a']] },
        { id: 'd', relations: [['part-of', 'a']] },
      ]);
      const found = await diagnostics({ 'annotations/actors.yaml': actors }, 'annotations/actors.yaml', 'relation-cycle');
      assert.equal(found.length, 3);
      assert.deepEqual(found.map((d) => at(actors, d)), ['b', 'c', 'a']);
      assert.match(found[0].message, /a → b → c → a/);
      assert.equal(found[0].related?.length, 3);
    });

    it('no cycle in a tree of part-of relations', async () => {
      const actors = actorsYaml([{ id: 'a', relations: [['part-of', 'b']] }, { id: 'c', relations: [['part-of', 'b']] }, { id: 'b' }]);
      assert.deepEqual(await diagnostics({ 'annotations/actors.yaml': actors }, 'annotations/actors.yaml', 'relation-cycle'), []);
    });

    it('relation-contradiction: allied and opposed, in either direction; mutual patronage', async () => {
      const actors = actorsYaml([
        { id: 'a', relations: [['allied-with', 'b'], ['patron-of', 'c']] },
        { id: 'b', relations: [['opposes', 'a']] },
        { id: 'c', relations: [['patron-of', 'a']] },
      ]);
      const found = await diagnostics({ 'annotations/actors.yaml': actors }, 'annotations/actors.yaml', 'relation-contradiction');
      assert.deepEqual(found.map((d) => at(actors, d)), ['allied-with', 'patron-of', 'opposes', 'patron-of']);
      assert.match(found[0].message, /`a allied-with b` contradicts `b opposes a`/);
      assert.equal(found[0].related?.length, 1);
    });

    it('no contradiction between compatible relations', async () => {
      const actors = actorsYaml([{ id: 'a', relations: [['allied-with', 'b'], ['funds', 'b']] }, { id: 'b', relations: [['negotiates-with', 'a']] }]);
      assert.deepEqual(await diagnostics({ 'annotations/actors.yaml': actors }, 'annotations/actors.yaml', 'relation-contradiction'), []);
    });

    it('relation-kind: a person part-of a group, anything part-of a person', async () => {
      const actors = actorsYaml([
        { id: 'khan', kind: 'person', relations: [['part-of', 'party'], ['member-of', 'party'], ['leads', 'party']] },
        { id: 'party', kind: 'political-party', relations: [['part-of', 'khan']] },
      ]);
      const found = await diagnostics({ 'annotations/actors.yaml': actors }, 'annotations/actors.yaml', 'relation-kind');
      assert.deepEqual(found.map((d) => at(actors, d)), ['part-of', 'khan']);
      assert.match(found[0].message, /a person is `member-of` a group/);
      assert.equal(found[1].related?.length, 1);
    });

    it('relation-kind follows constraints from policy-annotator.yaml', async () => {
      const config = yaml('vocabulary:', '  relation-types:', '    - {id: funds, subject-kinds: [state, government]}');
      const actors = actorsYaml([{ id: 'a', kind: 'person', relations: [['funds', 'b']] }, { id: 'b', kind: 'state', relations: [['funds', 'a']] }]);
      const found = await diagnostics({ 'policy-annotator.yaml': config, 'annotations/actors.yaml': actors }, 'annotations/actors.yaml', 'relation-kind');
      assert.equal(found.length, 1);
      assert.match(found[0].message, /A person \(`a`\) cannot be the subject of `funds`/);
    });
  });

  describe('stance-conflict', () => {
    const claims = (stanceB: string, claimantB = 'pakistan') => yaml(
      'text: texts/a.txt',
      'claims:',
      '  - {id: c1, claimant: pakistan, quote: Pakistan denies any links, concept: pakistan-backs-taliban, stance: rejects}',
    ) + yaml('  - {id: c2, claimant: ' + claimantB + ', quote: The ISI backs the Taliban, concept: pakistan-backs-taliban, stance: ' + stanceB + '}');

    it('flags the same claimant supporting and rejecting a concept, across files', async () => {
      const first = claims('supports');
      const found = await diagnostics({ 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': first }, 'annotations/a.yaml', 'stance-conflict');
      assert.deepEqual(found.map((d) => at(first, d)), ['rejects', 'supports']);
      assert.match(found[0].message, /`pakistan` rejects `pakistan-backs-taliban` here but supports it in `c2`/);
      assert.equal(first.slice(found[0].related![0].range.start, found[0].related![0].range.end), 'supports');

      const other = yaml('text: texts/a.txt', 'claims:', '  - {id: c9, claimant: pakistan, quote: Imran Khan said, concept: pakistan-backs-taliban, stance: supports}');
      const single = yaml('text: texts/a.txt', 'claims:', '  - {id: c1, claimant: pakistan, quote: Pakistan denies any links, concept: pakistan-backs-taliban, stance: rejects}');
      const cross = await diagnostics({ 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': single, 'annotations/b.yaml': other }, 'annotations/a.yaml', 'stance-conflict');
      assert.equal(cross.length, 1);
      assert.equal(cross[0].related?.[0].uri, uriOf('annotations/b.yaml'));
    });

    it('does not flag opposed stances by different claimants', async () => {
      const found = await diagnostics({ 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': claims('supports', 'isi') }, 'annotations/a.yaml', 'stance-conflict');
      assert.deepEqual(found, []);
    });
  });

  describe('claimant-not-mentioned', () => {
    it('warns when the claimant is neither mentioned nor the author', async () => {
      const actors = actorsYaml([...BASE_ACTORS, { id: 'biden', kind: 'person', aliases: ['Biden'] }]);
      const text = yaml('text: texts/a.txt', 'claims:', '  - {id: c1, claimant: biden, quote: The ISI backs the Taliban}');
      const found = await diagnostics({ 'annotations/actors.yaml': actors, 'annotations/a.yaml': text }, 'annotations/a.yaml', 'claimant-not-mentioned');
      assert.deepEqual(found.map((d) => at(text, d)), ['biden']);
    });

    it('accepts the author and a claimant mentioned only explicitly', async () => {
      const actors = actorsYaml([...BASE_ACTORS, { id: 'biden', kind: 'person' }, { id: 'pakistan-military', kind: 'military' }]);
      const text = yaml(
        'text: texts/a.txt', 'author: biden',
        'mentions:', '  - {actor: pakistan-military, quote: The generals in Rawalpindi}',
        'claims:', '  - {id: c1, claimant: biden, quote: The ISI backs the Taliban}', '  - {id: c2, claimant: pakistan-military, quote: agree}',
      );
      assert.deepEqual(await diagnostics({ 'annotations/actors.yaml': actors, 'annotations/a.yaml': text }, 'annotations/a.yaml', 'claimant-not-mentioned'), []);
    });
  });

  describe('duplicate-claim', () => {
    it('warns on two claims by one claimant on the same span, even if quoted differently', async () => {
      const text = yaml('text: texts/a.txt', 'claims:', '  - {id: c1, claimant: isi, quote: The ISI backs the Taliban}', '  - {id: c2, claimant: isi, quote: "The  ISI backs the Taliban"}', '  - {id: c3, claimant: taliban, quote: The ISI backs the Taliban}');
      const found = await diagnostics({ 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': text }, 'annotations/a.yaml', 'duplicate-claim');
      assert.equal(found.length, 2);
      assert.match(found[0].message, /`c2`/);
      assert.match(found[1].message, /`c1`/);
    });
  });

  describe('duplicate-claim at scale (issue 13, item 5)', () => {
    it('in a group small enough to list, every claim lists all the others', async () => {
      const lines = ['text: texts/a.txt', 'claims:'];
      for (let i = 0; i < 21; i++) lines.push(`  - {id: c${i}, claimant: isi, quote: The ISI backs the Taliban}`);
      const found = await diagnostics({ 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': yaml(...lines) }, 'annotations/a.yaml', 'duplicate-claim');
      assert.equal(found.length, 21);
      for (const diagnostic of found) {
        assert.equal(diagnostic.related?.length, 20);
        assert.match(diagnostic.message, /^20 other claims by `isi` anchor to the same words \(`c\d+` at .*, and 17 more\)\. Merge/);
      }
    });


    it('groups thousands of identical claims in linear work and lists a bounded number of twins', async () => {
      const count = 3000;
      const lines = ['text: texts/a.txt', 'claims:'];
      for (let i = 0; i < count; i++) lines.push(`  - {id: c${i}, claimant: isi, quote: The ISI backs the Taliban}`);
      const text = yaml(...lines);
      const all = await diagnostics({ 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': text }, 'annotations/a.yaml', 'duplicate-claim');
      // One per claim, cut at the file's problem limit.
      const found = all.filter((d) => !d.message.startsWith('This file has'));
      assert.deepEqual([found.length, all.length], [1000, 1001]);
      for (const diagnostic of found) assert.ok(diagnostic.message.length < 400, diagnostic.message);
      // The group's first claim lists twenty of the others and names three…
      assert.equal(found[0].related?.length, 20);
      assert.match(found[0].message, /2999 other claims by `isi` anchor to the same words \(`c1` at annotations\/a\.yaml:4, .*, and 2996 more\)/);
      // …every other claim names and points to the first, so that the report stays small.
      for (const diagnostic of found.slice(1)) {
        assert.deepEqual(diagnostic.related?.map((r) => r.range.start), [found[0].range.start]);
        assert.match(diagnostic.message, /^2999 other claims by `isi` anchor to the same words \(`c0` at annotations\/a\.yaml:3, and 2998 more; the first lists 20 of them\)/);
      }
    });
  });

  describe('mention-overlap', () => {
    it('warns on explicit mentions that overlap, not on adjacent ones', async () => {
      const text = yaml('text: texts/a.txt', 'mentions:', '  - {actor: pakistan, quote: The generals in Rawalpindi}', '  - {actor: isi, quote: generals}', '  - {actor: taliban, quote: agree}');
      const found = await diagnostics({ 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': text }, 'annotations/a.yaml', 'mention-overlap');
      assert.deepEqual(found.map((d) => at(text, d)), ['The generals in Rawalpindi', 'generals']);
      assert.equal(found[0].related?.length, 1);
    });

    it('counts every overlap of thousands of identical mentions but lists a bounded number', async () => {
      const lines = ['text: texts/a.txt', 'mentions:'];
      for (let i = 0; i < 2000; i++) lines.push(`  - {actor: ${i % 2 ? 'isi' : 'pakistan'}, quote: The generals in Rawalpindi}`);
      lines.push('  - {actor: taliban, quote: agree}');
      const text = yaml(...lines);
      const all = await diagnostics({ 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': text }, 'annotations/a.yaml', 'mention-overlap');
      const found = all.filter((d) => !d.message.startsWith('This file has'));
      assert.deepEqual([found.length, all.length], [1000, 1001]);
      for (const diagnostic of found) {
        assert.equal(at(text, diagnostic), 'The generals in Rawalpindi');
        assert.ok((diagnostic.related?.length ?? 0) === 20, `${diagnostic.related?.length} related locations`);
        assert.match(diagnostic.message, /, and 1996 more\. Shorten/);
      }
    });
  });

  describe('quote-normalized', () => {
    it('is an info with the exact characters of the text', async () => {
      const text = yaml('text: texts/a.txt', 'claims:', '  - {id: c1, claimant: imran-khan, quote: \'the Taliban are "normal civilians."\'}');
      const [found] = await diagnostics({ 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': text }, 'annotations/a.yaml', 'quote-normalized');
      assert.equal(found.severity, 'info');
      assert.equal(found.data?.exact, 'the Taliban are “normal civilians.”');
    });

    it('is silent on an exact quote', async () => {
      const text = yaml('text: texts/a.txt', 'claims:', '  - {id: c1, claimant: imran-khan, quote: the Taliban are “normal civilians.”}');
      assert.deepEqual(await diagnostics({ 'annotations/actors.yaml': actorsYaml(BASE_ACTORS), 'annotations/a.yaml': text }, 'annotations/a.yaml', 'quote-normalized'), []);
    });
  });
});
