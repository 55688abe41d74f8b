// The small workspace many CLI tests start from: an article in which the ISI,
// the Taliban and Imran Khan are mentioned, and an actors file defining them
// (test/fixtures/three-actors.txtar).
import { fixtureFile } from './fixture';

/** An article mentioning all three actors, with typographic quotes. */
export function threeActorsArticle(): string {
  return fixtureFile('three-actors', 'annotations/texts/a.txt');
}

/** An actors file defining `isi`, `taliban` and `imran-khan`; the Taliban's aliases can be changed. */
export function threeActorsYaml(talibanAliases: string[] = ['Taliban']): string {
  return fixtureFile('three-actors', 'annotations/actors.yaml').replace('aliases: [Taliban]', `aliases: [${talibanAliases.join(', ')}]`);
}
