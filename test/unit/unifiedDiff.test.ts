import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, unifiedDiff, type TextEdit } from '../../server/src/core';

type Edit = Omit<TextEdit, 'uri'>;

/** Applies a unified diff to a text (a strict reader: every context and removed line must match). */
function applyUnifiedDiff(before: string, diff: string): string {
  if (diff === '') return before;
  const lines = before.split(/(?<=\n)/);
  const out: string[] = [];
  const rows = diff.split(/(?<=\n)/);
  assert.match(rows[0], /^--- /);
  assert.match(rows[1], /^\+\+\+ /);
  let at = 0;
  let i = 2;
  while (i < rows.length) {
    const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@\n$/.exec(rows[i]);
    assert.ok(header, `hunk header: ${rows[i]}`);
    const [oldStart, oldLength, , newLength] = header.slice(1).map(Number);
    const from = oldLength === 0 ? oldStart : oldStart - 1;
    while (at < from) out.push(lines[at++]);
    i++;
    let seenOld = 0;
    let seenNew = 0;
    while (i < rows.length && !rows[i].startsWith('@@')) {
      const row = rows[i];
      const noNewline = rows[i + 1] === '\\ No newline at end of file\n';
      const body = noNewline ? row.slice(1, -1) : row.slice(1);
      if (row[0] === ' ' || row[0] === '-') {
        assert.equal(lines[at], body, `line ${at + 1} matches`);
        at++;
        seenOld++;
      }
      if (row[0] === ' ' || row[0] === '+') {
        out.push(body);
        seenNew++;
      }
      i += noNewline ? 2 : 1;
    }
    assert.equal(seenOld, oldLength, 'old length in the header');
    assert.equal(seenNew, newLength, 'new length in the header');
  }
  while (at < lines.length) out.push(lines[at++]);
  return out.join('');
}

function checkDiff(before: string, edits: Edit[], context = 3): string {
  const diff = unifiedDiff('a/f', 'b/f', before, edits, context);
  assert.equal(applyUnifiedDiff(before, diff), applyEdits(before, edits));
  return diff;
}

describe('unifiedDiff', () => {
  const text = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', ''].join('\n');

  it('one changed word: the line out, the line in, three lines of context', () => {
    const at = text.indexOf('six');
    assert.equal(checkDiff(text, [{ range: { start: at, end: at + 3 }, newText: 'SIX' }]), [
      '--- a/f', '+++ b/f', '@@ -3,7 +3,7 @@', ' three', ' four', ' five', '-six', '+SIX', ' seven', ' eight', ' nine', '',
    ].join('\n'));
  });

  it('an inserted line and a deleted line; hunks far apart stay apart', () => {
    const insertAt = text.indexOf('two');
    const deleteFrom = text.indexOf('eleven');
    const diff = checkDiff(text, [{ range: { start: insertAt, end: insertAt }, newText: 'one and a half\n' }, { range: { start: deleteFrom, end: deleteFrom + 'eleven\n'.length }, newText: '' }]);
    assert.equal(diff, [
      '--- a/f', '+++ b/f',
      '@@ -1,4 +1,5 @@', ' one', '+one and a half', ' two', ' three', ' four',
      '@@ -8,5 +9,4 @@', ' eight', ' nine', ' ten', '-eleven', ' twelve', '',
    ].join('\n'));
  });

  it('a file without a final line break, and a CRLF file', () => {
    const noBreak = 'a\nb';
    assert.equal(checkDiff(noBreak, [{ range: { start: 2, end: 3 }, newText: 'B' }]), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+B\n\\ No newline at end of file\n');
    const crlf = 'a: 1\r\nb: 2\r\n';
    assert.equal(checkDiff(crlf, [{ range: { start: 9, end: 10 }, newText: '3' }]), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a: 1\r\n-b: 2\r\n+b: 3\r\n');
  });

  it('no edits, or edits that change nothing: no diff', () => {
    assert.equal(unifiedDiff('a/f', 'b/f', text, []), '');
    assert.equal(unifiedDiff('a/f', 'b/f', text, [{ range: { start: 4, end: 7 }, newText: 'two' }]), '');
  });

  it('any non-overlapping edits: the diff applied to the old text gives the new text', () => {
    const arbitraryText = fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', 'x y', ''), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(arbitraryText, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('', 'z', '\n', 'q\n', 'a\nb')), { maxLength: 5 }), fc.nat(3), (before, raw, context) => {
      // Non-overlapping edits from the raw picks.
      const edits: Edit[] = [];
      let floor = 0;
      for (const [offset, length, newText] of raw.sort((x, y) => x[0] - y[0])) {
        const start = Math.max(floor, before.length === 0 ? 0 : offset % (before.length + 1));
        if (start > before.length) break;
        const end = Math.min(before.length, start + length);
        edits.push({ range: { start, end }, newText });
        floor = end + 1;
      }
      checkDiff(before, edits, context);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 500) });
  });
});
