// The small workspace many CLI tests start from: an article in which the ISI,
// the Taliban and Imran Khan are mentioned, and an actors file defining them.

/** An article mentioning all three actors, with typographic quotes. */
export function threeActorsArticle(): string {
  return 'The ISI backs the Taliban.\nImran Khan said the Taliban are “normal civilians.”\n';
}

/** An actors file defining `isi`, `taliban` and `imran-khan`; the Taliban's aliases can be changed. */
export function threeActorsYaml(talibanAliases: string[] = ['Taliban']): string {
  return `actors:
  - id: isi
    name: Inter-Services Intelligence
    kind: intelligence-agency
    aliases: [ISI]
  - id: taliban
    name: Taliban
    kind: armed-group
    aliases: [${talibanAliases.join(', ')}]
  - id: imran-khan
    name: Imran Khan
    kind: person
    aliases: [Imran Khan]
`;
}
