import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, inlineParser, LARGE_FILE, wasReadWithFullParser, type AnnotationFile, type AnnotationParser, type AnnotationSource } from '../../server/src/core';
import { LiveWorkspace } from '../../server/src/core/live';
import { cutModel, joinModel } from '../../server/src/node/modelPieces';
import { OffThreadParser } from '../../server/src/node/offThreadParser';
import { InMemoryHost, WORKSPACE } from '../helpers/memoryWorkspace';
import { REPO_ROOT } from '../helpers/tempWorkspace';

const WORKER = path.join(REPO_ROOT, 'out/server/src/node/parseWorker.js');

/** Issue 13, #5 at a given size: claims identical but for their ids (a duplicate-claim warning each), every tenth with a stance that is not one. */
function identicalClaims(count: number): string {
  const lines = ['text: texts/hostile.txt', 'claims:'];
  for (let i = 0; i < count; i++) lines.push(`  - id: same-${i}`, '    claimant: india', '    quote: The border is calm', ...(i % 10 === 0 ? ['    stance: nonsense'] : []));
  return `${lines.join('\n')}\n`;
}

/** Issue 13, #13 at a given size: one line of flow-style YAML, with unknown claimants, which the full YAML parser reads. */
function flowClaims(count: number): string {
  return `{text: texts/hostile.txt, claims: [${Array.from({ length: count }, (_, i) => `{id: c${i}, claimant: unknown-${i}, quote: India spoke., note: ${'p'.repeat(300)}}`).join(', ')}]}\n`;
}

const ACTORS = 'actors:\n  - id: india\n    name: India\n    kind: state\n    aliases: [India]\n';
const ENTITIES = 'entities:\n  - id: kashmir\n    name: Kashmir\n    kind: place\n    aliases: [Kashmir]\n';

const SOURCES: AnnotationSource[] = [
  { uri: 'file:///ws/annotations/actors.yaml', content: ACTORS },
  { uri: 'file:///ws/annotations/entities.yaml', content: ENTITIES },
  { uri: 'file:///ws/annotations/identical.yaml', content: identicalClaims(3_000) },
  { uri: 'file:///ws/annotations/flow.yaml', content: flowClaims(600) },
  { uri: 'file:///ws/annotations/broken.yaml', content: 'actors:\n  - id: [x\n' },
];

/** Models as data: fields that are undefined count as absent, as after a JSON round trip. */
function plain(files: AnnotationFile[]): unknown {
  return JSON.parse(JSON.stringify(files));
}

class CountingParser implements AnnotationParser {
  readonly parsed: string[] = [];
  constructor(private readonly inner: AnnotationParser) {}
  parseAll(list: AnnotationSource[]): Promise<AnnotationFile[]> {
    this.parsed.push(...list.map((source) => source.uri));
    return this.inner.parseAll(list, DEFAULT_VOCABULARY);
  }
}

describe('parsing large files off the event loop', () => {
  it('gives exactly what parsing inline gives, in order, and which files needed the full YAML parser', async () => {
    const expected = await inlineParser.parseAll(SOURCES, DEFAULT_VOCABULARY);
    const offThread = await new OffThreadParser(WORKER).parseAll(SOURCES, DEFAULT_VOCABULARY);
    assert.deepEqual(plain(offThread), plain(expected));
    assert.deepEqual(offThread.map(wasReadWithFullParser), expected.map(wasReadWithFullParser));
    assert.deepEqual(expected.map(wasReadWithFullParser), [false, false, false, true, true]);
    assert.equal(offThread[1].entities[0]?.id?.value, 'kashmir', 'entities come back from the worker too');
  });

  it('hands a model back in pieces of a few hundred items, rebuilt one piece per step', async () => {
    const [model] = await inlineParser.parseAll([SOURCES[2]], DEFAULT_VOCABULARY);
    assert.equal(model.textAnnotation!.claims.length, 3_000);
    assert.equal(model.diagnostics.length, 600, 'every tenth claim has a stance not in the vocabulary, and no concept');
    const pieces = cutModel(model, 400);
    assert.deepEqual(pieces.pieces.map((piece) => piece.list), ['diagnostics', 'diagnostics', ...Array<string>(8).fill('claims')]);
    const steps = joinModel(pieces);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    assert.equal(count, pieces.pieces.length);
    assert.deepEqual(plain([step.value]), plain([model]));
    // The lists JSON gives each claim are one shared, frozen empty list again, as the parser makes them.
    const [first, second] = step.value.textAnnotation!.claims;
    assert.equal(first.about, second.reportedBy);
    assert.equal(first.attributes, model.textAnnotation!.claims[0].about);
    assert.ok(Object.isFrozen(first.about));
  });

  it('falls back to parsing inline when the worker cannot start', async () => {
    const offThread = await new OffThreadParser(path.join(REPO_ROOT, 'no-such-worker.js')).parseAll(SOURCES, DEFAULT_VOCABULARY);
    assert.deepEqual(plain(offThread), plain(await inlineParser.parseAll(SOURCES, DEFAULT_VOCABULARY)));
  });

  it('takes only the large files of a folder, and the workspace has the diagnostics of the one-piece path', async () => {
    const files = {
      'annotations/actors.yaml': ACTORS,
      'annotations/texts/hostile.txt': 'The border is calm, said India.\n',
      'annotations/identical.yaml': identicalClaims(3_000),
      'annotations/flow.yaml': flowClaims(600),
      'annotations/small.yaml': 'text: texts/hostile.txt\nclaims:\n  - id: small\n    claimant: india\n    quote: said India\n',
    };
    assert.ok(files['annotations/identical.yaml'].length >= LARGE_FILE && files['annotations/flow.yaml'].length >= LARGE_FILE);
    const host = new InMemoryHost(files);
    const counting = new CountingParser(new OffThreadParser(WORKER));
    const sliced = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => host, yieldControl: () => new Promise((resolve) => setImmediate(resolve)), largeFileParser: counting });
    const onePiece = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => host });
    await Promise.all([sliced.load(), onePiece.load()]);
    assert.deepEqual(counting.parsed.map((uri) => uri.slice(uri.lastIndexOf('/') + 1)).sort(), ['flow.yaml', 'identical.yaml']);
    const all = (live: LiveWorkspace) => Object.fromEntries(live.diagnosableFiles().map((uri) => [uri, live.diagnostics(uri).diagnostics]));
    assert.deepEqual(all(sliced), all(onePiece));
    assert.ok(Object.values(all(sliced)).some((diagnostics) => diagnostics.length > 0));
  });
});
