import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/core';
import { completeInAnnotationFile, completionsAt, yamlContextAt } from '../../../server/src/core/features';
import { loadMemoryWorkspace, uriOf, withCursor, yaml } from '../../helpers/memoryWorkspace';
import { cursorIn } from './fixture';

async function complete(path: string, marked: string) {
  const { index, uri, offset, text } = await cursorIn(path, marked);
  const entries = completeInAnnotationFile(index, uri, offset);
  return { entries, labels: entries.map((e) => e.label), text };
}

function contextOf(marked: string) {
  const { text, offset } = withCursor(marked);
  return yamlContextAt(new LineIndex(text), offset);
}

const ACTOR_IDS = ['imran-khan', 'isi', 'taliban'];

describe('completion in annotation files', () => {
  describe('actor ids wherever one is expected, with name and kind', () => {
    for (const [where, marked] of [
      ['claimant', yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: ‸')],
      ['about, flow list', yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    about: [taliban, ‸]')],
      ['about, block list', yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    about:', '      - ‸')],
      ['about, compact block list', yaml('text: texts/a.txt', 'claims:', '- id: c1', '  about:', '  - ‸')],
      ['author', yaml('text: texts/a.txt', 'author: ‸')],
      ['mention actor', yaml('text: texts/a.txt', 'mentions:', '  - actor: ‸')],
      ['relation target', yaml('actors:', '  - id: x', '    name: X', '    kind: person', '    relations:', '      - type: allied-with', '        target: ‸')],
    ] as const) {
      it(where, async () => {
        const { entries, labels } = await complete('annotations/new.yaml', marked);
        for (const id of ACTOR_IDS) assert.ok(labels.includes(id), id);
        assert.equal(entries.find((e) => e.label === 'isi')!.detail, 'Inter-Services Intelligence · intelligence-agency');
        assert.equal(entries.find((e) => e.label === 'isi')!.category, 'actor');
      });
    }

    it('replaces the partial id under the cursor, quotes left alone', async () => {
      const { entries, text } = await complete('annotations/new.yaml', yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: "im‸ran"'));
      const replaced = text.slice(entries[0].replace.start, entries[0].replace.end);
      assert.equal(replaced, 'imran');
    });
  });

  it('concept ids', async () => {
    const { entries } = await complete('annotations/new.yaml', yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    concept: tal‸'));
    assert.deepEqual(entries.map((e) => [e.label, e.detail]), [['taliban-is-military', 'The Taliban is a military force']]);
  });

  for (const [field, marked, expected] of [
    ['actor kinds', yaml('actors:', '  - id: x', '    kind: ‸'), 'armed-group'],
    ['relation types', yaml('actors:', '  - id: x', '    relations:', '      - type: ‸'), 'patron-of'],
    ['claim types', yaml('claims:', '  - id: c', '    type: ‸'), 'allegation'],
    ['stances', yaml('claims:', '  - id: c', '    stance: ‸'), 'rejects'],
    ['evidence', yaml('claims:', '  - id: c', '    evidence: ‸'), 'documented'],
  ] as const) {
    it(`vocabulary values: ${field}`, async () => {
      const { entries } = await complete('annotations/new.yaml', marked);
      assert.ok(entries.some((e) => e.label === expected && e.category === 'vocabulary'), `${expected} in ${entries.map((e) => e.label).join(', ')}`);
    });
  }

  describe('field names appropriate to the position', () => {
    it('at the top level, without those already present', async () => {
      const { labels } = await complete('annotations/new.yaml', yaml('text: texts/a.txt', 'ti‸', 'claims: []'));
      assert.ok(labels.includes('title') && labels.includes('author') && labels.includes('actors'));
      assert.ok(!labels.includes('text') && !labels.includes('claims'));
    });

    it('in a claim, without its present fields', async () => {
      const { entries, labels } = await complete('annotations/new.yaml', yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: isi', '    ‸', '    quote: backs'));
      assert.deepEqual(labels, ['prefix', 'suffix', 'about', 'concept', 'stance', 'type', 'evidence', 'note', 'on-behalf-of', 'reported-by', 'attributes']);
      assert.equal(entries[0].insertText, 'prefix: ');
      assert.match(entries.find((e) => e.label === 'about')!.detail!, /actor ids/);
    });

    it('in a new list item: the fields of an actor, a relation, a mention', async () => {
      assert.ok((await complete('annotations/new.yaml', yaml('actors:', '  - id: x', '  - na‸'))).labels.includes('name'));
      assert.deepEqual((await complete('annotations/new.yaml', yaml('actors:', '  - id: x', '    relations:', '      - ‸'))).labels, ['type', 'target', 'note', 'from', 'until']);
      assert.deepEqual((await complete('annotations/new.yaml', yaml('text: a.txt', 'mentions:', '  - actor: isi', '    ‸'))).labels, ['quote', 'prefix', 'suffix', 'note']);
      assert.deepEqual((await complete('annotations/new.yaml', yaml('text: a.txt', 'suppress:', '  - quote: Indian Ocean', '    ‸'))).labels, ['prefix', 'suffix', 'note']);
    });

    it('nothing in comments or free-text values', async () => {
      assert.deepEqual((await complete('annotations/new.yaml', yaml('# claimant: ‸', 'claims: []'))).labels, []);
      assert.deepEqual((await complete('annotations/new.yaml', yaml('claims:', '  - id: c1', '    note: some words ‸'))).labels, []);
    });
  });

  describe('reading the YAML structure at the cursor', () => {
    it('follows indentation through nested lists, past block scalars', () => {
      const context = contextOf(yaml('actors:', '  - id: x', '    description: >-', '      Text: with a colon', '    relations:', '      - type: opposes', '        target: i‸'));
      assert.deepEqual({ path: context!.path, key: context!.key, word: context!.word, siblings: context!.siblingKeys }, { path: ['actors', 'relations'], key: 'target', word: 'i', siblings: ['type'] });
    });

    it('reads a file that does not parse while it is being typed', () => {
      const context = contextOf(yaml('claims:', '  - id: c1', '    quote: "unterminated', '    claim‸'));
      assert.deepEqual(context?.path, ['claims']);
      assert.equal(context?.position, 'key');
    });

    it('works on CRLF files', () => {
      const { text, offset } = withCursor('claims:\r\n  - id: c1\r\n    stance: s‸\r\n');
      assert.deepEqual(yamlContextAt(new LineIndex(text), offset), { path: ['claims'], position: 'value', key: 'stance', inList: false, word: 's', replace: { start: offset - 1, end: offset }, siblingKeys: ['id'] });
    });
  });
});

describe('completion with thousands of actors', () => {
  const registry = ['actors:'];
  for (let i = 0; i < 1500; i++) registry.push(`  - { id: person-${String(i).padStart(4, '0')}, name: Person ${i}, kind: person, aliases: [Person ${i}] }`);
  registry.push('  - { id: isi, name: Inter-Services Intelligence, kind: intelligence-agency, aliases: [ISI] }');
  const files = {
    'annotations/actors.yaml': `${registry.join('\n')}\n`,
    'annotations/texts/a.txt': 'The ISI met Person 7. The ISI again, and Person 1200.\n',
  };

  async function at(marked: string) {
    const { text, offset } = withCursor(marked);
    const { index } = await loadMemoryWorkspace({ ...files, 'annotations/a.yaml': text });
    return completionsAt(index, uriOf('annotations/a.yaml'), offset, 100);
  }

  it('offers the actors of the text first, most mentioned first, then those the file names, within the limit', async () => {
    const { entries, isIncomplete } = await at(yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: person-0042', '    quote: The ISI met Person 7', '  - id: c2', '    claimant: ‸'));
    assert.equal(entries.length, 100);
    assert.ok(isIncomplete);
    assert.deepEqual(entries.slice(0, 4).map((e) => e.label), ['isi', 'person-0007', 'person-1200', 'person-0042']);
  });

  it('narrows to the ids and names that contain the word typed so far', async () => {
    const { entries, isIncomplete } = await at(yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: intellig‸'));
    assert.deepEqual(entries.map((e) => e.label), ['isi']);
    assert.ok(isIncomplete, 'the editor asks again as the user types');
    const byId = await at(yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: person-149‸'));
    assert.deepEqual(byId.entries.map((e) => e.label), ['person-1490', 'person-1491', 'person-1492', 'person-1493', 'person-1494', 'person-1495', 'person-1496', 'person-1497', 'person-1498', 'person-1499']);
  });
});
