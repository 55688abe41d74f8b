import { loadMemoryWorkspace, uriOf, yaml } from '../../helpers/memoryWorkspace';

/** A text in which an entity's alias contains an actor's alias ("China" inside "China-Pakistan Economic Corridor"). */
export const ENTITY_TEXT = 'China built the China-Pakistan Economic Corridor. CPEC runs near the Durand Line, which Pakistan guards.';

export const ENTITY_FILES: Record<string, string> = {
  'annotations/actors.yaml': yaml(
    'actors:',
    '  - id: china',
    '    name: China',
    '    kind: state',
    '    aliases: [China]',
    '  - id: pakistan',
    '    name: Pakistan',
    '    kind: state',
    '    aliases: [Pakistan]',
  ),
  'annotations/entities.yaml': yaml(
    'entities:',
    '  - id: cpec',
    '    name: China-Pakistan Economic Corridor',
    '    kind: project',
    '    aliases: [China-Pakistan Economic Corridor, CPEC]',
    '    description: Infrastructure projects linking Xinjiang to Gwadar.',
    '    wikidata: Q1090498',
    '  - id: durand-line',
    '    name: Durand Line',
    '    kind: place',
    '    aliases: [Durand Line]',
  ),
  'annotations/texts/a.txt': ENTITY_TEXT,
  'annotations/a.yaml': yaml(
    'text: texts/a.txt',
    'claims:',
    '  - id: china-builds',
    '    claimant: china',
    '    quote: China built the China-Pakistan Economic Corridor.',
    '    about: [cpec, pakistan]',
  ),
};

export const ENTITIES_URI = uriOf('annotations/entities.yaml');
export const ENTITY_TEXT_URI = uriOf('annotations/texts/a.txt');
export const ENTITY_CLAIMS_URI = uriOf('annotations/a.yaml');

export async function entityIndex(overrides: Record<string, string | undefined> = {}) {
  const files: Record<string, string> = { ...ENTITY_FILES };
  for (const [path, content] of Object.entries(overrides)) {
    if (content === undefined) delete files[path];
    else files[path] = content;
  }
  return (await loadMemoryWorkspace(files)).index;
}
