import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { referencesWithRole } from '../../server/src/core/workspace/referenceSelection';
import { loadMemoryWorkspace, yaml } from '../helpers/memoryWorkspace';

describe('referencesWithRole', () => {
  it('keeps the order of the full list: files by uri, each file in its own order', () => {
    const byFile = new Map([
      ['file:///ws/c.yaml', [{ role: 'claimant', n: 1 }, { role: 'relation-target', n: 2 }, { role: 'relation-target', n: 3 }]],
      ['file:///ws/a.yaml', [{ role: 'about', n: 4 }]],
      ['file:///ws/b.yaml', [{ role: 'relation-target', n: 5 }, { role: 'about', n: 6 }, { role: 'relation-target', n: 7 }]],
    ]);
    assert.deepEqual(referencesWithRole(byFile, 'relation-target').map((r) => r.n), [5, 7, 2, 3]);
    assert.deepEqual(referencesWithRole(byFile, 'about').map((r) => r.n), [4, 6]);
    assert.deepEqual(referencesWithRole(byFile, 'definition'), []);
    assert.deepEqual(referencesWithRole(undefined, 'about'), []);
  });

  it('gives what filtering actorReferences gives, for every actor and role of a workspace', async () => {
    const actors = (file: string, ...targets: string[]) =>
      yaml('actors:', `  - id: ${file}`, `    name: Actor ${file}`, '    relations:', ...targets.flatMap((target) => [`      - type: allied-with`, `        target: ${target}`]));
    const { index } = await loadMemoryWorkspace({
      // Written in an order other than the uris', so that only sorting gives the order of actorReferences.
      'annotations/zeta.yaml': actors('zeta', 'alpha', 'beta'),
      'annotations/beta.yaml': actors('beta', 'alpha'),
      'annotations/alpha.yaml': actors('alpha', 'zeta', 'beta'),
      'annotations/texts/t.txt': 'Actor alpha met Actor beta.',
      'annotations/t.yaml': yaml('text: texts/t.txt', 'author: zeta', 'claims:', '  - id: c1', '    claimant: alpha', '    quote: met', '    about: [beta, zeta]'),
    });
    const roles = ['definition', 'claimant', 'about', 'author', 'relation-target', 'mention-actor', 'concept'] as const;
    let compared = 0;
    for (const id of index.actorIds()) {
      for (const role of roles) {
        const expected = index.actorReferences(id).filter((reference) => reference.role === role);
        assert.deepEqual(index.actorReferencesWithRole(id, role), expected, `${id} as ${role}`);
        compared += expected.length;
      }
    }
    assert.equal(index.actorReferencesWithRole('beta', 'relation-target').length, 2);
    assert.ok(compared >= 12, `compared ${compared} references`);
  });
});
