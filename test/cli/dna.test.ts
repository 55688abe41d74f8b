import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import initSqlJs from 'sql.js';
import { buildDnaDatabase, sqlString, standardStatement } from '../helpers/dnaFixture';
import { createTempWorkspace, runCliProcess as run } from '../helpers/tempWorkspace';

const ARTICLE = 'Berlin, 3 May. The coalition wants a 2030 coal exit 🏭. Greenpeace wants a 2030 coal exit too.\r\nThe union opposes it.';
const at = (phrase: string, from = 0) => {
  const start = ARTICLE.indexOf(phrase, from);
  return [start, start + phrase.length] as const;
};

/** A DNA database as DNA itself would hold it: its initial contents, one document, entities with attributes and statements. */
function sampleDatabase(): Promise<Uint8Array> {
  const [s1, e1] = at('a 2030 coal exit');
  const [s2, e2] = at('a 2030 coal exit', e1);
  const [s3, e3] = at('opposes it');
  return buildDnaDatabase([
    `INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Author, Source, Section, Notes, Type, Date) VALUES (1, 'Coal exit', ${sqlString(ARTICLE)}, 1, 'A. Writer', 'Daily', 'Energy', 'Excerpt', 'news', ${Date.UTC(2023, 4, 3) / 1000})`,
    "INSERT INTO ENTITIES (ID, VariableId, Value, Red, Green, Blue, ChildOf) VALUES (1, 1, '', 0, 0, 0, NULL), (2, 2, '', 0, 0, 0, NULL), (3, 3, '', 0, 0, 0, NULL), "
      + "(4, 2, 'Coalition government', 0, 0, 0, NULL), (5, 2, 'Greenpeace', 0, 0, 0, NULL), (6, 2, 'Mining union', 0, 0, 0, NULL), (7, 3, 'Coal exit by 2030', 0, 0, 0, NULL), (8, 1, 'Olaf Speaker', 0, 0, 0, NULL)",
    "INSERT INTO ATTRIBUTEVALUES (EntityId, AttributeVariableId, AttributeValue) VALUES (4, 2, 'government'), (5, 5, 'GP'), (7, 9, 'Phase-out of coal power by 2030.')",
    ...standardStatement(1, 1, s1, e1, { person: 8, organization: 4, concept: 7, agreement: 1 }),
    ...standardStatement(2, 1, s2, e2, { person: 1, organization: 5, concept: 7, agreement: 1 }),
    ...standardStatement(3, 1, s3, e3, { person: 1, organization: 6, concept: 7, agreement: 0 }),
  ]);
}

/** Every file under a folder, relative with `/`, with its content. */
function contents(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, contents(full, `${prefix}${entry.name}/`));
    else files[`${prefix}${entry.name}`] = readFileSync(full, 'utf8');
  }
  return files;
}

function assertNoErrors(folder: string) {
  const check = run(['check', '--format', 'json', '--no-cache'], folder);
  const errors = (JSON.parse(check.stdout) as { severity: string; code: string; message: string }[]).filter((d) => d.severity === 'error');
  assert.deepEqual(errors, []);
  assert.equal(check.code, 0, check.stderr);
}

