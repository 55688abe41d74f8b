import { doubleQuoted, isPlainSafe } from '../edits/scalarRendering';
import { yamlScalar } from '../edits/yamlEdits';

/**
 * Writing the workspace files of a DNA import: block YAML, one field per
 * line, every string through `yamlScalar` (plain where that reads back the
 * same, else double-quoted with escapes), so that any value DNA holds,
 * line breaks and quotes included, reads back exactly.
 */

/** A field: a string, a list of strings (flow style), a mapping of strings, or a list of mappings. */
export type YamlField = [key: string, value: string | readonly string[] | readonly (readonly [string, string])[] | { items: readonly (readonly YamlField[])[] } | undefined];

/** The lines of one mapping at `indent`, the first prefixed by `first` (e.g. `- `); absent values and empty lists are left out. */
export function yamlMapping(fields: readonly YamlField[], indent: number, first = ''): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  for (const [key, value] of fields) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const lead = lines.length === 0 ? pad.slice(first.length) + first : pad;
    if (typeof value === 'object' && 'items' in value) {
      if (value.items.length === 0) continue;
      lines.push(`${lead}${key}:`);
      for (const item of value.items) lines.push(...yamlMapping(item, indent + 4, '- '));
    } else if (typeof value === 'string') {
      lines.push(`${lead}${key}: ${yamlScalar(value)}`);
    } else if (typeof value[0] === 'string') {
      lines.push(`${lead}${key}: [${(value as readonly string[]).map((item) => (isPlainSafe(item, true) ? item : doubleQuoted(item))).join(', ')}]`);
    } else {
      lines.push(`${lead}${key}:`);
      for (const [subKey, subValue] of value as readonly (readonly [string, string])[]) lines.push(`${pad}  ${yamlScalar(subKey)}: ${yamlScalar(subValue)}`);
    }
  }
  return lines;
}

/** A list field whose items are mappings. */
export function yamlList(key: string, items: readonly (readonly YamlField[])[]): string {
  if (items.length === 0) return `${key}:\n`;
  return `${key}:\n${items.map((item) => yamlMapping(item, 4, '- ').join('\n')).join('\n')}\n`;
}

