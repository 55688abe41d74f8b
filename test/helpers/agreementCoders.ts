/**
 * Two coders' workspaces for agreement tests that differ in every way the
 * report can show: a claim only one made, each field, a text whose content
 * differs, a text only one has, a claim that does not anchor, and another
 * registry (a shared alias, an alias only one has).
 */
import { yaml } from './memoryWorkspace';
import { threeActorsArticle, threeActorsYaml } from './threeActors';

const ARTICLE = threeActorsArticle();
const OTHER = 'Imran Khan met the ISI. The Taliban were not there.\nKhan said nothing.\n';

/** Two coders who differ in every way the report can show. */
export const ANN: Record<string, string> = {
  'annotations/texts/a.txt': ARTICLE,
  'annotations/texts/b.txt': OTHER,
  'annotations/texts/c.txt': ARTICLE,
  'annotations/actors.yaml': threeActorsYaml(),
  'annotations/a.yaml': yaml(
    'text: texts/a.txt',
    'claims:',
    '  - {id: c1, claimant: isi, concept: k, stance: supports, type: belief, about: [taliban, isi], quote: The ISI backs the Taliban.}',
    '  - {id: c2, claimant: imran-khan, quote: the Taliban are “normal civilians.”}',
    '  - {id: c3, claimant: isi, quote: words that are nowhere}',
  ),
  'annotations/b.yaml': yaml(
    'text: texts/b.txt',
    'mentions:',
    '  - {actor: imran-khan, quote: Khan said}',
    'claims:',
    '  - {claimant: imran-khan, stance: rejects, quote: met the ISI}',
    '  - {id: c4, claimant: isi, quote: The Taliban were not there}',
  ),
  'annotations/c.yaml': yaml('text: texts/c.txt', 'claims:', '  - {id: only, claimant: isi, quote: The ISI backs the Taliban.}'),
};
export const BOB: Record<string, string> = {
  'annotations/texts/a.txt': ARTICLE,
  // Another version of the text: compared by offset all the same, and listed.
  'annotations/texts/b.txt': `${OTHER}More words.\n`,
  // Another registry: Taliban also goes by "ISI" (a shared alias), and Khan alone names Imran Khan.
  'annotations/actors.yaml': threeActorsYaml(['Taliban', 'ISI']).replace('aliases: [Imran Khan]', 'aliases: [Imran Khan, Khan]'),
  'annotations/a.yaml': yaml(
    'text: texts/a.txt',
    'claims:',
    '  - {id: x1, claimant: isi, concept: k, stance: rejects, type: prediction, about: [taliban], quote: ISI backs the Taliban}',
    '  - {claimant: taliban, evidence: direct, on-behalf-of: isi, quote: Imran Khan said the Taliban}',
  ),
  'annotations/b.yaml': yaml('text: texts/b.txt', 'claims:', '  - {claimant: imran-khan, stance: rejects, quote: met the ISI}'),
};
