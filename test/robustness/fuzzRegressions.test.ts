// Inputs the property-based tests (test/unit/fuzz*.test.ts) found, kept as
// plain tests so that they run every time, whatever the random seed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, parseAnnotationFile } from '../../server/src/core';
import { completeInAnnotationFile, hover } from '../../server/src/core/features';
import { loadMemoryWorkspace, uriOf } from '../helpers/memoryWorkspace';

describe('inputs found by fuzzing', () => {
  it('an unclosed quote at the very end of a file: the diagnostic stays inside the text', () => {
    for (const text of ["'", '"', 'text: "abc', "a: 'b\n  c"]) {
      const [diagnostic] = parseAnnotationFile('file:///ws/a.yaml', text, DEFAULT_VOCABULARY).diagnostics;
      assert.equal(diagnostic.code, 'yaml-syntax');
      assert.ok(diagnostic.range.start <= diagnostic.range.end && diagnostic.range.end <= text.length, `${JSON.stringify(text)}: ${JSON.stringify(diagnostic.range)}`);
    }
  });

  it('completion in a YAML line that holds U+2028, U+2029 or a lone CR', async () => {
    for (const separator of ['\u2028', '\u2029', '\r', '\u0085']) {
      const { index } = await loadMemoryWorkspace({ 'annotations/a.yaml': `${separator}actors:\n  - id: a${separator}b\n    kind: ${separator}\n` });
      const uri = uriOf('annotations/a.yaml');
      const text = index.content(uri)!;
      for (let offset = 0; offset <= text.length; offset++) {
        assert.doesNotThrow(() => completeInAnnotationFile(index, uri, offset), `${JSON.stringify(separator)} at ${offset}`);
        assert.doesNotThrow(() => hover(index, uri, offset));
      }
    }
  });
});
