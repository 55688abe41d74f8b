import { describe, it } from 'node:test';
import { DiskAndBuffers } from '../../helpers/diskAndBuffers';
import { uriOf, yaml } from '../../helpers/memoryWorkspace';
import { ENTITY_FILES } from './entityFixture';

const ENTITIES = uriOf('annotations/entities.yaml');
const ACTORS = uriOf('annotations/actors.yaml');
const CLAIMS = uriOf('annotations/a.yaml');

describe('entity edits in the live workspace equal a rebuild', () => {
  it('keeps diagnostics and mentions equal to a fresh load through entity edits, moves between actors and entities, and deletion', async () => {
    const scenario = new DiskAndBuffers(ENTITY_FILES);
    await scenario.live.load();
    await scenario.assertEqualsRebuild('at the start');
    const steps: [string, () => Promise<void>][] = [
      // The corridor's alias goes away: "China" and "Pakistan" inside it become mentions again.
      ['drop the corridor alias', () => scenario.typeInto(ENTITIES, ENTITY_FILES['annotations/entities.yaml'].replace('aliases: [China-Pakistan Economic Corridor, CPEC]', 'aliases: [CPEC]'))],
      ['bring it back', () => scenario.typeInto(ENTITIES, ENTITY_FILES['annotations/entities.yaml'])],
      // An entity takes an actor's id: duplicate-id on both sides, and about: [pakistan] now names... still the actor.
      ['an entity reuses an actor id', () => scenario.typeInto(ENTITIES, `${ENTITY_FILES['annotations/entities.yaml']}${yaml('  - id: pakistan', '    name: Pakistan (the territory)', '    kind: place')}`)],
      ['the actor goes away', () => scenario.typeInto(ACTORS, yaml('actors:', '  - id: china', '    name: China', '    kind: state', '    aliases: [China]'))],
      // The Durand Line moves from the entities to the actors, with its alias: the same pair, another owner.
      ['the Durand Line becomes an actor', () => scenario.writeOnDisk(ACTORS, `${ENTITY_FILES['annotations/actors.yaml']}${yaml('  - id: durand-line', '    name: Durand Line', '    kind: state', '    aliases: [Durand Line]')}`)],
      ['and stops being an entity', () => scenario.typeInto(ENTITIES, ENTITY_FILES['annotations/entities.yaml'].replace(/ {2}- id: durand-line[^]*$/, ''))],
      ['a claimant becomes an entity', () => scenario.typeInto(CLAIMS, ENTITY_FILES['annotations/a.yaml'].replace('claimant: china', 'claimant: cpec'))],
      ['the entities file is deleted', () => scenario.deleteOnDisk(ENTITIES).then(() => undefined)],
      ['and written again', () => scenario.writeOnDisk(ENTITIES, ENTITY_FILES['annotations/entities.yaml'])],
    ];
    for (const [what, step] of steps) {
      await step();
      await scenario.assertEqualsRebuild(`after: ${what}`);
    }
  });
});
