// Format v1.1 fields (issue 15): claim on-behalf-of and reported-by, the preference claim type,
// stances with scores, relation from/until, and the text's authors, contributors and note —
// parsing, the vocabulary from policy-annotator.yaml, and the checks. Features: formatFieldFeatures.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationFileDiagnostics, DEFAULT_VOCABULARY, parseAnnotationFile, parseConfig, stanceLabel, stanceScore, type CoreDiagnostic } from '../../server/src/core';
import { LiveWorkspace } from '../../server/src/core/live';
import { InMemoryHost, loadMemoryWorkspace, uriOf, WORKSPACE, yaml } from '../helpers/memoryWorkspace';
import { ACTORS, ARTICLE, CONCEPTS } from './features/fixture';

const URI = uriOf('annotations/a.yaml');

function parse(text: string) {
  return parseAnnotationFile(URI, text, DEFAULT_VOCABULARY);
}

function messages(diagnostics: CoreDiagnostic[], code?: string): string[] {
  return diagnostics.filter((d) => !code || d.code === code).map((d) => d.message);
}

/** The feature fixture's actors plus a ministry, its spokesperson and a newspaper. */
const MORE_ACTORS = yaml(
  '  - id: foreign-office',
  '    name: Ministry of Foreign Affairs',
  '    kind: government',
  '  - id: spokesperson',
  '    name: The Spokesperson',
  '    kind: person',
  '  - id: gulf-monitor',
  '    name: Gulf Monitor',
  '    kind: media',
);

async function workspaceDiagnostics(claims: string, config?: string): Promise<{ diagnostics: CoreDiagnostic[]; content: string }> {
  const files: Record<string, string> = {
    'annotations/texts/a.txt': ARTICLE,
    'annotations/actors.yaml': ACTORS + MORE_ACTORS,
    'annotations/concepts.yaml': CONCEPTS,
    'annotations/a.yaml': claims,
  };
  if (config) files['policy-annotator.yaml'] = config;
  const { index } = await loadMemoryWorkspace(files);
  return { diagnostics: annotationFileDiagnostics(index, URI), content: claims };
}

