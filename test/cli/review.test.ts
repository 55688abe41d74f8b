import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { parse } from 'yaml';
import { DOCS_BASE_URL } from '../../server/src/core';
import { fixture } from '../helpers/fixture';
import { commitAll, git } from '../helpers/gitRepo';
import { createTempWorkspace, REPO_ROOT, runCliProcess } from '../helpers/tempWorkspace';
import { threeActorsYaml } from '../helpers/threeActors';

const run = runCliProcess;

const SARIF_SCHEMA = path.join(REPO_ROOT, 'test', 'conformance', 'sarif', 'sarif-schema-2.1.0.json');

// The three actors (test/fixtures/three-actors.txtar), a three-line article and two claims on it.
const FILES = fixture(
  { 'annotations/actors.yaml': threeActorsYaml() },
  `
-- annotations/texts/a.txt --
The ISI backs the Taliban.
Imran Khan said the Taliban are “normal civilians.”
The ISI denies it.
-- annotations/a.yaml --
text: texts/a.txt
claims:
  - id: c1
    claimant: isi
    quote: The ISI backs the Taliban.
  - id: c2
    claimant: imran-khan
    quote: the Taliban are “normal civilians.”
`,
);
const ARTICLE = FILES['annotations/texts/a.txt'];
const ACTORS = FILES['annotations/actors.yaml'];
const CLAIMS = FILES['annotations/a.yaml'];

describe('check for pull requests', () => {
  const broken = createTempWorkspace({
    'annotations/texts/a.txt': ARTICLE,
    'annotations/actors.yaml': ACTORS,
    'annotations/a.yaml': CLAIMS.replace('claimant: isi', 'claimant: is,i').replace('quote: The ISI backs the Taliban.', 'quote: "100% wrong: nowhere\\nin the text"') + '  - {id: c3, claimant: isi, quote: The ISI}\n',
    'annotations/odd, name: x.yaml': 'actors:\n  - {id: x, name: X, kind: person, colour: red}\n',
  });
  after(() => broken.dispose());

  it('github: workflow commands with escaped properties and messages', () => {
    const result = run(['check', '--format', 'github'], broken.dir);
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n');
    const odd = lines.find((l) => l.includes('unknown-field'))!;
    assert.match(odd, /^::error file=annotations\/odd%2C name%3A x\.yaml,line=2,col=36,endLine=2,endColumn=42,title=unknown-field \(error\)::Unknown field `colour`/);
    const quote = lines.find((l) => l.includes('quote-not-found'))!;
    assert.match(quote, /::The quote "100%25 wrong: nowhere in the text"/);
    assert.ok(!lines.some((l) => l.startsWith('::') && /\n|\r/.test(l)));
    assert.ok(lines.some((l) => l.startsWith('::error file=annotations/a.yaml,') && l.includes('title=quote-ambiguous (error)')));
    // stdout holds workflow commands only; the totals go to stderr.
    assert.ok(lines.every((l) => l.startsWith('::')), result.stdout);
    assert.match(result.stderr, /problems/);
  });

  it('github: warnings and infos become ::warning and ::notice', () => {
    const warnings = createTempWorkspace({
      'annotations/texts/a.txt': ARTICLE,
      'annotations/actors.yaml': ACTORS.replace('aliases: [Taliban]', 'aliases: [Taliban, ISI]'),
      'annotations/a.yaml': CLAIMS.replace('quote: the Taliban are “normal civilians.”', 'quote: \'the Taliban are "normal civilians."\''),
    });
    try {
      const result = run(['check', '--format', 'github'], warnings.dir);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /^::warning file=annotations\/actors\.yaml,.*title=alias-conflict \(warning\)::/m);
      assert.match(result.stdout, /^::notice file=annotations\/a\.yaml,.*title=quote-normalized \(info\)::/m);
      assert.equal(run(['check', '--max-warnings', '1'], warnings.dir).code, 1);
      assert.equal(run(['check', '--max-warnings', '2'], warnings.dir).code, 0);
      const onlyWarnings = JSON.parse(run(['check', '--format', 'json', '--severity', 'warning'], warnings.dir).stdout) as { severity: string }[];
      assert.deepEqual([...new Set(onlyWarnings.map((r) => r.severity))], ['warning']);
      assert.equal(run(['check', '--max-warnings', 'many'], warnings.dir).code, 2);
      assert.equal(run(['check', '--severity', 'loud'], warnings.dir).code, 2);
    } finally {
      warnings.dispose();
    }
  });

  it('sarif: validates against the SARIF 2.1.0 schema, one rule per code with help', () => {
    const result = run(['check', '--format', 'sarif'], broken.dir);
    assert.equal(result.code, 1);
    const log = JSON.parse(result.stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    assert.ok(validate({ ...log }), JSON.stringify(validate.errors, null, 2));
    const rules = log.runs[0].tool.driver.rules as { id: string; help: { text: string } }[];
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
    assert.ok(rules.some((r) => r.id === 'quote-ambiguous' && r.help.text.includes('prefix')));
    // Each rule links to its section of docs/checks.md (test/unit/docsChecks.test.ts checks that the section exists).
    for (const rule of rules as { id: string; helpUri?: string }[]) assert.equal(rule.helpUri, `${DOCS_BASE_URL}checks.md#${rule.id}`);
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; relatedLocations?: unknown[]; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.ok(results.every((r) => rules[r.ruleIndex].id === r.ruleId));
    const ambiguous = results.find((r) => r.ruleId === 'quote-ambiguous')!;
    assert.equal(ambiguous.relatedLocations?.length, 2);
    assert.ok(results.some((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'annotations/odd,%20name:%20x.yaml'));
  });

  it('the SARIF validation harness rejects invalid logs', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
    const log = JSON.parse(run(['check', '--format', 'sarif'], broken.dir).stdout);
    log.runs[0].results[0].level = 'fatal';
    assert.equal(validate(log), false);
    assert.equal(validate({ version: '2.1.0' }), false);
  });

  it('--changed-since reports problems on changed lines and every error in changed files', () => {
    const repo = createTempWorkspace({
      'annotations/texts/a.txt': ARTICLE,
      'annotations/actors.yaml': ACTORS.replace('aliases: [Taliban]', 'aliases: [Taliban, ISI]'),
      'annotations/a.yaml': CLAIMS,
      'annotations/old.yaml': 'text: texts/a.txt\nclaims:\n  - {id: old, claimant: nobody, quote: The ISI denies it.}\n',
    });
    try {
      commitAll(repo.dir, 'base', true);
      // An error and a warning-worthy change in a.yaml; nothing changes in old.yaml (its error predates the PR).
      repo.write('annotations/a.yaml', CLAIMS.replace('claimant: imran-khan', 'claimant: imran-kahn') + "  - {id: c9, claimant: isi, quote: 'the Taliban are \"normal civilians.\"'}\n");
      repo.write('annotations/new.yaml', 'text: texts/a.txt\nclaims:\n  - {id: n1, claimant: ghost, quote: The ISI denies it.}\n');
      const all = JSON.parse(run(['check', '--format', 'json'], repo.dir).stdout) as { file: string; code: string }[];
      assert.ok(all.some((r) => r.file === 'annotations/old.yaml'));
      assert.ok(all.some((r) => r.code === 'alias-conflict'));
      const result = run(['check', '--format', 'json', '--changed-since', 'HEAD'], repo.dir);
      const rows = JSON.parse(result.stdout) as { file: string; code: string; line: number }[];
      assert.deepEqual(rows.map((r) => `${r.file}:${r.line} ${r.code}`), [
        'annotations/a.yaml:7 unknown-actor',
        'annotations/a.yaml:9 quote-normalized',
        'annotations/new.yaml:3 unknown-actor',
      ]);
      assert.equal(result.code, 1);
      const bad = run(['check', '--changed-since', 'no-such-branch'], repo.dir);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /no-such-branch/);
    } finally {
      repo.dispose();
    }
  });
});

