import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics } from '../../../server/src/core';
import { annotationFileDiagnosticsInSteps } from '../../../server/src/core/checks/index';
import type { Slicer } from '../../../server/src/core/live/analysisSlices';
import { DiagnosticsAhead } from '../../../server/src/core/live/diagnosticsAhead';
import { loadMemoryWorkspace, uriOf, yaml } from '../../helpers/memoryWorkspace';

const ACTORS = yaml('actors:', '  - id: india', '    name: India', '    kind: state', '    aliases: [India]', '  - id: china', '    name: China', '    kind: state');
const HOSTILE = uriOf('annotations/hostile.yaml');

/** Issue 13, #11 at a small size: distinct claims by an actor the text never names, and some twins of the first. */
function files(claims: number): Record<string, string> {
  const sentences = Array.from({ length: claims }, (_, i) => `Point ${i} holds.`);
  const lines = ['text: texts/hostile.txt', 'claims:'];
  sentences.forEach((sentence, i) => lines.push(`  - id: c${i}`, `    claimant: ${i % 2 ? 'china' : 'india'}`, `    quote: ${i % 7 ? sentence : sentences[0]}`));
  return { 'annotations/actors.yaml': ACTORS, 'annotations/texts/hostile.txt': `India spoke. ${sentences.join(' ')}\n`, 'annotations/hostile.yaml': `${lines.join('\n')}\n` };
}

describe('checks in steps', () => {
  it('give the diagnostics of the one-piece checks, a few hundred claims per step', async () => {
    const { index } = await loadMemoryWorkspace(files(3_000));
    const expected = annotationFileDiagnostics(index, HOSTILE);
    assert.ok(expected.some((d) => d.code === 'claimant-not-mentioned') && expected.some((d) => d.code === 'duplicate-claim'));
    const steps = annotationFileDiagnosticsInSteps(index, HOSTILE);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    assert.deepEqual(step.value, expected);
    // Eight checks in a step each, then the consistency check over 3,000 claims (twice) in steps of 256.
    assert.ok(count >= 8 + Math.floor(6_000 / 256), `${count} steps`);
  });

  it('are dropped when the index changes between two slices, so that the refresh computes them afresh', async () => {
    const { index } = await loadMemoryWorkspace(files(1_000));
    const ahead = new DiagnosticsAhead();
    const quiet = { pause: () => Promise.resolve() } as unknown as Slicer;
    await ahead.compute(index, HOSTILE, quiet);
    assert.deepEqual(ahead.take(HOSTILE), annotationFileDiagnostics(index, HOSTILE));
    assert.equal(ahead.take(HOSTILE), undefined, 'taken once');
    // An edit lands between two slices.
    const editing = { pause: async () => ahead.invalidate() } as unknown as Slicer;
    await ahead.compute(index, HOSTILE, editing);
    assert.equal(ahead.take(HOSTILE), undefined);
    await ahead.compute(index, uriOf('annotations/texts/hostile.txt'), quiet);
    assert.equal(ahead.take(uriOf('annotations/texts/hostile.txt')), undefined, 'only annotation files are checked ahead');
  });
});