describe('format v1.1 fields', () => {
  describe('parsing', () => {
    it('reads on-behalf-of and reported-by (one id or a list) with their ranges', () => {
      const text = yaml('text: texts/a.txt', 'claims:', '  - id: c', '    claimant: spokesperson', '    on-behalf-of: foreign-office', '    reported-by: [gulf-monitor, isi]', '    quote: The ISI denies it.');
      const { diagnostics, textAnnotation } = parse(text);
      assert.deepEqual(diagnostics, []);
      const claim = textAnnotation!.claims[0];
      assert.equal(claim.onBehalfOf?.value, 'foreign-office');
      assert.equal(text.slice(claim.onBehalfOf!.range.start, claim.onBehalfOf!.range.end), 'foreign-office');
      assert.deepEqual(claim.reportedBy.map((r) => text.slice(r.range.start, r.range.end)), ['gulf-monitor', 'isi']);
      const single = parse(yaml('text: a.txt', 'claims:', '  - id: c', '    claimant: x', '    quote: q', '    reported-by: gulf-monitor')).textAnnotation!.claims[0];
      assert.deepEqual(single.reportedBy.map((r) => r.value), ['gulf-monitor']);
    });

    it('reads `reported-by: a, b` as the two ids, with a message that shows both list forms', () => {
      const { diagnostics, textAnnotation } = parse(yaml('text: a.txt', 'claims:', '  - id: c', '    claimant: x', '    quote: q', '    reported-by: gulf-monitor, isi'));
      assert.deepEqual(textAnnotation!.claims[0].reportedBy.map((r) => r.value), ['gulf-monitor', 'isi']);
      assert.match(messages(diagnostics, 'invalid-value')[0], /`reported-by: \[gulf-monitor, isi\]`/);
    });

    it('accepts the preference claim type and the neutral stance by default', () => {
      const { diagnostics } = parse(yaml('text: a.txt', 'claims:', '  - id: c', '    claimant: x', '    quote: q', '    concept: k', '    stance: neutral', '    type: preference'));
      assert.deepEqual(diagnostics, []);
    });

    it('reads relation dates in the three forms; `from` after `until` is invalid-value at `from`', () => {
      const ok = parse(yaml('actors:', '  - id: a', '    name: A', '    kind: state', '    relations:', '      - type: allied-with', '        target: b', '        from: 2001-09', '        until: 2021-08-31', '      - type: opposes', '        target: c', '        from: 2015'));
      assert.deepEqual(ok.diagnostics, []);
      assert.deepEqual(ok.actors[0].relations.map((r) => [r.from?.value, r.until?.value]), [['2001-09', '2021-08-31'], ['2015', undefined]]);

      const text = yaml('actors:', '  - id: a', '    name: A', '    kind: state', '    relations:', '      - type: allied-with', '        target: b', '        from: 2021-09', '        until: 2021-08-31');
      const bad = parse(text);
      assert.deepEqual(bad.diagnostics.map((d) => d.code), ['invalid-value']);
      assert.equal(text.slice(bad.diagnostics[0].range.start, bad.diagnostics[0].range.end), '2021-09');
      assert.match(bad.diagnostics[0].message, /begins \(`from: 2021-09`\) after it ends \(`until: 2021-08-31`\)/);
    });

    it('validates relation dates like `published`, and compares dates of different precision on what they share', () => {
      const dated = (from: string, until: string) => parse(yaml('actors:', '  - id: a', '    name: A', '    kind: state', '    relations:', '      - type: allied-with', '        target: b', `        from: ${from}`, `        until: ${until}`)).diagnostics;
      assert.match(messages(dated('2021-02-30', '2022'))[0], /`2021-02-30` is not a date: write it as YYYY-MM-DD/);
      assert.match(messages(dated('2001/09', '2022'))[0], /is not a date/);
      assert.deepEqual(dated('2015-06', '2015'), [], 'June 2015 lies within 2015');
      assert.deepEqual(dated('2015', '2015-06'), []);
      assert.equal(dated('2016', '2015-12').length, 1);
    });

    it('reads `author` as one id or a list, keeping the first as `author`', () => {
      const one = parse(yaml('text: a.txt', 'author: aqil-shah')).textAnnotation!;
      assert.deepEqual([one.author?.value, one.authors.map((a) => a.value)], ['aqil-shah', ['aqil-shah']]);
      const two = parse(yaml('text: a.txt', 'author:', '  - aqil-shah', '  - jane-doe')).textAnnotation!;
      assert.deepEqual([two.author?.value, two.authors.map((a) => a.value)], ['aqil-shah', ['aqil-shah', 'jane-doe']]);
      const none = parse(yaml('text: a.txt')).textAnnotation!;
      assert.deepEqual([none.author, none.authors, none.contributors, none.note], [undefined, [], [], undefined]);
    });

    it('reads contributors with their roles, checks each role, and reads the note', () => {
      const text = yaml('text: a.txt', 'note: opening excerpt only', 'contributors:', '  - actor: jane-doe', '    role: interviewer', '  - actor: john-roe', '    role: moderater', '  - actor: x');
      const { diagnostics, textAnnotation } = parse(text);
      assert.equal(textAnnotation!.note?.value, 'opening excerpt only');
      assert.deepEqual(textAnnotation!.contributors.map((c) => [c.actor?.value, c.role?.value]), [['jane-doe', 'interviewer'], ['john-roe', 'moderater'], ['x', undefined]]);
      const [role, missing] = diagnostics;
      assert.equal(role.code, 'invalid-value');
      assert.match(role.message, /`moderater` is not a known contributor role\. Did you mean `moderator`\?/);
      assert.match(role.message, /under `vocabulary:` → `contributor-roles:` in policy-annotator\.yaml/);
      assert.equal(missing.code, 'missing-field');
      assert.match(missing.message, /`role`/);
    });

    it('reports an unknown contributor field with did-you-mean', () => {
      const { diagnostics } = parse(yaml('text: a.txt', 'contributors:', '  - actor: x', '    rol: editor'));
      assert.match(messages(diagnostics, 'unknown-field')[0], /Unknown field `rol` in a contributor\. Did you mean `role`\?/);
    });
  });

  describe('the hint of every extensible vocabulary names its key in policy-annotator.yaml', () => {
    const cases: [string, string, string][] = [
      ['actor kind', yaml('actors:', '  - id: a', '    name: A', '    kind: think-tank'), 'actor-kinds'],
      ['relation type', yaml('actors:', '  - id: a', '    name: A', '    kind: state', '    relations:', '      - type: advises', '        target: b'), 'relation-types'],
      ['claim type', yaml('text: a.txt', 'claims:', '  - id: c', '    claimant: x', '    quote: q', '    type: threat'), 'claim-types'],
      ['stance', yaml('text: a.txt', 'claims:', '  - id: c', '    claimant: x', '    quote: q', '    concept: k', '    stance: ambivalent'), 'stances'],
      ['contributor role', yaml('text: a.txt', 'contributors:', '  - actor: x', '    role: photographer'), 'contributor-roles'],
    ];
    for (const [label, text, key] of cases) {
      it(`${label}: \`vocabulary:\` → \`${key}:\``, () => {
        const [message] = messages(parse(text).diagnostics, 'invalid-value');
        assert.ok(message.includes(`add more under \`vocabulary:\` → \`${key}:\` in policy-annotator.yaml`), message);
      });
    }

    it('evidence values stay fixed, and say so', () => {
      const [message] = messages(parse(yaml('text: a.txt', 'claims:', '  - id: c', '    claimant: x', '    quote: q', '    evidence: rumour')).diagnostics);
      assert.match(message, /the annotation format fixes these/);
    });
  });

  describe('stances with scores in policy-annotator.yaml', () => {
    it('defaults: supports 1, rejects −1, neutral 0', () => {
      assert.deepEqual(DEFAULT_VOCABULARY.stances.map((s) => [s, stanceScore(DEFAULT_VOCABULARY, s)]), [['supports', 1], ['rejects', -1], ['neutral', 0]]);
    });

    it('adds stances from entries {id, score, label?} and bare strings (score 0), and may rescore a default', () => {
      const { config, diagnostics } = parseConfig('file:///ws/policy-annotator.yaml', yaml('vocabulary:', '  stances:', '    - id: ambivalent', '      score: 0', '      label: neither for nor against', '    - leaning', '    - id: strongly-supports', '      score: 2', '    - id: rejects', '      score: -2'));
      assert.deepEqual(diagnostics, []);
      const vocabulary = config.vocabulary;
      assert.deepEqual(vocabulary.stances, ['supports', 'rejects', 'neutral', 'ambivalent', 'leaning', 'strongly-supports']);
      assert.deepEqual(vocabulary.stances.map((s) => stanceScore(vocabulary, s)), [1, -2, 0, 0, 0, 2]);
      assert.equal(stanceLabel(vocabulary, 'ambivalent'), 'neither for nor against');
      assert.equal(stanceLabel(vocabulary, 'leaning'), undefined);
    });

    it('a score must be a whole number: the message says it is DNA’s integer qualifier, and the stance scores 0', () => {
      const text = yaml('vocabulary:', '  stances:', '    - id: leaning', '      score: 0.5', '    - id: tilting', '      score: high');
      const { config, diagnostics } = parseConfig('file:///ws/policy-annotator.yaml', text);
      assert.deepEqual(diagnostics.map((d) => [d.code, text.slice(d.range.start, d.range.end)]), [['invalid-value', '0.5'], ['invalid-value', 'high']]);
      assert.match(diagnostics[0].message, /whole number .* integer qualifier of Discourse Network Analyzer/);
      assert.equal(stanceScore(config.vocabulary, 'leaning'), 0);
      assert.ok(config.vocabulary.stances.includes('tilting'));
    });

    it('an invalid stance id is reported and left out; `__proto__` cannot reach a prototype', () => {
      const { config, diagnostics } = parseConfig('file:///ws/policy-annotator.yaml', yaml('vocabulary:', '  stances:', '    - id: __proto__', '      score: 5', '    - Not Kebab'));
      assert.equal(diagnostics.length, 2);
      assert.deepEqual(config.vocabulary.stances, DEFAULT_VOCABULARY.stances);
      assert.equal(stanceScore(config.vocabulary, 'toString'), 0);
      assert.equal(Object.getPrototypeOf(config.vocabulary.stanceScores), Object.prototype);
    });

    it('adds contributor roles', () => {
      const { config } = parseConfig('file:///ws/policy-annotator.yaml', yaml('vocabulary:', '  contributor-roles: [photographer]'));
      assert.deepEqual(config.vocabulary.contributorRoles, [...DEFAULT_VOCABULARY.contributorRoles, 'photographer']);
    });
  });

  describe('checks', () => {
    const claim = (...extra: string[]) => yaml('text: texts/a.txt', 'author: isi', 'claims:', '  - id: c', '    claimant: isi', '    quote: The ISI denies it.', ...extra);

    it('a claim using every new field checks clean', async () => {
      const { diagnostics } = await workspaceDiagnostics(yaml('text: texts/a.txt', 'author: [isi, imran-khan]', 'note: opening excerpt only', 'contributors:', '  - actor: gulf-monitor', '    role: editor', 'claims:', '  - id: c', '    claimant: imran-khan', '    on-behalf-of: foreign-office', '    reported-by: [gulf-monitor]', '    quote: The ISI denies it.', '    concept: taliban-is-military', '    stance: neutral', '    type: preference'));
      assert.deepEqual(diagnostics, []);
    });

    it('unknown ids in on-behalf-of, reported-by, contributors and a second author get did-you-mean', async () => {
      const { diagnostics, content } = await workspaceDiagnostics(yaml('text: texts/a.txt', 'author: [isi, imran-kahn]', 'contributors:', '  - actor: gulf-monitr', '    role: editor', 'claims:', '  - id: c', '    claimant: isi', '    on-behalf-of: foreign-ofice', '    reported-by: [gulf-moniter]', '    quote: The ISI denies it.'));
      const unknown = diagnostics.filter((d) => d.code === 'unknown-actor');
      assert.deepEqual(unknown.map((d) => content.slice(d.range.start, d.range.end)), ['imran-kahn', 'gulf-monitr', 'foreign-ofice', 'gulf-moniter']);
      assert.match(unknown[2].message, /\(used as `on-behalf-of`\)\. Did you mean `foreign-office`\?/);
      assert.match(unknown[3].message, /\(used as `reported-by`\)\. Did you mean `gulf-monitor`\?/);
      assert.deepEqual(unknown.map((d) => d.data?.suggestions), [['imran-khan'], ['gulf-monitor'], ['foreign-office'], ['gulf-monitor']]);
    });

    it('a concept id in on-behalf-of is a clear error', async () => {
      const { diagnostics } = await workspaceDiagnostics(claim('    on-behalf-of: taliban-is-military'));
      assert.match(messages(diagnostics, 'unknown-actor')[0], /`taliban-is-military` is a concept, not an actor; `on-behalf-of`/);
    });

    it('on-behalf-of a person is a warning naming the person, with the kind as related information', async () => {
      const { diagnostics, content } = await workspaceDiagnostics(claim('    on-behalf-of: imran-khan'));
      const [warning] = diagnostics.filter((d) => d.code === 'on-behalf-of-person');
      assert.equal(warning.severity, 'warning');
      assert.equal(content.slice(warning.range.start, warning.range.end), 'imran-khan');
      assert.match(warning.message, /`imran-khan` is a person, but `on-behalf-of` names the organization/);
      assert.equal(warning.related?.[0].uri, uriOf('annotations/actors.yaml'));
    });

    it('a contributor is not reported as a claimant the text does not mention', async () => {
      const file = (contributors: string[]) => yaml('text: texts/a.txt', ...contributors, 'claims:', '  - id: c', '    claimant: gulf-monitor', '    quote: The ISI denies it.');
      const without = await workspaceDiagnostics(file([]));
      assert.deepEqual(without.diagnostics.map((d) => d.code), ['claimant-not-mentioned']);
      const withContributor = await workspaceDiagnostics(file(['contributors:', '  - actor: gulf-monitor', '    role: interviewee']));
      assert.deepEqual(withContributor.diagnostics, []);
    });

    it('stance-conflict compares score signs: neutral conflicts with nothing, a stance of one’s own with the opposite sign does', async () => {
      const two = (first: string, second: string) =>
        yaml('text: texts/a.txt', 'author: isi', 'claims:', '  - id: c1', '    claimant: isi', '    quote: The ISI denies it.', '    concept: taliban-is-military', `    stance: ${first}`, '  - id: c2', '    claimant: isi', '    quote: The ISI backs', '    concept: taliban-is-military', `    stance: ${second}`);
      const conflicts = async (first: string, second: string, config?: string) => (await workspaceDiagnostics(two(first, second), config)).diagnostics.filter((d) => d.code === 'stance-conflict').length;
      assert.equal(await conflicts('supports', 'rejects'), 2);
      assert.equal(await conflicts('supports', 'neutral'), 0);
      assert.equal(await conflicts('rejects', 'neutral'), 0);
      const config = yaml('vocabulary:', '  stances:', '    - id: strongly-supports', '      score: 2', '    - ambivalent');
      assert.equal(await conflicts('strongly-supports', 'rejects', config), 2);
      assert.equal(await conflicts('strongly-supports', 'supports', config), 0);
      assert.equal(await conflicts('ambivalent', 'rejects', config), 0);
    });

    it('relations whose periods do not overlap neither contradict nor duplicate each other', async () => {
      const relations = (...periods: string[][]) => {
        const lines = ['actors:', '  - id: a', '    name: A', '    kind: state', '    relations:'];
        periods.forEach(([type, ...dates]) => lines.push(`      - type: ${type}`, '        target: b', ...dates.map((d) => `        ${d}`)));
        lines.push('  - id: b', '    name: B', '    kind: state');
        return yaml(...lines);
      };
      const codes = async (text: string) => {
        const { index } = await loadMemoryWorkspace({ 'annotations/actors.yaml': text });
        return annotationFileDiagnostics(index, uriOf('annotations/actors.yaml')).map((d) => d.code).filter((c) => c.startsWith('relation-'));
      };
      assert.deepEqual(await codes(relations(['allied-with', 'until: 2000'], ['opposes', 'from: 2001-09'])), []);
      assert.deepEqual(await codes(relations(['allied-with', 'until: 2001-12'], ['opposes', 'from: 2001-09'])), ['relation-contradiction', 'relation-contradiction']);
      assert.deepEqual(await codes(relations(['allied-with', 'until: 2001'], ['opposes', 'from: 2001-09'])), ['relation-contradiction', 'relation-contradiction'], 'the same year may overlap');
      assert.deepEqual(await codes(relations(['allied-with'], ['opposes', 'from: 2015'])), ['relation-contradiction', 'relation-contradiction']);
      assert.deepEqual(await codes(relations(['allied-with', 'from: 1990', 'until: 1995'], ['allied-with', 'from: 2010'])), []);
      assert.deepEqual(await codes(relations(['allied-with', 'from: 1990'], ['allied-with', 'from: 2010'])), ['relation-duplicate']);
    });
  });

  it('the live workspace refreshes other files when an organization’s kind or a relation’s period changes', async () => {
    const actorsFile = yaml('actors:', '  - id: isi', '    name: ISI', '    kind: intelligence-agency', '    aliases: [ISI]', '  - id: office', '    name: Office', '    kind: government', '    relations:', '      - type: opposes', '        target: taliban', '        until: 2000');
    const files = {
      'annotations/texts/a.txt': ARTICLE,
      'annotations/actors.yaml': actorsFile,
      'annotations/more.yaml': yaml('actors:', '  - id: taliban', '    name: Taliban', '    kind: armed-group', '    aliases: [Taliban]', '    relations:', '      - type: opposes', '        target: office', '        from: 2001'),
      'annotations/a.yaml': yaml('text: texts/a.txt', 'claims:', '  - id: c', '    claimant: isi', '    on-behalf-of: office', '    quote: The ISI denies it.'),
    };
    const host = new InMemoryHost(files);
    const live = new LiveWorkspace({ folders: [WORKSPACE], createHost: () => host, log: (message) => assert.fail(message) });
    await live.load();
    const codes = (path: string) => live.diagnostics(uriOf(path)).diagnostics.map((d) => d.code).filter((c) => c !== 'actor-unused' && c !== 'alias-unused');
    assert.deepEqual([codes('annotations/a.yaml'), codes('annotations/actors.yaml')], [[], []]);
    await live.setBuffer(uriOf('annotations/actors.yaml'), actorsFile.replace('kind: government', 'kind: person'));
    assert.deepEqual(codes('annotations/a.yaml'), ['on-behalf-of-person']);
    await live.setBuffer(uriOf('annotations/actors.yaml'), actorsFile);
    assert.deepEqual(codes('annotations/a.yaml'), []);
    // Only the period changes: the two statements of the symmetric `opposes` now overlap (2001–2005).
    await live.setBuffer(uriOf('annotations/actors.yaml'), actorsFile.replace('until: 2000', 'until: 2005'));
    assert.deepEqual(codes('annotations/more.yaml'), ['relation-duplicate']);
  });
});
