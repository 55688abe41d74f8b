import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AgreementReport } from '../../server/src/core/agreement';
import { formatAgreementMarkdown, formatAgreementStylish, MARKDOWN_LIMIT } from '../../server/src/cli/formatAgreement';
import { AUTOLINK_PATTERN, readMarkdown } from '../helpers/markdownSafety';

const HOSTILE = '<script>x</script> ![i](https://evil.example/p.png) @octocat `tick` | pipe\n# heading';

function report(disagreements: number): AgreementReport {
  const pair = (a: string, b: string) => ({ coders: [a, b] as [string, string], exact: { matches: 1, precision: 0.5, recall: 1, f1: 2 / 3 }, overlap: { matches: 2, precision: 1, recall: 1, f1: 1 } });
  return {
    coders: ['ann', HOSTILE],
    texts: 2,
    fields: { stance: { metric: 'nominal', alpha: 0.5, kappa: 0.4, units: 10, pairable: 8, percent: 75 }, 'stance-score': { metric: 'interval', alpha: null, units: 0, pairable: 0, percent: null } },
    spans: { alphaU: 0.9, claims: { ann: 2, [HOSTILE]: 3 }, unanchored: { ann: 1, [HOSTILE]: 0 }, pairs: [pair('ann', HOSTILE), pair(HOSTILE, 'ann')] },
    disagreements: Array.from({ length: disagreements }, (_, i) => ({
      text: `texts/${HOSTILE}.txt`,
      line: i + 1,
      quote: `${HOSTILE} `.repeat(20),
      field: 'stance',
      values: { ann: 'supports', [HOSTILE]: i % 2 ? null : HOSTILE },
    })),
    differingTexts: [HOSTILE],
  };
}

describe('the agreement comment', () => {
  it('stays under the comment size limit and says how many disagreements it left out', () => {
    const md = formatAgreementMarkdown(report(2000));
    assert.ok(md.length <= MARKDOWN_LIMIT, `${md.length} characters`);
    const shown = (md.match(/^#### /gm) ?? []).length;
    assert.ok(shown > 0 && shown < 2000);
    assert.match(md, new RegExp(`\\*${2000 - shown} more disagreements not shown: run`));
  });

  it('escapes every workspace and command-line string for where it stands', () => {
    const md = formatAgreementMarkdown(report(3));
    const read = readMarkdown(md);
    assert.deepEqual([read.images, read.links], [[], []]);
    assert.deepEqual(read.html.map((h) => h.trim()), ['<!-- policy-annotator-agreement -->']);
    assert.doesNotMatch(read.prose, AUTOLINK_PATTERN);
    assert.equal((md.match(/^#{1,6} /gm) ?? []).filter((h) => h.startsWith('# ')).length, 0, 'no heading from a value');
    // Table rows keep their cells: the pipe in a coder name does not split them.
    for (const row of read.tableCells) assert.ok(row.length === 6 || row.length === 4, JSON.stringify(row));
    assert.ok(md.includes('*none*'));
  });

  it('stylish: one line per value, control characters and line breaks folded', () => {
    const text = formatAgreementStylish(report(1));
    assert.ok(!text.includes('\n# heading'));
    assert.match(text, /stance +nominal +0\.500 +0\.400 +10 +8 +75\.0%/);
  });
});
