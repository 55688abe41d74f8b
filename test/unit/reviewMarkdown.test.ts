import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReviewMarkdown, REVIEW_MARKER } from '../../server/src/cli/formatReview';
import { diffWorkspaces } from '../../server/src/core';
import { AUTOLINK_PATTERN, readMarkdown } from '../helpers/markdownSafety';
import { loadMemoryWorkspace, yaml } from '../helpers/memoryWorkspace';

const TEXT = 'The ISI backs the Taliban. <img src=x> said @octocat.\n';
const BASE = {
  'annotations/texts/a.txt': TEXT,
  'annotations/actors.yaml': yaml('actors:', '  - id: isi', '    name: ISI', '    kind: intelligence-agency', '    aliases: [ISI]'),
  'annotations/a.yaml': yaml('text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: isi', '    quote: backs the Taliban'),
};
/** A pull request whose annotations try to put HTML, images, links, mentions and comments into the review comment. */
const HEAD = {
  ...BASE,
  'annotations/actors.yaml': yaml(
    'actors:',
    '  - id: isi',
    '    name: "ISI <img src=https://evil.example/x.png> @octocat"',
    '    kind: intelligence-agency',
    '    aliases: [ISI, "`x`` | <b>"]',
    '  - id: "evil``id|x"',
    '    name: "<details><summary>Click</summary> [free](https://evil.example) ![i](https://evil.example/i.png)"',
    '    kind: "<!-- hidden"',
    '    relations:',
    '      - {type: "@github/security", target: isi}',
  ),
  'annotations/concepts.yaml': yaml('concepts:', '  - id: c', '    label: "| broken | table\\n# heading"'),
  'annotations/a.yaml': yaml(
    'text: texts/a.txt',
    'claims:',
    '  - id: c1',
    '    claimant: isi',
    '    quote: backs the Taliban',
    '  - id: "c2`"',
    '    claimant: "evil``id|x"',
    '    quote: "<img src=x> said @octocat"',
    '    concept: c',
    '    stance: "<em>supports"',
    '    type: "www.evil.example"',
  ),
  // A file named `odd <img src=x> @name.yaml` (in the memory workspace, keys are URI paths).
  'annotations/odd%20%3Cimg%20src%3Dx%3E%20%40name.yaml': yaml('text: texts/a.txt', 'claims:', '  - id: c3', '    claimant: isi', '    quote: "missing words <!--"'),
};

describe('the review comment of a pull request', () => {
  it('lets no workspace string become HTML, an image, a link, a mention or an extra table cell', async () => {
    const base = await loadMemoryWorkspace(BASE);
    const head = await loadMemoryWorkspace(HEAD);
    const markdown = formatReviewMarkdown(diffWorkspaces(base.index, head.index), 'origin/main', 'HEAD `x` <b>');
    const read = readMarkdown(markdown);
    const ours = new Set([`${REVIEW_MARKER}\n`, '<sub>', '</sub>']);
    assert.deepEqual(read.html.filter((html) => !ours.has(html)), [], 'no HTML but the marker and the comment’s own <sub>');
    assert.deepEqual(read.images, []);
    assert.deepEqual(read.links, []);
    assert.doesNotMatch(read.prose, AUTOLINK_PATTERN);
    for (const row of read.tableCells) assert.equal(row.length, 4, JSON.stringify(row));
    // The values are all there, as written.
    assert.match(read.text, /ISI <img src=https:\u2060\/\/evil\.example\/x\.png> @\u2060octocat/);
    assert.ok(read.code.includes('evil``id|x'), JSON.stringify(read.code));
    assert.ok(read.code.includes('`x`` | <b>'), JSON.stringify(read.code));
    assert.ok(read.code.includes('HEAD `x` <b>'));
    assert.match(read.text, /<details><summary>Click<\/summary> \[free\]/);
    assert.match(read.text, /<!-- hidden/);
    assert.match(read.text, /\| broken \| table # heading/);
    assert.match(read.text, /<em>supports/);
    assert.match(read.text, /<img src=x> said @\u2060octocat/);
    assert.match(read.text, /annotations\/odd <img src=x> @\u2060name\.yaml — the quote does not anchor/);
    assert.match(read.text, /missing words <!--/);
  });
});

describe('diagnostic messages in the review comment', () => {
  it('shows backticked values as code, and never lets two code spans run together', async () => {
    const base = await loadMemoryWorkspace(BASE);
    const head = await loadMemoryWorkspace({ ...BASE, 'annotations/actors.yaml': yaml('actors:', '  - id: isi', '    name: ISI', '    kind: intelligence-agency', '    aliases: [ISI]', '  - id: "a`<img src=x>`b"', '    name: X', '    kind: person') });
    const read = readMarkdown(formatReviewMarkdown(diffWorkspaces(base.index, head.index), 'main', 'HEAD'));
    assert.deepEqual(read.html.filter((html) => !html.startsWith('<!-- policy-annotator-review') && html !== '<sub>' && html !== '</sub>'), []);
    assert.ok(read.code.includes('invalid-value'));
    assert.match(read.text, /a`<img src=x>`b/);
  });
});
