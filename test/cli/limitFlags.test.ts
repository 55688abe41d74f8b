import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { commitAll } from '../helpers/gitRepo';
import { threeActorsYaml } from '../helpers/threeActors';
import { createTempWorkspace, runCliProcess } from '../helpers/tempWorkspace';

const run = runCliProcess;

interface Row {
  file: string;
  code: string;
  severity: string;
  message: string;
}

/** The user raises a limit on the command line; the workspace's own file cannot. */
describe('limit flags', () => {
  const big = `The ISI backs the Taliban. ${'Filler words in a long report. '.repeat(Math.ceil((25 * 1024 * 1024) / 31))}`;
  const workspace = createTempWorkspace({
    'policy-annotator.yaml': 'limits:\n  text-size: 4GB\n',
    'annotations/actors.yaml': threeActorsYaml(),
    'annotations/a.yaml': 'text: texts/big.txt\nclaims:\n  - {id: c1, claimant: isi, quote: The ISI backs the Taliban}\n',
    'annotations/texts/big.txt': big,
  });
  after(() => workspace.dispose());
  const check = (...flags: string[]) => {
    const result = run(['check', '--format', 'json', ...flags], workspace.dir);
    return { ...result, rows: result.code === 2 ? [] : (JSON.parse(result.stdout) as Row[]) };
  };

  it('a workspace asking for 4GB gets a warning and the default limit: the 25 MB text is not read', () => {
    const result = check();
    assert.equal(result.code, 1);
    assert.ok(result.rows.some((r) => r.file === 'policy-annotator.yaml' && r.code === 'limit-ignored' && r.severity === 'warning'));
    assert.ok(result.rows.some((r) => r.file === 'annotations/a.yaml' && r.code === 'text-not-found' && /above the limit of 20\.0 MB/.test(r.message)));
  });

  it('--max-text-size raises it for this run, and the workspace still cannot go above that', () => {
    for (const flags of [['--max-text-size', '30MB'], ['--max-text-size=30MB']]) {
      const result = check(...flags);
      assert.equal(result.code, 0, result.stderr);
      assert.ok(!result.rows.some((r) => r.code === 'text-not-found'), 'the text is read');
      const ignored = result.rows.filter((r) => r.code === 'limit-ignored');
      assert.equal(ignored.length, 1);
      assert.match(ignored[0].message, /and 30MB applies here/);
    }
  });

  it('refuses a value above the hard ceiling, or not a size, as a usage error', () => {
    const above = run(['check', '--max-text-size', '1GB'], workspace.dir);
    assert.equal(above.code, 2);
    assert.match(above.stderr, /--max-text-size asks for 1024MB, above the hard ceiling of 64MB, beyond which nothing is read/);
    const missing = run(['check', '--max-annotation-file-size'], workspace.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--max-annotation-file-size needs a size, such as --max-annotation-file-size 40MB\./);
    const bad = run(['check', '--max-text-size', 'lots'], workspace.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-text-size is "lots", which is not a size/);
  });

  it('applies to export and diff too', () => {
    const out = path.join(workspace.dir, 'export-out');
    const result = run(['export', '--format', 'brat', '--out', 'export-out', '--max-text-size', '30MB'], workspace.dir);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(path.join(out, 'annotations', 'texts', 'big.txt')));

    commitAll(workspace.dir, 'base', true);
    workspace.write('annotations/a.yaml', 'text: texts/big.txt\nclaims:\n  - {id: c1, claimant: isi, quote: The ISI backs the Taliban}\n  - {id: c2, claimant: taliban, quote: The ISI backs}\n');
    const anchorOfC2 = (...flags: string[]) => {
      const diff = run(['diff', 'HEAD', '--format', 'json', ...flags], workspace.dir);
      assert.equal(diff.code, 0, diff.stderr);
      return (JSON.parse(diff.stdout) as { claims: { id: string; after?: { anchor: string } }[] }).claims.find((c) => c.id === 'c2')?.after?.anchor;
    };
    assert.equal(anchorOfC2(), 'no-text', 'by default the text is too large to read');
    assert.notEqual(anchorOfC2('--max-text-size', '30MB'), 'no-text');
  });
});
