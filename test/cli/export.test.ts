import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { threeActorsYaml } from '../helpers/threeActors';
import { createTempWorkspace, listTree, REPO_ROOT, runCliProcess } from '../helpers/tempWorkspace';

const run = runCliProcess;


const MANIFEST = '.policy-annotator-export.json';

// CRLF and an astral character: offsets must stay UTF-16 in every export.
const ARTICLE = 'The ISI backs the Taliban.\r\nImran Khan said the Taliban are “normal civilians.” 😀\r\n';
const ACTORS = threeActorsYaml();
const ANNOTATIONS = `text: texts/a.txt
claims:
  - id: civilians
    claimant: imran-khan
    quote: normal civilians
  - id: lost
    claimant: isi
    quote: the ISI funds everyone
`;

describe('policy-annotator export', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'policy-annotator-export-'));
  const partial = createTempWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/a.yaml': ANNOTATIONS });
  after(() => {
    rmSync(scratch, { recursive: true, force: true });
    partial.dispose();
  });
  let counter = 0;
  const freshOut = () => path.join(scratch, `out-${++counter}`);

  for (const format of ['w3c', 'brat', 'network']) {
    it(`writes the ${format} export of the sample corpus, identical to the golden files`, () => {
      const out = freshOut();
      const result = run(['export', '--format', format, '--out', out], REPO_ROOT);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.match(result.stdout, new RegExp(`^Exported .* files in ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\n$`));
      const golden = path.join(REPO_ROOT, 'test', 'golden', 'export', format);
      const written = listTree(out);
      assert.deepEqual(written, [MANIFEST, ...listTree(golden)].sort());
      for (const file of written.filter((f) => f !== MANIFEST)) {
        assert.ok(readFileSync(path.join(out, file)).equals(readFileSync(path.join(golden, file))), `${file} matches its golden file`);
      }
    });
  }

  it('writes what it can, lists what it could not export on stderr with file:line:col, and exits 1', () => {
    const out = freshOut();
    const result = run(['export', '--format', 'w3c', '--out', out, '--workspace', partial.dir], scratch);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^annotations\/a\.yaml:8:12 {2}warning {2}Claim `lost` was not exported: its quote does not occur in `annotations\/texts\/a\.txt`\. Correct the quote, then export again\./m);
    assert.match(result.stderr, /1 annotation could not be exported, or only in part \(listed above\); everything else was written\./);
    const collection = JSON.parse(readFileSync(path.join(out, 'annotations/texts/a.jsonld'), 'utf8')) as { first: { items: { id: string }[] } };
    assert.deepEqual(collection.first.items.map((i) => i.id), ['urn:policy-annotator:annotations/a.yaml#claim/civilians']);
  });

  it('keeps CRLF and astral characters of the text in the brat copy and counts offsets in code points', () => {
    const out = freshOut();
    const result = run(['export', '--format', 'brat', '--out', out, '--workspace', partial.dir], scratch);
    assert.equal(result.code, 1, 'the unresolved claim is reported');
    assert.ok(readFileSync(path.join(out, 'annotations/texts/a.txt')).equals(readFileSync(path.join(partial.dir, 'annotations/texts/a.txt'))));
    const ann = readFileSync(path.join(out, 'annotations/texts/a.ann'), 'utf8');
    const start = Array.from(ARTICLE.slice(0, ARTICLE.indexOf('normal civilians'))).length;
    assert.match(ann, new RegExp(`^T\\d+\\tClaim ${start} ${start + 16}\\tnormal civilians$`, 'm'));
  });

  it('names texts and actors under --base-iri', () => {
    const out = freshOut();
    run(['export', '--format', 'w3c', '--out', out, '--workspace', partial.dir, '--base-iri', 'https://example.org/repo/blob/main/'], scratch);
    const text = readFileSync(path.join(out, 'annotations/texts/a.jsonld'), 'utf8');
    assert.match(text, /"source": \{\s*"id": "https:\/\/example\.org\/repo\/blob\/main\/annotations\/texts\/a\.txt"/);
    assert.match(text, /"pa:claimant": "https:\/\/example\.org\/repo\/blob\/main\/annotations\/actors\.yaml#imran-khan"/);
  });

  it('exits 2 on a bad command line, in one line with a pointer to --help', () => {
    const cases: [string[], RegExp][] = [
      [['export', '--out', freshOut()], /export needs --format: w3c, brat, network/],
      [['export', '--format', 'xml', '--out', freshOut()], /Unknown export format `xml`: use w3c, brat, network/],
      [['export', '--format', 'brat'], /export needs --out <dir>/],
      [['export', '--format', 'w3c', '--out', freshOut(), '--base-iri', 'relative/path/'], /--base-iri must be an absolute IRI/],
      [['export', '--format', 'brat', '--out', freshOut(), '--base-iri', 'https://example.org/'], /--base-iri applies to --format w3c only/],
      [['export', '--format', 'brat', '--out', freshOut(), '--bogus'], /Unknown option `--bogus` for export\./],
      [['export', '--format', 'brat', '--out', freshOut(), '--workspace', scratch], /No annotation files in/],
    ];
    for (const [args, message] of cases) {
      const result = run(args, REPO_ROOT);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.match(result.stderr, /^policy-annotator: .* See `policy-annotator --help`\.\n$/);
    }
  });

  it('never writes into a folder that holds other files, and leaves it untouched', () => {
    const out = freshOut();
    mkdirSync(out);
    writeFileSync(path.join(out, 'notes.txt'), 'mine');
    const result = run(['export', '--format', 'brat', '--out', out], REPO_ROOT);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /is not empty and holds no earlier policy-annotator export\. Choose a new or empty folder/);
    assert.deepEqual(listTree(out), ['notes.txt']);
    const file = path.join(out, 'notes.txt');
    assert.equal(run(['export', '--format', 'brat', '--out', file], REPO_ROOT).code, 2, '--out that is a file');
    assert.equal(readFileSync(file, 'utf8'), 'mine');
  });

  it('re-exports into its own earlier export, removing files it no longer writes, but never over changed or foreign files', () => {
    const workspace = createTempWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/texts/b.txt': 'The ISI.\n', 'annotations/actors.yaml': ACTORS, 'annotations/a.yaml': 'text: texts/a.txt\n', 'annotations/b.yaml': 'text: texts/b.txt\n' });
    try {
      const out = freshOut();
      const exportBrat = () => run(['export', '--format', 'brat', '--out', out, '--workspace', workspace.dir], scratch);
      assert.equal(exportBrat().code, 0);
      assert.ok(existsSync(path.join(out, 'annotations/texts/b.ann')));
      assert.equal(exportBrat().code, 0, 'an unchanged earlier export is replaced');

      rmSync(path.join(workspace.dir, 'annotations/b.yaml'));
      const again = exportBrat();
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /removed 2 files of the previous export/);
      assert.ok(!existsSync(path.join(out, 'annotations/texts/b.ann')) && !existsSync(path.join(out, 'annotations/texts/b.txt')));

      const edited = path.join(out, 'annotations/texts/a.ann');
      writeFileSync(edited, 'T1\tperson 0 3\tThe\n');
      const refused = exportBrat();
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /changed since the last export: annotations\/texts\/a\.ann\. Move your changes elsewhere or export to a new folder/);
      assert.equal(readFileSync(edited, 'utf8'), 'T1\tperson 0 3\tThe\n', 'the edited file is kept');

      const other = freshOut();
      assert.equal(run(['export', '--format', 'brat', '--out', other, '--workspace', workspace.dir], scratch).code, 0);
      writeFileSync(path.join(workspace.dir, 'annotations/b.yaml'), 'text: texts/b.txt\n');
      writeFileSync(path.join(other, 'annotations/texts/b.ann'), 'mine');
      const foreign = run(['export', '--format', 'brat', '--out', other, '--workspace', workspace.dir], scratch);
      assert.equal(foreign.code, 2);
      assert.match(foreign.stderr, /were not written by the last export: annotations\/texts\/b\.ann\. A new export replaces the whole folder/);
      assert.equal(readFileSync(path.join(other, 'annotations/texts/b.ann'), 'utf8'), 'mine');

      const otherFormat = run(['export', '--format', 'w3c', '--out', other, '--workspace', workspace.dir], scratch);
      assert.equal(otherFormat.code, 2);
      assert.match(otherFormat.stderr, /holds a brat export\. Export w3c to another folder/);
    } finally {
      workspace.dispose();
    }
  });

  it('resolves --out and --workspace against the current directory', () => {
    const result = run(['export', '--format', 'network', '--out', 'relative-out', '--workspace', path.relative(scratch, REPO_ROOT)], scratch);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(path.join(scratch, 'relative-out', 'relations', 'relations.graphml')));
  });
});
