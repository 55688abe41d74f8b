import type { Located } from './model';
import { normalizeForMatch } from './normalizeText';

/** The normalised key of each alias value, kept as long as its parsed file: the registry computes it (a step at a time), the alias checks find it. */
const keyOfAlias = new WeakMap<Located<string>, string>();

/** The key an alias matches by: its value normalised as the texts are, trimmed. Normalising thousands of long aliases once per use was the cost. */
export function aliasKey(alias: Located<string>): string {
  let key = keyOfAlias.get(alias);
  if (key === undefined) keyOfAlias.set(alias, (key = normalizeForMatch(alias.value).trim()));
  return key;
}
