/** Words that carry no meaning in a generated id. */
const STOP_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'into', 'about',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'it', 'its', 'this', 'that', 'these', 'those',
  'their', 'they', 'them', 'he', 'she', 'his', 'her', 'not', 'no', 's', 't',
]);

/** The ASCII words of a phrase, lower-cased: "Taliban’s “normal civilians.”" → ["taliban", "s", "normal", "civilians"]. */
export function idWords(phrase: string): string[] {
  return phrase
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** A kebab-case id for a name: "Inter-Services Intelligence (ISI)" → "inter-services-intelligence-isi". */
export function idFromName(name: string): string {
  return idWords(name).join('-').slice(0, 60).replace(/-+$/, '');
}

/**
 * The first few meaningful words of a quote, as an id part: "the Taliban
 * are “not a military outfit”" → "taliban-military-outfit". Words in `skip`
 * (such as the claimant's id, which the id starts with) are left out.
 */
export function idFromQuote(quote: string, maxWords = 4, skip: readonly string[] = []): string {
  const words = idWords(quote);
  const meaningful = words.filter((word) => !STOP_WORDS.has(word) && !skip.includes(word));
  return (meaningful.length > 0 ? meaningful : words).slice(0, maxWords).join('-');
}

/** `base`, or `base-2`, `base-3`, … : the first that `taken` does not hold. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
