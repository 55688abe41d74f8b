// Issue 13, items 9 and 11: indexing a file of 70,000 claims, or an actor
// with 3,000 long aliases, held the language server's event loop for a
// tenth of a second in one piece. The registry now takes such a file a step
// at a time while a folder is loaded. These tests count the pauses, never
// time them, and check that the index built in steps equals the one built
// in one go.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadWorkspace } from '../../server/src/core';
import { REGISTRY_ITEMS_PER_STEP } from '../../server/src/core/workspace/registry';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { InMemoryHost, uriOf, WORKSPACE, yaml } from '../helpers/memoryWorkspace';
import { indexSnapshot } from './features/indexSnapshot';

function manyClaims(count: number): Record<string, string> {
  const sentences = Array.from({ length: count }, (_, i) => `Point ${i} holds.`);
  const lines = ['text: texts/t.txt', 'claims:'];
  sentences.forEach((sentence, i) => lines.push(`  - {id: c${i}, claimant: india, about: [india], quote: ${sentence}}`));
  return {
    'annotations/actors.yaml': yaml('actors:', '  - id: india', '    name: India', '    kind: state', '    aliases: [India]'),
    'annotations/texts/t.txt': `India says: ${sentences.join(' ')}\n`,
    'annotations/t.yaml': yaml(...lines),
  };
}

function longAliases(count: number): Record<string, string> {
  const aliases = Array.from({ length: count }, (_, i) => `      - ${'a'.repeat(i + 1)}`);
  return {
    'annotations/actors.yaml': yaml('actors:', '  - id: nested', '    name: Nested', '    kind: person', '    aliases:', ...aliases),
    'annotations/texts/t.txt': `${'a'.repeat(99)} ${'a'.repeat(40)}\n`,
    'annotations/t.yaml': yaml('text: texts/t.txt', 'claims: []'),
  };
}

/** Loads a workspace pausing between steps; the index and how many pauses it took. */
async function loadCountingPauses(files: Record<string, string>): Promise<{ index: WorkspaceIndex; pauses: number }> {
  let pauses = 0;
  const { index } = await loadWorkspace(new InMemoryHost(files), WORKSPACE, { pause: async () => void pauses++ });
  return { index, pauses };
}

describe('indexing in steps (issue 13)', () => {
  it('an annotation file of 20,000 claims is added to the registry in steps of REGISTRY_ITEMS_PER_STEP', () => {
    const files = manyClaims(20_000);
    const index = new WorkspaceIndex({ workspaceFolders: [WORKSPACE] });
    const steps = index.setAnnotationFileInSteps(uriOf('annotations/t.yaml'), files['annotations/t.yaml']);
    let yields = 0;
    while (!steps.next().done) yields++;
    // Each claim counts itself and its one `about`; the references (claimant, about) are counted too.
    assert.ok(yields >= Math.floor((2 * 20_000) / REGISTRY_ITEMS_PER_STEP), `${yields} steps`);
    assert.deepEqual(index.claimDefinitions('c19999').map((d) => d.uri), [uriOf('annotations/t.yaml')]);
    assert.equal(index.actorReferences('india').filter((r) => r.role === 'about').length, 20_000);
  });

  it('a folder of 20,000 claims loads with a pause per registry step, into the index that loading in one go builds', async () => {
    const files = manyClaims(20_000);
    const { index, pauses } = await loadCountingPauses(files);
    assert.ok(pauses >= Math.floor((2 * 20_000) / REGISTRY_ITEMS_PER_STEP), `${pauses} pauses`);
    const { index: inOneGo } = await loadWorkspace(new InMemoryHost(files), WORKSPACE);
    assert.deepEqual(indexSnapshot(index), indexSnapshot(inOneGo));
  });

  it('3,000 aliases of up to 3,000 characters are normalised in steps, into the index that loading in one go builds', async () => {
    const files = longAliases(3000);
    const { index, pauses } = await loadCountingPauses(files);
    // About 4.5 million alias characters, at 64 per unit of work.
    assert.ok(pauses >= Math.floor((3000 * 3001) / 2 / 64 / REGISTRY_ITEMS_PER_STEP), `${pauses} pauses`);
    const { index: inOneGo } = await loadWorkspace(new InMemoryHost(files), WORKSPACE);
    assert.deepEqual(indexSnapshot(index), indexSnapshot(inOneGo));
    assert.deepEqual(index.aliasOwners('a'.repeat(99)).map((owner) => owner.actorId), ['nested']);
  });
});
