import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { ClaimRow, MentionRow } from '../../server/src/core';
import { yaml } from '../helpers/memoryWorkspace';
import { createTempWorkspace, runCliProcess as run } from '../helpers/tempWorkspace';

// Format v1.1 as a whole (issue 15): one workspace that uses every new field at once must check clean, and
// `list mentions` must show what the new fields do to matching.
const TEXT = [
  'The China-Pakistan Economic Corridor worries Delhi.',
  'According to the Gulf Monitor, officials in Beijing doubt the talks. Both sides withdrew from the Indian Ocean coast.',
  'A foreign ministry spokesperson said China wants calm. Pakistan and Indian diplomats stayed silent.',
  '',
].join('\n');

const FILES = {
  'policy-annotator.yaml': yaml(
    'vocabulary:',
    '  entity-kinds: [treaty]',
    '  stances:',
    '    - id: ambivalent',
    '      score: 0',
    '      label: neither for nor against',
    '    - hedges',
    '  contributor-roles: [photographer]',
  ),
  'annotations/actors.yaml': yaml(
    'actors:',
    '  - {id: china, name: China, kind: state, aliases: [China, Beijing]}',
    '  - {id: pakistan, name: Pakistan, kind: state, aliases: [Pakistan]}',
    '  - {id: india, name: India, kind: state, aliases: [Delhi, Indian]}',
    '  - id: chinese-foreign-ministry',
    '    name: Ministry of Foreign Affairs of China',
    '    kind: government',
    '    aliases: [foreign ministry]',
    '    relations:',
    '      - type: part-of',
    '        target: china',
    '        from: 1949-10',
    '        note: since the founding of the PRC',
    '  - {id: ministry-spokesperson, name: Ministry spokesperson, kind: person, aliases: [spokesperson]}',
    '  - id: chinese-officials',
    '    name: Chinese officials',
    '    kind: government',
    '    aliases: [officials]',
    '    relations:',
    '      - {type: member-of, target: chinese-foreign-ministry, from: 2001-09, until: 2021-08-31}',
    '  - {id: gulf-monitor, name: Gulf Monitor, kind: media, aliases: [Gulf Monitor]}',
    '  - {id: jane-doe, name: Jane Doe, kind: person}',
    '  - {id: john-roe, name: John Roe, kind: person}',
    '  - {id: ana-lima, name: Ana Lima, kind: person}',
  ),
  'annotations/entities.yaml': yaml(
    'entities:',
    '  - id: cpec',
    '    name: China-Pakistan Economic Corridor',
    '    kind: project',
    '    aliases: [China-Pakistan Economic Corridor]',
    '    wikidata: Q5100181',
    '    description: Chinese-financed projects in Pakistan.',
  ),
  'annotations/concepts.yaml': yaml(
    'concepts:',
    '  - {id: talks-succeed, label: The border talks will succeed}',
    '  - {id: calm-border, label: The border should stay calm}',
  ),
  'annotations/texts/a.txt': TEXT,
  'annotations/a.yaml': yaml(
    'text: texts/a.txt',
    'title: Border talks',
    'author: [jane-doe, john-roe]',
    'published: 2024-05-02',
    'contributors:',
    '  - {actor: ana-lima, role: interviewer}',
    'note: opening excerpt only',
    'suppress: [{quote: Indian Ocean, note: "a sea, not the state"}]',
    'mentions: [{actor: [india, china], quote: Both sides, note: the two armies}]',
    'claims:',
    '  - id: officials-doubt-talks',
    '    claimant: chinese-officials',
    '    reported-by: gulf-monitor',
    '    quote: officials in Beijing doubt the talks',
    '    about: [india]',
    '    concept: talks-succeed',
    '    stance: rejects',
    '    type: belief',
    '  - id: spokesperson-wants-calm',
    '    claimant: ministry-spokesperson',
    '    on-behalf-of: chinese-foreign-ministry',
    '    quote: China wants calm',
    '    about: [china, cpec]',
    '    concept: calm-border',
    '    stance: ambivalent',
    '    type: preference',
    '  - id: corridor-worries',
    '    claimant: india',
    '    quote: worries Delhi',
    '    about: [cpec]',
    '    concept: calm-border',
    '    stance: neutral',
    '    type: evaluation',
  ),
};

describe('format v1.1: a workspace that uses every new field', () => {
  const workspace = createTempWorkspace(FILES);
  after(() => workspace.dispose());

  it('checks clean, with no diagnostic of any severity', () => {
    const result = run(['check', '--format', 'json', '--no-cache'], workspace.dir);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });

  it('list mentions: the entity name and the suppressed span block the shorter aliases inside them; a list-valued mention names several actors', () => {
    const result = run(['list', 'mentions', '--format', 'json'], workspace.dir);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as MentionRow[];
    const found = rows.map((row) => [row.quote, row.ids, row.explicit] as const);
    const onLine = (line: number) => rows.filter((row) => row.line === line).map((row) => row.quote);
    // "China-Pakistan Economic Corridor" is one mention of the corridor: not China, not Pakistan.
    assert.deepEqual(found[0], ['China-Pakistan Economic Corridor', ['cpec'], false]);
    assert.deepEqual(onLine(1), ['China-Pakistan Economic Corridor', 'Delhi']);
    // "Indian Ocean" is suppressed: its "Indian" is no mention of India, where the same alias on line 3 is.
    assert.ok(!onLine(2).includes('Indian'), 'no mention of India inside the suppressed span');
    assert.deepEqual(onLine(3).filter((quote) => quote === 'Pakistan' || quote === 'Indian'), ['Pakistan', 'Indian']);
    // The explicit mention names both actors.
    assert.deepEqual(found.find(([quote]) => quote === 'Both sides'), ['Both sides', ['india', 'china'], true]);
    // Outside those spans the actors' aliases still match.
    assert.ok(found.some(([quote, ids]) => quote === 'China' && ids[0] === 'china'), 'China in "said China wants calm"');
    assert.ok(found.some(([quote, ids]) => quote === 'Delhi' && ids[0] === 'india'));
  });

  it('list claims: on-behalf-of and reported-by as written', () => {
    const result = run(['list', 'claims', '--format', 'json'], workspace.dir);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as ClaimRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    assert.equal(byId.get('spokesperson-wants-calm')?.onBehalfOf, 'chinese-foreign-ministry');
    assert.deepEqual(byId.get('officials-doubt-talks')?.reportedBy, ['gulf-monitor']);
    assert.deepEqual(byId.get('corridor-worries')?.about, ['cpec']);
  });
});
