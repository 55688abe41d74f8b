import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportNetwork, exportStatements, STATEMENT_COLUMNS } from '../../server/src/core/export';
import { spreadsheetSafe } from '../../server/src/core/export/textEscapes';
import { computeNetwork, DEFAULT_NETWORK_OPTIONS, writeNetwork } from '../../server/src/core/network';
import { loadMemoryWorkspace, WORKSPACE, yaml } from '../helpers/memoryWorkspace';

/*
 * Workspace content is untrusted: a name, label, title or note that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
 * spreadsheet programs (CSV injection, OWASP). Every CSV the exports write
 * neutralises such text cells with a leading `'`; numbers stay numbers.
 */

const HOSTILE = {
  actor: '=HYPERLINK("http://evil.example","click")',
  concept: '+cmd|\' /C calc\'!A0',
  title: '@SUM(1+1)',
  note: '-2+3',
  author: '\t=1+1',
};

const files = {
  'annotations/actors.yaml': yaml('actors:', '  - id: a', `    name: '${HOSTILE.actor}'`, '    kind: organization', '  - id: b', '    name: Plain Actor', '    kind: organization'),
  'annotations/concepts.yaml': yaml('concepts:', '  - id: k1', `    label: "${HOSTILE.concept.replace(/\\/g, '\\\\')}"`),
  'annotations/one.txt': 'words and more words',
  'annotations/one.yaml': `text: one.txt
title: '${HOSTILE.title}'
published: 2021-03-01
claims:
  - { id: c1, claimant: a, quote: words and, concept: k1, stance: rejects, note: '${HOSTILE.note}' }
  - { id: c2, claimant: b, quote: more words, concept: k1, stance: rejects }
`,
};

describe('CSV exports are safe to open in a spreadsheet', () => {
  it('prefixes text that a spreadsheet would run, and leaves numbers and other text alone', () => {
    for (const formula of ['=1+1', '+A1', '-A1', '@SUM(A1)', '\t=1', '\r=1', '-2+3', '=-1']) assert.equal(spreadsheetSafe(formula), `'${formula}`, JSON.stringify(formula));
    for (const number of ['-1', '+1', '-0.5', '-.5', '-1e-7', '1', '0']) assert.equal(spreadsheetSafe(number), number);
    for (const text of ['Plain', 'a=b', ' =1', '', "'quoted"]) assert.equal(spreadsheetSafe(text), text);
  });

  it('export --format statements: hostile names, labels, titles and notes neutralised, the score -1 still a number', async () => {
    const { index } = await loadMemoryWorkspace(files);
    const csv = exportStatements(index, { workspaceFolder: WORKSPACE }).files[0].content;
    const [header, first] = csv.split('\n');
    assert.equal(header, STATEMENT_COLUMNS.join(','));
    assert.ok(first.includes(`"'${HOSTILE.actor.replace(/"/g, '""')}"`), first);
    assert.ok(first.includes(`'${HOSTILE.title}`), first);
    assert.ok(first.includes(`,'${HOSTILE.note},`) || first.endsWith(`,'${HOSTILE.note}`), first);
    assert.ok(first.includes(`'${HOSTILE.concept}`), first);
    assert.ok(first.includes(',rejects,-1,'), 'the score stays the number -1');
  });

  it('network --format csv and export --format network: hostile labels neutralised in matrices, nodes and edges', async () => {
    const { index } = await loadMemoryWorkspace(files);
    const twoMode = writeNetwork(computeNetwork(index, { ...DEFAULT_NETWORK_OPTIONS, type: 'twomode' }), 'csv')[0].content;
    assert.equal(twoMode.split('\n')[0], `,'${HOSTILE.concept}`);
    assert.ok(twoMode.includes(`\n"'${HOSTILE.actor.replace(/"/g, '""')}",1\n`), twoMode);
    const subtract = writeNetwork(computeNetwork(index, { ...DEFAULT_NETWORK_OPTIONS, type: 'twomode', qualifierAggregation: 'subtract' }), 'csv')[0].content;
    assert.match(subtract, /\nPlain Actor,-1\n/, 'a negative cell stays a number');
    const exported = exportNetwork(index, { workspaceFolder: WORKSPACE });
    const nodes = exported.files.find((f) => f.path === 'affiliation/nodes.csv')!.content;
    assert.ok(nodes.includes(`"'${HOSTILE.actor.replace(/"/g, '""')}"`), nodes);
    assert.ok(!/(^|,)[=+@]/m.test(nodes.replace(/"'[^"]*"/g, '')), nodes);
  });
});
