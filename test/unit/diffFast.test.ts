import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filesReached, ReachedFilesHost } from '../../server/src/cli/diffReach';
import { diffChangedFiles, diffWorkspaces, loadWorkspace, type WorkspaceFileHost } from '../../server/src/core';
import { InMemoryHost, loadMemoryWorkspace, uriOf, WORKSPACE, yaml } from '../helpers/memoryWorkspace';

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
  // Reached only through a2 (its claim id c2, and its text t2): a duplicate c2 elsewhere, and a suppression in t2.
  'annotations/a4.yaml': yaml('text: texts/t3.txt', 'claims:', '  - id: c2', '    claimant: khan', '    quote: about anyone'),
  'annotations/b2.yaml': yaml('text: texts/t2.txt', 'suppress:', '  - quote: ISI was'),
};

type Files = Record<string, string>;

/** The workspace-relative paths whose contents differ (or that one side lacks), as URIs. */
function changedUris(base: Files, head: Files): string[] {
  return [...new Set([...Object.keys(base), ...Object.keys(head)])].filter((path) => base[path] !== head[path]).map(uriOf);
}

/** A host that counts the annotation files and texts read. */
class CountingHost extends InMemoryHost {
  readonly reads: string[] = [];
  override async readFile(uri: string): Promise<string | undefined> {
    this.reads.push(uri);
    return super.readFile(uri);
  }
}

/**
 * The diff of the changed files on the whole workspaces, and on the smaller workspaces of the
 * files they reach (what `policy-annotator diff REV_A REV_B` loads), each equal to the full comparison when given.
 */
async function compare(head: Files): Promise<{ fast: ReturnType<typeof diffChangedFiles>; full: ReturnType<typeof diffWorkspaces>; small: ReturnType<typeof diffChangedFiles> }> {
  const changed = changedUris(BASE, head);
  const before = await loadMemoryWorkspace(BASE);
  const after = await loadMemoryWorkspace(head);
  const fast = diffChangedFiles(before.index, after.index, changed);
  // A fresh pair of indexes: the fast path must not depend on what the other computed first.
  const full = diffWorkspaces((await loadMemoryWorkspace(BASE)).index, (await loadMemoryWorkspace(head)).index);
  if (fast) assert.deepEqual(fast, full);
  const reached = await filesReached(new InMemoryHost(BASE), new InMemoryHost(head), WORKSPACE, changed);
  let small: ReturnType<typeof diffChangedFiles>;
  if (reached) {
    const load = (host: WorkspaceFileHost) => loadWorkspace(new ReachedFilesHost(host, reached), WORKSPACE);
    small = diffChangedFiles((await load(new InMemoryHost(BASE))).index, (await load(new InMemoryHost(head))).index, changed);
    // The smaller workspaces may decline more (they cannot see whether texts outside them are loaded), never differ.
    if (small) assert.deepEqual(small, full, 'the reached files give what the whole workspaces give');
  }
  if (!fast) assert.equal(small, undefined, 'the reached files decline what the whole workspaces decline');
  return { fast, full, small };
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
  ['a claim moved down a line in a file that shares an id', edit('annotations/a1.yaml', 'claims:', 'title: One\nclaims:')],
  ['a claim id that becomes a duplicate', edit('annotations/a3.yaml', 'id: c3', 'id: c1')],
  ['a title changed', edit('annotations/a3.yaml', 'title: Nothing', 'title: Still nothing')],
  ['a text changed, its annotations not', edit('annotations/texts/t1.txt', 'The ISI backs', 'Indeed the ISI backs')],
  ['a text changed so that a quote moves to the next line', edit('annotations/texts/t3.txt', 'Nothing', 'New first line.\nNothing')],
  ['an annotation file renamed', { ...without('annotations/a3.yaml'), 'annotations/renamed/a3.yaml': BASE['annotations/a3.yaml'].replace('texts/', '../texts/') }],
  ['a text renamed with its reference', { ...without('annotations/texts/t3.txt'), 'annotations/texts/t3-new.txt': BASE['annotations/texts/t3.txt'], 'annotations/a3.yaml': BASE['annotations/a3.yaml'].replace('t3.txt', 't3-new.txt') }],
  ['an annotation file deleted whose claims used no actor alone', without('annotations/b1.yaml')],
  ['a text deleted whose annotation stays', without('annotations/texts/t3.txt')],
  ['an annotation file added', { ...BASE, 'annotations/b3.yaml': yaml('text: texts/t2.txt', 'claims:', '  - id: b2', '    claimant: isi', '    quote: The ISI was silent') }],
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
  ['a text whose mentions change', edit('annotations/texts/t2.txt', 'Imran Khan spoke', 'The minister spoke')],
  ['the registry moved into a claim file', { ...without('annotations/concepts.yaml'), 'annotations/a3.yaml': `${BASE['annotations/a3.yaml']}${BASE['annotations/concepts.yaml']}` }],
];

describe('diff of the changed files only', () => {
  for (const [name, head] of LOCAL) {
    it(`equals the full comparison: ${name}`, async () => {
      const { fast, small } = await compare(head);
      assert.ok(fast, 'the fast path takes a change the registry does not see');
      assert.ok(small, 'and so does the diff of the reached files');
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

  it('loads only the registry and the files a change reaches, and reads only their texts', async () => {
    const many: Files = { ...BASE };
    for (let i = 0; i < 40; i++) {
      many[`annotations/texts/x${i}.txt`] = `Text ${i}: the ISI backs the Taliban.\n`;
      many[`annotations/x${i}.yaml`] = yaml(`text: texts/x${i}.txt`, 'claims:', `  - id: x${i}`, '    claimant: isi', '    quote: the ISI backs the Taliban');
    }
    const head = { ...many, 'annotations/x7.yaml': many['annotations/x7.yaml'].replace('claimant: isi', 'claimant: taliban') };
    const changed = changedUris(many, head);
    const reached = await filesReached(new InMemoryHost(many), new InMemoryHost(head), WORKSPACE, changed);
    assert.deepEqual([...reached!].sort(), ['annotations/actors.yaml', 'annotations/concepts.yaml', 'annotations/x7.yaml'].map(uriOf));
    const host = new CountingHost(head);
    const small = await loadWorkspace(new ReachedFilesHost(host, reached!), WORKSPACE);
    assert.deepEqual(host.reads.filter((uri) => uri.endsWith('.txt')), [uriOf('annotations/texts/x7.txt')]);
    const full = diffWorkspaces((await loadMemoryWorkspace(many)).index, (await loadMemoryWorkspace(head)).index);
    assert.deepEqual(diffChangedFiles((await loadWorkspace(new ReachedFilesHost(new InMemoryHost(many), reached!), WORKSPACE)).index, small.index, changed), full);
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
