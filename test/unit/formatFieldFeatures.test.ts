// Format v1.1 fields (issue 15) in the editor features, the diff summary and the exports:
// hover cards, completion, definition, references and rename; parsing and checks are in formatFields.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffWorkspaces, exportWorkspace, type WorkspaceIndex } from '../../server/src/core';
import { completeInAnnotationFile, findDefinition, findReferences, hover, rename, renderPlainText } from '../../server/src/core/features';
import { loadMemoryWorkspace, uriOf, WORKSPACE, withCursor, yaml } from '../helpers/memoryWorkspace';
import { ACTORS, ARTICLE, CONCEPTS, mark } from './features/fixture';

/** The feature fixture's actors with a ministry, a newspaper, and an alliance that ended. */
const ACTORS_V11 =
  ACTORS.replace('      - type: patron-of\n        target: taliban\n', '      - type: patron-of\n        target: taliban\n        from: 2001-09\n        until: 2021-08-31\n        note: Through the war years.\n') +
  yaml('  - id: foreign-office', '    name: Ministry of Foreign Affairs', '    kind: government', '    relations:', '      - type: opposes', '        target: taliban', '        from: 2015', '  - id: gulf-monitor', '    name: Gulf Monitor', '    kind: media');

const CLAIMS_V11 = yaml(
  'text: texts/a.txt',
  'title: A test article',
  'author: [isi, imran-khan]',
  'note: opening excerpt only',
  'contributors:',
  '  - actor: gulf-monitor',
  '    role: interviewer',
  'claims:',
  '  - id: khan-denies',
  '    claimant: imran-khan',
  '    on-behalf-of: foreign-office',
  '    reported-by: [gulf-monitor]',
  '    quote: The ISI denies it.',
  '    concept: taliban-is-military',
  '    stance: ambivalent',
  '    type: preference',
);

const CONFIG = yaml('vocabulary:', '  stances:', '    - id: ambivalent', '      score: 0', '      label: neither for nor against');

const FILES = {
  'policy-annotator.yaml': CONFIG,
  'annotations/texts/a.txt': ARTICLE,
  'annotations/actors.yaml': ACTORS_V11,
  'annotations/concepts.yaml': CONCEPTS,
  'annotations/claims.yaml': CLAIMS_V11,
};

async function at(path: keyof typeof FILES, needle: string, offsetInNeedle = 0, occurrence = 0): Promise<{ index: WorkspaceIndex; uri: string; offset: number }> {
  const { text, offset } = withCursor(mark(FILES[path], needle, offsetInNeedle, occurrence));
  const { index } = await loadMemoryWorkspace({ ...FILES, [path]: text });
  return { index, uri: uriOf(path), offset };
}

/** The text of a line before an offset, trimmed. */
function lineBefore(content: string, offset: number): string {
  return content.slice(content.lastIndexOf('\n', offset - 1) + 1, offset).trim();
}

async function hoverText(path: keyof typeof FILES, needle: string, offsetInNeedle = 1, occurrence = 0): Promise<string> {
  const { index, uri, offset } = await at(path, needle, offsetInNeedle, occurrence);
  const card = hover(index, uri, offset);
  assert.ok(card, `no hover at ${needle}`);
  return renderPlainText(card.card);
}

