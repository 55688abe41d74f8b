import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { threeActorsArticle, threeActorsYaml } from '../helpers/threeActors';
import { createTempWorkspace, type TempWorkspace, runCliProcess } from '../helpers/tempWorkspace';


const run = runCliProcess;

const ARTICLE = threeActorsArticle();
const ACTORS = `# Actors of the fixture\n${threeActorsYaml()}`;
const CLAIMS = [
  '# claims about the ISI',
  'text: texts/a.txt',
  'claims:',
  '  - id: c1   # keep this comment',
  '    claimant: imran-kahn',
  '    quote: \'the Taliban are "normal civilians."\'',
  '  - id: c2',
  '    claimant: nobody-like-this',
  '    quote: The ISI backs the Taliban.',
  '',
].join('\n');
const FIXED_CLAIMS = CLAIMS.replace('imran-kahn', 'imran-khan').replace('\'the Taliban are "normal civilians."\'', '\'the Taliban are “normal civilians.”\'');

function withWorkspace(files: Record<string, string>, body: (workspace: TempWorkspace, read: (p: string) => string) => void): void {
  const workspace = createTempWorkspace(files);
  try {
    body(workspace, (p) => readFileSync(path.join(workspace.dir, p), 'utf8'));
  } finally {
    workspace.dispose();
  }
}

interface JsonRow {
  code: string;
  line: number;
}

