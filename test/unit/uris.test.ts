import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { canonicalUri, joinUri, resolveTextReference } from '../../server/src/core/uris';

describe('resolveTextReference', () => {
  it('resolves a path relative to the annotation file, inside the workspace', () => {
    assert.deepEqual(resolveTextReference('file:///ws/annotations/a.yaml', 'texts/a.txt', ['file:///ws']), { kind: 'ok', uri: 'file:///ws/annotations/texts/a.txt' });
    assert.equal(resolveTextReference('file:///ws/annotations/a.yaml', '../../etc/passwd', ['file:///ws']).kind, 'outside-workspace');
  });

  it('never throws on a path with a lone surrogate (found by fuzzing): it names no file', () => {
    for (const path of ['\u0000\udc00\u{10000}/a.txt', 'texts/\ud800.txt', '\udfff']) {
      const reference = resolveTextReference('file:///ws/annotations/a.yaml', path, ['file:///ws']);
      assert.equal(reference.kind, 'ok');
      assert.ok(reference.uri!.includes('%EF%BF%BD'), reference.uri);
    }
  });
});

describe('joinUri', () => {
  it('never throws on a segment with a lone surrogate, such as a damaged root in policy-annotator.yaml', () => {
    assert.equal(joinUri('file:///ws', 'ann\ud800otations'), 'file:///ws/ann%EF%BF%BDotations');
    assert.equal(joinUri('file:///ws', 'ok\u{10000}'), 'file:///ws/ok%F0%90%80%80');
  });
});

describe('canonicalUri', () => {
  it('answers from its cache exactly what parsing answers, for short and long URIs, asked again and again', () => {
    const uris = ['file:///ws/a.txt', 'file:///c%3A/ws/A%20b.txt', 'FILE:///ws/%7Ea.txt', `file:///ws/${'x'.repeat(3000)}.txt`, 'untitled:Untitled-1'];
    for (let round = 0; round < 3; round++) {
      for (const uri of uris) assert.equal(canonicalUri(uri), URI.parse(uri).toString(), uri.slice(0, 40));
    }
  });

  it('stays correct past its size, when the cache starts again', () => {
    for (let i = 0; i < 10_000; i++) assert.equal(canonicalUri(`file:///ws/t${i}%20.txt`), `file:///ws/t${i}%20.txt`);
    assert.equal(canonicalUri('file:///ws/t0%20.txt'), 'file:///ws/t0%20.txt');
  });
});
