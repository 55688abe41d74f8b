import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffChangedFiles, diffWorkspaces } from '../../server/src/core';
import { loadMemoryWorkspace, uriOf, yaml } from '../helpers/memoryWorkspace';

// A workspace with what reaches across files: a claim id defined twice, a claimant who both
// supports and rejects a concept in two files, an actor that is only mentioned (no reference),
// one that is only referenced, one used nowhere, and a text two annotation files point at.
const BASE: Record<string, string> = {
  'annotations/actors.yaml': yaml(
    'actors:',
    '  - id: isi',
    '    name: ISI',
    '    kind: intelligence-agency',
    '    aliases: [ISI]',
    '  - id: taliban',
    '    name: Taliban',
    '    kind: armed-group',
    '    aliases: [Taliban]',
    '  - id: khan',
    '    name: Imran Khan',
    '    kind: person',
    '    aliases: [Imran Khan]',
    '  - id: nobody',
    '    name: Nobody',
    '    kind: person',
  ),
  'annotations/concepts.yaml': yaml('concepts:', '  - id: support', '    label: Pakistan supports the Taliban'),
  'annotations/texts/t1.txt': 'The ISI backs the Taliban, the report says.\nImran Khan denies it.\n',
  'annotations/texts/t2.txt': 'Imran Khan spoke. The ISI was silent.\n',
  'annotations/texts/t3.txt': 'Nothing about anyone here.\n',
  'annotations/a1.yaml': yaml('text: texts/t1.txt', 'claims:', '  - id: c1', '    claimant: isi', '    quote: The ISI backs the Taliban', '    concept: support', '    stance: supports', '  - id: dup', '    claimant: khan', '    quote: Imran Khan denies it'),
  'annotations/a2.yaml': yaml('text: texts/t2.txt', 'claims:', '  - id: c2', '    claimant: khan', '    quote: Imran Khan spoke', '    concept: support', '    stance: rejects', '  - id: dup', '    claimant: isi', '    quote: The ISI was silent'),
  'annotations/a3.yaml': yaml('text: texts/t3.txt', 'title: Nothing', 'claims:', '  - id: c3', '    claimant: khan', '    quote: Nothing about anyone'),
  'annotations/b1.yaml': yaml('text: texts/t1.txt', 'claims:', '  - id: b1', '    claimant: khan', '    quote: the report says'),
};

type Files = Record<string, string>;

