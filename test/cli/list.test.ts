import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createTempWorkspace, runCliProcess as run } from '../helpers/tempWorkspace';
import { yaml } from '../helpers/memoryWorkspace';
import type { MentionRow } from '../../server/src/core';

// Line 2 starts with an astral character (two UTF-16 code units), so columns are counted as editors count them.
const TEXT = 'Border talks.\n\u{1F600} The Indian Army and the Chinese army clashed. Both sides withdrew to the Indian Ocean coast.\nIndia protested.\n';

const FILES = {
  'annotations/actors.yaml': yaml(
    'actors:',
    '  - {id: india, name: India, kind: state, aliases: [India, Indian]}',
    '  - {id: china, name: "China \\u001b[2J", kind: state, aliases: [Chinese]}',
    '  - {id: indian-army, name: Indian Army, kind: military, aliases: [Indian Army]}',
  ),
  'annotations/texts/a.txt': TEXT,
  'annotations/a.yaml': yaml(
    'text: texts/a.txt',
    'suppress:',
    '  - quote: Indian Ocean',
    '    note: a sea, not the state',
    'mentions:',
    '  - actor: [india, china]',
    '    quote: Both sides',
    '    note: the two armies',
    'claims:',
    '  - id: india-protests',
    '    claimant: india',
    '    quote: India protested.',
    '    about: [china]',
  ),
};

/** Where a quote stands in TEXT, 1-based, end exclusive, columns in UTF-16 code units. */
function positionOf(quote: string): Pick<MentionRow, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const offset = TEXT.indexOf(quote);
  const before = TEXT.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return { line, column, endLine: line, endColumn: column + quote.length };
}

describe('policy-annotator list', () => {
  const workspace = createTempWorkspace(FILES);
  after(() => workspace.dispose());

  it('list mentions --format json: alias matches minus suppressed ones, and a mention naming several actors', () => {
    const result = run(['list', 'mentions', '--format', 'json'], workspace.dir);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout) as MentionRow[];
    const text = 'annotations/texts/a.txt';
    assert.deepEqual(rows, [
      { text, ...positionOf('Indian Army'), quote: 'Indian Army', ids: ['indian-army'], explicit: false },
      { text, ...positionOf('Chinese'), quote: 'Chinese', ids: ['china'], explicit: false },
      { text, ...positionOf('Both sides'), quote: 'Both sides', ids: ['india', 'china'], explicit: true, note: 'the two armies' },
      { text, ...positionOf('India protested'), endColumn: positionOf('India protested').column + 5, quote: 'India', ids: ['india'], explicit: false },
    ]);
    assert.equal(rows[0].column, 8, 'the emoji before it counts two UTF-16 code units');
  });

  it('list mentions: positions follow the convention of check --format json (1-based, end exclusive)', () => {
    const annotationFile = FILES['annotations/a.yaml'].replace('quote: Indian Ocean', 'quote: Pacific Ocean');
    const broken = createTempWorkspace({ ...FILES, 'annotations/a.yaml': annotationFile });
    try {
      const [problem] = JSON.parse(run(['check', '--format', 'json'], broken.dir).stdout) as { line: number; column: number; endColumn: number }[];
      const annotationLine = annotationFile.split('\n')[2];
      assert.deepEqual([problem.line, problem.column, problem.endColumn], [3, annotationLine.indexOf('Pacific') + 1, annotationLine.length + 1]);
      const rows = JSON.parse(run(['list', 'mentions', '--format', 'json'], broken.dir).stdout) as MentionRow[];
      assert.ok(rows.some((r) => r.quote === 'Indian' && r.column === positionOf('Indian Ocean').column), 'without an anchored suppression, "Indian" of "Indian Ocean" is a mention');
    } finally {
      broken.dispose();
    }
  });

  it('list claims --format json: where each claim is written and where its quote landed', () => {
    const result = run(['list', 'claims', '--format', 'json'], workspace.dir);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), [
      { id: 'india-protests', file: 'annotations/a.yaml', line: 10, text: 'annotations/texts/a.txt', textLine: 3, quote: 'India protested.', claimant: 'india', about: ['china'] },
    ]);
  });

  it('list actors and entities: definitions with their mention counts', () => {
    const actors = JSON.parse(run(['list', 'actors', '--format', 'json'], workspace.dir).stdout) as { id: string; mentions: number; line: number }[];
    assert.deepEqual(actors.map((a) => `${a.id}:${a.mentions}@${a.line}`), ['india:2@2', 'china:2@3', 'indian-army:1@4']);
    assert.deepEqual(JSON.parse(run(['list', 'entities', '--format', 'json'], workspace.dir).stdout), []);
  });

  it('table: aligned columns for people, with control characters escaped', () => {
    const result = run(['list', 'actors'], workspace.dir);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(!result.stdout.includes('\u001b'), 'no raw escape reaches the terminal');
    assert.match(result.stdout, /China \\x1B\[2J/);
    const lines = result.stdout.split('\n');
    assert.match(lines[0], /^ID +KIND +NAME +ALIASES +MENTIONS +PLACE$/);
    const column = lines[0].indexOf('NAME');
    assert.ok(lines.slice(1, 4).every((line) => line.slice(column).startsWith(line.slice(column).trimStart())), 'names start in the NAME column');
    assert.match(result.stdout, /\n\n3 actors\n$/);
    const mentions = run(['list', 'mentions'], workspace.dir).stdout;
    assert.match(mentions, /annotations\/texts\/a\.txt:2:\d+ +Both sides +india, china +explicit +the two armies/);
    assert.match(mentions, /4 mentions \(1 explicit\)\n$/);
  });

  it('narrows to paths, and refuses what it cannot list', () => {
    const other = createTempWorkspace({ ...FILES, 'annotations/b.yaml': yaml('text: texts/b.txt', 'claims: []'), 'annotations/texts/b.txt': 'India and China.\n' });
    try {
      const only = JSON.parse(run(['list', 'mentions', '--format', 'json', 'annotations/texts/b.txt'], other.dir).stdout) as MentionRow[];
      assert.deepEqual(only.map((r) => `${r.text} ${r.quote}`), ['annotations/texts/b.txt India']);
      const byFile = JSON.parse(run(['list', 'mentions', '--format', 'json', 'annotations/b.yaml'], other.dir).stdout) as MentionRow[];
      assert.deepEqual(byFile, only, 'an annotation file stands for its text');
    } finally {
      other.dispose();
    }
    const unknown = run(['list', 'mention'], workspace.dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown list `mention`.*Did you mean `mentions`\?/);
    assert.equal(run(['list'], workspace.dir).code, 2);
    assert.match(run(['list', 'claims', '--format', 'xml'], workspace.dir).stderr, /Unknown format `xml`: use table or json/);
    assert.match(run(['list', 'claims', '../elsewhere'], workspace.dir).stderr, /outside the workspace folder/);
    assert.match(run(['list', 'claims', 'annotations/none.yaml'], workspace.dir).stderr, /No annotation files or annotated texts under/);
  });
});
