// Paranoid mode (core/live/paranoid.ts): after changes the live workspace's
// incremental diagnostics are compared with a rebuild from scratch, and the
// block reader's trees with parseDocument's. A normal sequence of edits
// reports nothing; a deliberately faulty index update, and a block reader
// that gives a wrong tree, are reported with the change that came before.
import type { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_VOCABULARY, parseAnnotationFile, type WorkspaceFileHost } from '../../server/src/core';
import { LiveWorkspace, PARANOID_PREFIX, ParanoidMode } from '../../server/src/core/live';
import { blockReaderDisagreement } from '../../server/src/core/syntax/blockReaderCheck';
import * as fastYaml from '../../server/src/core/syntax/fastYaml';
import { uriOf, WORKSPACE } from '../helpers/memoryWorkspace';
import { ACTORS_URI, CLAIMS, CLAIMS_URI, FILES, TEXT_URI } from './features/fixture';

/** A live workspace over an in-memory disk, in paranoid mode, with what it reports. */
function paranoidWorkspace(files: Record<string, string> = FILES) {
  const disk = new Map(Object.entries(files).map(([path, content]) => [uriOf(path), content]));
  const host: WorkspaceFileHost = {
    listFiles: async (folder) => [...disk.keys()].filter((uri) => uri.startsWith(`${folder}/`)).sort(),
    readFile: async (uri) => disk.get(uri),
  };
  const reports: string[] = [];
  const logged: string[] = [];
  const paranoid = new ParanoidMode({ report: (message) => reports.push(message) });
  const live = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => host, log: (message) => logged.push(message), paranoid });
  return { disk, live, paranoid, reports, logged };
}

/**
 * A paranoid workspace, indexed and checked once, whose live index from then
 * on parses annotation files wrongly (as if the claimant `isi` were
 * `nobody`), though it stores the right content: the seam for a faulty
 * incremental update.
 */
async function loadedWithWrongParse(): Promise<ReturnType<typeof paranoidWorkspace>> {
  const workspace = paranoidWorkspace();
  await workspace.live.load();
  await workspace.paranoid.idle();
  const index = workspace.live.indexFor(CLAIMS_URI) as WorkspaceIndex;
  // The live workspace enters an edit in steps; `setAnnotationFile` goes through the same method.
  const setAnnotationFileInSteps = index.setAnnotationFileInSteps.bind(index);
  index.setAnnotationFileInSteps = (uri, content) => setAnnotationFileInSteps(uri, content, parseAnnotationFile(uri, content.replace('claimant: isi', 'claimant: nobody'), DEFAULT_VOCABULARY));
  return workspace;
}

describe('paranoid mode of the live workspace', () => {
  it('reports nothing after a normal sequence of edits, and checks after each', async () => {
    const { disk, live, paranoid, reports, logged } = paranoidWorkspace();
    await live.load();
    await paranoid.idle();
    assert.equal(paranoid.counts.checks, 1, 'the first indexing is checked');
    const steps: [string, () => Promise<void>][] = [
      ['a claimant changed to an unknown actor', () => live.setBuffer(CLAIMS_URI, CLAIMS.replace('claimant: isi', 'claimant: nobody'))],
      ['a quote that no longer matches', () => live.setBuffer(CLAIMS_URI, CLAIMS.replace('quote: backs the Taliban', 'quote: backs the Talibans'))],
      ['the text edited', () => live.setBuffer(TEXT_URI, `${FILES['annotations/texts/a.txt']} The ISI agreed.`)],
      ['an alias removed', () => live.setBuffer(ACTORS_URI, FILES['annotations/actors.yaml'].replace('aliases: [ISI]', 'aliases: []'))],
      ['the claims file closed', () => live.closeBuffer(CLAIMS_URI)],
      [
        'a new annotation file on disk',
        () => {
          disk.set(uriOf('annotations/more.yaml'), 'text: texts/a.txt\nclaims:\n  - id: more\n    claimant: taliban\n    quote: The ISI denies it.\n');
          return live.filesChanged([{ uri: uriOf('annotations/more.yaml'), kind: 'created' }]);
        },
      ],
      [
        'the text closed and deleted on disk',
        async () => {
          await live.closeBuffer(TEXT_URI);
          disk.delete(TEXT_URI);
          return live.filesChanged([{ uri: TEXT_URI, kind: 'deleted' }]);
        },
      ],
    ];
    for (const [what, step] of steps) {
      const checksBefore = paranoid.counts.checks;
      await step();
      await paranoid.idle();
      assert.deepEqual(reports, [], `nothing reported after ${what}`);
      assert.ok(paranoid.counts.checks > checksBefore, `a check ran after ${what}`);
    }
    assert.deepEqual(logged, []);
    assert.equal(paranoid.counts.differences, 0);
  });

  it('reports a faulty incremental index update, naming the file, both diagnostics and the edit', async () => {
    const { live, paranoid, reports } = await loadedWithWrongParse();
    const edited = `${CLAIMS}# reviewed\n`;
    await live.setBuffer(CLAIMS_URI, edited);
    await paranoid.idle();
    assert.equal(reports.length, 1, reports.join('\n'));
    const [report] = reports;
    assert.ok(report.startsWith(PARANOID_PREFIX), report);
    assert.match(report, /the incremental diagnostics of 1 file differ from a rebuild/);
    assert.ok(report.includes(`${CLAIMS_URI} has 2 diagnostics incrementally and 1 after a rebuild`), report);
    assert.match(report, /the first that differs is unknown-actor at \d+–\d+ \(error\) ".*nobody.*" incrementally, none after a rebuild/);
    assert.ok(report.includes(`after ${CLAIMS_URI} changed in an editor: offsets ${CLAIMS.length}–${CLAIMS.length} (0 characters) replaced by 11 characters`), report);
    assert.ok(!report.includes('Said in an interview'), 'the report quotes no content of the file');
    assert.equal(paranoid.counts.differences, 1);
  });

  it('checks changes that come during a check together, and names how many there were', async () => {
    const { live, paranoid, reports } = await loadedWithWrongParse();
    // Three edits in one go, before the check they scheduled has run.
    await Promise.all([live.setBuffer(CLAIMS_URI, `${CLAIMS}#1\n`), live.setBuffer(TEXT_URI, `${FILES['annotations/texts/a.txt']} More.`), live.setBuffer(CLAIMS_URI, `${CLAIMS}#12\n`)]);
    await paranoid.idle();
    assert.equal(reports.length, 1, reports.join('\n'));
    assert.match(reports[0], /after 3 changes since the last check \(the latest: .*claims\.yaml changed in an editor.*; .*a\.txt changed in an editor.*; .*claims\.yaml changed in an editor: offsets \d+–\d+ \(0 characters\) replaced by 1 character\)/);
  });
});