/** The workspace-relative paths whose contents differ (or that one side lacks), as URIs. */
function changedUris(base: Files, head: Files): string[] {
  return [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((path) => base[path] !== head[path]).map(uriOf);
}

async function compare(head: Files): Promise<{ fast: ReturnType<typeof diffChangedFiles>; full: ReturnType<typeof diffWorkspaces> }> {
  const before = await loadMemoryWorkspace(BASE);
  const after = await loadMemoryWorkspace(head);
  const fast = diffChangedFiles(before.index, after.index, changedUris(BASE, head));
  // A fresh pair of indexes: the fast path must not depend on what the other computed first.
  const full = diffWorkspaces((await loadMemoryWorkspace(BASE)).index, (await loadMemoryWorkspace(head)).index);
  if (fast) assert.deepEqual(fast, full);
  return { fast, full };
}

const edit = (path: string, from: string, to: string): Files => {
  assert.ok(BASE[path].includes(from), `${from} is in ${path}`);
  return { ...BASE, [path]: BASE[path].replace(from, to) };
};
const without = (...paths: string[]): Files => Object.fromEntries(Object.entries(BASE).filter(([path]) => !paths.includes(path)));

/** Changes that only annotation files and texts make: the fast path must take them, and give what the full comparison gives. */
const LOCAL: [string, Files][] = [
  ['no change at all', BASE],
  ['a claimant changed to an actor only mentioned so far', edit('annotations/a1.yaml', 'claimant: isi', 'claimant: taliban')],
  ['a quote that no longer anchors', edit('annotations/a3.yaml', 'Nothing about anyone', 'Something else')],
  ['a stance that stops conflicting', edit('annotations/a1.yaml', 'stance: supports', 'stance: rejects')],
  ['a duplicated claim id renamed', edit('annotations/a2.yaml', 'id: dup', 'id: dup2')],
  ['a claim id that becomes a duplicate', edit('annotations/a3.yaml', 'id: c3', 'id: c1')],
  ['a title changed', edit('annotations/a3.yaml', 'title: Nothing', 'title: Still nothing')],
  ['a text changed, its annotations not', edit('annotations/texts/t1.txt', 'The ISI backs', 'Indeed the ISI backs')],
  ['a text changed so that a quote moves to the next line', edit('annotations/texts/t3.txt', 'Nothing', 'New first line.\nNothing')],
  ['an annotation file renamed', { ...without('annotations/a3.yaml'), 'annotations/renamed/a3.yaml': BASE['annotations/a3.yaml'].replace('texts/', '../texts/') }],
  ['a text renamed with its reference', { ...without('annotations/texts/t3.txt'), 'annotations/texts/t3-new.txt': BASE['annotations/texts/t3.txt'], 'annotations/a3.yaml': BASE['annotations/a3.yaml'].replace('t3.txt', 't3-new.txt') }],
  ['an annotation file deleted whose claims used no actor alone', without('annotations/b1.yaml')],
  ['a text deleted whose annotation stays', without('annotations/texts/t3.txt')],
  ['an annotation file added', { ...BASE, 'annotations/b2.yaml': yaml('text: texts/t2.txt', 'claims:', '  - id: b2', '    claimant: isi', '    quote: The ISI was silent') }],
  ['an annotation file that becomes broken YAML', edit('annotations/b1.yaml', 'claims:', 'claims: [')],
  ['a file that is neither an annotation nor a text', { ...BASE, 'annotations/README.md': '# notes\n' }],
];

/** Changes that can reach the whole workspace: the fast path must decline them (the caller then compares everything). */
const GLOBAL: [string, Files][] = [
  ['an alias added to the registry', edit('annotations/actors.yaml', 'aliases: [ISI]', 'aliases: [ISI, report]')],
  ['a concept relabelled', edit('annotations/concepts.yaml', 'label: Pakistan', 'label: Islamabad')],
  ['the configuration added', { ...BASE, 'policy-annotator.yaml': yaml('roots: [annotations]') }],
  ['an actor referenced for the first time, mentioned in no text reached', edit('annotations/a3.yaml', 'claimant: khan', 'claimant: nobody')],
  ['an explicit mention added', edit('annotations/a3.yaml', 'claims:', 'mentions:\n  - actor: nobody\n    quote: anyone\nclaims:')],
  ['a text whose mentions change', edit('annotations/texts/t2.txt', 'The ISI was silent', 'The agency was silent')],
  ['the registry moved into a claim file', { ...without('annotations/concepts.yaml'), 'annotations/a3.yaml': `${BASE['annotations/a3.yaml']}${BASE['annotations/concepts.yaml']}` }],
];

describe('diff of the changed files only', () => {
  for (const [name, head] of LOCAL) {
    it(`equals the full comparison: ${name}`, async () => {
      const { fast } = await compare(head);
      assert.ok(fast, 'the fast path takes a change the registry does not see');
    });
  }

  for (const [name, head] of GLOBAL) {
    it(`leaves the comparison to the full path: ${name}`, async () => {
      const { fast, full } = await compare(head);
      assert.equal(fast, undefined, `declined (the full diff reports ${JSON.stringify(full).length} characters)`);
    });
  }

  it('reports what the full comparison reports for a changed claim, a moved anchor and new diagnostics', async () => {
    const { fast, full } = await compare(edit('annotations/a1.yaml', 'claimant: isi', 'claimant: taliban'));
    assert.deepEqual(fast?.claims.map((c) => `${c.status} ${c.id} ${c.fields.join()}`), ['changed c1 claimant']);
    assert.deepEqual(full.claims.map((c) => c.id), ['c1']);
    const dup = await compare(edit('annotations/a3.yaml', 'id: c3', 'id: c1'));
    assert.ok(dup.fast!.newDiagnostics.some((d) => d.code === 'duplicate-id' && d.file === 'annotations/a1.yaml'), 'the other file of the duplicate id is compared too');
  });

  it('equals the full comparison for every combination of two local changes', async () => {
    const local = LOCAL.slice(1);
    for (let i = 0; i < local.length; i++) {
      for (let j = i + 1; j < local.length; j += 3) {
        const head: Files = { ...local[i][1] };
        // Apply the second change on top of the first where it touches other paths.
        for (const path of new Set([...Object.keys(BASE), ...Object.keys(local[j][1])])) {
          if (local[j][1][path] === BASE[path]) continue;
          if (head[path] !== BASE[path]) continue;
          if (path in local[j][1]) head[path] = local[j][1][path];
          else delete head[path];
        }
        await compare(head);
      }
    }
  });
});
