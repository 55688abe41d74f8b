/* eslint-disable no-control-regex -- these tests are about control characters in output */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundForOutput, closestMatches, escapeControlCharacters, LineIndex, OUTPUT_LIMITS, workspaceDiagnostics, type CoreDiagnostic } from '../../server/src/core';
import { boundedEditDistance, type EditDistanceWork } from '../../server/src/core/didYouMean';
import { toLocatedDiagnostic, type LocatedDiagnostic } from '../../server/src/cli/diagnosticRows';
import { formatGithub } from '../../server/src/cli/formatGithub';
import { formatSarif } from '../../server/src/cli/formatSarif';
import { formatStylish, formatTotals, makeColors } from '../../server/src/cli/formatStylish';
import { displayWidth, sourceExcerpt } from '../../server/src/cli/sourceExcerpt';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';
import { loadMemoryWorkspace, uriOf, WORKSPACE } from '../helpers/memoryWorkspace';

/** C0 (but line feeds between output lines), DEL, C1 and bidi controls. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

async function locatedDiagnostics(files: Record<string, string>): Promise<{ located: LocatedDiagnostic[]; index: Awaited<ReturnType<typeof loadMemoryWorkspace>>['index'] }> {
  const { index } = await loadMemoryWorkspace(files);
  const diagnostics = [...workspaceDiagnostics(index).values()].flat();
  return { located: diagnostics.map((d) => toLocatedDiagnostic(index, d, () => undefined)), index };
}

function allFormats(located: LocatedDiagnostic[], index: Parameters<typeof formatSarif>[1]['index'], colors = false): Record<string, string> {
  return {
    stylish: formatStylish(located, makeColors(colors)),
    github: formatGithub(located),
    sarif: formatSarif(located, { version: '1.0.0', workspaceUri: WORKSPACE, pathPrefix: '', index }),
    json: JSON.stringify(located.map((d) => d.row)),
  };
}

describe('terminal escapes in workspace content', () => {
  const hostile = 'claims:\n  - id: c1\n    claimant: "\\e[2J\\e[H\\e[32m✔ No problems in 1 annotation file.\\e[0m\\u202Eevil"\n    quote: The ISI backs the Taliban.\n';
  const files = { 'annotations/texts/a.txt': threeActorsArticle(), 'annotations/actors.yaml': threeActorsYaml(), 'annotations/a.yaml': `text: texts/a.txt\n${hostile}` };

  it('escapes C0, C1 and bidi controls in every message and excerpt, in every text format', async () => {
    const { located, index } = await locatedDiagnostics(files);
    assert.ok(located.some((d) => d.row.code === 'unknown-actor'));
    for (const [format, output] of Object.entries(allFormats(located, index))) {
      assert.doesNotMatch(output, RAW_CONTROL, format);
    }
    const stylish = formatStylish(located, makeColors(false));
    assert.match(stylish, /\\x1B\[2J\\x1B\[H\\x1B\[32m✔ No problems/);
    assert.match(stylish, /\\u202Eevil/);
  });

  it('lets only the formatter\'s own colour codes through when colours are on', async () => {
    const { located } = await locatedDiagnostics(files);
    const stylish = formatStylish(located, makeColors(true));
    for (const escape of stylish.matchAll(/\u001b(.{0,8})/g)) assert.match(escape[1], /^\[\d+m/);
    assert.doesNotMatch(stylish, /\u001b\[2J|\u001b\[H/);
  });

  it('escapes control characters in file paths too', async () => {
    const { index } = await loadMemoryWorkspace(files);
    const diagnostic: CoreDiagnostic = { uri: `${WORKSPACE}/annotations/b%1B%5B2J.yaml`, range: { start: 0, end: 0 }, severity: 'error', code: 'file-unreadable', message: 'm' };
    const { row } = toLocatedDiagnostic(index, diagnostic, () => 'x\n');
    assert.doesNotMatch(row.file, RAW_CONTROL);
    assert.match(row.file, /b\\x1B\[2J\.yaml$/);
  });

  it('writes escapes that can be read back', () => {
    assert.equal(escapeControlCharacters('a\u0007b\u009bc\u2066d\te'), 'a\\x07b\\x9Bc\\u2066d\\x09e');
    assert.equal(escapeControlCharacters('ordinary “text” — مرحبا 中文'), 'ordinary “text” — مرحبا 中文');
  });
});

describe('source excerpts', () => {
  it('survive a 512 KB one-line file with 1,200 bad ids: bounded output in every format', async () => {
    const claims = Array.from({ length: 1200 }, (_, i) => `{id: c${i}, claimant: nobody-${i}, quote: "${'x'.repeat(400)}"}`);
    const line = `{text: texts/a.txt, claims: [${claims.join(', ')}]}\n`;
    assert.ok(line.length > 512 * 1024);
    const { located, index } = await locatedDiagnostics({ 'annotations/texts/a.txt': threeActorsArticle(), 'annotations/actors.yaml': threeActorsYaml(), 'annotations/a.yaml': line });
    assert.ok(located.length > 1000 && located.some((d) => d.row.code === 'unknown-actor'), `${located.length} diagnostics`);
    const outputs = allFormats(located, index);
    // About a kilobyte per diagnostic at most, rather than the whole 512 KB line for each.
    for (const [format, output] of Object.entries(outputs)) assert.ok(output.length < located.length * 1500, `${format}: ${output.length} characters for ${located.length} diagnostics`);
  });

  it('show a window around the column, marking the cuts', () => {
    const line = `${'a'.repeat(1000)}TARGET${'b'.repeat(1000)}`;
    const excerpt = sourceExcerpt(line, 1000, 1006);
    assert.ok(excerpt.text.length < 220);
    assert.ok(excerpt.text.startsWith('…') && excerpt.text.endsWith('…'));
    assert.equal(excerpt.text.slice(excerpt.start, excerpt.end), 'TARGET');
  });

  it('never split a surrogate pair at a cut', () => {
    const line = '😀'.repeat(500);
    for (const start of [120, 121, 122, 123]) {
      const { text } = sourceExcerpt(line, start, start + 2);
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text), `start ${start}`);
    }
  });

  it('expand tabs and escape control characters, keeping the underline on the range', () => {
    const excerpt = sourceExcerpt('\tkey: \u001b[31mred', 6, 11);
    assert.equal(excerpt.text, '    key: \\x1B[31mred');
    assert.equal(excerpt.text.slice(excerpt.start, excerpt.end), '\\x1B[31m');
  });
});

describe('the stylish underline', () => {
  const underline = (line: string, target: string): { caret: number; carets: number } => {
    const start = line.indexOf(target);
    const excerpt = sourceExcerpt(line, start, start + target.length);
    const located: LocatedDiagnostic = {
      row: { file: 'a.yaml', line: 1, column: start + 1, endLine: 1, endColumn: start + target.length + 1, severity: 'error', code: 'quote-not-found', message: 'm' },
      excerpt,
      diagnostic: { uri: 'file:///ws/a.yaml', range: { start, end: start + target.length }, severity: 'error', code: 'quote-not-found', message: 'm' },
    };
    const [, source, carets] = formatStylish([located], makeColors(false)).split('\n');
    const prefix = source.indexOf('| ') + 2;
    const caretLine = carets.slice(prefix);
    return { caret: caretLine.indexOf('^'), carets: caretLine.trim().length };
  };

  it('counts East Asian wide characters as two columns (Chinese)', () => {
    assert.equal(displayWidth('巴基斯坦支持塔利班'), 18);
    assert.deepEqual(underline('    quote: 巴基斯坦支持塔利班 said so', 'said'), { caret: 11 + 18 + 1, carets: 4 });
    assert.deepEqual(underline('    quote: 他说 巴基斯坦', '巴基斯坦'), { caret: 11 + 4 + 1, carets: 8 });
  });

  it('counts combining marks as no columns (Arabic with harakat)', () => {
    assert.equal(displayWidth('مُحَمَّد'), 4);
    assert.deepEqual(underline('    quote: قالَ مُحَمَّد said', 'said'), { caret: 11 + 3 + 1 + 4 + 1, carets: 4 });
  });
});

describe('the closing line', () => {
  const withSeverities = (severities: CoreDiagnostic['severity'][]): LocatedDiagnostic[] =>
    severities.map((severity) => ({
      row: { file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, severity, code: 'alias-unused', message: 'm' },
      excerpt: { text: '', start: 0, end: 0 },
      diagnostic: { uri: 'file:///ws/a.yaml', range: { start: 0, end: 1 }, severity, code: 'alias-unused', message: 'm' },
    }));

  it('prints no ✖ (and no red) for infos and hints alone', () => {
    const line = formatTotals(withSeverities(['info', 'hint', 'hint']), 2, makeColors(true));
    assert.doesNotMatch(line, /✖|\u001b\[31m/);
    assert.match(line, /No errors or warnings in 2 annotation files \(1 info, 2 hints\)/);
  });

  it('prints a red ✖ for errors and a yellow one for warnings', () => {
    assert.match(formatTotals(withSeverities(['error', 'hint']), 1, makeColors(true)), /^\u001b\[31m✖ 2 problems/);
    assert.match(formatTotals(withSeverities(['warning']), 1, makeColors(true)), /^\u001b\[33m✖ 1 problem /);
  });
});

describe('bounded diagnostics', () => {
  const huge: CoreDiagnostic = {
    uri: uriOf('a.yaml'),
    range: { start: 0, end: 1 },
    severity: 'error',
    code: 'quote-ambiguous',
    message: `The quote ${'x'.repeat(1_000_000)} occurs everywhere.`,
    related: Array.from({ length: 10_000 }, (_, i) => ({ uri: uriOf('a.yaml'), range: { start: i, end: i + 1 }, message: `occurrence ${i} ${'y'.repeat(5000)}` })),
    data: { candidates: Array.from({ length: 10_000 }, (_, i) => ({ start: i, text: 'z'.repeat(100_000) })), deep: { a: { b: { c: { d: { e: 1 } } } } } },
  };

  it('caps the message, the related information (with "…and N more") and the data, once for every output', () => {
    const bounded = boundForOutput(huge);
    assert.ok(bounded.message.length <= OUTPUT_LIMITS.messageLength && bounded.message.endsWith('…'));
    assert.equal(bounded.related!.length, OUTPUT_LIMITS.relatedEntries + 1);
    assert.equal(bounded.related!.at(-1)!.message, `…and ${10_000 - OUTPUT_LIMITS.relatedEntries} more`);
    assert.ok(bounded.related!.every((r) => r.message.length <= OUTPUT_LIMITS.messageLength));
    assert.ok(JSON.stringify(bounded.data).length < 20_000, `${JSON.stringify(bounded.data).length}`);
  });

  it('bounds what the language server sends', () => {
    const text = 'a'.repeat(20_000);
    const lines = new LineIndex(text);
    const lsp = toLspDiagnostic(huge, lines, () => lines, { relatedInformation: true });
    assert.ok(typeof lsp.message === 'string' && lsp.message.length <= OUTPUT_LIMITS.messageLength);
    assert.equal(lsp.relatedInformation!.length, OUTPUT_LIMITS.relatedEntries + 1);
    assert.ok(JSON.stringify(lsp).length < 100_000, `${JSON.stringify(lsp).length}`);
  });

  it('bounds the related locations in SARIF', async () => {
    const { index } = await loadMemoryWorkspace({ 'a.yaml': 'actors: []\n' });
    const sarif = formatSarif([toLocatedDiagnostic(index, huge, () => undefined)], { version: '1.0.0', workspaceUri: WORKSPACE, pathPrefix: '', index });
    assert.ok(sarif.length < 100_000, `${sarif.length}`);
  });
});

describe('did-you-mean on hostile ids', () => {
  const naive = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return d[a.length][b.length];
  };

  it('computes the same bounded distance as the full table', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: Math.floor(random() * 12) }, () => 'abc'[Math.floor(random() * 3)]).join('');
    for (let n = 0; n < 2000; n++) {
      const [a, b, limit] = [word(), word(), Math.floor(random() * 6)];
      const exact = naive(a, b);
      assert.equal(boundedEditDistance(a, b, limit), exact <= limit ? exact : limit + 1, `${a} ${b} ${limit}`);
    }
  });

  it('does work linear in the ids, not quadratic: a band of the table, and nothing for ids too long to be typos', () => {
    const long = (i: number, length: number) => `${i}-`.padEnd(length, 'x');
    const work: EditDistanceWork = { cells: 0 };
    const candidates = Array.from({ length: 200 }, (_, i) => long(i, 100));
    for (let i = 0; i < 100; i++) closestMatches(long(1000 + i, 100), candidates, 3, work);
    // Full tables would be 100 × 200 × 100 × 100 = 200 million cells; the band is at most 13 wide.
    assert.ok(work.cells > 0 && work.cells <= 100 * 200 * 100 * 13, `${work.cells} cells`);
    const hostile: EditDistanceWork = { cells: 0 };
    const longCandidates = Array.from({ length: 1000 }, (_, i) => long(i, 1500));
    for (let i = 0; i < 100; i++) assert.deepEqual(closestMatches(long(5000 + i, 1500), longCandidates, 3, hostile), []);
    assert.equal(hostile.cells, 0);
  });

  it('still suggests for ordinary ids', () => {
    assert.deepEqual(closestMatches('imran-kahn', ['imran-khan', 'isi', 'taliban']), ['imran-khan']);
    assert.deepEqual(closestMatches('pakistan-goverment', ['pakistan-government', 'pakistan-military']), ['pakistan-government']);
  });
});