describe('policy-annotator diff', () => {
  const repo = createTempWorkspace({}, { withCorpus: true });
  after(() => repo.dispose());
  commitAll(repo.dir, 'the sample corpus', true);
  const base = git(repo.dir, 'rev-parse', 'HEAD').trim();

  const actorsPath = path.join(repo.dir, 'annotations/actors.yaml');
  const claimsPath = path.join(repo.dir, 'annotations/pakistan-taliban-qa.yaml');
  const textPath = path.join(repo.dir, 'annotations/texts/pakistan-taliban-qa.txt');
  const actors = readFileSync(actorsPath, 'utf8');
  const claims = readFileSync(claimsPath, 'utf8');
  const text = readFileSync(textPath, 'utf8');
  repo.write('annotations/actors.yaml', actors.replace('      - Pakistani state\n', '') + '\n  - id: cia\n    name: Central Intelligence Agency\n    kind: intelligence-agency\n    aliases: [CIA]\n');
  repo.write('annotations/pakistan-taliban-qa.yaml', claims.replace(/(id: khan-taliban-normal-civilians\n(?:.*\n)*? {4}stance: )rejects/, '$1supports') + '\n  - id: reviewer-test-claim\n    claimant: imran-khan\n    quote: made the outlandish claim\n    stance: supports\n    concept: pakistan-supports-taliban\n');
  repo.write('annotations/texts/pakistan-taliban-qa.txt', text.replace('The world has seen this movie before.', 'The world has seen this film before.'));

  it('summarises actors, claims with their quoted text, anchors and new problems in Markdown', () => {
    const result = run(['diff', base], repo.dir);
    assert.equal(result.code, 0, result.stderr);
    const md = result.stdout;
    assert.match(md, /^<!-- policy-annotator-review -->/);
    assert.match(md, /\| ➕ \| `cia` Central Intelligence Agency \| intelligence-agency \| new actor; aliases added: `CIA` \|/);
    assert.match(md, /\| ✏️ \| `pakistan` Pakistan \| state \| aliases removed: `Pakistani state` \|/);
    assert.match(md, /#### ➕ `reviewer-test-claim`: `imran-khan` \*supports\* `pakistan-supports-taliban`\n\n> made the outlandish claim/);
    assert.match(md, /#### ✏️ `khan-taliban-normal-civilians`: `imran-khan` \*supports\* `taliban-is-military-force` \(assertion\)\n\nChanged: `stance` \(was `imran-khan` \*rejects\* `taliban-is-military-force` \(assertion\)\)\n\n> the Taliban are “not a military outfit” but rather “normal civilians\.”/);
    assert.match(md, /### Anchors[\s\S]*\*\*broke\*\*/);
    assert.match(md, /### Mentions\n\n\| \| text \| words \| ids \| how \|\n\|---\|---\|---\|---\|---\|\n\| ➖ \| `annotations\/texts\/pakistan-taliban-qa\.txt:\d+` \| Pakistani state \| pakistan \| alias \|/, 'the removed alias no longer catches its mention');
    assert.match(md, /### New problems\n\n(- .*\n)*- ⚠️ `annotations\/pakistan-taliban-qa\.yaml:\d+` `quote-stale`/);
  });

  it('offers JSON, and compares two revisions without touching the working tree', () => {
    const json = JSON.parse(run(['diff', base, '--format', 'json'], repo.dir).stdout);
    assert.deepEqual(json.actors.map((a: { id: string; status: string }) => `${a.status} ${a.id}`), ['added cia', 'changed pakistan']);
    assert.ok(json.claims.some((c: { id: string; after?: { quotedText?: string } }) => c.id === 'reviewer-test-claim' && c.after?.quotedText === 'made the outlandish claim'));
    const same = run(['diff', base, base], repo.dir);
    assert.match(same.stdout, /No annotation changes\./);
  });

  it('refuses what it cannot compare', () => {
    assert.equal(run(['diff'], repo.dir).code, 2);
    const unknown = run(['diff', 'nope'], repo.dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /`nope` is not a git revision/);
    const outside = createTempWorkspace({ 'annotations/a.yaml': 'actors: []\n' });
    try {
      assert.match(run(['diff', 'HEAD'], outside.dir).stderr, /not inside a git repository/);
    } finally {
      outside.dispose();
    }
  });
});

describe('the example GitHub workflow', () => {
  const workflow = parse(readFileSync(path.join(REPO_ROOT, 'examples/github-workflow.yml'), 'utf8')) as { jobs: { review: { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] } } };
  const steps = workflow.jobs.review.steps;

  it('checks with --format github, uploads SARIF and posts the diff summary', () => {
    const runs = steps.map((s) => s.run ?? '').join('\n');
    assert.match(runs, /policy-annotator check --format github --changed-since/);
    assert.match(runs, /policy-annotator check --format sarif > policy-annotator\.sarif/);
    assert.ok(steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif') && s.with?.sarif_file === 'policy-annotator.sarif'));
    assert.match(runs, /policy-annotator diff .* > policy-annotator-review\.md/);
    assert.match(runs, /gh pr comment .*--body-file policy-annotator-review\.md/);
    assert.ok(steps.some((s) => s.with?.['fetch-depth'] === 0), 'the base revision must be fetched');
  });

  it('its policy-annotator commands run as written against a pull request', () => {
    const pr = createTempWorkspace({}, { withCorpus: true });
    try {
      commitAll(pr.dir, 'base', true);
      git(pr.dir, 'branch', 'base-branch');
      pr.write('annotations/pakistan-taliban-qa.yaml', readFileSync(path.join(pr.dir, 'annotations/pakistan-taliban-qa.yaml'), 'utf8') + '\n  - {id: pr-claim, claimant: imran-kahn, quote: made the outlandish claim}\n');
      const commands = steps.map((s) => s.run ?? '').join('\n').split('\n')
        .map((line) => /npx --no-install policy-annotator (.*?)(?: >| \|\||$)/.exec(line)?.[1])
        .filter((args): args is string => args !== undefined)
        .map((args) => args.replace('"origin/${{ github.base_ref }}"', 'base-branch').split(' '));
      assert.equal(commands.length, 3);
      assert.doesNotMatch(steps.map((s) => s.run ?? '').join('\n'), /npx (?!--no-install )[^\n]*policy-annotator/, 'npx never downloads a package of that name');
      const [github, sarif, diff] = commands.map((args) => run(args, pr.dir));
      assert.equal(github.code, 1);
      assert.match(github.stdout, /^::error file=annotations\/pakistan-taliban-qa\.yaml,line=\d+.*title=unknown-actor/m);
      assert.equal(JSON.parse(sarif.stdout).version, '2.1.0');
      assert.match(diff.stdout, /`pr-claim`/);
    } finally {
      pr.dispose();
    }
  });
});
