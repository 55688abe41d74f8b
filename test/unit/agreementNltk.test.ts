/**
 * Our α and κ against an independent implementation: NLTK's AnnotationTask
 * (Debian's python3-nltk, which .ci/run installs). Where it is absent, each
 * test is skipped and says why.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { cohenKappa, intervalAlpha, jaccardAlpha, nominalAlpha } from '../../server/src/core/agreement';
import { randomReliabilityData, seededRandom } from '../helpers/reliabilityData';

/** A Python that imports nltk: the one on PATH, else Debian's own (a pyenv or venv on PATH does not see python3-nltk). */
const python = ['python3', '/usr/bin/python3'].find((candidate) => spawnSync(candidate, ['-c', 'import nltk'], { encoding: 'utf8' }).status === 0);

/** Runs NLTK over the data sets; returns [nominal α, interval α, κ, jaccard α] per set (κ only for complete two-coder sets). */
const NLTK_SCRIPT = `
import json, sys
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import interval_distance, jaccard_distance
out = []
for case in json.load(sys.stdin):
    triples = [(str(c), str(u), v) for u, unit in enumerate(case["units"]) for c, v in enumerate(unit) if v is not None]
    nominal = AnnotationTask(data=[(c, u, str(v)) for c, u, v in triples]).alpha()
    interval = AnnotationTask(data=triples, distance=interval_distance).alpha()
    kappa = AnnotationTask(data=[(c, u, str(v)) for c, u, v in triples]).kappa() if case["complete"] else None
    sets = [(str(c), str(u), frozenset(s)) for u, unit in enumerate(case["sets"]) for c, s in enumerate(unit) if s is not None]
    jaccard = AnnotationTask(data=sets, distance=jaccard_distance).alpha()
    out.append([nominal, interval, kappa, jaccard])
print(json.dumps(out))
`;

interface Case {
  units: (number | null)[][];
  sets: (string[] | null)[][];
  complete: boolean;
}

function randomCases(): Case[] {
  const cases: Case[] = [];
  for (let round = 0; round < 12; round++) {
    const complete = round % 3 === 0;
    const coders = complete ? 2 : 2 + (round % 4);
    const units = randomReliabilityData(`nltk-${round}`, { coders, units: 40, categories: 3 + (round % 4), missing: complete ? 0 : 0.25 });
    const random = seededRandom(`nltk-sets-${round}`);
    const members = ['eu', 'nato', 'un', 'isi'];
    const sets = units.map((unit) => unit.map((v) => (v === undefined ? null : members.filter((_, i) => i === v % 4 || random() < 0.3).sort())));
    cases.push({ units: units.map((unit) => unit.map((v) => v ?? null)), sets, complete });
  }
  return cases;
}

describe('agreement against NLTK AnnotationTask on random data', () => {
  it('nominal, interval and Jaccard α, and Cohen κ, equal NLTK’s', (t) => {
    if (!python) {
      t.skip('python3-nltk not installed');
      return;
    }
    const cases = randomCases();
    const result = spawnSync(python, ['-c', NLTK_SCRIPT], { input: JSON.stringify(cases), encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const theirs = JSON.parse(result.stdout) as [number, number, number | null, number][];
    cases.forEach((c, i) => {
      const values = c.units.map((unit) => unit.filter((v): v is number => v !== null));
      const [nominal, interval, kappa, jaccard] = theirs[i];
      const close = (ours: number | null, expected: number, what: string) => assert.ok(ours !== null && Math.abs(ours - expected) < 1e-9, `case ${i} ${what}: ours ${ours}, NLTK ${expected}`);
      close(nominalAlpha(values.map((u) => u.map(String))).alpha, nominal, 'nominal α');
      close(intervalAlpha(values).alpha, interval, 'interval α');
      close(jaccardAlpha(c.sets.map((unit) => unit.filter((s): s is string[] => s !== null))).alpha, jaccard, 'Jaccard α');
      if (kappa !== null) close(cohenKappa(c.units.map((u) => [String(u[0]), String(u[1])] as [string, string])), kappa, 'κ');
    });
    assert.ok(cases.some((c) => c.complete) && cases.some((c) => !c.complete));
  });
});
