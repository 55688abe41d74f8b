import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, inlineParser, wasReadWithFullParser, type AnnotationFile, type AnnotationParser, type AnnotationSource } from '../../server/src/core';
import { NodeCheckCache } from '../../server/src/node/checkCache';
import { parsingThreads, WorkerParser } from '../../server/src/node/workerParser';
import { REPO_ROOT } from '../helpers/tempWorkspace';

/** The sample corpus's annotation files, plus variants, as sources. */
function sources(): AnnotationSource[] {
  const dir = path.join(REPO_ROOT, 'annotations');
  const files = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
  const real = files.map((name) => ({ uri: `file:///ws/annotations/${name}`, content: readFileSync(path.join(dir, name), 'utf8') }));
  const broken = { uri: 'file:///ws/annotations/broken.yaml', content: 'actors:\n  - id: [x\n' };
  return [...real, broken, ...real.map((s, i) => ({ uri: `file:///ws/annotations/copy-${i}.yaml`, content: s.content }))];
}

/** The same files, but each opened with `---`, which the fast reader leaves to the full YAML parser. */
function fullParserSources(): AnnotationSource[] {
  return sources().map((source) => ({ uri: source.uri.replace(/\.yaml$/, '-full.yaml'), content: `---\n${source.content}` }));
}

/** Models as data: fields that are undefined count as absent, as after a JSON round trip. */
function plain(files: AnnotationFile[]): unknown {
  return JSON.parse(JSON.stringify(files));
}

class CountingParser implements AnnotationParser {
  parsed = 0;
  async parseAll(list: AnnotationSource[]): Promise<AnnotationFile[]> {
    this.parsed += list.length;
    return inlineParser.parseAll(list, DEFAULT_VOCABULARY);
  }
}

describe('parsing on worker threads', () => {
  it('parses on one thread unless POLICY_ANNOTATOR_THREADS asks for more', () => {
    assert.equal(parsingThreads({}), 1);
    assert.equal(parsingThreads({ POLICY_ANNOTATOR_THREADS: 'lots' }), 1);
    assert.equal(parsingThreads({ POLICY_ANNOTATOR_THREADS: '0' }), 1);
    assert.equal(parsingThreads({ POLICY_ANNOTATOR_THREADS: '3' }), 3);
  });

  it('gives exactly what parsing inline gives, in order, and which files needed the full YAML parser', async () => {
    const input = [...sources(), ...fullParserSources()];
    const expected = await inlineParser.parseAll(input, DEFAULT_VOCABULARY);
    const parallel = await new WorkerParser(2, 0, path.join(REPO_ROOT, 'out/server/src/node/parseWorker.js')).parseAll(input, DEFAULT_VOCABULARY);
    assert.deepEqual(plain(parallel), plain(expected));
    assert.deepEqual(parallel.map(wasReadWithFullParser), expected.map(wasReadWithFullParser));
    assert.ok(expected.some(wasReadWithFullParser) && !expected.every(wasReadWithFullParser));
  });

  it('falls back to parsing inline when a worker cannot start', async () => {
    const input = sources();
    const parallel = await new WorkerParser(2, 0, path.join(REPO_ROOT, 'no-such-worker.js')).parseAll(input, DEFAULT_VOCABULARY);
    assert.deepEqual(plain(parallel), plain(await inlineParser.parseAll(input, DEFAULT_VOCABULARY)));
  });
});

describe('the parse cache', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-annotator-cache-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('parses only files whose content, URI or vocabulary changed', async () => {
    const input = fullParserSources();
    const first = new CountingParser();
    const cold = new NodeCheckCache(dir, '1.0.0', first);
    const expected = await cold.parser.parseAll(input, DEFAULT_VOCABULARY);
    await cold.flush();
    assert.equal(first.parsed, input.length);

    const second = new CountingParser();
    const warm = new NodeCheckCache(dir, '1.0.0', second);
    assert.deepEqual(plain(await warm.parser.parseAll(input, DEFAULT_VOCABULARY)), plain(expected));
    assert.equal(second.parsed, 0, 'everything came from the cache');

    const changed = input.map((s, i) => (i === 0 ? { ...s, content: `${s.content}\n# edited\n` } : s));
    const third = new CountingParser();
    await new NodeCheckCache(dir, '1.0.0', third).parser.parseAll(changed, DEFAULT_VOCABULARY);
    assert.equal(third.parsed, 1);

    const fourth = new CountingParser();
    await new NodeCheckCache(dir, '1.0.0', fourth).parser.parseAll(input, { ...DEFAULT_VOCABULARY, actorKinds: [...DEFAULT_VOCABULARY.actorKinds, 'think-tank'] });
    assert.equal(fourth.parsed, input.length, 'a different vocabulary parses everything again');

    const fifth = new CountingParser();
    await new NodeCheckCache(dir, '2.0.0', fifth).parser.parseAll(input, DEFAULT_VOCABULARY);
    assert.equal(fifth.parsed, input.length, 'a new version of the tool ignores the old cache');
  });

  it('keeps only the models that needed the full YAML parser: the others are read again faster than loaded', async () => {
    const dir2 = mkdtempSync(path.join(tmpdir(), 'policy-annotator-cache-'));
    try {
      const block = sources();
      const full = fullParserSources();
      const cold = new NodeCheckCache(dir2, '1.0.0', new CountingParser());
      await cold.parser.parseAll([...block, ...full], DEFAULT_VOCABULARY);
      await cold.flush();
      const counting = new CountingParser();
      const warm = new NodeCheckCache(dir2, '1.0.0', counting);
      const again = await warm.parser.parseAll([...block, ...full], DEFAULT_VOCABULARY);
      // The broken file is among the block sources, but it needs the full parser too (to report its error).
      assert.equal(counting.parsed, block.length - 1, 'block-style files are parsed again, full-parser ones come from the cache');
      assert.deepEqual(plain(again), plain(await inlineParser.parseAll([...block, ...full], DEFAULT_VOCABULARY)));
      const stored = JSON.parse(readFileSync(path.join(dir2, 'parse-cache.json'), 'utf8')) as { entries: Record<string, unknown> };
      assert.equal(Object.keys(stored.entries).length, full.length + 1);
      // Nothing new and nothing gone: the cache file is not written again.
      const before = readFileSync(path.join(dir2, 'parse-cache.json'), 'utf8');
      rmSync(path.join(dir2, 'parse-cache.json'));
      await warm.flush();
      assert.ok(before.length > 0 && !existsSync(path.join(dir2, 'parse-cache.json')));
    } finally {
      rmSync(dir2, { recursive: true, force: true });
    }
  });

  it('ignores a corrupt cache', async () => {
    writeFileSync(path.join(dir, 'parse-cache.json'), '{ not json');
    writeFileSync(path.join(dir, 'results.json'), '[]');
    const parser = new CountingParser();
    const cache = new NodeCheckCache(dir, '1.0.0', parser);
    const input = sources();
    assert.deepEqual(plain(await cache.parser.parseAll(input, DEFAULT_VOCABULARY)), plain(await inlineParser.parseAll(input, DEFAULT_VOCABULARY)));
    assert.equal(parser.parsed, input.length);
    assert.equal(await cache.loadResults('any'), undefined);
  });
});