describe('policy-annotator import dna / export --format dna', () => {
  const sandbox = createTempWorkspace();
  after(() => sandbox.dispose());
  const dna = path.join(sandbox.dir, 'study.dna');
  before(async () => writeFileSync(dna, await sampleDatabase()));

  it('imports a DNA 3 database into a new workspace that checks with no errors, and reports what it did', () => {
    const result = run(['import', 'dna', 'study.dna', '--out', 'imported'], sandbox.dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Imported study\.dna into imported: 1 text, 3 claims, 4 actors, 1 concept\./);
    assert.match(result.stdout, /Check it with: policy-annotator check --workspace imported/);
    const files = contents(path.join(sandbox.dir, 'imported'));
    assert.equal(files['annotations/texts/coal-exit.txt'], ARTICLE);
    assert.match(files['annotations/coal-exit.yaml'], /claimant: mining-union\n {4}quote: opposes it\n {4}concept: coal-exit-by-2030\n {4}stance: rejects/);
    assertNoErrors(path.join(sandbox.dir, 'imported'));
  });

  it('exports a DNA 3 database with the complete schema, and importing it gives back the same workspace', async () => {
    const exported = run(['export', '--format', 'dna', '--out', path.join(sandbox.dir, 'round.dna')], path.join(sandbox.dir, 'imported'));
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /^Exported 1 document, 3 statements and 5 entities as a DNA 3 database/);
    const again = run(['import', 'dna', 'round.dna', '--out', 'again'], sandbox.dir);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(contents(path.join(sandbox.dir, 'again')), contents(path.join(sandbox.dir, 'imported')));

    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(path.join(sandbox.dir, 'round.dna')));
    try {
      const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")[0].values.flat();
      assert.deepEqual(tables, ['ATTRIBUTEVALUES', 'ATTRIBUTEVARIABLES', 'CODERRELATIONS', 'CODERS', 'DATABOOLEAN', 'DATAINTEGER', 'DATALONGTEXT', 'DATASHORTTEXT', 'DOCUMENTS', 'ENTITIES', 'REGEXES', 'SETTINGS', 'STATEMENTS', 'STATEMENTTYPES', 'VARIABLELINKS', 'VARIABLES']);
      assert.deepEqual(db.exec("SELECT Value FROM SETTINGS WHERE Property = 'version'")[0].values, [['3.0.11']]);
      assert.deepEqual(db.exec('SELECT ID, Label FROM STATEMENTTYPES')[0].values, [[1, 'DNA Statement']]);
      assert.deepEqual(db.exec('SELECT Variable, DataType FROM VARIABLES ORDER BY ID')[0].values, [['person', 'short text'], ['organization', 'short text'], ['concept', 'short text'], ['agreement', 'boolean']]);
      const [coder] = db.exec('SELECT Name, Password, PermissionEditCoders, PermissionEditOthersStatements FROM CODERS')[0].values;
      assert.deepEqual([coder[0], coder[2], coder[3]], ['Admin', 1, 1]);
      assert.equal(Buffer.from(String(coder[1]), 'base64').length, 48, 'a jasypt digest: 16 bytes of salt and 32 of SHA-256');
      const statements = db.exec('SELECT Start, Stop FROM STATEMENTS ORDER BY Start')[0].values;
      assert.deepEqual(statements, [[...at('a 2030 coal exit')], [...at('a 2030 coal exit', at('a 2030 coal exit')[1])], [...at('opposes it')]]);
      assert.deepEqual(db.exec('PRAGMA foreign_key_check').length, 0);
    } finally {
      db.close();
    }
  });

  it('refuses to overwrite: an existing .dna file, a link in its place, a non-empty --out', () => {
    const existing = run(['export', '--format', 'dna', '--out', path.join(sandbox.dir, 'round.dna')], path.join(sandbox.dir, 'imported'));
    assert.equal(existing.code, 2);
    assert.match(existing.stderr, /^policy-annotator: cannot write \S*round\.dna: it already exists, and export never overwrites a database/);
    symlinkSync(path.join(sandbox.dir, 'elsewhere.dna'), path.join(sandbox.dir, 'link.dna'));
    const link = run(['export', '--format', 'dna', '--out', path.join(sandbox.dir, 'link.dna')], path.join(sandbox.dir, 'imported'));
    assert.equal(link.code, 2);
    assert.throws(() => statSync(path.join(sandbox.dir, 'elsewhere.dna')), 'nothing written through the link');
    const full = run(['import', 'dna', 'study.dna', '--out', 'imported'], sandbox.dir);
    assert.equal(full.code, 2);
    assert.match(full.stderr, /^policy-annotator: cannot import study\.dna: --out \S+imported is not empty: import creates a new workspace, so name a new or empty folder\n$/);
  });

  it('rejects bad input with one line naming the file and the fix, never a stack trace', async () => {
    writeFileSync(path.join(sandbox.dir, 'notes.dna'), 'just some text, not a database\n'.repeat(10));
    writeFileSync(path.join(sandbox.dir, 'other.dna'), await buildDnaDatabase([], { schema: ['CREATE TABLE PEOPLE (ID INTEGER)'], initial: false }));
    const [s, e] = at('The union');
    writeFileSync(path.join(sandbox.dir, 'damaged.dna'), await buildDnaDatabase([
      `INSERT INTO DOCUMENTS (ID, Title, Text, Coder, Date) VALUES (1, 'Short', 'Too short.', 1, 0)`,
      ...standardStatement(1, 1, s, e, {}),
    ]));
    mkdirSync(path.join(sandbox.dir, 'folder.dna'));
    const cases: [string, RegExp][] = [
      ['notes.dna', /cannot import notes\.dna: it is not an SQLite database \(a DNA 3 database is one\)/],
      ['other.dna', /cannot import other\.dna: it is an SQLite database but not a DNA 3 database: table SETTINGS, table CODERS, .* missing\. Open it in DNA 3/],
      ['damaged.dna', /cannot import damaged\.dna: statement 1 spans characters \d+–\d+, outside the text of document 1 \(10 characters\)/],
      ['missing.dna', /cannot import missing\.dna: there is no such file/],
      ['folder.dna', /cannot import folder\.dna: it is a folder/],
    ];
    for (const [file, message] of cases) {
      const result = run(['import', 'dna', file, '--out', `out-${file}`], sandbox.dir);
      assert.equal(result.code, 2, file);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.deepEqual(readdirSync(sandbox.dir).filter((name) => name === `out-${file}`), [], 'nothing written');
    }
    const usage = run(['import', 'csv', 'x.csv', '--out', 'x'], sandbox.dir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Unknown import format `csv`: use dna/);
  });
});