describe('paranoid mode of the block reader', () => {
  const text = 'claims:\n  - id: c1\n    quote: first\n  - id: c2\n    quote: second quote\n';

  it('names the first path where a planted tree differs from parseDocument', () => {
    const planted = fastYaml.parseBlockYaml(text)!;
    assert.equal(blockReaderDisagreement(text, planted), undefined, 'the real tree agrees');
    const quote = planted.getIn(['claims', 1, 'quote'], true) as { range: [number, number, number] };
    quote.range = [quote.range[0], quote.range[1] - 1, quote.range[2]];
    assert.match(blockReaderDisagreement(text, planted)!, /^claims\[1\]\.quote: range is \[\d+,\d+,\d+\] in the block reader, \[\d+,\d+,\d+\] in parseDocument$/);
    assert.match(blockReaderDisagreement('a: 1\n', null)!, /empty document/);
    assert.match(blockReaderDisagreement('a: [\n', planted)!, /parseDocument finds a problem at offset \d+/);
  });

  it('reports, through the parser option, a block reader that gives a wrong tree, with the file', async () => {
    const module = fastYaml as unknown as { parseBlockYaml: typeof fastYaml.parseBlockYaml };
    const real = module.parseBlockYaml;
    // The seam: a block reader that reads every `quote` one character short.
    module.parseBlockYaml = (source) => {
      const tree = real(source);
      if (!tree) return tree;
      const claims = tree.get('claims', true) as { items?: { get(key: string, keep: true): { range: [number, number, number] } | undefined }[] } | undefined;
      const quote = claims?.items?.[0]?.get('quote', true);
      if (quote) quote.range = [quote.range[0], quote.range[1] - 1, quote.range[2]];
      return tree;
    };
    try {
      const direct: string[] = [];
      parseAnnotationFile(CLAIMS_URI, CLAIMS, DEFAULT_VOCABULARY, { onBlockReaderDisagreement: (message) => direct.push(message) });
      assert.equal(direct.length, 1);
      assert.match(direct[0], new RegExp(`^${CLAIMS_URI}: claims\\[0\\]\\.quote: range is`));

      const { live, paranoid, reports } = paranoidWorkspace();
      await live.load();
      await paranoid.idle();
      assert.equal(reports.length, 1, reports.join('\n'));
      assert.ok(reports[0].startsWith(`${PARANOID_PREFIX} the block reader and parseDocument disagree on ${CLAIMS_URI}: claims[0].quote: range is`), reports[0]);
      assert.ok(reports[0].endsWith('(after the first indexing)'), reports[0]);
      // Only files changed since the last check are read twice: an edit of the text reports nothing new.
      await live.setBuffer(TEXT_URI, `${FILES['annotations/texts/a.txt']} More.`);
      await paranoid.idle();
      assert.equal(reports.length, 1, reports.join('\n'));
    } finally {
      module.parseBlockYaml = real;
    }
  });
});
