import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, inlineParser, wasReadWithFullParser, type AnnotationFile, type AnnotationSource } from '../../server/src/core';
import { LiveWorkspace } from '../../server/src/core/features';
import { OffThreadParser } from '../../server/src/node/offThreadParser';
import { InMemoryHost, WORKSPACE } from '../helpers/memoryWorkspace';
import { REPO_ROOT } from '../helpers/tempWorkspace';

const WORKER = path.join(REPO_ROOT, 'out/server/src/node/parseWorker.js');
const ACTORS = 'actors:\n  - id: india\n    name: India\n    kind: state\n    aliases: [India]\n';

/** About 280 KB of claims in the block style (the fast reader), one of them broken. */
function blockClaims(): string {
  const claims = Array.from({ length: 4_000 }, (_, i) => `  - id: c${i}\n    claimant: ${i === 7 ? 'nobody' : 'india'}\n    quote: India said the border is calm.\n`);
  return `text: texts/large.txt\nclaims:\n${claims.join('')}  - id: [broken\n`;
}

/** About 300 KB in the flow style, which goes to the full YAML parser, with duplicate ids. */
function flowClaims(): string {
  const claims = Array.from({ length: 3_200 }, (_, i) => `{id: f${i % 3_000}, claimant: india, quote: India said the border is calm., note: ${'p'.repeat(20)}}`);
  return `{text: texts/flow.txt, claims: [${claims.join(', ')}]}\n`;
}

/** Counts the files it is given. */
class CountingOffThreadParser extends OffThreadParser {
  files = 0;
  override parseAll(list: AnnotationSource[], vocabulary: typeof DEFAULT_VOCABULARY): Promise<AnnotationFile[]> {
    this.files += list.length;
    return super.parseAll(list, vocabulary);
  }
}

const plain = (files: AnnotationFile[]) => JSON.parse(JSON.stringify(files)) as unknown;

describe('parsing large annotation files off the event loop', () => {
  const sources: AnnotationSource[] = [
    { uri: 'file:///ws/annotations/large.yaml', content: blockClaims() },
    { uri: 'file:///ws/annotations/flow.yaml', content: flowClaims() },
  ];

  it('gives what parsing here gives, and which files needed the full YAML parser', async () => {
    assert.ok(sources.every((source) => source.content.length >= 256 * 1024), 'large enough to be parsed off the event loop');
    for (const source of sources) {
      const [expected] = await inlineParser.parseAll([source], DEFAULT_VOCABULARY);
      const [offThread] = await new OffThreadParser(WORKER).parseAll([source], DEFAULT_VOCABULARY);
      assert.deepEqual(plain([offThread]), plain([expected]));
      assert.equal(wasReadWithFullParser(offThread), wasReadWithFullParser(expected));
    }
  });

  it('parses here when the worker cannot start', async () => {
    const parsed = await new OffThreadParser(path.join(REPO_ROOT, 'no-such-worker.js')).parseAll(sources, DEFAULT_VOCABULARY);
    assert.deepEqual(plain(parsed), plain(await inlineParser.parseAll(sources, DEFAULT_VOCABULARY)));
  });

  it('gives an editor’s workspace the diagnostics of the one-piece path', async () => {
    const files = {
      'annotations/actors.yaml': ACTORS,
      'annotations/large.yaml': sources[0].content,
      'annotations/flow.yaml': sources[1].content,
      'annotations/texts/large.txt': 'India said the border is calm.\n',
      'annotations/texts/flow.txt': 'India said the border is calm.\n',
    };
    const diagnosticsOf = async (options: { yieldControl?: () => Promise<void>; largeFileParser?: OffThreadParser }) => {
      const live = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => new InMemoryHost(files), log: (message) => assert.fail(message), ...options });
      await live.load();
      return Object.fromEntries(live.diagnosableFiles().map((uri) => [uri, live.diagnostics(uri).diagnostics]));
    };
    const onePiece = await diagnosticsOf({});
    const parser = new CountingOffThreadParser(WORKER);
    const offThread = await diagnosticsOf({ yieldControl: () => new Promise((resolve) => setImmediate(resolve)), largeFileParser: parser });
    assert.equal(parser.files, 1, 'the large flow-style file, and only it, was parsed off the event loop (the fast reader reads the block-style one here)');
    assert.deepEqual(offThread, onePiece);
    assert.ok(Object.values(onePiece).some((list) => list.length > 0), 'the files have problems to compare');
  });
});
