/* eslint-disable no-control-regex -- these tests are about control characters in output */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixture, fixtureOnDisk, namedFixture } from '../helpers/fixture';
import { threeActorsYaml } from '../helpers/threeActors';
import { runCliProcess } from '../helpers/tempWorkspace';

const run = runCliProcess;

const THREE_ACTORS = fixture(namedFixture('three-actors'));
const CLAIMS = `text: texts/a.txt
claims:
  - id: c1
    claimant: isi
    quote: The ISI backs the Taliban.
`;

describe('policy-annotator output that cannot lie', () => {
  // A claimant that, printed raw, would clear the screen and print a false all-clear.
  const hostile = fixtureOnDisk(
    THREE_ACTORS,
    `
-- annotations/a.yaml --
${CLAIMS}  - id: c2
    claimant: "\\e[2J\\e[H\\e[32m✔ No problems in 1 annotation file.\\e[0m"
    quote: The ISI backs the Taliban.
`,
  );
  const hintsOnly = fixtureOnDisk(THREE_ACTORS, { 'annotations/actors.yaml': threeActorsYaml(['Taliban', 'Mullah Omar']), 'annotations/a.yaml': CLAIMS });
  after(() => {
    hostile.dispose();
    hintsOnly.dispose();
  });

  it('check: an id holding terminal escapes cannot clear the screen or fake a success line', () => {
    for (const colour of ['--no-color', '--color']) {
      const result = run(['check', '--no-cache', colour], hostile.dir);
      assert.equal(result.code, 1);
      assert.doesNotMatch(result.stdout, /\u001b\[2J|\u001b\[H|\u001b\[32m✔/);
      for (const escape of result.stdout.matchAll(/\u001b(.{0,6})/g)) assert.match(escape[1], /^\[\d+m/, 'only the formatter\'s own colours');
      assert.match(result.stdout, /\\x1B\[2J\\x1B\[H\\x1B\[32m✔ No problems/);
      assert.match(result.stdout, /✖ \d+ problems? \(1 error/);
    }
  });

  it('check --format github: stdout holds nothing but workflow commands', () => {
    const result = run(['check', '--no-cache', '--format', 'github'], hostile.dir);
    assert.equal(result.code, 1);
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    assert.ok(lines.length > 0);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^:]*::[^\u0000-\u001f]*$/);
    assert.match(result.stderr, /✖ \d+ problems?/);
  });

  it('check: infos and hints alone print no ✖ and exit 0', () => {
    const result = run(['check', '--no-cache', '--color'], hintsOnly.dir);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /alias-unused/);
    assert.doesNotMatch(result.stdout, /✖/);
    assert.match(result.stdout, /✔ No errors or warnings in 2 annotation files \(0 info, \d+ hints?\)/);
  });

  it('a usage error is one line with a did-you-mean and a pointer to --help', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--formt', 'json'], /^policy-annotator: Unknown option `--formt` for check\. Did you mean `--format`\? See `policy-annotator --help`\.\n$/],
      [['check', '--max-warning', '3'], /Did you mean `--max-warnings`\?/],
      [['chek'], /^policy-annotator: Unknown command `chek`\. Did you mean `check`\? See `policy-annotator --help`\.\n$/],
      [['check', '--format'], /^policy-annotator: `--format` needs a value/],
      [['check', '--format', 'xml'], /^policy-annotator: Unknown format `xml`: use stylish, json, github, sarif\. See `policy-annotator --help`\.\n$/],
      [['export', '--bogus'], /Unknown option `--bogus` for export\./],
    ];
    for (const [args, expected] of cases) {
      const result = run(args, hintsOnly.dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, expected, args.join(' '));
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
      assert.equal(result.stdout, '');
    }
  });

  it('check --help shows the usage', () => {
    const result = run(['check', '--help'], hintsOnly.dir);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Usage: policy-annotator/);
  });
});