describe('policy-annotator check --fix', () => {
  it('applies only safe and certain fixes, lists each change, and never removes an unused alias', () => {
    const actors = ACTORS.replace('    aliases: [Taliban]', '    aliases: [Taliban, Talibs]   # Talibs never occurs');
    withWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': actors, 'annotations/a.yaml': CLAIMS }, (workspace, read) => {
      const result = run(['check', '--fix', '--format', 'json', '--no-cache'], workspace.dir);
      assert.equal(read('annotations/a.yaml'), FIXED_CLAIMS);
      assert.equal(read('annotations/actors.yaml'), actors, 'an alias no text uses yet is a suggestion, never applied by --fix');
      assert.match(result.stderr, /fixed 2 problems in 1 file:\n/);
      assert.ok(result.stderr.includes('  annotations/a.yaml:5 unknown-actor: "imran-kahn" → "imran-khan"\n'), result.stderr);
      assert.ok(result.stderr.includes('  annotations/a.yaml:6 quote-normalized: "\'the Taliban are \\"normal civilians.\\"\'" → "\'the Taliban are “normal civilians.”\'"\n'), result.stderr);
      const left = (JSON.parse(result.stdout) as JsonRow[]).map((r) => r.code).sort();
      assert.deepEqual(left, ['alias-unused', 'unknown-actor'], 'an id with no close match, and the unused alias, are left for a person');
      assert.equal(result.code, 1);
    });
  });

  it('a second --fix changes nothing (idempotent)', () => {
    withWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/a.yaml': CLAIMS }, (workspace, read) => {
      run(['check', '--fix', '--no-cache'], workspace.dir);
      const once = read('annotations/a.yaml');
      assert.equal(once, FIXED_CLAIMS);
      const again = run(['check', '--fix', '--no-cache'], workspace.dir);
      assert.equal(read('annotations/a.yaml'), once);
      assert.match(again.stderr, /nothing to fix/);
      assert.doesNotMatch(again.stderr, /fixed/);
    });
  });

  it('rewrites a quote that spans a line break as a block scalar that parses (the reported bug), and a CRLF file keeps CRLF', () => {
    // The article breaks the line inside the quote; the annotator wrote it as a plain scalar over two lines.
    for (const eol of ['\n', '\r\n']) {
      const claims = ['text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: isi', '    quote: backs the Taliban. Imran Khan said', '      the Taliban are', '    about: [taliban]', ''].join(eol);
      withWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/a.yaml': claims }, (workspace, read) => {
        const result = run(['check', '--fix', '--format', 'json', '--no-cache'], workspace.dir);
        const fixed = read('annotations/a.yaml');
        assert.equal(fixed, ['text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: isi', '    quote: |-', '      backs the Taliban.', '      Imran Khan said the Taliban are', '    about: [taliban]', ''].join(eol));
        assert.deepEqual(parseDocument(fixed).errors, []);
        const codes = (JSON.parse(result.stdout) as JsonRow[]).map((r) => r.code);
        assert.ok(!codes.includes('yaml-syntax') && !codes.includes('quote-normalized'), result.stdout);
        assert.match(result.stderr, /fixed 1 problem in 1 file:\n {2}annotations\/a\.yaml:5 quote-normalized: /);
      });
    }
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    withWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/a.yaml': CLAIMS }, (workspace, read) => {
      const result = run(['check', '--fix-dry-run', '--no-cache'], workspace.dir);
      assert.equal(read('annotations/a.yaml'), CLAIMS, 'nothing written');
      assert.ok(result.stdout.startsWith([
        '--- a/annotations/a.yaml',
        '+++ b/annotations/a.yaml',
        '@@ -2,8 +2,8 @@',
        ' text: texts/a.txt',
        ' claims:',
        '   - id: c1   # keep this comment',
        '-    claimant: imran-kahn',
        '-    quote: \'the Taliban are "normal civilians."\'',
        '+    claimant: imran-khan',
        '+    quote: \'the Taliban are “normal civilians.”\'',
        '   - id: c2',
        '     claimant: nobody-like-this',
        '     quote: The ISI backs the Taliban.',
        '',
      ].join('\n')), result.stdout);
      assert.match(result.stderr, /would fix 2 problems in 1 file:/);
      // The report that follows is about the files as they are.
      assert.match(result.stdout, /imran-kahn/);
      // The diff applies with patch(1) and gives exactly what --fix writes.
      const diff = result.stdout.split('\n');
      const end = diff.findIndex((line, i) => i > 1 && !/^[ +\-@\\]/.test(line));
      const patched = spawnSync('patch', ['-p1', '-s'], { cwd: workspace.dir, input: `${diff.slice(0, end).join('\n')}\n`, encoding: 'utf8' });
      assert.equal(patched.status, 0, patched.stderr + patched.stdout);
      assert.equal(read('annotations/a.yaml'), FIXED_CLAIMS);
    });
  });

  it('--fix-code limits the fixes to the given codes; a code without fixes is a usage error', () => {
    withWorkspace({ 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/a.yaml': CLAIMS }, (workspace, read) => {
      const result = run(['check', '--fix', '--fix-code', 'quote-normalized', '--no-cache'], workspace.dir);
      assert.equal(read('annotations/a.yaml'), CLAIMS.replace('\'the Taliban are "normal civilians."\'', '\'the Taliban are “normal civilians.”\''));
      assert.match(result.stderr, /fixed 1 problem in 1 file/);
      const wrong = run(['check', '--fix', '--fix-code', 'alias-unused'], workspace.dir);
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /`alias-unused` has no fix that --fix applies, only suggestions/);
      const alone = run(['check', '--fix-code', 'quote-normalized'], workspace.dir);
      assert.equal(alone.code, 2);
      assert.match(alone.stderr, /--fix-code limits --fix or --fix-dry-run/);
    });
  });

  it('drops a fix that would add an error, says which and why, and leaves the file as it was', () => {
    // With duplicate claims as errors, pointing c2's claimant at imran-khan would duplicate c1.
    const claims = ['text: texts/a.txt', 'claims:', '  - id: c1', '    claimant: imran-khan', '    quote: normal civilians', '  - id: c2', '    claimant: imran-kahn', '    quote: normal civilians', ''].join('\n');
    withWorkspace({ 'policy-annotator.yaml': 'severity:\n  duplicate-claim: error\n', 'annotations/texts/a.txt': ARTICLE, 'annotations/actors.yaml': ACTORS, 'annotations/a.yaml': claims }, (workspace, read) => {
      const result = run(['check', '--fix', '--no-cache'], workspace.dir);
      assert.equal(read('annotations/a.yaml'), claims);
      assert.match(result.stderr, /skipped 1 fix:\n {2}annotations\/a\.yaml:7 unknown-actor \(Change to `imran-khan`\): it would add the error duplicate-claim on line 5: Another claim by `imran-khan`/);
      assert.doesNotMatch(result.stderr, /fixed/);
    });
  });
});
