import type { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiveWorkspace } from '../../../server/src/core/live';
import { COLLECT_UNITS_PER_STEP } from '../../../server/src/core/aliasAutomaton';
import { InMemoryHost, uriOf, WORKSPACE, yaml } from '../../helpers/memoryWorkspace';

const ACTORS = yaml('actors:', '  - id: india', '    name: India', '    kind: state', '    aliases: [India]');
const CONTROL = yaml('text: texts/control.txt', 'claims:', '  - id: control-calm', '    claimant: india', '    quote: the border is calm');
const HOSTILE_URI = uriOf('annotations/hostile.yaml');

function claims(quotes: string[]): string {
  return yaml('text: texts/hostile.txt', 'claims:', ...quotes.flatMap((quote, i) => [`  - id: c${i}`, '    claimant: india', `    quote: ${JSON.stringify(quote)}`]));
}

/** The hostile workspaces of issue 13, at sizes a unit test can afford. */
const CASES: Record<string, { text: string; annotation: string }> = {
  'ambiguous everywhere (#4)': { text: 'a '.repeat(20_000), annotation: claims(['a', 'a', 'a']) },
  'approximate in one letter (#6)': { text: 'a'.repeat(20_000), annotation: claims(['aax']) },
  'quotes not found (#7)': {
    text: 'The committee met on Tuesday and discussed the border, the trade talks and the water treaty. '.repeat(400),
    annotation: claims(Array.from({ length: 20 }, (_, i) => `Quite unrelated words number ${i} that the article never says about zebras`)),
  },
  'many distinct claims (#11)': {
    text: Array.from({ length: 500 }, (_, i) => `Sentence number ${i} says India is calm.`).join(' '),
    annotation: claims(Array.from({ length: 500 }, (_, i) => `Sentence number ${i} says`)),
  },
};

function files(hostile: { text: string; annotation: string }): Record<string, string> {
  return {
    'annotations/actors.yaml': ACTORS,
    'annotations/control.yaml': CONTROL,
    'annotations/texts/control.txt': 'India said the border is calm.\n',
    'annotations/texts/hostile.txt': hostile.text,
    'annotations/hostile.yaml': hostile.annotation,
  };
}

/** A live workspace that yields at every slice; `yields` counts the pauses. */
function sliced(host: InMemoryHost) {
  const counter = { yields: 0 };
  const live = new LiveWorkspace({
    folders: [WORKSPACE],
    createHost: () => host,
    log: (message) => assert.fail(message),
    yieldControl: () => new Promise<void>((resolve) => setImmediate(() => (counter.yields++, resolve()))),
  });
  return { live, counter };
}

function onePiece(host: InMemoryHost): LiveWorkspace {
  return new LiveWorkspace({ folders: [WORKSPACE], createHost: () => host, log: (message) => assert.fail(message) });
}

function allDiagnostics(live: LiveWorkspace): Record<string, unknown> {
  return Object.fromEntries(live.diagnosableFiles().map((uri) => [uri, live.diagnostics(uri).diagnostics]));
}

describe('analysis in slices', () => {
  for (const [name, hostile] of Object.entries(CASES)) {
    it(`gives the diagnostics of the one-piece path on load and after edits: ${name}`, async () => {
      const host = new InMemoryHost(files(hostile));
      const { live } = sliced(host);
      const reference = onePiece(host);
      await Promise.all([live.load(), reference.load()]);
      assert.deepEqual(allDiagnostics(live), allDiagnostics(reference));
      // A comment, then a changed quote, in the hostile annotation file.
      for (const content of [`# reviewed\n${hostile.annotation}`, `# reviewed\n${hostile.annotation.replace('quote: "', 'quote: "x')}`]) {
        await Promise.all([live.setBuffer(HOSTILE_URI, content), reference.setBuffer(HOSTILE_URI, content)]);
        await live.whenRefreshed();
        assert.deepEqual(allDiagnostics(live), allDiagnostics(reference));
        // And both equal a workspace built afresh from the edited files.
        const fresh = onePiece(new InMemoryHost({ ...files(hostile), 'annotations/hostile.yaml': content }));
        await fresh.load();
        assert.deepEqual(allDiagnostics(live), allDiagnostics(fresh));
      }
    });
  }

  it('anchors a text a quote at a time, and keeps the results across an edit that leaves the quotes alone', async () => {
    const hostile = CASES['quotes not found (#7)'];
    const host = new InMemoryHost(files(hostile));
    const live = onePiece(host);
    await live.load();
    const index = live.indexFor(HOSTILE_URI) as WorkspaceIndex;
    const textUri = uriOf('annotations/texts/hostile.txt');
    const before = index.analysis(textUri)!;
    const countSteps = () => {
      let steps = 0;
      for (const step = index.anchoringSteps(textUri); !step.next().done; ) steps++;
      return steps;
    };
    index.setAnnotationFile(HOSTILE_URI, `# a comment\n${hostile.annotation}`);
    // One step that finds the results kept, then the text's alias matching ahead of its analysis, a step per COLLECT_UNITS_PER_STEP units.
    assert.ok(countSteps() <= 2 + Math.floor(index.content(textUri)!.length / COLLECT_UNITS_PER_STEP), 'no quote is searched again');
    const after = index.analysis(textUri)!;
    assert.notEqual(after, before);
    assert.deepEqual(after.claims.map((c) => c.result), before.claims.map((c) => c.result));
    assert.equal(after.claims[0].result, before.claims[0].result, 'the very same results are reused');
    assert.equal(after.claims[0].def.quote!.range.start, before.claims[0].def.quote!.range.start + '# a comment\n'.length, 'with the edited file’s claims');
    index.setAnnotationFile(HOSTILE_URI, hostile.annotation.replace('number 0 ', 'number zero '));
    const steps = countSteps();
    assert.ok(steps > 2 * 20, `a changed quote anchors the file's quotes again, a step for each search (${steps} steps)`);
    assert.equal(index.analysis(textUri)!.claims[0].result.status, 'not-found');
  });
});