describe('format v1.1 fields in features', () => {
  describe('hover', () => {
    it('the claim card shows on whose behalf the claimant speaks, who relays it, and the stance’s label and score', async () => {
      const text = await hoverText('annotations/claims.yaml', 'khan-denies');
      assert.match(text, /^Claimant: Imran Khan, on behalf of Ministry of Foreign Affairs$/m);
      assert.match(text, /^Reported by: Gulf Monitor$/m);
      assert.match(text, /^Stance: ambivalent The Taliban is a military force \(neither for nor against, score 0\)$/m);
      assert.match(text, /· preference/);
    });

    it('the actor card counts claims made on its behalf and relayed by it', async () => {
      assert.match(await hoverText('annotations/claims.yaml', 'on-behalf-of: foreign-office', 'on-behalf-of: '.length + 1), /Claims in the workspace: 0 claims by it, 1 on its behalf, 0 claims about it/);
      assert.match(await hoverText('annotations/claims.yaml', 'reported-by: [gulf-monitor]', 'reported-by: ['.length + 1), /Claims in the workspace: 0 claims by it, 1 relayed by it, 0 claims about it/);
    });

    it('the actor card and the relation card show a relation’s period and note', async () => {
      const actor = await hoverText('annotations/actors.yaml', 'id: isi', 'id: '.length + 1);
      assert.match(actor, /patron-of Afghan Taliban \(2001-09 – 2021-08-31\) — Through the war years\./);
      const relation = await hoverText('annotations/actors.yaml', 'type: opposes\n        target: taliban', 'type: '.length + 1);
      assert.match(relation, /^Relation Ministry of Foreign Affairs opposes Afghan Taliban \(2015–\)$/m);
      const dated = await hoverText('annotations/actors.yaml', 'type: patron-of', 'type: '.length + 1);
      assert.match(dated, /^Relation Inter-Services Intelligence patron-of Afghan Taliban \(2001-09 – 2021-08-31\)$/m);
      assert.match(dated, /^Note: Through the war years\.$/m);
    });

    it('the text card shows the authors, the contributors with their roles and the note', async () => {
      const text = await hoverText('annotations/claims.yaml', 'texts/a.txt');
      assert.match(text, /^A test article · texts\/a\.txt$/m);
      assert.match(text, /^Authors: Inter-Services Intelligence, Imran Khan$/m);
      assert.match(text, /^Contributors: Gulf Monitor \(interviewer\)$/m);
      assert.match(text, /^Note: opening excerpt only$/m);
    });
  });

  describe('completion', () => {
    const complete = async (text: string) => {
      const { text: content, offset } = withCursor(text);
      const { index } = await loadMemoryWorkspace({ ...FILES, 'annotations/new.yaml': content });
      return completeInAnnotationFile(index, uriOf('annotations/new.yaml'), offset);
    };

    it('offers actor ids for on-behalf-of, reported-by (block list) and a contributor’s actor', async () => {
      for (const text of [
        yaml('text: texts/a.txt', 'claims:', '  - id: c', '    on-behalf-of: fo‸'),
        yaml('text: texts/a.txt', 'claims:', '  - id: c', '    reported-by:', '      - ‸'),
        yaml('text: texts/a.txt', 'contributors:', '  - actor: ‸'),
        yaml('text: texts/a.txt', 'author: [isi, ‸]'),
      ]) {
        const labels = (await complete(text)).filter((e) => e.category === 'actor').map((e) => e.label);
        assert.ok(labels.includes('foreign-office') && labels.includes('gulf-monitor'), `${text}: ${labels.join(', ')}`);
      }
    });

    it('offers contributor roles, the fields of a contributor, and relation dates among the relation fields', async () => {
      assert.deepEqual((await complete(yaml('text: texts/a.txt', 'contributors:', '  - actor: isi', '    role: ‸'))).map((e) => e.label), ['moderator', 'interviewer', 'interviewee', 'translator', 'editor']);
      assert.deepEqual((await complete(yaml('text: texts/a.txt', 'contributors:', '  - ‸'))).map((e) => e.label), ['actor', 'role']);
      const top = (await complete(yaml('text: texts/a.txt', '‸'))).map((e) => e.label);
      assert.ok(top.includes('contributors') && top.includes('note'), top.join(', '));
    });

    it('offers every stance with its score, and the workspace’s label', async () => {
      const entries = await complete(yaml('text: texts/a.txt', 'claims:', '  - id: c', '    stance: ‸'));
      assert.deepEqual(entries.map((e) => [e.label, e.detail]), [
        ['supports', 'stance toward the concept (score 1)'],
        ['rejects', 'stance toward the concept (score -1)'],
        ['neutral', 'stance toward the concept (score 0)'],
        ['ambivalent', 'stance toward the concept: neither for nor against (score 0)'],
      ]);
      assert.ok((await complete(yaml('text: texts/a.txt', 'claims:', '  - id: c', '    type: ‸'))).some((e) => e.label === 'preference'));
    });
  });

  describe('definition, references and rename', () => {
    it('go to definition from on-behalf-of, reported-by, a contributor and a second author', async () => {
      for (const [needle, into, id] of [
        ['on-behalf-of: foreign-office', 'on-behalf-of: '.length, 'foreign-office'],
        ['reported-by: [gulf-monitor]', 'reported-by: ['.length, 'gulf-monitor'],
        ['actor: gulf-monitor', 'actor: '.length, 'gulf-monitor'],
        ['imran-khan]', 0, 'imran-khan'],
      ] as const) {
        const { index, uri, offset } = await at('annotations/claims.yaml', needle, into + 1);
        const [target] = findDefinition(index, uri, offset);
        assert.equal(target?.uri, uriOf('annotations/actors.yaml'), needle);
        assert.equal(index.content(target.uri)!.slice(target.selection.start, target.selection.end), id);
      }
    });

    it('references of an actor include its uses in the new fields', async () => {
      const { index, uri, offset } = await at('annotations/actors.yaml', 'id: gulf-monitor', 'id: '.length + 1);
      const places = findReferences(index, uri, offset, { includeDeclaration: false }).map((r) => `${r.uri.slice(r.uri.lastIndexOf('/') + 1)}:${lineBefore(index.content(r.uri)!, r.range.start)}`);
      assert.deepEqual(places, ['claims.yaml:- actor:', 'claims.yaml:reported-by: [']);
      const khan = await at('annotations/actors.yaml', 'id: imran-khan', 'id: '.length + 1);
      const uses = findReferences(khan.index, khan.uri, khan.offset, { includeDeclaration: false }).map((r) => lineBefore(khan.index.content(r.uri)!, r.range.start));
      assert.deepEqual(uses, ['author: [isi,', 'claimant:', 'The ISI backs the Taliban.'], 'the second author, the claimant, and the mention in the text');
    });

    it('rename reaches on-behalf-of, reported-by, contributors and every author', async () => {
      for (const [id, count] of [['foreign-office', 2], ['gulf-monitor', 3], ['imran-khan', 3]] as const) {
        const { index, uri, offset } = await at('annotations/actors.yaml', `id: ${id}`, 'id: '.length + 1);
        const result = rename(index, uri, offset, 'renamed');
        assert.ok(result.ok);
        assert.equal(result.edits.length, count, `${id}: ${JSON.stringify(result.edits)}`);
        for (const edit of result.edits) assert.equal(index.content(edit.uri)!.slice(edit.range.start, edit.range.end), id);
      }
    });
  });

  describe('diff summary', () => {
    it('reports changes to on-behalf-of and reported-by, relation periods, and the text’s metadata', async () => {
      const base = await loadMemoryWorkspace(FILES);
      const head = await loadMemoryWorkspace({
        ...FILES,
        'annotations/claims.yaml': CLAIMS_V11.replace('on-behalf-of: foreign-office', 'on-behalf-of: isi').replace('reported-by: [gulf-monitor]', 'reported-by: [isi]').replace('role: interviewer', 'role: moderator').replace('author: [isi, imran-khan]', 'author: isi'),
        'annotations/actors.yaml': ACTORS_V11.replace('        from: 2015\n', '        from: 2015\n        until: 2020\n'),
      });
      const diff = diffWorkspaces(base.index, head.index);
      assert.deepEqual(diff.claims.map((c) => [c.id, c.fields]), [['khan-denies', ['on-behalf-of', 'reported-by']]]);
      assert.deepEqual(diff.texts, [{ file: 'annotations/claims.yaml', status: 'changed', title: 'A test article', fields: ['author', 'contributors'] }]);
      const office = diff.actors.find((a) => a.id === 'foreign-office')!;
      assert.deepEqual([office.relationsRemoved, office.relationsAdded], [['opposes taliban (2015–)'], ['opposes taliban (2015–2020)']]);
    });
  });

  describe('exports', () => {
    it('W3C: on-behalf-of and reported-by are claim properties, with the stance score; the text body says them; the authors create the source', async () => {
      const { index } = await loadMemoryWorkspace(FILES);
      const result = exportWorkspace(index, 'w3c', { workspaceFolder: WORKSPACE });
      const collection = JSON.parse(result.files[0].content);
      const annotation = collection.first.items.find((item: { id: string }) => item.id.endsWith('claim/khan-denies'));
      const claim = annotation.body.find((b: { type: string }) => b.type === 'pa:Claim');
      assert.match(claim['pa:onBehalfOf'], /actors\.yaml#foreign-office$/);
      assert.equal(claim['pa:reportedBy'].length, 1);
      assert.match(claim['pa:reportedBy'][0], /actors\.yaml#gulf-monitor$/);
      assert.equal(claim['pa:stanceScore'], 0);
      assert.match(annotation.body[0].value, /^Imran Khan \(on behalf of Ministry of Foreign Affairs\) ambivalent .* Reported by: Gulf Monitor\./);
      assert.deepEqual(annotation['@context'][1]['pa:reportedBy'], { '@type': '@id', '@container': '@set' });
      const creators = annotation.target.source.creator as string[];
      assert.deepEqual(creators.map((iri) => iri.slice(iri.indexOf('#') + 1)), ['isi', 'imran-khan'], 'the text’s authors create its source');
    });

    it('brat: declares OnBehalfOf and ReportedBy, and notes a relation’s period', async () => {
      const article = `${ARTICLE} The Gulf Monitor and the Ministry of Foreign Affairs reported it.`;
      const actors = ACTORS_V11.replace('    name: Gulf Monitor\n', '    name: Gulf Monitor\n    aliases: [Gulf Monitor]\n').replace('    name: Ministry of Foreign Affairs\n', '    name: Ministry of Foreign Affairs\n    aliases: [Ministry of Foreign Affairs]\n');
      const { index } = await loadMemoryWorkspace({ ...FILES, 'annotations/texts/a.txt': article, 'annotations/actors.yaml': actors });
      const result = exportWorkspace(index, 'brat', { workspaceFolder: WORKSPACE });
      const conf = result.files.find((f) => f.path === 'annotation.conf')!.content;
      assert.match(conf, /^OnBehalfOf\tArg1:Claim, /m);
      assert.match(conf, /^ReportedBy\tArg1:Claim, /m);
      const ann = result.files.find((f) => f.path.endsWith('.ann'))!.content;
      const entity = (surface: string) => new RegExp(`^(T\\d+)\\t\\S+ \\d+ \\d+\\t${surface}$`, 'm').exec(ann)![1];
      const claim = new RegExp('^(T\\d+)\\tClaim ', 'm').exec(ann)![1];
      assert.match(ann, new RegExp(`^R\\d+\\tOnBehalfOf Arg1:${claim} Arg2:${entity('Ministry of Foreign Affairs')}$`, 'm'));
      assert.match(ann, new RegExp(`^R\\d+\\tReportedBy Arg1:${claim} Arg2:${entity('Gulf Monitor')}$`, 'm'));
      const opposes = /^(R\d+)\topposes Arg1:/m.exec(ann)![1];
      assert.match(ann, new RegExp(`^#\\d+\\tAnnotatorNotes ${opposes}\\t\\(2015–\\)$`, 'm'));
    });
  });
});
