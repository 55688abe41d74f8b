import type { Node, Pair } from 'yaml';
import { isScalar } from './yamlGuards';
import { emptyList, sharedIfEmpty } from '../emptyList';
import type { AttributeDef } from '../model';
import { spanOf, type FieldEntry, type YamlFieldReader } from './yamlFields';

/**
 * An `attributes:` mapping: free keys, each with one scalar value (text,
 * number or boolean, kept as written). It holds data the format has no field
 * for, such as the source and section of a text imported from DNA. Lists and
 * mappings as values are reported and skipped; the rest is still read.
 */
export function readAttributes(reader: YamlFieldReader, entry: FieldEntry | undefined): AttributeDef[] {
  if (!entry) return emptyList();
  const node = reader.resolve(entry.value, '`attributes`');
  if (!node || (isScalar(node) && (node.value === null || node.value === ''))) return emptyList();
  const map = reader.mapping(node, '`attributes`');
  if (!map) return emptyList();
  const attributes: AttributeDef[] = [];
  for (const pair of map.items as Pair<Node | null, Node | null>[]) {
    const keyNode = pair.key;
    if (!keyNode || !isScalar(keyNode) || keyNode.value === null || keyNode.value === '') {
      if (keyNode) reader.report(spanOf(keyNode), 'invalid-value', '`attributes`: each key must be a plain name, such as `source:`.');
      continue;
    }
    const key = { value: String(keyNode.source ?? keyNode.value), range: spanOf(keyNode) };
    const value = reader.string({ key: key.value, keyRange: key.range, value: pair.value ?? undefined, range: key.range }, `the attribute \`${key.value}\``, { freeText: true });
    if (value) attributes.push({ key, value });
  }
  return sharedIfEmpty(attributes);
}
