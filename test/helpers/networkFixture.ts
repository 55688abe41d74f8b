import { yaml } from './memoryWorkspace';

/*
 * The hand-computed discourse network fixture: four actors, three concepts,
 * three dated texts. Statements (row, column, stance):
 *
 *   one.yaml   2021-03-01 (a Monday), url www.dawn.com, author d
 *              a k1 supports · b k1 supports · c k1 rejects · a k2 rejects
 *   two.yaml   2021-03-03 (the same ISO week), url tribune.com.pk
 *              a k1 supports · b k2 rejects · c k2 supports · d k1 rejects
 *   three.yaml 2021-04-10, no url
 *              d k3 supports (type demand) · b k3 supports
 *
 * Counts a[row][concept] as (rejects, supports), and each row's total n:
 *   a: k1 (0,2)  k2 (1,0)            n = 3
 *   b: k1 (0,1)  k2 (1,0)  k3 (0,1)  n = 3
 *   c: k1 (1,0)  k2 (0,1)            n = 2
 *   d: k1 (1,0)            k3 (0,1)  n = 2
 *
 * a, b and c are organizations; d is a person. An entity-like id `x` is
 * claimant of a claim but no actor: it is never a row.
 */

const actor = (id: string, kind: string) => [`  - id: ${id}`, `    name: Actor ${id.toUpperCase()}`, `    kind: ${kind}`];
const claim = (id: string, claimant: string, concept: string, stance: string, extra: string[] = []) => [`  - id: ${id}`, `    claimant: ${claimant}`, '    quote: words', `    concept: ${concept}`, `    stance: ${stance}`, ...extra];

/** Several claims, each a row "id claimant concept stance". */
const claims = (...rows: string[]) => rows.flatMap((row) => {
  const [id, claimant, concept, stance] = row.split(' ');
  return claim(id, claimant, concept, stance);
});

export const NETWORK_FIXTURE: Record<string, string> = {
  'annotations/actors.yaml': yaml('actors:', ...actor('a', 'organization'), ...actor('b', 'organization'), ...actor('c', 'organization'), ...actor('d', 'person')),
  'annotations/concepts.yaml': yaml('concepts:', '  - id: k1', '    label: First, "quoted"', '  - id: k2', '    label: Second', '  - id: k3', '    label: Third'),
  'annotations/one.txt': 'words',
  'annotations/one.yaml': yaml(
    'text: one.txt',
    'published: 2021-03-01',
    'url: https://www.dawn.com/news/1',
    'author: d',
    'claims:',
    ...claims('one-a1 a k1 supports', 'one-b1 b k1 supports', 'one-c1 c k1 rejects', 'one-a2 a k2 rejects'),
  ),
  'annotations/two.txt': 'words',
  'annotations/two.yaml': yaml(
    'text: two.txt',
    'published: 2021-03-03',
    'url: https://tribune.com.pk/story/2',
    'claims:',
    ...claims('two-a1 a k1 supports', 'two-b2 b k2 rejects', 'two-c2 c k2 supports', 'two-d1 d k1 rejects', 'two-x1 x k1 supports'),
  ),
  'annotations/three.txt': 'words',
  'annotations/three.yaml': yaml('text: three.txt', 'published: 2021-04-10', 'claims:', ...claim('three-d3', 'd', 'k3', 'supports', ['    type: demand']), ...claim('three-b3', 'b', 'k3', 'supports')),
};

/** Same actor a on k1 again and again, for duplicates: dates chosen around week, month and year boundaries. */
export function duplicatesFixture(): Record<string, string> {
  const files: Record<string, string> = { 'annotations/actors.yaml': yaml('actors:', ...actor('a', 'organization')), 'annotations/concepts.yaml': yaml('concepts:', '  - id: k1', '    label: First') };
  const texts: [string, string, string[]][] = [
    // d1: supports twice and rejects once in one document
    ['d1', '2021-03-01', ['supports', 'supports', 'rejects']],
    ['d2', '2021-03-07', ['supports']], // Sunday: the same ISO week as d1
    ['d3', '2021-03-08', ['supports']], // Monday: the next week, the same month
    ['d4', '2021-04-02', ['supports']], // the same year
    ['d5', '2022-01-01', ['supports']], // the next year (ISO week 2021-W52, but another calendar year)
  ];
  for (const [name, date, stances] of texts) {
    files[`annotations/${name}.txt`] = 'words';
    files[`annotations/${name}.yaml`] = yaml(`text: ${name}.txt`, `published: ${date}`, 'claims:', ...stances.flatMap((stance, n) => claim(`${name}-${n}`, 'a', 'k1', stance)));
  }
  return files;
}
