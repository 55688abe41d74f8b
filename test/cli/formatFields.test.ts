import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { fixture, fixtureOnDisk, namedFixture } from '../helpers/fixture';
import { runCliProcess } from '../helpers/tempWorkspace';

// A workspace that uses every format v1.1 field of claims, relations and the text's own metadata,
// with a stance and a contributor role of its own in policy-annotator.yaml.
const EVERY_FIELD = fixture(
  namedFixture('three-actors'),
  `
-- policy-annotator.yaml --
vocabulary:
  stances:
    - id: ambivalent
      score: 0
      label: neither for nor against
  contributor-roles: [photographer]
-- annotations/more-actors.yaml --
actors:
  - id: foreign-office
    name: Ministry of Foreign Affairs
    kind: government
    relations:
      - type: opposes
        target: taliban
        from: 2001-09
        until: 2021-08-31
        note: Through the war years.
  - id: gulf-monitor
    name: Gulf Monitor
    kind: media
concepts:
  - id: taliban-are-civilians
    label: The Taliban are civilians
-- annotations/a.yaml --
text: texts/a.txt
title: Two sentences
author: [isi, gulf-monitor]
note: opening excerpt only
contributors:
  - actor: gulf-monitor
    role: photographer
  - actor: foreign-office
    role: editor
claims:
  - id: khan-civilians
    claimant: imran-khan
    on-behalf-of: foreign-office
    reported-by: [gulf-monitor]
    quote: the Taliban are “normal civilians.”
    about: [taliban]
    concept: taliban-are-civilians
    stance: ambivalent
    type: preference
  - id: isi-backs
    claimant: isi
    reported-by: gulf-monitor
    quote: The ISI backs the Taliban.
    concept: taliban-are-civilians
    stance: neutral
`,
);

describe('policy-annotator check with the format v1.1 fields', () => {
  const clean = fixtureOnDisk(EVERY_FIELD);
  const reversed = fixtureOnDisk(EVERY_FIELD, { 'annotations/more-actors.yaml': EVERY_FIELD['annotations/more-actors.yaml'].replace('from: 2001-09', 'from: 2022') });
  after(() => {
    clean.dispose();
    reversed.dispose();
  });

  it('checks a workspace that uses every new field clean, with no diagnostic of any severity', () => {
    const result = runCliProcess(['check', '--format', 'json'], clean.dir);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });

  it('reports a relation that begins after it ends as invalid-value at file:line:column, and exits 1', () => {
    const result = runCliProcess(['check'], reversed.dir);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /^annotations\/more-actors\.yaml:8:15 {2}error {2}invalid-value {2}The relation begins \(`from: 2022`\) after it ends \(`until: 2021-08-31`\)/m);
    assert.match(result.stdout, /✖ 1 problem \(1 error,/);
  });
});
