import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReviewMarkdown } from '../../../server/src/cli/formatReview';
import { diffWorkspaces } from '../../../server/src/core';
import { buildDiscourseNetworks, exportBrat, exportW3c } from '../../../server/src/core/export';
import { WORKSPACE, yaml } from '../../helpers/memoryWorkspace';
import { ENTITY_FILES, entityIndex } from './entityFixture';

/** The fixture with an explicit mention of an entity and a claim whose claimant is (wrongly) an entity. */
const WITH_MENTION = {
  'annotations/a.yaml': `${ENTITY_FILES['annotations/a.yaml']}${yaml(
    '    concept: corridor-matters',
    '    stance: supports',
    '  - id: line-guarded',
    '    claimant: durand-line',
    '    quote: which Pakistan guards',
    '    about: [pakistan]',
    'mentions:',
    '  - actor: durand-line',
    '    quote: Durand Line',
  )}`,
  'annotations/concepts.yaml': yaml('concepts:', '  - id: corridor-matters', '    label: The corridor matters'),
};

describe('entities in exports and the review summary', () => {
  it('exports an explicit entity mention to W3C with a classifying pa:Entity body, and about: entities as IRIs', async () => {
    const index = await entityIndex(WITH_MENTION);
    const result = exportW3c(index, { workspaceFolder: WORKSPACE });
    const collection = JSON.parse(result.files[0].content);
    const items: { motivation: string; body: Record<string, unknown>[] }[] = collection.first.items;
    const mention = items.find((item) => item.motivation === 'identifying')!;
    assert.deepEqual(mention.body.at(-1), { type: 'pa:Entity', purpose: 'classifying', 'pa:entityKind': 'place' });
    assert.deepEqual(mention.body[0], { type: 'SpecificResource', purpose: 'identifying', source: 'urn:policy-annotator:annotations/entities.yaml#durand-line' });
    const claim = items.find((item) => item.motivation === 'classifying' && JSON.stringify(item.body).includes('china-builds'))!;
    assert.deepEqual(claim.body[1]['pa:about'], ['urn:policy-annotator:annotations/entities.yaml#cpec', 'urn:policy-annotator:annotations/actors.yaml#pakistan']);
    assert.deepEqual(result.warnings.filter((w) => /about/.test(w.message)), []);
  });

  it('types entity mentions Entity-<kind> in brat, with an Entity attribute declared in annotation.conf', async () => {
    const index = await entityIndex();
    const result = exportBrat(index, { workspaceFolder: WORKSPACE });
    const ann = result.files.find((f) => f.path.endsWith('.ann'))!.content;
    assert.match(ann, /^T\d+\tEntity-project \d+ \d+\tChina-Pakistan Economic Corridor$/m);
    assert.match(ann, /^T\d+\tstate \d+ \d+\tChina$/m);
    const corridor = /^(T\d+)\tEntity-project/m.exec(ann)![1];
    assert.match(ann, new RegExp(`^A\\d+\\tEntity ${corridor} cpec$`, 'm'));
    assert.match(ann, new RegExp(`^R\\d+\\tAbout Arg1:T\\d+ Arg2:${corridor}$`, 'm'));
    const conf = result.files.find((f) => f.path === 'annotation.conf')!.content;
    assert.match(conf, /^Entity-project$/m);
    assert.match(conf, /^Entity\tArg:Entity-place\|Entity-project\|Entity-law\|Entity-event\|Entity-document\|Entity-other, Value:cpec\|durand-line$/m);
    assert.match(conf, /^About\tArg1:Claim, Arg2:.*\|Entity-project\|/m);
  });

  it('never makes an entity an actor node; the affiliation network links claimants to the entities their claims are about', async () => {
    const index = await entityIndex(WITH_MENTION);
    const networks = buildDiscourseNetworks(index);
    for (const graph of [networks.congruence, networks.conflict, networks.relations]) {
      assert.ok(graph.nodes.every((node) => node.kind === 'actor' && !node.id.includes('durand') && !node.id.includes('cpec')), graph.id);
    }
    assert.deepEqual(networks.affiliation.nodes.map((n) => [n.id, n.kind]), [
      ['actor:china', 'actor'],
      ['concept:corridor-matters', 'concept'],
      ['entity:cpec', 'entity'],
    ]);
    const about = networks.affiliation.edges.find((e) => e.type === 'about')!;
    assert.deepEqual([about.source, about.target, about.weight, about.attributes.claims], ['actor:china', 'entity:cpec', 1, ['china-builds']]);
  });

  it('lists entities added, removed and changed in the diff summary and its Markdown', async () => {
    const base = await entityIndex();
    const head = await entityIndex({
      'annotations/entities.yaml': yaml('entities:', '  - id: cpec', '    name: CPEC', '    kind: project', '    aliases: [CPEC]', '  - id: gwadar', '    name: Gwadar', '    kind: place'),
    });
    const diff = diffWorkspaces(base, head);
    assert.deepEqual(diff.actors, []);
    assert.deepEqual(diff.entities.map((e) => [e.id, e.status, e.fields, e.aliasesAdded, e.aliasesRemoved]), [
      ['cpec', 'changed', ['name', 'description', 'wikidata'], [], ['China-Pakistan Economic Corridor']],
      ['durand-line', 'removed', [], [], ['Durand Line']],
      ['gwadar', 'added', [], [], []],
    ]);
    const markdown = formatReviewMarkdown(diff, 'main', 'HEAD');
    assert.match(markdown, /0 actors · 3 entities · 0 concepts/);
    assert.match(markdown, /### Entities\n\n\| \| entity \| kind \| what changed \|/);
    assert.match(markdown, /`gwadar` Gwadar \| place \| new entity \|/);
  });
});
