import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY } from '../../server/src/core';
import { importDna, type DnaDatabase } from '../../server/src/core/dna';
import { computeNetwork, DEFAULT_NETWORK_OPTIONS, denseRows, type NetworkOptions } from '../../server/src/core/network';
import { dnaSampleRows } from '../helpers/dnaSample';
import { loadMemoryWorkspace } from '../helpers/memoryWorkspace';

/*
 * DNA's sample database (test/helpers/dnaSample.ts) through the core alone:
 * the DNA import on an in-memory workspace, then the engine with rDNA's
 * options. The figures DNA publishes for it are in its tests:
 * rDNA/rDNA/tests/testthat/test-network.R (dna_network's defaults) and
 * test-backbone.R (dna_backbone's defaults: subtract, average, duplicates
 * "document", which keep 23 of the 40 statements: numStatementsFull 23, six
 * concepts). test/cli/dnaPublished.test.ts runs the same through the CLI
 * and a .dna file.
 */

async function sampleNetwork(options: Partial<NetworkOptions>, rows: DnaDatabase = dnaSampleRows()) {
  const imported = importDna(rows, DEFAULT_VOCABULARY);
  assert.ok(!('error' in imported), 'error' in imported ? imported.error : '');
  const { index } = await loadMemoryWorkspace(Object.fromEntries(imported.files.map((f) => [f.path, f.content])));
  const result = computeNetwork(index, { ...DEFAULT_NETWORK_OPTIONS, rows: 'organization', ...options });
  const [matrix] = result.matrices;
  return { statements: matrix.statements, rows: matrix.rows.map((r) => r.name), columns: matrix.columns.map((c) => c.name), values: denseRows(matrix) };
}

const ORGANIZATIONS = [
  'Alliance to Save Energy',
  'Energy and Environmental Analysis, Inc.',
  'Environmental Protection Agency',
  'National Petrochemical & Refiners Association',
  'Senate',
  'Sierra Club',
  'U.S. Public Interest Research Group',
];

const CONCEPTS = [
  'CO2 legislation will not hurt the economy.',
  'Cap and trade is the solution.',
  'Climate change is caused by greenhouse gases (CO2).',
  'Climate change is real and anthropogenic.',
  'Emissions legislation should regulate CO2.',
  'There should be legislation to regulate emissions.',
];

describe("DNA's published networks of its sample database, through the core", () => {
  it('orders rows and columns as DNA prints them: by label, upper case before lower case ("CO2 …" before "Cap …")', async () => {
    const twoMode = await sampleNetwork({ type: 'twomode' });
    assert.deepEqual(twoMode.rows, ORGANIZATIONS);
    assert.deepEqual(twoMode.columns, CONCEPTS);
  });

  it('two-mode, rDNA defaults: 7 × 6, sum 40, Ener* 2 0; every cell counted from the sample by hand', async () => {
    const { statements, values } = await sampleNetwork({ type: 'twomode' });
    assert.equal(statements, 40);
    assert.equal(values.flat().reduce((a, b) => a + b, 0), 40);
    assert.deepEqual(values, [
      [0, 0, 1, 0, 2, 1], // Alliance: statements 21–24
      [2, 0, 0, 0, 2, 0], // Energy and Environmental Analysis: 1–4 (rDNA prints "Ener* 2 0")
      [1, 0, 0, 0, 0, 10], // EPA: 10–20
      [2, 0, 0, 0, 0, 2], // NPRA: 44–47
      [2, 0, 0, 0, 1, 2], // Senate: 5–9
      [2, 0, 1, 1, 1, 1], // Sierra Club: 25–30
      [1, 1, 1, 2, 1, 0], // U.S. PIRG: 31–36
    ]);
  });

  it('one-mode, rDNA defaults: 7 × 7, sum 276, Envi* 10 2, 21 ties', async () => {
    const { statements, rows, values } = await sampleNetwork({ type: 'onemode' });
    assert.equal(statements, 40);
    assert.deepEqual(rows, ORGANIZATIONS);
    assert.equal(values.flat().reduce((a, b) => a + b, 0), 276);
    assert.deepEqual(values[2].slice(0, 2), [10, 2]);
    assert.equal(values.flatMap((row, i) => row.filter((v, j) => j > i && v !== 0)).length, 21);
  });

  it('dna_backbone defaults (subtract, average, duplicates per document): 23 statements, six concepts', async () => {
    const oneMode = await sampleNetwork({ type: 'onemode', qualifierAggregation: 'subtract', normalization: 'average', duplicates: 'document' });
    assert.equal(oneMode.statements, 23, 'numStatementsFull == 23');
    const twoMode = await sampleNetwork({ type: 'twomode', qualifierAggregation: 'subtract', duplicates: 'document' });
    assert.equal(twoMode.statements, 23);
    assert.deepEqual(twoMode.columns, CONCEPTS, 'dim(b) == c(6, 5): one backbone row per concept');
  });
});
