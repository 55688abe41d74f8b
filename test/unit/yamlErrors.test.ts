import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, parseAnnotationFile } from '../../server/src/core';

describe('YAML syntax errors', () => {
  it('reports a quote that is never closed where it opens, not after the end of the file', () => {
    for (const text of ['actors:\n  - id: "abc\n', 'title: "A title\nauthor: isi\n', "title: 'A title\n", 'claims:\n  - id: c1\n    about: ["isi", "tal\n']) {
      const opening = text.lastIndexOf(text.includes("'") ? "'" : '"');
      const errors = parseAnnotationFile('file:///ws/a.yaml', text, DEFAULT_VOCABULARY).diagnostics.filter((d) => d.code === 'yaml-syntax' && /never closed/.test(d.message));
      assert.equal(errors.length, 1, JSON.stringify(text));
      assert.deepEqual(errors[0].range, { start: opening, end: opening + 1 }, JSON.stringify(text));
    }
  });

  it('keeps other errors at the end of the file inside the text', () => {
    const text = 'actors:\n  - id: [isi\n';
    for (const d of parseAnnotationFile('file:///ws/a.yaml', text, DEFAULT_VOCABULARY).diagnostics) assert.ok(d.range.end <= text.length && d.range.start <= d.range.end);
  });
});
